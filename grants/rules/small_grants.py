"""Small grants outside a call (u.d.p.p. art. 19a): amount, duration, yearly limits and the 7 days of comments."""

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from core.deadlines import add_calendar_days, shift_to_working_day
from core.money import format_pln, money
from grants.rules.costs import HUNDRED, ArithmeticProblem

#: u.d.p.p. art. 19a ust. 1 pkt 1: a small grant is at most 10 000 zł.
SMALL_GRANT_MAX_AMOUNT = Decimal("10000.00")
#: u.d.p.p. art. 19a ust. 1 pkt 2: a small-grant task lasts at most 90 days.
SMALL_GRANT_MAX_DAYS = 90
#: u.d.p.p. art. 19a ust. 4: one organisation gets at most 20 000 zł a calendar year in this mode [V-sec].
SMALL_GRANT_MAX_PER_ORGANISATION_YEAR = Decimal("20000.00")
#: u.d.p.p. art. 19a ust. 5: small grants take at most 20 % of the subsidies planned for NGOs that year [V-sec].
SMALL_GRANT_MAX_POOL_PERCENT = Decimal("20")
#: u.d.p.p. art. 19a ust. 3: the offer is published for 7 days and anyone may comment within them.
SMALL_GRANT_PUBLICATION_DAYS = 7


def small_grant_duration_days(start: date, end: date) -> int:
    """The length of a task in days, both the first and the last day counted (a one-day task lasts 1 day)."""
    return (end - start).days + 1


def small_grant_problems(
    *,
    amount: Decimal,
    start: date,
    end: date,
    organisation_year_total: Decimal,
    year_pool_planned: Decimal | None,
    year_small_grants_total: Decimal,
) -> list[ArithmeticProblem]:
    """Every limit of the non-competitive mode an offer breaks, as Polish messages (empty when it fits).

    u.d.p.p. art. 19a ust. 1: subsidy ≤ 10 000 zł and task ≤ 90 days; ust. 4: ≤ 20 000 zł per organisation
    per calendar year in this mode (`organisation_year_total` = already granted to it this year); ust. 5:
    all small grants ≤ 20 % of the subsidies planned for NGOs in the year (`year_pool_planned`; None when
    the year's plan is not entered, which is itself a problem).
    """
    problems = []
    amount = money(amount)
    if amount > SMALL_GRANT_MAX_AMOUNT:
        problems.append(
            ArithmeticProblem(
                "subsidy",
                _("A small grant may be at most %(limit)s; the offer asks for %(amount)s.")
                % {"limit": format_pln(SMALL_GRANT_MAX_AMOUNT), "amount": format_pln(amount)},
            )
        )
    if end < start:
        problems.append(ArithmeticProblem("end_date", _("The task cannot end before it starts.")))
    elif small_grant_duration_days(start, end) > SMALL_GRANT_MAX_DAYS:
        problems.append(
            ArithmeticProblem(
                "end_date",
                _("A small-grant task may last at most %(limit)d days; this one lasts %(days)d.")
                % {"limit": SMALL_GRANT_MAX_DAYS, "days": small_grant_duration_days(start, end)},
            )
        )
    if money(organisation_year_total) + amount > SMALL_GRANT_MAX_PER_ORGANISATION_YEAR:
        problems.append(
            ArithmeticProblem(
                "subsidy",
                _(
                    "The organisation has already received %(received)s in small grants this year; together with "
                    "this one it would exceed %(limit)s."
                )
                % {
                    "received": format_pln(organisation_year_total),
                    "limit": format_pln(SMALL_GRANT_MAX_PER_ORGANISATION_YEAR),
                },
            )
        )
    if year_pool_planned is None:
        problems.append(ArithmeticProblem("pool", _("The subsidies planned for NGOs this year are not entered yet.")))
    else:
        pool_limit = money(Decimal(year_pool_planned) * SMALL_GRANT_MAX_POOL_PERCENT / HUNDRED)
        if money(year_small_grants_total) + amount > pool_limit:
            problems.append(
                ArithmeticProblem(
                    "pool",
                    _(
                        "Small grants this year would reach %(total)s, above %(percent)s%% of the subsidies planned "
                        "for NGOs (%(limit)s)."
                    )
                    % {
                        "total": format_pln(money(year_small_grants_total) + amount),
                        "percent": f"{SMALL_GRANT_MAX_POOL_PERCENT.normalize():f}",
                        "limit": format_pln(pool_limit),
                    },
                )
            )
    return problems


def small_grant_comments_until(published_on: date) -> date:
    """The last day for comments on a small-grant offer: 7 days from its publication (u.d.p.p. art. 19a ust. 3).

    The publication day is not counted (k.c. art. 111 § 2); a last day on a day off runs to the next
    working day (k.c. art. 115).
    """
    return shift_to_working_day(add_calendar_days(published_on, SMALL_GRANT_PUBLICATION_DAYS))
