"""Feeds and open data of the events calendar: iCalendar, RSS/Atom, JSON and CSV of the filtered list.

The iCalendar files are read back with vobject, a parser independent of the icalendar library that
writes them, and the RSS/Atom feeds with feedparser and xml.etree.
"""

import csv
import html
import io
import json
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from types import SimpleNamespace
from xml.etree import ElementTree

import feedparser
import pytest
import vobject
from dateutil import tz
from django.urls import reverse
from django.utils import timezone

from events.feeds import ROW_LIMIT, RSS_LIMIT
from events.ical import WARSAW, warsaw_vtimezone
from events.models import Category, Event, EventOccurrence, Venue
from events.services import event_create, occurrence_cancel, occurrence_move

SITE = "https://kultura.rudaslaska.pl"
HOST = "kultura.rudaslaska.pl"
ICAL_LIST = "events:feed_ical"
LIST_ENDPOINTS = ["events:feed_ical", "events:export_json", "events:export_csv", "events:feed_rss", "events:feed_atom"]
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def venue(db):
    return Venue.objects.create(
        name="Dom Kultury „Bykowina”",
        street_address="ul. Niedurnego 69",
        postal_code="41-709",
        district="bykowina",
        latitude=Decimal("50.255123"),
        longitude=Decimal("18.855456"),
        step_free_entry=True,
        induction_loop=True,
    )


@pytest.fixture
def other_venue(db):
    return Venue.objects.create(name="Filia nr 5", street_address="ul. Gwarków 1", district="halemba")


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=WARSAW)


def in_days(days: int, hour: int = 18, minute: int = 0) -> datetime:
    return local(timezone.localdate() + timedelta(days=days), hour, minute)


def autumn_clock_change() -> date:
    """The next last Sunday of October (clocks go back from CEST to CET) at least a week away."""
    today = timezone.localdate()
    year = today.year
    while True:
        last = date(year, 10, 31)
        sunday = last - timedelta(days=(last.weekday() + 1) % 7)
        if sunday - timedelta(days=7) > today:
            return sunday
        year += 1


def make_event(title="Koncert kameralny", *, venue, category="koncerty", dates=None, **fields) -> Event:
    fields.setdefault("status", Event.Status.PUBLISHED)
    fields.setdefault("lead", "Wieczór muzyki kameralnej w domu kultury.")
    fields.setdefault("organiser_name", "Miejskie Centrum Kultury")
    return event_create(
        acting_user=None,
        occurrences=dates or [(in_days(10, 18), in_days(10, 20))],
        title=title,
        category=Category.objects.get(slug=category),
        venue=venue,
        **fields,
    )


def read_calendar(text: str):
    """Parse with vobject, times read with the VTIMEZONE of this very file.

    vobject keeps the first VTIMEZONE it parsed for a TZID in a process-wide table and reads every later
    file with it; forgetting it makes each test check its own file's VTIMEZONE.
    """
    vars(vobject.icalendar)["__tzidMap"].pop("Europe/Warsaw", None)
    return vobject.readOne(text)


def fetch_calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    text = response.content.decode("utf-8")
    return response, text, read_calendar(text)


def vevents(calendar) -> dict:
    return {vevent.uid.value: vevent for vevent in calendar.contents.get("vevent", [])}


def uid(occurrence) -> str:
    return f"occurrence-{occurrence.pk}@{HOST}"


def summaries(calendar) -> set:
    return {vevent.summary.value for vevent in calendar.contents.get("vevent", [])}


# iCalendar
# ------------------------------------------------------------------------------


