"""The calendar's public pages in Chromium: axe-core finds nothing, no sideways scrolling, filters by keyboard.

The tests only read: they share the seeded demo content (read_only_site_url) and a few events of this module,
made once through the factories: a venue with accessibility features, a highlighted paid concert with a programme
in PDF, a cancelled and a moved date, a cancelled play and a running exhibition, so the markers, badges,
attachments and the "started earlier" group are on the pages.
"""

from datetime import timedelta
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import pgettext

from core.uploads import PDF, random_upload_name
from events.models import District, Event, EventAttachment
from events.services import occurrence_cancel, occurrence_move
from tests.core.upload_corpus import valid_pdf
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import goto
from tests.e2e.test_keyboard import press_tab_until
from tests.e2e.test_layout import VIEWPORTS
from tests.events.factories import EventFactory, PaidEventFactory, VenueFactory, at, category

LIST = reverse("events:occurrence_list")


@pytest.fixture
def calendar_site(read_only_site_url, read_only_extras):
    """The live server's URL with this module's events, made once in the shared seed; (site_url, {name: path})."""
    return read_only_site_url, read_only_extras("calendar", calendar_events)


def calendar_events():
    """This module's events; returns {page name: path}."""
    venue = VenueFactory(
        name="Sala widowiskowa Testowego Domu Kultury",
        street_address="ul. Niedurnego 69",
        postal_code="41-709",
        district=District.NOWY_BYTOM,
        step_free_entry=True,
        accessible_toilet=True,
        induction_loop=True,
        quiet_space=True,
        disabled_parking=True,
        accessibility_notes="Winda przy wejściu od ul. Niedurnego.",
        latitude=Decimal("50.293600"),
        longitude=Decimal("18.855700"),
    )
    concert = PaidEventFactory(
        title="Testowy koncert noworoczny z bardzo długim tytułem, który musi się zawinąć na wąskim ekranie",
        venue=venue,
        category=category("koncerty"),
        for_seniors=True,
        for_families=True,
        for_children=True,
        sign_language_interpreter=True,
        audio_description=True,
        registration_url="https://mck.rudaslaska.pl/zapisy",
        capacity=350,
        co_organised_by_city=True,
        is_highlighted=True,
        dates=[(at(1, 18), at(1, 20)), (at(2, 18), at(2, 20)), (at(3, 18), at(3, 20)), (at(-5, 18), at(-5, 20))],
    )
    programme = EventAttachment(event=concert, title="Program koncertu z nazwiskami solistów")
    programme.file.save(random_upload_name(PDF), ContentFile(valid_pdf()), save=False)
    programme.save()
    _past, first, second, _third = concert.occurrences.order_by("starts_at")
    occurrence_cancel(occurrence=first, acting_user=None, note="Choroba dyrygenta.")
    occurrence_move(occurrence=second, starts_at=at(4, 19), ends_at=at(4, 21), acting_user=None, note="Nowa godzina.")
    EventFactory(
        title="Testowy spektakl odwołany", venue=venue, category=category("teatr"), status=Event.Status.CANCELLED
    )
    EventFactory(title="Testowa wystawa", venue=venue, category=category("wystawy"), dates=[(at(-10, 10), at(30, 18))])
    month = timezone.localdate() + timedelta(days=1)
    return {
        "home": "/",
        "list": LIST,
        "list-filtered": f"{LIST}?kategoria=koncerty&dostepnosc=bez-barier&dostepnosc=pjm&bezplatne=",
        "list-errors": f"{LIST}?od=99999-01-01&kategoria=nie-ma",
        "month": f"{reverse('events:month')}?rok={month.year}&miesiac={month.month}",
        "event": concert.get_absolute_url(),
        "venue": venue.get_absolute_url(),
        "archive": reverse("events:archive"),
    }


PAGES = ["home", "list", "list-filtered", "list-errors", "month", "event", "venue", "archive"]


@pytest.mark.parametrize("name", PAGES)
def test_calendar_page_has_no_axe_violations(name, calendar_site, page):
    """axe-core finds no WCAG 2.0/2.1/2.2 level A or AA violation (desktop width)."""
    site_url, paths = calendar_site
    goto(page, site_url + paths[name])
    assert_no_axe_violations(page)


@pytest.mark.parametrize("name", ["month", "list-filtered"])
def test_narrow_layouts_have_no_axe_violations(name, calendar_site, new_page):
    """The month table shown as a list at 320 px (and the filters) still pass axe-core."""
    site_url, paths = calendar_site
    page = new_page(**VIEWPORTS["320px"])
    goto(page, site_url + paths[name])
    assert_no_axe_violations(page)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", ["list", "list-filtered", "month", "event", "venue", "archive"])
