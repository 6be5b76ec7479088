"""The month calendar: an accessible table of weeks, filters, month navigation, bad input, two queries a month."""

import calendar
import re
from datetime import date, datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext

from events.models import Event
from events.views import MONTH_DATES_PER_DAY
from tests.events.factories import EventFactory, VenueFactory, bulk_events, category

MONTH = reverse("events:month")
# Shell (department, footer pages, mourning notice), the form's category and venue choices, the month's dates,
# the running ones.
MONTH_QUERIES = 7
POLISH_WEEKDAYS = ["Poniedziałek", "Wtorek", "Środa", "Czwartek", "Piątek", "Sobota", "Niedziela"]


def next_month_start() -> date:
    today = timezone.localdate()
    return (today.replace(day=28) + timedelta(days=4)).replace(day=1)


def month_query(first: date, **filters) -> dict:
    return {"rok": first.year, "miesiac": first.month, **filters}


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def listed_titles(response) -> list[str]:
    return [
        occurrence.event.title
        for week in response.context["weeks"]
        for cell in week
        if cell.get("entry")
        for occurrence in cell["entry"].occurrences
    ]


def body(response) -> str:
    return response.content.decode()


@pytest.fixture
def venue(db):
    return VenueFactory(name="Dom Kultury Wirek")


def test_month_is_a_table_with_caption_and_polish_weekday_headers_monday_first(client, db):
    response = client.get(MONTH, {"rok": 2026, "miesiac": 12})
    assert response.status_code == 200
    html = body(response)
    table = html[html.index('<table class="month-grid">') : html.index("</table>")]
    assert re.search(r"<caption[^>]*>Grudzień 2026</caption>", table)
    headers = re.findall(r'<th scope="col">([^<]+)</th>', table)
    assert headers == POLISH_WEEKDAYS
    # December 2026 starts on a Tuesday: the first cell is an empty Monday (30 November).
    weeks = response.context["weeks"]
    assert weeks[0][0] == {"day": date(2026, 11, 30), "outside": True}
    assert weeks[0][1]["day"] == date(2026, 12, 1)
    assert table.count('<time datetime="2026-12-') == 31
    assert len(weeks) == 5


def test_defaults_to_the_current_month(client, db):
    today = timezone.localdate()
    response = client.get(MONTH)
    assert response.context["month"] == today.replace(day=1)
    html = body(response)
    assert 'aria-current="date"' in html
    assert f'<time datetime="{today.isoformat()}">' in html
    assert f"({gettext('today')})" in html


@pytest.mark.parametrize(
    "query",
    [
        {"rok": "1999", "miesiac": "12"},
        {"rok": "2101", "miesiac": "1"},
        {"rok": "2026", "miesiac": "13"},
        {"rok": "2026", "miesiac": "0"},
        {"rok": "dwa", "miesiac": "1"},
        {"rok": "2026"},
        {"miesiac": "5"},
        {"rok": "9" * 5000, "miesiac": "1"},
        {"rok": "２０２６", "miesiac": "1"},
        {"rok": "-2026", "miesiac": "1"},
    ],
)
def test_invalid_month_shows_the_current_month_with_a_message(client, db, query):
    response = client.get(MONTH, query)
    assert response.status_code == 200
    assert response.context["month"] == timezone.localdate().replace(day=1)
    assert gettext("There is no such month in the calendar; showing the current month.") in body(response)


def test_previous_and_next_links_keep_the_filters(client, db):
    response = client.get(MONTH, {"rok": 2026, "miesiac": 1, "kategoria": "teatr"})
    html = body(response)
    assert 'href="?kategoria=teatr&amp;rok=2025&amp;miesiac=12" rel="prev"' in html
    assert 'href="?kategoria=teatr&amp;rok=2026&amp;miesiac=2" rel="next"' in html
    # The filter form keeps the month shown, and "clear" keeps it too.
    assert '<input type="hidden" name="rok" value="2026">' in html
    assert '<input type="hidden" name="miesiac" value="1">' in html
    assert f'href="{MONTH}?rok=2026&amp;miesiac=1">{gettext("Clear filters")}</a>' in html
    assert f'href="{reverse("events:feed_ical")}?kategoria=teatr"' in html


def test_no_links_beyond_the_calendar_range(client, db):
    last, first = (
        body(client.get(MONTH, {"rok": 2100, "miesiac": 12})),
        body(client.get(MONTH, {"rok": 2000, "miesiac": 1})),
    )
    assert 'rel="next"' not in last
    assert 'rel="prev"' in last
    assert 'rel="prev"' not in first
    assert 'rel="next"' in first


