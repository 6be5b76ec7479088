"""The public site shell: home, the department page, static pages, search, errors, sitemap."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import site_registry
from core.models import DepartmentDuty, StaticPage


@pytest.fixture
def demo(db):
    call_command("seed_demo", "--without-events", "--allow-outside-debug", stdout=io.StringIO())


@pytest.mark.django_db
def test_home_page_is_polish_with_landmarks(client, demo):
    body = client.get("/").content.decode()
    assert '<html lang="pl">' in body
    assert 'href="#main"' in body
    assert "Przejdź do treści" in body
    for landmark in ("<main", "<nav", "<footer"):
        assert landmark in body
    assert "Wydział Kultury, Komunikacji Społecznej i Promocji Miasta" in body


def test_department_page_lists_the_23_duties_and_contacts(client, demo):
    body = client.get("/wydzial/").content.decode()
    assert DepartmentDuty.objects.count() == 23
    assert body.count("<li>") >= 23
    assert "Krzysztof Piecha" in body
    assert "32 244 90 00 wew. 3250" in body
    assert "Realizacja zadań koordynatora do spraw dostępności." in body


def test_static_page_shows_sanitised_content(client, demo):
    page = StaticPage.objects.create(
        title="Łódź i Ruda", body='<p onclick="x()">Tekst</p><script>alert(1)</script>', is_published=True
    )
    assert page.slug == "lodz-i-ruda"
    body = client.get(page.get_absolute_url()).content.decode()
    assert "<p>Tekst</p>" in body
    assert "alert(1)" not in body
    assert "onclick" not in body


def test_unpublished_page_is_not_found(client, demo):
    page = StaticPage.objects.create(title="Szkic", body="<p>Robocze</p>", is_published=False)
    response = client.get(page.get_absolute_url())
    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.content.decode()


def test_search_finds_published_pages_only(client, demo):
    StaticPage.objects.create(title="Roboczy regulamin konkursu", body="<p>x</p>", is_published=False)
    body = client.get("/szukaj/", {"q": "instytucje kultury"}).content.decode()
    assert "Miejskie instytucje kultury" in body
    assert "Roboczy" not in client.get("/szukaj/", {"q": "regulamin"}).content.decode()


def test_search_finds_other_grammatical_forms(client, demo):
    """A resident typing "kultura" finds the page titled "Miejskie instytucje kultury"."""
    body = client.get("/szukaj/", {"q": "kultura"}).content.decode()
    assert "Miejskie instytucje kultury" in body


def test_search_query_count_does_not_grow_with_pages(client, demo):
    """One query per section of the search (each app adds its own), however many pages match."""
    counts = []
    client.get("/szukaj/", {"q": "kultura"})  # warm what is cached per process
    for more in (0, 30):
        for n in range(more):
            StaticPage.objects.create(title=f"Kultura w dzielnicy {n}", body="<p>x</p>", is_published=True)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/szukaj/", {"q": "kultura"})
        counts.append(len(queries))
    assert "(więcej niż 10)" in response.content.decode()
    # + the shell's three (the department's name and contacts, the mourning notice)
    assert counts[0] == counts[1] == len(site_registry.search_providers()) + 3


def test_search_survives_hostile_input(client, demo):
    for query in ["\x00\x1b", "a" * 10_000, "%' OR 1=1 --", "<script>"]:
        response = client.get("/szukaj/", {"q": query})
        assert response.status_code == 200
        main = response.content.decode().split("<main", 1)[1]
        assert '<h1 class="page__title">Szukaj</h1>' in main
        assert "<script>" not in main


def test_english_version_lives_under_en(client, demo):
    body = client.get("/en/wydzial/").content.decode()
    assert '<html lang="en">' in body
    assert "Duties of the department" in body
    assert 'href="/wydzial/"' in body  # the switch back to Polish


def test_sitemap_and_robots(client, demo):
    sitemap = client.get("/sitemap.xml").content.decode()
    for path in ("/wydzial/", "/strony/kontakt/", "/en/wydzial/"):
        assert path in sitemap
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in robots.content.decode()
    assert "admin" not in robots.content.decode()


def test_seed_demo_is_idempotent(demo):
    counts = (DepartmentDuty.objects.count(), StaticPage.objects.count())
    call_command("seed_demo", "--without-events", "--allow-outside-debug", stdout=io.StringIO())
    assert (DepartmentDuty.objects.count(), StaticPage.objects.count()) == counts


def test_server_error_page_renders_without_the_database():
    from core.views import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert "wystąpił błąd serwera" in response.content.decode()
