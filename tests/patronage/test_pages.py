"""The duty's public pages and its role group: the register of patronages, the symbols page, who decides.

DOMAIN.md §E.1: a public register of granted patronages (event, organiser, dates); §E.2: the symbols and their
rules. Only the patronage group decides; every other group may read.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from core.roles import HEAD_OF_DEPARTMENT_GROUP, SECTIONS, sync_roles
from patronage.models import PatronageApplication
from tests.helpers import close_response, workflow
from tests.patronage.conftest import PATRONAGE_GROUP, PRESS_GROUP, REGISTER_URL, SYMBOLS_URL
from tests.patronage.factories import make_application, make_granted

pytestmark = pytest.mark.django_db
Status = PatronageApplication.Status


def test_the_register_lists_granted_patronages_only(client):
    granted = make_granted(clerk=None)
    hidden = make_granted(clerk=None, publish=False)
    pending = make_application()
    page = client.get(REGISTER_URL).content.decode()
    assert granted.event_name in page
    assert granted.organiser_name in page
    assert hidden.event_name not in page
    assert pending.event_name not in page
    assert f'id="patronat-{granted.pk}"' in page


def test_the_register_filters_by_year_and_ignores_junk(client):
    granted = make_granted(clerk=None, days_ahead=1)
    other = make_granted(clerk=None, days_ahead=400)
    year = granted.starts_on.year
    page = client.get(REGISTER_URL, {"rok": year}).content.decode()
    assert granted.event_name in page
    assert other.event_name not in page
    # a year with no patronage is ignored: the whole register
    assert other.event_name in client.get(REGISTER_URL, {"rok": year - 5}).content.decode()
    assert client.get(REGISTER_URL, {"rok": "abc", "page": "xyz"}).status_code == 200


@pytest.mark.parametrize("rows", [3, 30])
def test_the_register_reads_a_constant_number_of_queries(client, django_assert_max_num_queries, rows):
    for _ in range(rows):
        make_granted(clerk=None)
    # the shell (with the mourning notice), the register's page, its count, and the metryczka's versions
    with django_assert_max_num_queries(10):
        assert client.get(REGISTER_URL).status_code == 200


def test_the_register_is_paginated(client):
    for _ in range(26):
        make_granted(clerk=None)
    first = client.get(REGISTER_URL)
    assert len(first.context["page_obj"].object_list) == 25
    assert 'rel="next"' in first.content.decode()
    assert len(client.get(REGISTER_URL, {"page": 2}).context["page_obj"].object_list) == 1


def test_the_symbols_page_shows_the_rules_and_the_form(client):
    page = client.get(SYMBOLS_URL).content.decode()
    assert reverse("patronage:symbol_request_create") in page
    assert "#1D4F91" in page


def test_the_overview_and_the_forms_answer(client):
    for name in ("overview", "application_create", "symbol_request_create"):
        assert client.get(reverse(f"patronage:{name}")).status_code == 200


def test_the_search_finds_a_granted_patronage(client):
    granted = make_granted(clerk=None, event_name="Jarmark Bożonarodzeniowy w Nowym Bytomiu")
    make_application(event_name="Jarmark Wielkanocny w Nowym Bytomiu")
    page = client.get(reverse("core:search"), {"q": "jarmark"}).content.decode()
    assert granted.get_absolute_url() in page
    assert "Wielkanocny" not in page


def test_the_sitemap_lists_the_pages(client):
    body = client.get("/sitemap.xml").content.decode()
    assert "/patronat/rejestr/" in body
    assert "/symbole-miasta/" in body


def test_only_the_patronage_group_decides_and_every_other_group_reads(make_clerk):
    sync_roles()
    for section in SECTIONS:
        group = Group.objects.get(name=section.group_name)
        codenames = set(
            group.permissions.filter(content_type__app_label="patronage").values_list("codename", flat=True)
        )
        if section.code == "patronage":
            assert {"view_patronageapplication", "change_patronageapplication", "change_symboluserequest"} <= codenames
        else:
            assert codenames == {"view_patronageapplication", "view_symboluserequest"}, section.code
    head = Group.objects.get(name=HEAD_OF_DEPARTMENT_GROUP)
    assert head.permissions.filter(codename="view_patronageapplication").exists()
    assert not head.permissions.filter(codename="change_patronageapplication").exists()


def test_a_clerk_of_another_group_reads_the_case_but_cannot_grant(clerk_client):
    application = make_application()
    press = clerk_client(groups=[PRESS_GROUP])
    change_url = reverse("admin:patronage_patronageapplication_change", args=[application.pk])
    assert press.get(change_url).status_code == 200
    workflow(press, application, "grant", expect=403)
    assert application.status == Status.RECEIVED
    patronage = clerk_client(groups=[PATRONAGE_GROUP])
    workflow(patronage, application, "grant")
    assert application.status == Status.GRANTED


def file_set(*, published: bool, page="symbols", files=1):
    from django.core.files.base import ContentFile

    from patronage.models import FileSet, FileSetFile
    from tests.core.upload_corpus import valid_pdf

    n = FileSet.objects.count() + 1
    made = FileSet.objects.create(
        title=f"Zestaw {n}", slug=f"zestaw-{n}", page=page, is_published=published, rules="Bez zmian barw."
    )
    for i in range(files):
        attachment = FileSetFile(file_set=made, title=f"Plik {n}.{i}")
        attachment.file.save("plik.pdf", ContentFile(valid_pdf()), save=False)
        attachment.save()
    return made


def test_the_approved_files_are_downloadable_only_while_published(client):
    shown = file_set(published=True)
    hidden = file_set(published=False)
    page = client.get(SYMBOLS_URL).content.decode()
    shown_file, hidden_file = shown.files.get(), hidden.files.get()
    assert shown_file.get_absolute_url() in page
    assert "Bez zmian barw." in page
    assert hidden.title not in page
    response = client.get(shown_file.get_absolute_url())
    close_response(response)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert client.get(hidden_file.get_absolute_url()).status_code == 404


def test_the_patronage_logo_is_on_the_overview(client):
    logo = file_set(published=True, page="patronage")
    assert logo.title in client.get(reverse("patronage:overview")).content.decode()
    assert logo.title not in client.get(SYMBOLS_URL).content.decode()


@pytest.mark.parametrize("sets", [1, 6])
def test_the_symbols_page_reads_a_constant_number_of_queries(client, django_assert_max_num_queries, sets):
    for _ in range(sets):
        file_set(published=True, files=3)
    with django_assert_max_num_queries(6):
        assert client.get(SYMBOLS_URL).status_code == 200


@pytest.mark.parametrize(
    ("label", "public"),
    [
        ("patronage.patronageapplication", True),
        ("patronage.fileset", True),
        ("patronage.filesetfile", True),
        ("patronage.symboluserequest", False),
        ("patronage.symbolmisusereport", False),
    ],
)
def test_a_change_to_what_the_public_pages_show_ends_the_kept_pages(label, public):
    from django.apps import apps

    from core import page_cache

    assert page_cache.is_public_model(apps.get_model(label)) is public
