"""Small grants outside a call (u.d.p.p. art. 19a): amount, duration, yearly limits and the 7 days of comments.

The paragraphs as the act reads since its amendment of 2015 (t.j. Dz.U. 2024 poz. 1491): ust. 1 the task (at most
10 000 zł, at most 90 days), ust. 3 publication within 7 working days of receipt for 7 days in BIP, on the notice
board and the website, ust. 4 comments within those 7 days, ust. 5 the agreement after them, ust. 6 at most
20 000 zł to one organisation a calendar year, ust. 7 at most 20 % of the subsidies planned for NGOs in the budget
year. Both yearly limits bind the city (the executive organ), not one department: small grants the City Hall made
outside the portal (`ExternalSmallGrant`) count as well.
"""

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
#: u.d.p.p. art. 19a ust. 6: the executive organ gives one organisation at most 20 000 zł a calendar year in this
#: mode, city-wide [V-sec: the paragraph number read from municipal pages quoting the act].
SMALL_GRANT_MAX_PER_ORGANISATION_YEAR = Decimal("20000.00")
#: u.d.p.p. art. 19a ust. 7: small grants take at most 20 % of the subsidies planned in the budget year for public
#: tasks carried out by NGOs and the entities of art. 3 ust. 3, city-wide [V-sec].
SMALL_GRANT_MAX_POOL_PERCENT = Decimal("20")
#: u.d.p.p. art. 19a ust. 3 and 4: the offer is put up for 7 days and anyone may comment within them.
SMALL_GRANT_PUBLICATION_DAYS = 7


def small_grant_duration_days(start: date, end: date) -> int:
    """The length of a task in days, both the first and the last day counted (a one-day task lasts 1 day)."""
    return (end - start).days + 1


def small_grant_offer_problems(
    *, amount: Decimal, start: date, end: date, organisation_year_total: Decimal
) -> list[ArithmeticProblem]:
    """The limits of the non-competitive mode the offeror answers for, as Polish messages (empty when it fits).

    Checked when the offer is sent and again before publication and grant. u.d.p.p. art. 19a ust. 1 pkt 1: the
    subsidy at most 10 000 zł; ust. 1 pkt 2: the task at most 90 days, its first and last day counted (a one-day
    festival lasts 1 day); ust. 6: at most 20 000 zł to one organisation in the calendar year, counting what it
    has already been granted in this mode by the city (`organisation_year_total`).
    """
    problems = []
    amount = money(amount)
    if amount > SMALL_GRANT_MAX_AMOUNT:
        problems.append(
            ArithmeticProblem(
                "subsidy",
                _(
                    "A small grant without a competition may be at most %(limit)s (u.d.p.p. art. 19a ust. 1); "
                    "the offer asks for %(amount)s."
                )
                % {"limit": format_pln(SMALL_GRANT_MAX_AMOUNT), "amount": format_pln(amount)},
            )
        )
    if end < start:
        problems.append(ArithmeticProblem("end_date", _("The task cannot end before it starts.")))
    elif small_grant_duration_days(start, end) > SMALL_GRANT_MAX_DAYS:
        problems.append(
            ArithmeticProblem(
                "end_date",
                _(
                    "A small-grant task may last at most %(limit)d days (u.d.p.p. art. 19a ust. 1); "
                    "this one lasts %(days)d."
                )
                % {"limit": SMALL_GRANT_MAX_DAYS, "days": small_grant_duration_days(start, end)},
            )
        )
    if money(organisation_year_total) + amount > SMALL_GRANT_MAX_PER_ORGANISATION_YEAR:
        problems.append(
            ArithmeticProblem(
                "subsidy",
                _(
                    "In %(year)d the organisation has already received %(received)s in small grants from the city; "
                    "together with this one it would exceed %(limit)s a year (u.d.p.p. art. 19a ust. 6). It may ask "
                    "for at most %(left)s."
                )
                % {
                    "year": start.year,
                    "received": format_pln(organisation_year_total),
                    "limit": format_pln(SMALL_GRANT_MAX_PER_ORGANISATION_YEAR),
                    "left": format_pln(max(SMALL_GRANT_MAX_PER_ORGANISATION_YEAR - money(organisation_year_total), 0)),
                },
            )
        )
    return problems


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

    The offeror's limits (`small_grant_offer_problems`: u.d.p.p. art. 19a ust. 1 and 6) and the city's: ust. 7,
    all small grants of the year at most 20 % of the subsidies planned for NGOs in the budget year
    (`year_pool_planned`; None when the year's plan is not entered, which is itself a problem;
    `year_small_grants_total` = already granted this year, in the portal and outside it).
    """
    problems = small_grant_offer_problems(
        amount=amount, start=start, end=end, organisation_year_total=organisation_year_total
    )
    amount = money(amount)
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
                        "for NGOs (%(limit)s; u.d.p.p. art. 19a ust. 7)."
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
    """The last day for comments on a small-grant offer: 7 days from its publication (u.d.p.p. art. 19a ust. 4).

    The publication day is not counted (k.c. art. 111 § 2); a last day on a day off runs to the next
    working day (k.c. art. 115).
    """
    return shift_to_working_day(add_calendar_days(published_on, SMALL_GRANT_PUBLICATION_DAYS))