def test_ical_feed_is_a_publishable_calendar_in_warsaw_time(client, venue):
    make_event(venue=venue)
    response, text, calendar = fetch_calendar(client, reverse(ICAL_LIST))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="wydarzenia-ruda-slaska.ics"'
    assert response["Cache-Control"] == "public, max-age=900"
    assert calendar.version.value == "2.0"
    assert calendar.prodid.value == "-//Urzad Miasta Ruda Slaska//Kalendarz wydarzen//PL"
    assert calendar.calscale.value == "GREGORIAN"
    assert calendar.method.value == "PUBLISH"
    assert calendar.contents["x-wr-calname"][0].value == "Wydarzenia — Ruda Śląska"
    assert calendar.contents["x-wr-timezone"][0].value == "Europe/Warsaw"
    assert [tz.tzid.value for tz in calendar.contents["vtimezone"]] == ["Europe/Warsaw"]
    # The VTIMEZONE comes before the events that use it.
    assert text.index("BEGIN:VTIMEZONE") < text.index("BEGIN:VEVENT")
    assert text.endswith("END:VCALENDAR\r\n")


def test_ical_calendar_name_names_the_filters(client, venue):
    make_event(venue=venue)
    _response, _text, calendar = fetch_calendar(
        client, reverse(ICAL_LIST) + "?kategoria=koncerty&dzielnica=bykowina&bezplatne=on"
    )
    assert calendar.contents["x-wr-calname"][0].value == "Wydarzenia — Ruda Śląska: Koncerty, Bykowina, wstęp wolny"


def test_ical_times_round_trip_across_the_autumn_clock_change(client, venue):
    change = autumn_clock_change()
    saturday = change - timedelta(days=1)
    before = (local(saturday, 20), local(saturday, 22))  # CEST, +02:00
    overnight = (local(saturday, 23, 30), local(change, 4))  # starts in CEST, ends in CET
    after = (local(change + timedelta(days=7), 18), None)  # CET, +01:00, end not known
    event = make_event(venue=venue, dates=[before, overnight, after])
    occurrences = list(event.occurrences.order_by("starts_at"))

    _response, text, calendar = fetch_calendar(client, reverse(ICAL_LIST))
    found = vevents(calendar)
    assert set(found) == {uid(occurrence) for occurrence in occurrences}
    for occurrence in occurrences:
        vevent = found[uid(occurrence)]
        assert vevent.dtstart.value == occurrence.starts_at
        assert vevent.dtstart.params["X-VOBJ-ORIGINAL-TZID"] == ["Europe/Warsaw"]
        if occurrence.ends_at is None:
            # No end is made up: DTSTART alone means the event ends when it starts (RFC 5545 3.6.1).
            assert "dtend" not in vevent.contents
            assert "duration" not in vevent.contents
        else:
            assert vevent.dtend.value == occurrence.ends_at
            assert vevent.dtend.params["X-VOBJ-ORIGINAL-TZID"] == ["Europe/Warsaw"]

    first, second, third = (found[uid(occurrence)] for occurrence in occurrences)
    assert first.dtstart.value.utcoffset() == timedelta(hours=2)
    assert second.dtend.value.utcoffset() == timedelta(hours=1)
    assert third.dtstart.value.utcoffset() == timedelta(hours=1)
    # 23:30 CEST to 04:00 CET is five and a half hours (the same tzinfo would subtract wall-clock times).
    assert second.dtend.value.astimezone(UTC) - second.dtstart.value.astimezone(UTC) == timedelta(hours=5, minutes=30)
    # Wall-clock times under TZID, not UTC.
    assert f"DTSTART;TZID=Europe/Warsaw:{saturday:%Y%m%d}T200000\r\n" in text
    assert f"DTEND;TZID=Europe/Warsaw:{change:%Y%m%d}T040000\r\n" in text