def test_calendar_page_does_not_scroll_horizontally(name, viewport, calendar_site, new_page):
    """At 320 CSS px and at 200 % zoom the page fits its width (WCAG 1.4.10)."""
    site_url, paths = calendar_site
    page = new_page(**VIEWPORTS[viewport])
    goto(page, site_url + paths[name])
    assert_no_horizontal_scrolling(page)


def test_month_table_becomes_a_list_of_event_days_on_a_narrow_screen(calendar_site, new_page):
    site_url, paths = calendar_site
    page = new_page(**VIEWPORTS["320px"])
    goto(page, site_url + paths["month"])
    day_with_events = page.locator(
        "td.month-grid__day:not(.month-grid__day--empty):not(.month-grid__day--outside)"
    ).first
    assert day_with_events.evaluate("el => getComputedStyle(el).display") == "block"
    assert day_with_events.is_visible()
    assert page.locator("td.month-grid__day--outside").first.is_hidden()
    wide = new_page()
    goto(wide, site_url + paths["month"])
    assert wide.locator("table.month-grid td").first.evaluate("el => getComputedStyle(el).display") == "table-cell"
    assert (
        wide.locator("td.month-grid__day--empty").count() == 0
        or wide.locator("td.month-grid__day--empty").first.is_visible()
    )
    assert wide.locator("table.month-grid th[scope=col]").count() == 7


def test_filter_form_can_be_used_with_the_keyboard_only(calendar_site, page):
    """Tab to the search box and type, choose a category with the arrow keys, open "More filters" with
    Enter, tick an accessibility box with Space, then send with Enter on "Filter": the list is filtered."""
    site_url, _paths = calendar_site
    goto(page, site_url + LIST)
    press_tab_until(page, lambda el: el["id"] == "id_q")
    page.keyboard.type("koncert")
    press_tab_until(page, lambda el: el["id"] == "id_kategoria")
    page.keyboard.press("ArrowDown")  # the first category after "all categories": Koncerty
    assert page.locator("#id_kategoria").input_value() == "koncerty"
    press_tab_until(page, lambda el: el["tag"] == "summary")
    page.keyboard.press("Enter")
    assert page.locator("details.filters__more").get_attribute("open") is not None
    press_tab_until(page, lambda el: el["id"] == "id_dostepnosc_0")
    page.keyboard.press("Space")
    assert page.locator("#id_dostepnosc_0").is_checked()
    press_tab_until(page, lambda el: el["type"] == "submit" and el["form"] == LIST)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "q=koncert" in url)

    query = parse_qs(urlsplit(page.url).query)
    assert query["q"] == ["koncert"]
    assert query["kategoria"] == ["koncerty"]
    assert query["dostepnosc"] == ["bez-barier"]
    titles = page.locator(".occurrence__title a").all_inner_texts()
    assert titles
    assert any(title.startswith("Testowy koncert") for title in titles)
    assert page.locator("details.filters__more").get_attribute("open") is not None
    # The focus order reached the filters without a trap: the search box keeps the typed phrase.
    assert page.locator("#id_q").input_value() == "koncert"


def test_clear_filters_link_is_reachable_and_resets_the_list(calendar_site, page):
    site_url, paths = calendar_site
    goto(page, site_url + paths["list-filtered"])
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('.filters__actions a')"):
            break
    else:
        pytest.fail("the clear-filters link was not reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path == LIST and urlsplit(url).query == "")
    assert page.locator("#id_kategoria").input_value() == ""


def test_event_page_json_ld_runs_under_the_real_csp_without_errors(calendar_site, new_page):
    """The JSON-LD data block is not a script the CSP blocks: no console error on the calendar's pages."""
    site_url, paths = calendar_site
    page = new_page(bypass_csp=False)
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    for name in ("list", "month", "venue", "event"):
        goto(page, site_url + paths[name])
        # The skip link is positioned by site.css: proof the stylesheet was allowed.
        assert page.locator("a.skip-link").evaluate("el => getComputedStyle(el).position") == "absolute"
    assert page.locator('script[type="application/ld+json"]').count() == 1
    assert problems == []


def test_cancelled_and_moved_dates_say_so_in_text(calendar_site, page):
    """The markers are words (shown in capitals by CSS), not colours alone."""
    site_url, paths = calendar_site
    goto(page, site_url + paths["event"])
    badges = page.locator(".date-list .status-badge").all_inner_texts()
    assert badges == [pgettext("event", "Cancelled").upper(), pgettext("event", "Moved").upper()]
