"""What the clerk reviews during a mourning: the events in the period, those most likely to be called off first."""

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Subquery, Value, When

from events.models import Event, EventOccurrence

#: [K] Entertainment categories (the calendar's seeded slugs) that the city's institutions usually cancel or hold
#: without their setting during a mourning (DOMAIN.md §F.6; Włocławek zarządzenie 465/2019 § 3).
ENTERTAINMENT_CATEGORY_SLUGS = ("koncerty", "teatr", "film", "festyny-i-plenery", "sport-i-rekreacja", "dla-dzieci")
#: The statuses of events that can still be called off (cancelled, or postponed when still published).
OPEN_EVENT_STATUSES = (Event.Status.PUBLISHED, Event.Status.POSTPONED)


def events_in_period(period):
    """Public events with a date (not cancelled on its own) sharing a moment with the mourning period, in ONE query.

    Order: entertainment events of the city's institutions first ([K] "the city's institutions" = events the city
    co-organises, `Event.co_organised_by_city`), then other entertainment, then other events of the city, then the
    rest; each group by its first date in the period. Each event carries `first_date_in_period` and `priority`.
    """
    dates = EventOccurrence.objects.filter(event=OuterRef("pk"), starts_at__lt=period.ends_at).exclude(
        status=EventOccurrence.Status.CANCELLED
    )
    dates = dates.filter(Q(ends_at__gt=period.starts_at) | Q(ends_at__isnull=True, starts_at__gte=period.starts_at))
    entertainment = Q(category__slug__in=ENTERTAINMENT_CATEGORY_SLUGS)
    city = Q(co_organised_by_city=True)
    return (
        Event.objects.filter(status__in=OPEN_EVENT_STATUSES)
        .filter(Exists(dates))
        .annotate(
            first_date_in_period=Subquery(dates.order_by("starts_at").values("starts_at")[:1]),
            priority=Case(
                When(entertainment & city, then=Value(0)),
                When(entertainment, then=Value(1)),
                When(city, then=Value(2)),
                default=Value(3),
                output_field=IntegerField(),
            ),
        )
        .select_related("category", "venue")
        .order_by("priority", "first_date_in_period", "pk")
    )