def test_each_day_lists_its_dates_as_links_with_markers(client, venue):
    first = next_month_start()
    EventFactory(title="Koncert w piątek", venue=venue, dates=[(local(first + timedelta(4), 18), None)])
    EventFactory(
        title="Odwołany spektakl",
        venue=venue,
        status=Event.Status.CANCELLED,
        dates=[(local(first + timedelta(4), 20), None)],
    )
    response = client.get(MONTH, month_query(first))
    html = body(response)
    assert listed_titles(response) == ["Koncert w piątek", "Odwołany spektakl"]
    assert 'href="/wydarzenia/koncert-w-piatek/">Koncert w piątek</a>' in html
    assert f'status-badge--cancelled">{pgettext("event", "Cancelled")}</strong>' in html


def test_a_busy_day_shows_the_first_dates_and_links_to_the_rest(client, venue):
    first = next_month_start()
    busy = first + timedelta(days=9)
    bulk_events(MONTH_DATES_PER_DAY + 3, venue=venue, start=busy, days=1)
    response = client.get(MONTH, month_query(first, kategoria="", miejsce=venue.slug))
    cell = next(cell for week in response.context["weeks"] for cell in week if cell["day"] == busy)
    assert len(cell["entry"].occurrences) == MONTH_DATES_PER_DAY
    assert cell["entry"].total == MONTH_DATES_PER_DAY + 3
    expected = f"{reverse('events:occurrence_list')}?miejsce={venue.slug}&od={busy}&do={busy}"
    assert cell["more_url"] == expected
    assert f'href="{expected.replace("&", "&amp;")}"' in body(response)


def test_filters_apply_to_the_month(client, venue):
    first = next_month_start()
    # Fixed texts: a random lead could contain "konce…" (e.g. "koncepcja") and match the search.
    fixed = {"venue": venue, "lead": "Wieczór w domu kultury.", "organiser_name": "Dom Kultury Wirek"}
    EventFactory(title="Spektakl", category=category("teatr"), dates=[(local(first, 19), None)], **fixed)
    EventFactory(title="Koncert", category=category("koncerty"), dates=[(local(first, 18), None)], **fixed)
    assert listed_titles(client.get(MONTH, month_query(first, kategoria="teatr"))) == ["Spektakl"]
    assert listed_titles(client.get(MONTH, month_query(first, q="koncert"))) == ["Koncert"]
    bad = client.get(MONTH, month_query(first, kategoria="nie-ma", od="99999-01-01"))
    assert bad.status_code == 200
    assert listed_titles(bad) == ["Koncert", "Spektakl"]
    assert 'class="error-summary"' in body(bad)


def test_past_days_of_the_month_are_shown_too(client, venue):
    today = timezone.localdate()
    earlier = today.replace(day=1) - timedelta(days=20)
    EventFactory(title="Było", venue=venue, dates=[(local(earlier, 18), None)])
    assert listed_titles(client.get(MONTH, month_query(earlier.replace(day=1)))) == ["Było"]


def test_events_running_into_the_month_are_listed_below_the_table(client, venue):
    first = next_month_start()
    dates = [(local(first - timedelta(days=10), 10), local(first + timedelta(5), 18))]
    EventFactory(title="Wystawa", venue=venue, dates=dates)
    response = client.get(MONTH, month_query(first))
    assert [o.event.title for o in response.context["continuing"]] == ["Wystawa"]
    assert gettext("Started earlier and still on") in body(response)


@pytest.mark.parametrize("status", [Event.Status.DRAFT, Event.Status.SUBMITTED])
def test_drafts_never_appear_in_the_month(client, venue, status):
    first = next_month_start()
    EventFactory(title="Szkic", venue=venue, status=status, dates=[(local(first + timedelta(2), 18), None)])
    EventFactory(title="Koncert w parku", venue=venue, dates=[(local(first + timedelta(2), 18), None)])
    response = client.get(MONTH, month_query(first))
    assert listed_titles(response) == ["Koncert w parku"]
    assert "Szkic" not in body(response)


@pytest.mark.parametrize("size", [20, 2000])
def test_month_query_count_does_not_grow_with_events(client, venue, django_assert_num_queries, size):
    first = next_month_start()
    days = calendar.monthrange(first.year, first.month)[1]
    bulk_events(size, venue=venue, start=first, days=days)
    with django_assert_num_queries(MONTH_QUERIES):
        response = client.get(MONTH, month_query(first))
    shown = listed_titles(response)
    assert len(shown) == min(size, days * MONTH_DATES_PER_DAY)


def test_the_month_reads_dates_in_two_queries(client, venue):
    """One query for the dates starting in the month (capped per day), one for those running into it."""
    first = next_month_start()
    bulk_events(200, venue=venue, start=first, days=28)
    with CaptureQueriesContext(connection) as queries:
        client.get(MONTH, month_query(first))
    reads = [q["sql"] for q in queries.captured_queries if '"events_eventoccurrence"' in q["sql"]]
    assert len(reads) == 2