def wall_times(year: int):
    """Noon of every day of `year`, and every half hour of the days around the last Sundays of March,
    September and October (where Poland has changed its clocks)."""
    day = date(year, 1, 1)
    while day.year == year:
        yield datetime.combine(day, time(12))
        day += timedelta(days=1)
    for month in (3, 9, 10):
        last = (date(year, month, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        sunday = last - timedelta(days=(last.weekday() + 1) % 7)
        for step in range(4 * 48):
            yield datetime.combine(sunday - timedelta(days=2), time()) + step * timedelta(minutes=30)


def offsets_agree_with_the_tz_database(vtimezone, first_year: int, last_year: int) -> None:
    """Wall-clock times, as DTSTART;TZID= gives them, have the offset of the tz database under the VTIMEZONE
    (read by dateutil). Times that do not exist (spring) or exist twice (autumn) in Warsaw are skipped: no
    single answer is right for them.
    """
    zone = tz.tzical(io.StringIO(vtimezone.to_ical().decode())).get("Europe/Warsaw")
    for year in range(first_year, last_year + 1):
        for wall in wall_times(year):
            expected = wall.replace(tzinfo=WARSAW)
            exists = expected.astimezone(UTC).astimezone(WARSAW).replace(tzinfo=None) == wall
            unambiguous = expected.utcoffset() == expected.replace(fold=1).utcoffset()
            if exists and unambiguous:
                assert wall.replace(tzinfo=zone).utcoffset() == expected.utcoffset(), wall


def test_vtimezone_is_the_eu_rule_checked_against_the_tz_database():
    today = timezone.localdate()
    vtimezone = warsaw_vtimezone([], today)
    text = vtimezone.to_ical().decode()
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in text
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in text
    offsets_agree_with_the_tz_database(vtimezone, today.year - 1, today.year + 4)


def test_vtimezone_falls_back_to_the_tz_database_where_the_eu_rule_does_not_hold():
    # In 1995 Poland went back to winter time on the last Sunday of September, not of October.
    old = SimpleNamespace(starts_at=datetime(1995, 9, 1, 10, tzinfo=UTC), ends_at=None)
    vtimezone = warsaw_vtimezone([old], timezone.localdate())
    assert "RRULE" not in vtimezone.to_ical().decode()
    offsets_agree_with_the_tz_database(vtimezone, 1995, 1996)


def test_ical_event_properties(client, venue):
    event = make_event(
        "Koncert „Śląskie brzmienia”",
        venue=venue,
        lead="Orkiestra dęta gra standardy jazzowe.",
        price_kind=Event.PriceKind.PAID,
        price_from=Decimal("20.00"),
    )
    occurrence = event.occurrences.get()
    _response, _text, calendar = fetch_calendar(client, reverse(ICAL_LIST))
    vevent = vevents(calendar)[uid(occurrence)]
    event_url = SITE + event.get_absolute_url()

    assert vevent.url.value == event_url
    assert event_url == f"{SITE}/wydarzenia/{event.slug}/"
    assert vevent.summary.value == "Koncert „Śląskie brzmienia”"
    assert vevent.description.value == f"Orkiestra dęta gra standardy jazzowe.\n\n{event_url}"
    assert vevent.location.value == "Dom Kultury „Bykowina”, ul. Niedurnego 69, 41-709 Ruda Śląska"
    assert vevent.geo.value == "50.255123;18.855456"
    assert vevent.categories.value == ["Koncerty"]
    assert vevent.status.value == "CONFIRMED"
    assert vevent.sequence.value == "0"
    assert vevent.dtstamp.value.utcoffset() == timedelta(0)
    assert vevent.contents["last-modified"][0].value.utcoffset() == timedelta(0)


def test_ical_cancelled_date_and_cancelled_or_postponed_event(client, venue):
    kept, dropped = (in_days(5, 18), None), (in_days(12, 18), None)
    event = make_event("Spektakl", venue=venue, category="teatr", dates=[kept, dropped])
    first, second = event.occurrences.order_by("starts_at")
    occurrence_cancel(occurrence=second, acting_user=None, note="Choroba aktora")

    _response, _text, calendar = fetch_calendar(client, reverse(ICAL_LIST))
    found = vevents(calendar)
    assert found[uid(first)].status.value == "CONFIRMED"
    cancelled = found[uid(second)]
    assert cancelled.status.value == "CANCELLED"
    assert int(cancelled.sequence.value) >= 1
    assert cancelled.summary.value == "ODWOŁANE: Spektakl"
    assert "Choroba aktora" in cancelled.description.value

    Event.objects.filter(pk=event.pk).update(status=Event.Status.CANCELLED)
    _response, _text, calendar = fetch_calendar(client, reverse(ICAL_LIST))
    assert {vevent.status.value for vevent in vevents(calendar).values()} == {"CANCELLED"}

    Event.objects.filter(pk=event.pk).update(status=Event.Status.POSTPONED)
    _response, _text, calendar = fetch_calendar(client, reverse(ICAL_LIST))
    found = vevents(calendar)
    assert found[uid(first)].status.value == "TENTATIVE"
    assert found[uid(first)].summary.value == "PRZEŁOŻONE: Spektakl"
    assert found[uid(second)].status.value == "CANCELLED"


def test_ical_moved_date_keeps_its_uid_with_a_higher_sequence(client, venue):
    event = make_event(venue=venue)
    occurrence = event.occurrences.get()
    _response, _text, calendar = fetch_calendar(client, reverse(ICAL_LIST))
    before = vevents(calendar)[uid(occurrence)]

    new_start, new_end = in_days(20, 19), in_days(20, 21)
    occurrence_move(occurrence=occurrence, starts_at=new_start, ends_at=new_end, acting_user=None, note="Nowy termin")
    _response, _text, calendar = fetch_calendar(client, reverse(ICAL_LIST))
    found = vevents(calendar)

    assert list(found) == [uid(occurrence)]
    after = found[uid(occurrence)]
    assert int(after.sequence.value) > int(before.sequence.value)
    assert after.dtstart.value == new_start
    assert after.dtend.value == new_end
    assert after.status.value == "CONFIRMED"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Koncert za darmo", "Spektakl płatny", "Koncert za miesiąc"}),
        ("?kategoria=koncerty", {"Koncert za darmo", "Koncert za miesiąc"}),
        ("?kategoria=teatr", {"Spektakl płatny"}),
        ("?bezplatne=on", {"Koncert za darmo", "Koncert za miesiąc"}),
        ("?kategoria=teatr&bezplatne=on", set()),
        ("?dzielnica=halemba", {"Spektakl płatny"}),
        ("?miejsce=filia-nr-5", {"Spektakl płatny"}),
        ("?q=spektakl", {"Spektakl płatny"}),
        ("?od={d3}&do={d10}", {"Koncert za darmo", "Spektakl płatny"}),
        ("?od={d8}&do={d10}", {"Spektakl płatny"}),
        ("?do={d5}", {"Koncert za darmo"}),
        ("?od={d25}", {"Koncert za miesiąc"}),
    ],
)
def test_ical_feed_honours_the_list_filters(client, venue, other_venue, query, expected):
    make_event("Koncert za darmo", venue=venue, dates=[(in_days(4, 18), None)])
    make_event(
        "Spektakl płatny",
        venue=other_venue,
        category="teatr",
        price_kind=Event.PriceKind.PAID,
        dates=[(in_days(9, 18), in_days(9, 20))],
    )
    make_event("Koncert za miesiąc", venue=venue, dates=[(in_days(30, 18), None)])
    today = timezone.localdate()
    days = {f"d{n}": (today + timedelta(days=n)).isoformat() for n in (3, 5, 8, 10, 25)}

    _response, _text, calendar = fetch_calendar(client, reverse(ICAL_LIST) + query.format(**days))
    assert summaries(calendar) == expected


