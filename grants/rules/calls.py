"""Rules of calls and their evaluation: offers deadline, cancellation, scores, budget (u.d.p.p. art. 13, 15, 18a)."""

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from core.deadlines import add_calendar_days, shift_to_working_day
from core.money import ZERO, format_pln, money
from grants.deadlines import (
    OPEN_COMPETITION_OFFER_DAYS,
    open_competition_offers_earliest_deadline,
)

#: u.d.p.p. art. 13 ust. 1: offers deadline at least 21 days after the last announcement (kept in grants.deadlines).
OFFER_DAYS_AFTER_LAST_ANNOUNCEMENT = OPEN_COMPETITION_OFFER_DAYS
#: Formal check: a call to complete an offer gives 7 days [K: the city's rules of the competition].
OFFER_COMPLETION_DAYS = 7


def call_offers_earliest_deadline(announcements: Iterable[date | None]) -> date | None:
    """The earliest offers deadline a call may set, counted from the *last* of its announcements.

    u.d.p.p. art. 13 ust. 1 and ust. 3: the call appears in BIP, on the office's notice board and on the
    website; the 21 days run from the day the last of them appears (grants.deadlines rule). None until all
    three are published.
    """
    dates = list(announcements)
    if not dates or any(day is None for day in dates):
        return None
    return open_competition_offers_earliest_deadline(max(dates))


def call_offers_deadline_error(*, announcements: Iterable[date | None], offers_deadline: date) -> str:
    """Why `offers_deadline` is too early for the call's announcements, or "" when it is lawful.

    u.d.p.p. art. 13 ust. 1: not shorter than 21 days from the last announcement.
    """
    earliest = call_offers_earliest_deadline(announcements)
    if earliest is None:
        return _("The call must be published in BIP, on the notice board and on the website first.")
    if offers_deadline < earliest:
        return _(
            "The offers deadline must be at least %(days)d days after the last announcement: "
            "not earlier than %(date)s."
        ) % {"days": OFFER_DAYS_AFTER_LAST_ANNOUNCEMENT, "date": earliest.strftime("%d.%m.%Y")}
    return ""


def call_may_be_cancelled(*, offers_count: int, offers_meeting_requirements: int) -> bool:
    """u.d.p.p. art. 18a ust. 1: a call is cancelled when no offer came in or none met its requirements."""
    return offers_count == 0 or offers_meeting_requirements == 0


def offer_merit_score(member_points: dict[int, dict[int, Decimal]]) -> Decimal:
    """An offer's merit score: for each criterion the mean of the members' points, summed over the criteria.

    u.d.p.p. art. 15 ust. 1 (the organ assesses the offers) and ust. 2a (the committee gives its opinion):
    `member_points` maps member id → {criterion id → points}. Averaging per criterion keeps an offer
    scored by fewer members (one declared a conflict) comparable [K: the city's rules of the competition].
    """
    by_criterion: dict[int, list[Decimal]] = {}
    for points in member_points.values():
        for criterion_id, value in points.items():
            by_criterion.setdefault(criterion_id, []).append(Decimal(value))
    total = sum((sum(values) / len(values) for values in by_criterion.values()), ZERO)
    return money(total)


def granted_total_error(*, granted: Sequence[Decimal], budget: Decimal) -> str:
    """Why the amounts granted in a call exceed its budget (u.d.p.p. art. 13 ust. 2 pkt 2), or ""."""
    total = sum((money(amount) for amount in granted), ZERO)
    if total > money(budget):
        return _("The amounts granted (%(total)s) exceed the budget of the call (%(budget)s).") % {
            "total": format_pln(total),
            "budget": format_pln(budget),
        }
    return ""


def offer_completion_due(call_delivered_on: date) -> date:
    """Formal check: an incomplete offer may be completed within 7 days of the call [K: the call's rules]."""
    return shift_to_working_day(add_calendar_days(call_delivered_on, OFFER_COMPLETION_DAYS))
