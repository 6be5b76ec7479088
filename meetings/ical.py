"""iCalendar (RFC 5545) of the meetings with residents: one meeting, or every published one.

Each meeting is one VEVENT with a UID that never changes (`meeting-<pk>@<host>`) and a SEQUENCE raised whenever
its time or place changes, so a calendar that subscribed replaces the entry. Times are written in UTC (a form
every calendar program reads and converts to local time); escaping and folding are icalendar's.
"""

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from uuid import NAMESPACE_URL, uuid5

import icalendar
from django.utils import timezone

from core.feeds import xml_text
from core.site import site_host, site_url
from meetings.models import ResidentMeeting

PRODID = "-//Urzad Miasta Ruda Slaska//Spotkania z mieszkancami//PL"
CALENDAR_NAME = "Spotkania Prezydenta Miasta z mieszkańcami — Ruda Śląska"
#: How often a subscribed calendar should fetch the feed again.
REFRESH_INTERVAL = timedelta(hours=6)


def meeting_uid(meeting: ResidentMeeting) -> str:
    return f"meeting-{meeting.pk}@{site_host()}"


def meeting_location(meeting: ResidentMeeting) -> str:
    if meeting.place or not meeting.venue_id:
        return meeting.place
    venue = meeting.venue
    return ", ".join(part for part in (venue.name, venue.street_address, f"{venue.postal_code} Ruda Śląska") if part)


def meeting_vevent(meeting: ResidentMeeting, *, stamp: datetime) -> icalendar.Event:
    url = site_url(meeting.get_absolute_url())
    vevent = icalendar.Event.new(
        uid=meeting_uid(meeting),
        stamp=stamp,
        sequence=meeting.ical_sequence,
        start=meeting.starts_at.astimezone(UTC),
        end=meeting.ends_at.astimezone(UTC) if meeting.ends_at else None,
        summary=xml_text(meeting.title),
        description=f"{meeting.get_kind_display()}\n\n{url}",
        location=xml_text(meeting_location(meeting)),
        url=url,
        status="CONFIRMED",
        last_modified=meeting.updated_at.astimezone(UTC),
    )
    return vevent


def meetings_ical(meetings: Iterable[ResidentMeeting], *, url: str, name: str = CALENDAR_NAME) -> bytes:
    """A VCALENDAR (METHOD:PUBLISH) of `meetings`, as UTF-8 bytes; its UID follows its own address `url`."""
    calendar = icalendar.Calendar.new(
        prodid=PRODID, method="PUBLISH", calscale="GREGORIAN", uid=uuid5(NAMESPACE_URL, url)
    )
    calendar.add("NAME", icalendar.vText(name))
    calendar.add("X-WR-CALNAME", icalendar.vText(name))
    calendar.add("REFRESH-INTERVAL", icalendar.vDuration(REFRESH_INTERVAL), parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", icalendar.vDuration(REFRESH_INTERVAL))
    stamp = timezone.now().astimezone(UTC)
    for meeting in meetings:
        calendar.add_component(meeting_vevent(meeting, stamp=stamp))
    return calendar.to_ical()