def test_feeds_show_dates_to_come_unless_od_asks_for_the_past(client, venue):
    make_event("Już było", venue=venue, dates=[(in_days(-10, 18), in_days(-10, 20))])
    make_event("Trwa jeszcze", venue=venue, dates=[(in_days(-10, 10), in_days(10, 18))])
    make_event("Jeszcze będzie", venue=venue)
    make_event("Zarchiwizowane", venue=venue, status=Event.Status.ARCHIVED, dates=[(in_days(-3, 10), in_days(3, 18))])
    _response, _text, calendar = fetch_calendar(client, reverse(ICAL_LIST))
    assert summaries(calendar) == {"Trwa jeszcze", "Jeszcze będzie"}

    past = (timezone.localdate() - timedelta(days=30)).isoformat()
    _response, _text, calendar = fetch_calendar(client, reverse(ICAL_LIST) + f"?od={past}")
    assert summaries(calendar) == {"Już było", "Trwa jeszcze", "Jeszcze będzie", "Zarchiwizowane"}


def test_ical_escapes_polish_text_commas_and_semicolons_and_folds_long_lines(client, venue):
    title = "Koncert: Chopin, Moniuszko; „Straszny dwór” \\ zażółć gęślą jaźń"
    lead = "Zażółć gęślą jaźń, " * 15 + "koniec; naprawdę."
    event = make_event(title, venue=venue, lead=lead[:300])
    response, text, calendar = fetch_calendar(client, reverse(ICAL_LIST))

    vevent = vevents(calendar)[uid(event.occurrences.get())]
    assert vevent.summary.value == title
    assert vevent.description.value.startswith(lead[:300] + "\n\n")
    assert "Chopin\\, Moniuszko\\; „Straszny dwór” \\\\ zażółć" in text.replace("\r\n ", "")
    lines = response.content.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)  # the long description was folded
    assert b"\n" not in response.content.replace(b"\r\n", b"")


