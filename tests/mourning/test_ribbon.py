"""The black ribbon on every public page (DOMAIN.md §F.6), with the page cache on as in production.

Each page type (a list, a detail, the home page, the department's page, the search, the English site) is read one
second before the mourning starts (kept in the cache), at the start, one second before the end and at the end: the
ribbon and its link to the announcement appear and go exactly then, although the page before was kept.
"""

from datetime import time, timedelta

import pytest
import time_machine
from django.core.cache import caches
from django.test import Client, RequestFactory
from django.utils import timezone, translation

from core import page_cache
from mourning.models import MourningPeriod
from tests.events.factories import EventFactory, at
from tests.mourning.factories import local_midnight, make_period
from tests.press.factories import PressReleaseFactory

RIBBON = 'class="mourning-ribbon"'
SOBER = 'class="is-mourning"'
SECOND = timedelta(seconds=1)


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    caches[settings.PAGE_CACHE_ALIAS].clear()
    yield
    caches[settings.PAGE_CACHE_ALIAS].clear()


def kept(path: str) -> bool:
    request = RequestFactory().get(path)
    language = "en" if path.startswith("/en/") else "pl"
    with translation.override(language):
        key = page_cache.entry_key(request, page_cache.generation())
    return page_cache.page_cache().get(key) is not None


def read(path: str) -> str:
    response = Client().get(path)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.fixture
def public_pages(db):
    """One page of every public type: lists, details, the home page, the department, the search, English."""
    event = EventFactory(title="Koncert kolęd w Szybie Wilson", dates=[(at(4, 18), at(4, 20))])
    release = PressReleaseFactory(title="Program Barbórki 2026")
    return [
        "/",
        "/wydarzenia/",
        "/wydarzenia/miesiac/",
        event.get_absolute_url(),
        f"/miejsca/{event.venue.slug}/",
        "/prasa/",
        release.get_absolute_url(),
        "/rejestr-instytucji-kultury/",
        "/dotacje/",
        "/patronat/rejestr/",
        "/wydzial/",
        "/szukaj/?q=koncert",
        "/en/",
        "/en" + event.get_absolute_url(),
    ]


def test_the_ribbon_appears_at_midnight_of_the_first_day_and_goes_at_midnight_after_the_last(public_pages):
    period = make_period(starts_at=local_midnight(3), ends_at=local_midnight(6))
    announcement = period.get_absolute_url()

    with time_machine.travel(period.starts_at - SECOND, tick=False):
        assert timezone.localtime().time() == time(23, 59, 59)
        for path in public_pages:
            html = read(path)
            assert RIBBON not in html, path
            assert announcement not in html, path
            assert kept(path), path

    with time_machine.travel(period.starts_at, tick=False):
        assert timezone.localtime().time() == time(0, 0, 0)
        for path in public_pages:
            html = read(path)
            assert RIBBON in html, path
            assert f'href="{announcement}"' in html or f'href="/en{announcement}"' in html, path
            assert SOBER in html, path

    with time_machine.travel(period.ends_at - SECOND, tick=False):
        assert all(RIBBON in read(path) for path in public_pages)

    with time_machine.travel(period.ends_at, tick=False):
        for path in public_pages:
            html = read(path)
            assert RIBBON not in html, path
            assert SOBER not in html, path


def test_a_mourning_starting_at_noon_ends_the_kept_pages_at_noon(public_pages):
    """Midnight ends kept pages anyway; a start at noon proves the period's own moments do."""
    noon = local_midnight(3) + timedelta(hours=12)
    period = make_period(starts_at=noon, ends_at=noon + timedelta(hours=6))

    with time_machine.travel(noon - SECOND, tick=False):
        for path in public_pages[:3]:
            assert RIBBON not in read(path)
            assert kept(path)
    with time_machine.travel(noon, tick=False):
        for path in public_pages[:3]:
            assert RIBBON in read(path)
    with time_machine.travel(period.ends_at - SECOND, tick=False):
        assert RIBBON in read(public_pages[0])
        assert kept(public_pages[0])
    with time_machine.travel(period.ends_at, tick=False):
        assert RIBBON not in read(public_pages[0])


def test_the_ribbon_says_what_the_mourning_is_for_and_until_when_and_links_to_the_act(db):
    period = make_period(
        starts_at=local_midnight(-1),
        ends_at=local_midnight(2),
        condolence_book_place="Urząd Miasta, pl. Jana Pawła II 6, hol główny",
        condolence_book_hours="w godzinach pracy urzędu",
    )
    last_day = period.last_day

    html = read("/")
    months = "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia"
    months = months.split()
    until = f"{last_day.day} {months[last_day.month - 1]} {last_day.year}"
    assert f"Żałoba w mieście: dla uczczenia ofiar katastrofy w kopalni Halemba. Do {until} r. włącznie." in html

    page = read(period.get_absolute_url())
    assert "Zarządzenie nr 465/2026 Prezydenta Miasta Ruda Śląska" in page
    assert 'href="https://bip.rudaslaska.pl/zarzadzenia/465-2026"' in page
    assert "Księga kondolencyjna" in page
    assert "Urząd Miasta, pl. Jana Pawła II 6, hol główny" in page


def test_a_period_prepared_ahead_has_no_public_page_until_it_starts(db):
    period = make_period()

    assert Client().get(period.get_absolute_url()).status_code == 404
    with time_machine.travel(period.starts_at, tick=False):
        assert Client().get(period.get_absolute_url()).status_code == 200
    with time_machine.travel(period.ends_at + timedelta(days=30), tick=False):
        assert "Ta żałoba się zakończyła." in read(period.get_absolute_url())


def test_the_admin_has_no_ribbon(admin_client, db):
    make_period(starts_at=local_midnight(-1), kind=MourningPeriod.Kind.NATIONAL)

    assert RIBBON not in admin_client.get("/admin/").content.decode()
    assert RIBBON in read("/")


def test_no_ribbon_and_no_page_class_without_a_period(db):
    html = read("/")
    assert RIBBON not in html
    assert "<body>" in html
