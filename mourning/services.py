"""What the rest of the portal asks about mourning (DOMAIN.md §F.6): the period in force at a moment, and when the
public pages next change because a period starts or ends.

Other apps call `period_covering(moment)` (a planned mailing or post falling in the period is held for review),
never the model's fields directly.
"""

from datetime import datetime

from django.db.models import Min, Q

from mourning.models import MourningPeriod


def period_covering(moment: datetime) -> MourningPeriod | None:
    """The mourning period in force at `moment`, or None (one query; periods never overlap)."""
    return MourningPeriod.objects.covering(moment).order_by("starts_at").first()


def periods_overlapping(starts_at: datetime, ends_at: datetime):
    """The mourning periods sharing at least one moment with [starts_at, ends_at), e.g. a planned campaign's days."""
    return MourningPeriod.objects.overlapping(starts_at, ends_at).order_by("starts_at")


def next_change(now: datetime) -> datetime | None:
    """The soonest start or end of a mourning period after `now`: the ribbon appears or goes then (one query)."""
    found = MourningPeriod.objects.filter(ends_at__gt=now).aggregate(
        next_start=Min("starts_at", filter=Q(starts_at__gt=now)),
        next_end=Min("ends_at"),
    )
    moments = [moment for moment in found.values() if moment is not None]
    return min(moments, default=None)