def test_event_ical_has_every_date_of_one_event_as_an_attachment(client, venue):
    event = make_event("Festiwal", venue=venue, dates=[(in_days(-3, 10), None), (in_days(3, 10), None)])
    make_event("Inne wydarzenie", venue=venue)
    response, _text, calendar = fetch_calendar(client, reverse("events:event_ical", kwargs={"slug": event.slug}))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    assert set(vevents(calendar)) == {uid(occurrence) for occurrence in event.occurrences.all()}
    assert calendar.contents["x-wr-calname"][0].value == "Festiwal"
    assert calendar.method.value == "PUBLISH"


# Drafts and bad requests
# ------------------------------------------------------------------------------


def test_drafts_and_unpublished_events_appear_in_no_feed(client, venue):
    make_event("Widoczne wydarzenie", venue=venue, published_at=timezone.now())
    hidden = [
        make_event("Szkic wydarzenia", venue=venue, status=Event.Status.DRAFT),
        make_event("Zgłoszone wydarzenie", venue=venue, status=Event.Status.SUBMITTED),
        make_event("Publikacja jutro", venue=venue, publish_at=timezone.now() + timedelta(days=1)),
    ]
    for name in LIST_ENDPOINTS:
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        body = response.content.decode("utf-8")
        assert "Widoczne wydarzenie" in body, name
        for event in hidden:
            assert event.title not in body, name
            assert event.slug not in body, name
    for event in hidden:
        assert client.get(reverse("events:event_ical", kwargs={"slug": event.slug})).status_code == 404


@pytest.mark.parametrize("name", LIST_ENDPOINTS)
@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("kategoria=nie-ma-takiej", "kategoria"),
        ("miejsce=nigdzie", "miejsce"),
        ("od=wczoraj", "od"),
        ("do=2026-02-30", "do"),
        ("od=99999-01-01", "od"),
        ("od=2026-05-10&do=2026-05-01", "do"),
        ("kiedy=kiedys", "kiedy"),
        ("dzielnica=warszawa", "dzielnica"),
        ("dla=kosmitow", "dla"),
        ("dostepnosc=teleport", "dostepnosc"),
        ("q=" + "x" * 101, "q"),
    ],
)
def test_a_nonsense_filter_is_a_400_with_a_short_reason(client, db, name, query, parameter):
    response = client.get(f"{reverse(name)}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.content.decode() == (
        f"Nieprawidłowe parametry filtrów: {parameter}.\nInvalid filter parameters: {parameter}.\n"
    )


@pytest.mark.parametrize("name", LIST_ENDPOINTS)
def test_ten_thousand_parameters_are_a_400(client, db, name):
    query = "&".join(f"p{number}=1" for number in range(10_000))
    response = client.get(f"{reverse(name)}?{query}")
    assert response.status_code == 400  # TooManyFieldsSent, a SuspiciousOperation: Django answers 400


