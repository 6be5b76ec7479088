"""Events for the tests of the calendar's feeds and open data: written through the services, dated in Warsaw time."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from events.ical import WARSAW
from events.models import Category, Event, EventOccurrence
from events.services import event_create

SITE = "https://kultura.rudaslaska.pl"
HOST = "kultura.rudaslaska.pl"
LIST_ENDPOINTS = ["events:feed_ical", "events:export_json", "events:export_csv", "events:feed_rss", "events:feed_atom"]


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
