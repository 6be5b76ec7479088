"""Reads of the public calendar: which dates residents see on each page, in a fixed number of queries.

Every function starts from `EventOccurrence.objects.public()` or `Event.objects.published()`, so a
draft or a submitted event never reaches a public page (ARCHITECTURE: drafts never leak).
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Case, Count, F, Q, QuerySet, Value, When, Window
from django.db.models.functions import RowNumber, TruncDate
from django.shortcuts import get_object_or_404
from django.utils import timezone

from core.filters import day_bounds
from events.filters import overlapping, weekend_range
from events.models import Event, EventOccurrence, Venue


def _past(now: datetime) -> Q:
    return Q(ends_at__lt=now) | Q(ends_at__isnull=True, starts_at__lt=now)


def upcoming_only(queryset: QuerySet[EventOccurrence], *, now: datetime | None = None) -> QuerySet[EventOccurrence]:
    """Keep the dates of `queryset` that have not ended yet, soonest first; archived events left out."""
    now = now or timezone.now()
    return queryset.upcoming(now).exclude(event__status=Event.Status.ARCHIVED).order_by("starts_at", "pk")


def occurrences_upcoming(*, now: datetime | None = None) -> QuerySet[EventOccurrence]:
    """Return dates residents may see that have not ended yet, soonest first; archived events left out."""
    now = now or timezone.now()
    return upcoming_only(EventOccurrence.objects.public(now), now=now)


def weekend_highlights(*, limit: int, now: datetime | None = None) -> list[EventOccurrence]:
    """Return up to `limit` public dates of this weekend for the home page, one per event, in ONE query.

    "This weekend" is the calendar filter's (`weekend_range`): the coming Saturday and Sunday, or what is left
    of them; on a Sunday with nothing left (one more query), the next ones. Events the clerks marked as
    highlights come first, then dates starting at the weekend before exhibitions that began earlier, each
    group soonest first; cancelled dates are left out. A bounded slice is read and repeated events are
    dropped in Python, so a festival with a date every hour still shows once.
    """
    now = now or timezone.now()
    upcoming = occurrences_upcoming(now=now).exclude(status=EventOccurrence.Status.CANCELLED)
    start, end = weekend_range(upcoming, now=now)
    rows = (
        overlapping(upcoming, start, end)
        .exclude(event__status=Event.Status.CANCELLED)
        .annotate(started_before=Case(When(starts_at__lt=start, then=Value(1)), default=Value(0)))
        .order_by("-event__is_highlighted", "started_before", "starts_at", "pk")[: limit * 5]
    )
    chosen: dict[int, EventOccurrence] = {}
    for occurrence in rows:
        chosen.setdefault(occurrence.event_id, occurrence)
        if len(chosen) == limit:
            break
    return list(chosen.values())


def occurrences_past(*, now: datetime | None = None) -> QuerySet[EventOccurrence]:
    """Return dates residents may see that have ended, newest first (archived events included)."""
    now = now or timezone.now()
    return EventOccurrence.objects.public(now).filter(_past(now)).order_by("-starts_at", "-pk")


def occurrences_public(*, now: datetime | None = None) -> QuerySet[EventOccurrence]:
    """Return every date residents may see, past and future (the month grid shows both)."""
    return EventOccurrence.objects.public(now).order_by("starts_at", "pk")


@dataclass
class MonthDay:
    """One day of the month grid: its date, the first dates of events starting that day and how many in all."""

    day: date
    occurrences: list
    total: int = 0

    @property
    def more(self) -> int:
        return self.total - len(self.occurrences)


def month_days(queryset: QuerySet[EventOccurrence], *, first: date, last: date, per_day: int) -> dict[date, MonthDay]:
    """Return the dates starting between `first` and `last` (local days), at most `per_day` a day, in ONE query.

    A window function numbers each day's dates and counts them, so a day with 300 dates costs as
    much as a day with three, and the month page can still say "and 297 more".
    """
    start, end = day_bounds(first, last)
    local_day = TruncDate("starts_at", tzinfo=timezone.get_current_timezone())
    rows = (
        queryset.filter(starts_at__gte=start, starts_at__lt=end)
        .annotate(
            local_day=local_day,
            day_rank=Window(RowNumber(), partition_by=[local_day], order_by=[F("starts_at").asc(), F("pk").asc()]),
            day_total=Window(Count("pk"), partition_by=[local_day]),
        )
        .filter(day_rank__lte=per_day)
        .order_by("starts_at", "pk")
    )
    days: dict[date, MonthDay] = {}
    for occurrence in rows:
        entry = days.setdefault(occurrence.local_day, MonthDay(occurrence.local_day, [], occurrence.day_total))
        entry.occurrences.append(occurrence)
    return days


def month_continuing(queryset: QuerySet[EventOccurrence], *, first: date, limit: int) -> list[EventOccurrence]:
    """Return up to `limit` + 1 dates that began before `first` and are still on that day or later (exhibitions).

    The extra row tells the caller that there are more than it shows.
    """
    start, _end = day_bounds(first, first)
    return list(queryset.filter(starts_at__lt=start, ends_at__gte=start).order_by("ends_at", "pk")[: limit + 1])


def event_get_published_or_404(slug: str, *, now: datetime | None = None) -> Event:
    """Return the event residents may see under `slug`, with its venue, category and image; else Http404."""
    queryset = Event.objects.published(now).select_related("venue", "category", "image")
    return get_object_or_404(queryset, slug=slug)


def event_dates(event: Event, *, now: datetime | None = None) -> tuple[list[EventOccurrence], list[EventOccurrence]]:
    """Return the event's (upcoming dates soonest first, past dates newest first) from one query."""
    now = now or timezone.now()
    upcoming, past = [], []
    for occurrence in event.occurrences.order_by("starts_at", "pk"):
        ended = occurrence.ends_at < now if occurrence.ends_at else occurrence.starts_at < now
        (past if ended else upcoming).append(occurrence)
    past.reverse()
    return upcoming, past


def venue_get_or_404(slug: str) -> Venue:
    """Return the venue under `slug` (venues are public records: no draft state); else Http404."""
    return get_object_or_404(Venue, slug=slug)


def venue_upcoming(venue: Venue, *, now: datetime | None = None) -> QuerySet[EventOccurrence]:
    """Return the upcoming public dates at `venue`, soonest first."""
    return occurrences_upcoming(now=now).filter(event__venue=venue)