@pytest.mark.parametrize("name", LIST_ENDPOINTS)
def test_control_characters_do_not_break_the_feeds(client, venue, name):
    make_event("Koncert\x0b w\x01 hali", venue=venue, lead="Opis\x08.")
    response = client.get(reverse(name) + "?q=koncert%01")
    assert response.status_code == 200
    if name in ("events:feed_rss", "events:feed_atom"):
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert [entry.title for entry in parsed.entries] == ["Koncert w hali"]


def test_unknown_parameters_are_ignored(client, venue):
    make_event(venue=venue)
    response = client.get(reverse("events:export_json") + "?utm_source=newsletter&fbclid=abc")
    assert response.status_code == 200
    assert response.json()["count"] == 1


# JSON and CSV
# ------------------------------------------------------------------------------


def open_data_event(venue):
    event = make_event(
        "Warsztaty, ceramika; dla dorosłych",
        venue=venue,
        category="warsztaty",
        lead="Toczenie na kole, szkliwienie.",
        price_kind=Event.PriceKind.PAID,
        price_from=Decimal("25.00"),
        price_to=Decimal("40.50"),
        sign_language_interpreter=True,
        organiser_name='=Pracownia "Glina"',
        dates=[(in_days(6, 17), in_days(6, 19, 30)), (in_days(13, 17), None)],
    )
    first, second = event.occurrences.order_by("starts_at")
    occurrence_cancel(occurrence=second, acting_user=None)
    return event, first, second


