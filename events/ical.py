"""iCalendar (RFC 5545) of the calendar's dates, and what every feed says about one date.

One VEVENT per occurrence (one date of an event), never an RRULE: a single date can be cancelled or moved
on its own. Its UID is `occurrence-<pk>@<host of SITE_URL>` and does not change when the date moves;
SEQUENCE is the occurrence's `sequence`, which `occurrence_cancel` / `occurrence_move` raise, so a calendar
that imported the file replaces the old entry.

Times are written with TZID=Europe/Warsaw and the calendar carries the VTIMEZONE for it, plus
X-WR-TIMEZONE for older clients: the EU rule as a yearly RRULE (the form every calendar program reads),
checked against the tz database for the years the dates need; should Poland change its clocks, the
exact transitions from the tz database instead (see warsaw_vtimezone).

An end that is not known is left out: the VEVENT then has DTSTART and neither DTEND nor DURATION, which
RFC 5545 (3.6.1) defines as ending at its start. We do not make up an end (say two hours): a calendar
would then show a time at which the organiser never said the event ends, and residents plan around it.
All-day events are not modelled: every date has a start time.

Escaping of , ; \\ and new lines, UTF-8 and folding of lines to 75 octets are done by icalendar.
Texts are Polish: the calendar's data are Polish whatever the language of the page it was linked from.
"""

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlencode
from uuid import NAMESPACE_URL, uuid5
from zoneinfo import ZoneInfo

import icalendar
from django.urls import reverse
from django.utils import timezone

from core.site import site_host, site_url
from events.models import Event, EventOccurrence, Venue

TIME_ZONE_ID = "Europe/Warsaw"
WARSAW = ZoneInfo(TIME_ZONE_ID)
CITY = "Ruda Śląska"
PRODID = "-//Urzad Miasta Ruda Slaska//Kalendarz wydarzen//PL"
CALENDAR_DESCRIPTION = "Wydarzenia kulturalne w Rudzie Śląskiej — kalendarz Wydziału Kultury Urzędu Miasta."
# How often a subscribed calendar should fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL).
REFRESH_INTERVAL = timedelta(hours=1)
VTIMEZONE_YEARS_AHEAD = 4

# The state residents see for one date: the date's own state, or the event's when the whole event is
# cancelled or postponed.
SCHEDULED, MOVED, CANCELLED, POSTPONED = "scheduled", "moved", "cancelled", "postponed"
ICAL_STATUS = {SCHEDULED: "CONFIRMED", MOVED: "CONFIRMED", CANCELLED: "CANCELLED", POSTPONED: "TENTATIVE"}
# Not every calendar application shows STATUS, so the title says it too.
SUMMARY_PREFIX = {CANCELLED: "ODWOŁANE: ", POSTPONED: "PRZEŁOŻONE: "}


def occurrence_uid(occurrence: EventOccurrence) -> str:
    return f"occurrence-{occurrence.pk}@{site_host()}"


def public_status(occurrence: EventOccurrence) -> str:
    """scheduled, moved, cancelled (the date or the whole event) or postponed (the whole event)."""
    if occurrence.status == EventOccurrence.Status.CANCELLED or occurrence.event.status == Event.Status.CANCELLED:
        return CANCELLED
    if occurrence.event.status == Event.Status.POSTPONED:
        return POSTPONED
    if occurrence.status == EventOccurrence.Status.MOVED:
        return MOVED
    return SCHEDULED


def called_off_note(event: Event) -> str:
    """The note residents read on a cancelled or postponed event's page (`events_call_off`), also in calendars."""
    return event.status_note if event.status in (Event.Status.CANCELLED, Event.Status.POSTPONED) else ""


def venue_address(venue: Venue) -> str:
    """Name, street, postal code and Ruda Śląska: what a map application can find."""
    return ", ".join(part for part in (venue.name, venue.street_address, f"{venue.postal_code} {CITY}") if part)


def local_time(moment: datetime | None) -> datetime | None:
    return moment.astimezone(WARSAW) if moment is not None else None


