"""What the rest of the portal asks about mourning (DOMAIN.md §F.6): the period in force at a moment, and when the
public pages next change because a period starts or ends.

Other apps call `period_covering(moment)` (a planned mailing or post falling in the period is held for review),
never the model's fields directly.
"""

from datetime import datetime

from django.db.models import Min, Q
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.translation import gettext

from mourning.models import MourningPeriod
from press.services import release_create


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


def condolence_release_start(*, period: MourningPeriod, acting_user):
    """A draft press release of condolences from the department's template (`mourning/condolence_release.html`, [K]):
    the act, the period, the flags, the events and the condolence book (DOMAIN.md §F.6). The press office edits it
    and publishes it through the release's workflow."""
    kind = period.get_kind_display()
    return release_create(
        acting_user=acting_user,
        title=(gettext("Condolences: %(kind)s %(reason)s") % {"kind": kind, "reason": period.reason})[:200],
        lead=(
            gettext("%(kind)s %(reason)s, until %(day)s.")
            % {
                "kind": kind[:1].upper() + kind[1:],
                "reason": period.reason,
                "day": date_format(period.last_day, "j E Y"),
            }
        )[:400],
        body=render_to_string("mourning/condolence_release.html", {"period": period}),
    )
