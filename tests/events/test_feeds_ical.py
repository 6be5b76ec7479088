"""The events calendar as iCalendar: the filtered list, one event's dates, time zones and changes of a date.

The files are read back with vobject, a parser independent of the icalendar library that writes them, and the
VTIMEZONE is checked against the tz database with dateutil.
"""

import io
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
import vobject
from dateutil import tz
from django.urls import reverse
from django.utils import timezone

from events.ical import WARSAW, warsaw_vtimezone
from events.models import Event
from events.services import occurrence_cancel, occurrence_move
from tests.events.feed_data import HOST, SITE, autumn_clock_change, in_days, local, make_event

ICAL_LIST = "events:feed_ical"

pytestmark = pytest.mark.usefixtures("public_site_url")


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


def test_event_ical_queries(client, venue, django_assert_num_queries):
    event = make_event(venue=venue, dates=[(in_days(days, 18), None) for days in range(1, 60)])
    with django_assert_num_queries(2):
        response = client.get(reverse("events:event_ical", kwargs={"slug": event.slug}))
    assert response.content.count(b"BEGIN:VEVENT") == 59