def occurrence_vevent(occurrence: EventOccurrence, *, stamp: datetime) -> icalendar.Event:
    """The VEVENT of one date; `occurrence.event` with its venue and category must already be loaded."""
    event = occurrence.event
    venue = event.venue
    status = public_status(occurrence)
    url = site_url(event.get_absolute_url())
    vevent = icalendar.Event.new(
        uid=occurrence_uid(occurrence),
        stamp=stamp,
        sequence=occurrence.sequence,
        start=local_time(occurrence.starts_at),
        end=local_time(occurrence.ends_at),
        summary=SUMMARY_PREFIX.get(status, "") + event.title,
        description="\n\n".join(part for part in (event.lead, called_off_note(event), occurrence.note, url) if part),
        location=venue_address(venue),
        url=url,
        categories=[event.category.name],
        status=ICAL_STATUS[status],
        created=occurrence.created_at.astimezone(UTC),
        last_modified=max(occurrence.updated_at, event.updated_at, venue.updated_at).astimezone(UTC),
    )
    if venue.latitude is not None and venue.longitude is not None:
        vevent.add("GEO", (float(venue.latitude), float(venue.longitude)))
    return vevent


# The EU rule Poland follows since 1996, as calendar programs expect it: one DAYLIGHT and one STANDARD
# observance with a yearly RRULE (what Google Calendar and Apple Calendar write). Outlook reads the
# VTIMEZONE itself and handles this form best; a list of RDATEs (what icalendar generates) is valid too
# but some readers take only its first date (vobject 0.9.9 does).
EU_RULE_VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/Warsaw
BEGIN:DAYLIGHT
TZNAME:CEST
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
DTSTART:19960331T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZNAME:CET
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
DTSTART:19961027T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
"""
EU_RULE_SINCE = 1996


def last_sunday(year: int, month: int) -> date:
    last = (date(year, month, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def follows_eu_rule(year: int) -> bool:
    """Whether the tz database gives Warsaw, in `year`, CET (+1) and CEST (+2) switched at 01:00 UTC on the
    last Sundays of March and October, as EU_RULE_VTIMEZONE says. False if Poland ever changes its clocks.
    """
    hour = timedelta(hours=1)
    for month, before, after in ((3, hour, 2 * hour), (10, 2 * hour, hour)):
        switch = datetime.combine(last_sunday(year, month), datetime.min.time(), tzinfo=UTC) + hour
        if (switch - timedelta(seconds=1)).astimezone(WARSAW).utcoffset() != before:
            return False
        if switch.astimezone(WARSAW).utcoffset() != after:
            return False
    summer = range(4, 11)
    return all(
        datetime(year, month, 1, 12, tzinfo=WARSAW).utcoffset() == (2 * hour if month in summer else hour)
        for month in range(1, 13)
    )


def warsaw_vtimezone(occurrences: Sequence[EventOccurrence], today: date) -> icalendar.Timezone:
    """The VTIMEZONE of Europe/Warsaw for every year the dates need, from last year to a few years ahead.

    The RRULE form of the EU rule when the tz database agrees with it for all those years; otherwise the
    exact transitions of the tz database, generated by icalendar (whole years, so the text is stable).
    """
    years = [today.year - 1, today.year + VTIMEZONE_YEARS_AHEAD]
    for occurrence in occurrences:
        years.append(local_time(occurrence.starts_at).year)
        if occurrence.ends_at is not None:
            years.append(local_time(occurrence.ends_at).year)
    first, last = min(years), max(years)
    if first >= EU_RULE_SINCE and all(follows_eu_rule(year) for year in range(first, last + 1)):
        return icalendar.Timezone.from_ical(EU_RULE_VTIMEZONE)
    return icalendar.Timezone.from_tzid(TIME_ZONE_ID, first_date=date(first, 1, 1), last_date=date(last + 1, 1, 1))


def calendar_ical(
    occurrences: Sequence[EventOccurrence], *, name: str, url: str, now: datetime | None = None, refresh: bool = True
) -> bytes:
    """A whole VCALENDAR (METHOD:PUBLISH) of `occurrences`, as bytes in UTF-8.

    `url` is the calendar's own absolute address; its UID is derived from it, so the same filtered feed
    keeps the same calendar UID. `refresh` adds how often a subscribed calendar should fetch it again.
    """
    now = now or timezone.now()
    calendar = icalendar.Calendar.new(
        prodid=PRODID, method="PUBLISH", calscale="GREGORIAN", uid=uuid5(NAMESPACE_URL, url), url=url
    )
    # icalendar 7.3 types NAME and the X-WR- properties as "unknown" and would leave their commas and
    # semicolons unescaped; as TEXT they are escaped like SUMMARY.
    for prop, value in (
        ("NAME", name),
        ("X-WR-CALNAME", name),
        ("DESCRIPTION", CALENDAR_DESCRIPTION),
        ("X-WR-CALDESC", CALENDAR_DESCRIPTION),
        ("X-WR-TIMEZONE", TIME_ZONE_ID),
    ):
        calendar.add(prop, icalendar.vText(value))
    if refresh:
        # RFC 7986 5.7 requires VALUE=DURATION on REFRESH-INTERVAL; X-PUBLISHED-TTL is its older twin.
        calendar.add("REFRESH-INTERVAL", icalendar.vDuration(REFRESH_INTERVAL), parameters={"VALUE": "DURATION"})
        calendar.add("X-PUBLISHED-TTL", icalendar.vDuration(REFRESH_INTERVAL))
    calendar.add_component(warsaw_vtimezone(occurrences, now.astimezone(WARSAW).date()))
    stamp = now.astimezone(UTC)
    for occurrence in occurrences:
        calendar.add_component(occurrence_vevent(occurrence, stamp=stamp))
    return calendar.to_ical()


# Adding to a calendar: the big online calendars take a date or a subscription by link, the rest by file.
# ------------------------------------------------------------------------------------------------------------
GOOGLE_CALENDAR = "https://calendar.google.com/calendar/render"
OUTLOOK_COMPOSE = "https://outlook.live.com/calendar/0/action/compose"
OUTLOOK_SUBSCRIBE = "https://outlook.live.com/calendar/0/addfromweb"


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def add_to_calendar_links(occurrence: EventOccurrence) -> dict[str, str]:
    """Links that open Google Calendar and Outlook.com with one date of an event filled in (title, time, place).

    Nothing is sent to either service until the resident follows the link; the page loads nothing from them.
    A date without an end gets two hours, as the iCal file has no other length to offer either.
    """
    event, venue = occurrence.event, occurrence.event.venue
    start = occurrence.starts_at
    end = occurrence.ends_at or start + timedelta(hours=2)
    place = f"{venue.name}, {venue.street_address}, {venue.postal_code} Ruda Śląska"
    details = f"{event.lead}\n\n{site_url(event.get_absolute_url())}"
    google = {"action": "TEMPLATE", "text": event.title, "dates": f"{_utc(start)}/{_utc(end)}", "location": place}
    outlook = {
        "rru": "addevent",
        "subject": event.title,
        "startdt": start.astimezone(UTC).isoformat(),
        "enddt": end.astimezone(UTC).isoformat(),
        "location": place,
        "body": details,
        "path": "/calendar/action/compose",
    }
    return {
        "google": f"{GOOGLE_CALENDAR}?{urlencode({**google, 'details': details})}",
        "outlook": f"{OUTLOOK_COMPOSE}?{urlencode(outlook)}",
    }


def subscription_links(query: str, name: str) -> dict[str, str]:
    """A filtered list's calendar to subscribe to: webcal: for phones and desktop apps, Google and Outlook links.

    `query` is the list's urlencoded filters: each link gives the same events as the page, kept up to date by
    the calendar app (it fetches the iCal feed again), unlike a downloaded file.
    """
    feed = site_url(reverse("events:feed_ical")) + (f"?{query}" if query else "")
    webcal = "webcal://" + feed.split("://", 1)[1]
    return {
        "webcal": webcal,
        "google": f"{GOOGLE_CALENDAR}?{urlencode({'cid': webcal})}",
        "outlook": f"{OUTLOOK_SUBSCRIBE}?{urlencode({'url': feed, 'name': name})}",
        "file": feed,
    }