def test_json_export(client, venue):
    event, first, second = open_data_event(venue)
    response = client.get(reverse("events:export_json"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'inline; filename="wydarzenia-ruda-slaska.json"'
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(response.content.decode("utf-8"))
    assert "Warsztaty, ceramika" in response.content.decode("utf-8")  # UTF-8, not \u escapes
    assert datetime.fromisoformat(data["generated_at"]).utcoffset() is not None
    assert data["count"] == 2
    assert data["truncated"] is False
    assert data["limit"] == ROW_LIMIT
    item = data["items"][0]
    assert item == {
        "id": first.pk,
        "event_slug": event.slug,
        "title": "Warsztaty, ceramika; dla dorosłych",
        "lead": "Toczenie na kole, szkliwienie.",
        "category": "Warsztaty",
        "category_slug": "warsztaty",
        "start": first.starts_at.astimezone(WARSAW).isoformat(),
        "end": first.ends_at.astimezone(WARSAW).isoformat(),
        "status": "scheduled",
        "venue_name": "Dom Kultury „Bykowina”",
        "street_address": "ul. Niedurnego 69",
        "postal_code": "41-709",
        "district": "Bykowina",
        "district_code": "bykowina",
        "latitude": 50.255123,
        "longitude": 18.855456,
        "free": False,
        "price_from": 25.0,
        "price_to": 40.5,
        "organiser": '=Pracownia "Glina"',
        "url": f"{SITE}/wydarzenia/{event.slug}/",
        "step_free_entry": True,
        "accessible_toilet": False,
        "induction_loop": True,
        "quiet_space": False,
        "disabled_parking": False,
        "sign_language_interpreter": True,
        "audio_description": False,
    }
    assert datetime.fromisoformat(item["start"]) == first.starts_at
    assert item["start"][-6:] in ("+01:00", "+02:00")
    assert data["items"][1]["id"] == second.pk
    assert data["items"][1]["status"] == "cancelled"
    assert data["items"][1]["end"] is None


def test_csv_export(client, venue):
    event, first, second = open_data_event(venue)
    response = client.get(reverse("events:export_csv") + "?kategoria=warsztaty")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8; header=present"
    assert response["Content-Disposition"] == 'attachment; filename="wydarzenia-ruda-slaska.csv"'
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.content.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    text = response.content.decode("utf-8-sig")
    assert text.endswith("\r\n")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [row["id"] for row in rows] == [str(first.pk), str(second.pk)]
    row = rows[0]
    assert row["title"] == "Warsztaty, ceramika; dla dorosłych"
    assert row["start"] == first.starts_at.astimezone(WARSAW).isoformat()
    assert row["free"] == "false"
    assert row["price_from"] == "25.0"
    assert row["latitude"] == "50.255123"
    assert row["step_free_entry"] == "true"
    assert row["url"] == f"{SITE}/wydarzenia/{event.slug}/"
    assert row["organiser"] == '\'=Pracownia "Glina"'  # not a formula in a spreadsheet
    assert rows[1]["status"] == "cancelled"
    assert rows[1]["end"] == ""
    assert '"Warsztaty, ceramika; dla dorosłych"' in text  # RFC 4180 quoting


def test_json_and_csv_are_capped(client, venue):
    bulk_events(ROW_LIMIT + 5, venue)
    data = client.get(reverse("events:export_json")).json()
    assert data["count"] == ROW_LIMIT
    assert data["truncated"] is True
    starts = [item["start"] for item in data["items"]]
    assert starts == sorted(starts)
    response = client.get(reverse("events:export_csv"))
    assert response.content.decode("utf-8-sig").count("\r\n") == ROW_LIMIT + 1


# RSS and Atom
# ------------------------------------------------------------------------------


def rss_events(venue):
    now = timezone.now()
    older = make_event("Starsze wydarzenie", venue=venue, category="wystawy")
    newer = make_event("Rock & Roll, „Śląsk” — zażółć", venue=venue, lead="Koncert <na żywo> & więcej.")
    Event.objects.filter(pk=older.pk).update(published_at=now - timedelta(days=2))
    Event.objects.filter(pk=newer.pk).update(published_at=now - timedelta(hours=1))
    return older, newer


def test_rss_feed(client, venue):
    older, newer = rss_events(venue)
    response = client.get(reverse("events:feed_rss"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert parsed.feed.language == "pl"
    assert parsed.feed.title == "Nowe wydarzenia — Ruda Śląska"
    assert parsed.feed.link == f"{SITE}/wydarzenia/"
    assert [entry.title for entry in parsed.entries] == [newer.title, older.title]
    entry = parsed.entries[0]
    assert entry.link == f"{SITE}{newer.get_absolute_url()}"
    assert entry.id == f"tag:{HOST},2026:wydarzenie-{newer.pk}"
    assert entry.guidislink is False
    assert [tag.term for tag in entry.tags] == ["Koncerty"]
    newer.refresh_from_db()
    assert datetime(*entry.published_parsed[:6], tzinfo=UTC) == newer.published_at.replace(microsecond=0)

    channel = ElementTree.fromstring(response.content).find("channel")  # noqa: S314 — our own response
    for tag in ("title", "link", "description", "language", "lastBuildDate"):
        assert channel.findtext(tag), tag
    assert channel.find(f"{ATOM}link[@rel='self']").get("href") == f"{SITE}/wydarzenia/rss/"
    for item in channel.findall("item"):
        for tag in ("title", "link", "description", "guid", "pubDate", "category"):
            assert item.findtext(tag), tag
    first = channel.find("item")
    assert first.findtext("title") == "Rock & Roll, „Śląsk” — zażółć"
    # The description of RSS (and the summary of Atom) is HTML: the plain-text lead is escaped once more.
    assert first.findtext("description") == "Koncert &lt;na żywo&gt; &amp; więcej."
    assert html.unescape(parsed.entries[0].summary) == "Koncert <na żywo> & więcej."
    assert first.find("guid").get("isPermaLink") == "false"


def test_atom_feed(client, venue):
    older, newer = rss_events(venue)
    response = client.get(reverse("events:feed_atom"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert [entry.title for entry in parsed.entries] == [newer.title, older.title]
    assert html.unescape(parsed.entries[0].summary) == "Koncert <na żywo> & więcej."

    feed = ElementTree.fromstring(response.content)  # noqa: S314 — our own response
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "pl"
    for tag in ("id", "title", "updated"):
        assert feed.findtext(f"{ATOM}{tag}"), tag
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Wydział Kultury UM Ruda Śląska"
    for entry in feed.findall(f"{ATOM}entry"):
        for tag in ("id", "title", "updated", "published", "summary"):
            assert entry.findtext(f"{ATOM}{tag}"), tag
        assert entry.find(f"{ATOM}link").get("href").startswith(f"{SITE}/wydarzenia/")
    assert feed.find(f"{ATOM}entry/{ATOM}title").text == newer.title


def test_rss_honours_filters_and_scheduled_publication(client, venue):
    older, newer = rss_events(venue)
    response = client.get(reverse("events:feed_rss") + "?kategoria=wystawy")
    parsed = feedparser.parse(response.content)
    assert [entry.title for entry in parsed.entries] == [older.title]
    assert parsed.feed.title == "Nowe wydarzenia — Ruda Śląska: Wystawy"
    assert parsed.feed.link == f"{SITE}/wydarzenia/?kategoria=wystawy"

    # Approved a week ago to appear an hour ago: it is new as of an hour ago, not a week.
    now = timezone.now()
    scheduled = make_event("Zaplanowana publikacja", venue=venue)
    Event.objects.filter(pk=scheduled.pk).update(
        published_at=now - timedelta(days=7), publish_at=now - timedelta(minutes=30)
    )
    parsed = feedparser.parse(client.get(reverse("events:feed_rss")).content)
    assert [entry.title for entry in parsed.entries] == [scheduled.title, newer.title, older.title]


def test_rss_has_the_newest_fifty(client, venue):
    bulk_events(RSS_LIMIT + 10, venue)
    parsed = feedparser.parse(client.get(reverse("events:feed_rss")).content)
    assert len(parsed.entries) == RSS_LIMIT
    assert parsed.entries[0].title == f"Wydarzenie {RSS_LIMIT + 9}"


# Queries
# ------------------------------------------------------------------------------


def bulk_events(count, venue):
    """`count` published events with one date each, written in a few queries."""
    category = Category.objects.get(slug="koncerty")
    now = timezone.now()
    events = Event.objects.bulk_create(
        Event(
            title=f"Wydarzenie {number}",
            slug=f"wydarzenie-{number}",
            lead="Krótki opis.",
            category=category,
            venue=venue,
            organiser_name="MCK",
            status=Event.Status.PUBLISHED,
            published_at=now - timedelta(days=30) + timedelta(minutes=number),
        )
        for number in range(count)
    )
    EventOccurrence.objects.bulk_create(
        EventOccurrence(event=event, starts_at=now + timedelta(days=1, minutes=number))
        for number, event in enumerate(events)
    )


@pytest.mark.parametrize("count", [20, 2000])
@pytest.mark.parametrize(
    ("name", "query", "queries"),
    [
        ("events:feed_ical", "", 1),
        ("events:feed_ical", "?kategoria=koncerty&miejsce=dom-kultury-bykowina", 3),
        ("events:export_json", "", 1),
        ("events:export_csv", "", 1),
        ("events:feed_rss", "", 1),
        ("events:feed_rss", "?kategoria=koncerty", 2),
        ("events:feed_atom", "", 1),
    ],
)
def test_feeds_cost_the_same_queries_for_20_and_2000_events(
    client, venue, django_assert_num_queries, count, name, query, queries
):
    bulk_events(count, venue)
    with django_assert_num_queries(queries):
        response = client.get(reverse(name) + query)
    assert response.status_code == 200


def test_event_ical_queries(client, venue, django_assert_num_queries):
    event = make_event(venue=venue, dates=[(in_days(days, 18), None) for days in range(1, 60)])
    with django_assert_num_queries(2):
        response = client.get(reverse("events:event_ical", kwargs={"slug": event.slug}))
    assert response.content.count(b"BEGIN:VEVENT") == 59
