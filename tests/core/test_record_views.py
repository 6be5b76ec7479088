"""The number of views in the metryczka (BIP regulation, DOMAIN.md §J.2): each resident's view counts, a page
served from the page cache too, without renewing the cached pages; clerks, robots and scripts do not count."""

import pytest
from django.core.cache import caches
from django.test import Client

from core import page_cache
from core.models import PublicRecordViews
from tests.helpers import metryczka
from tests.promotion.factories import make_site

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
ROBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    caches[settings.PAGE_CACHE_ALIAS].clear()
    yield
    caches[settings.PAGE_CACHE_ALIAS].clear()


def views_of(site) -> int:
    return (
        PublicRecordViews.objects.filter(kind="tereny-inwestycyjne", record_id=site.pk)
        .values_list("views", flat=True)
        .first()
        or 0
    )


def test_each_residents_view_counts_and_the_metryczka_shows_the_number(settings):
    settings.PAGE_CACHE_ENABLED = False
    site = make_site()
    reader = Client(headers={"user-agent": BROWSER})

    first = reader.get(site.get_absolute_url())
    reader.get(site.get_absolute_url())
    third = reader.get(site.get_absolute_url())

    assert metryczka(first.content.decode())["Liczba wyświetleń"] == "0"
    assert metryczka(third.content.decode())["Liczba wyświetleń"] == "2"
    assert views_of(site) == 3


def test_a_page_from_the_cache_counts_without_renewing_the_cache(page_cache_on):
    site = make_site()
    reader = Client(headers={"user-agent": BROWSER})
    reader.get(site.get_absolute_url())  # rendered and kept
    generation = page_cache.generation()

    responses = [reader.get(site.get_absolute_url()) for _ in range(3)]

    assert views_of(site) == 4
    assert page_cache.generation() == generation
    for response in responses:
        assert "X-Public-Record-View" not in response.headers
        assert metryczka(response.content.decode())["Liczba wyświetleń"] == "0"  # as it was when kept


def test_clerks_robots_and_scripts_do_not_count(client, make_clerk):
    site = make_site()
    clerk = Client(headers={"user-agent": BROWSER})
    clerk.force_login(make_clerk())

    clerk.get(site.get_absolute_url())
    Client(headers={"user-agent": ROBOT}).get(site.get_absolute_url())
    Client(headers={"user-agent": "curl/8.5.0"}).get(site.get_absolute_url())
    client.get(site.get_absolute_url())  # no User-Agent at all
    Client(headers={"user-agent": BROWSER}).head(site.get_absolute_url())

    assert views_of(site) == 0


def test_a_kind_that_does_not_count_views_shows_no_number(client):
    from tests.mourning.factories import local_midnight, make_period

    period = make_period(starts_at=local_midnight(-1))

    page = Client(headers={"user-agent": BROWSER}).get(period.get_absolute_url()).content.decode()

    assert "Liczba wyświetleń" not in metryczka(page)
    assert not PublicRecordViews.objects.exists()
