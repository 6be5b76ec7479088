"""The library's clocks: loan due dates, reminders, reservations at the desk, subscription renewals.

No statute sets them: they are the library's own regulamin [K], DOMAIN.md §H ("due_at, e.g. 30 d"), with the
numbers kept as data in `LoanRule` and `Subscription.renewal_notice_days`. A date that falls on a Saturday, a Sunday
or a statutory day off moves to the next working day, by analogy with k.c. art. 115 (the library, in the City Hall,
is closed then) [K].
"""

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from core.deadlines import (
    OpenDeadline,
    add_calendar_days,
    is_working_day,
    previous_working_day,
    shift_to_working_day,
)
from core.roles import person_name

#: [K] Open loans appear in the Terminarz this many days before their due date, and stay there while overdue.
LOAN_TERMINARZ_DAYS_BEFORE = 3


def loan_due_date(lent_on: date, loan_days: int) -> date:
    """A loan's due date: `loan_days` after the day it was lent (that day not counted), moved off a day the City
    Hall is closed [K: the library's regulamin; counted as k.c. art. 111 § 2 and art. 115]."""
    return shift_to_working_day(add_calendar_days(lent_on, loan_days))


def renewal_due_date(due_on: date, today: date, renewal_days: int) -> date:
    """A renewed loan's new due date: `renewal_days` from the old due date, or from today when the loan is already
    overdue (a renewal never leaves it overdue), moved off a closed day [K: the library's regulamin]."""
    return shift_to_working_day(add_calendar_days(max(due_on, today), renewal_days))


def reservation_ready_until(today: date, pickup_days: int) -> date:
    """The last day a reserved item waits at the desk: `pickup_days` after it was set aside, moved off a closed
    day [K: the library's regulamin]."""
    return shift_to_working_day(add_calendar_days(today, pickup_days))


def overdue_reminder_due(due_on: date, today: date, every_days: int) -> int | None:
    """The number of the overdue reminder a loan is owed by `today`: the 1st the day after the due date, then one
    more every `every_days` days; None while the loan is not overdue [K: the library's regulamin]."""
    days_overdue = (today - due_on).days
    if days_overdue < 1:
        return None
    return (days_overdue - 1) // every_days + 1


def subscription_renewal_date(ends_on: date, notice_days: int) -> date:
    """The day to order a subscription's next period: `notice_days` before its period ends, moved earlier to a
    working day [K: the department's practice — time to order and pay before the service stops]."""
    day = ends_on - timedelta(days=notice_days)
    return day if is_working_day(day) else previous_working_day(day)


def loans_open_deadlines():
    """Open loans due within LOAN_TERMINARZ_DAYS_BEFORE days or overdue, for the Terminarz (one query)."""
    from library.models import Loan

    today = timezone.localdate()
    loans = (
        Loan.objects.open()
        .filter(due_on__lte=today + timedelta(days=LOAN_TERMINARZ_DAYS_BEFORE))
        .select_related("item", "borrower")
        .only(
            "pk",
            "due_on",
            "item__inventory_number",
            "item__title",
            "borrower__first_name",
            "borrower__last_name",
            "borrower__username",
        )
        .order_by("due_on", "pk")
    )
    rule = gettext("loan period (library regulations)")
    for loan in loans:
        borrower = person_name(loan.borrower)
        yield OpenDeadline(
            due_date=loan.due_on,
            title=gettext("Return: %(number)s %(title)s — %(borrower)s")
            % {"number": loan.item.inventory_number, "title": loan.item.title[:60], "borrower": borrower},
            case_mark="",
            url=reverse("admin:library_loan_change", args=[loan.pk]),
            section="library",
            handler_id=None,
            rule=rule,
        )


def subscriptions_open_deadlines():
    """Subscriptions not yet renewed whose renewal date is near, for the Terminarz (one query)."""
    from library.models import Subscription

    today = timezone.localdate()
    subscriptions = Subscription.objects.filter(renewed=False, ends_on__gte=today - timedelta(days=90)).only(
        "pk", "title", "ends_on", "renewal_notice_days", "starts_on"
    )
    rule = gettext("renewal before the period ends (library practice)")
    for subscription in subscriptions:
        due = subscription_renewal_date(subscription.ends_on, subscription.renewal_notice_days)
        yield OpenDeadline(
            due_date=due,
            title=gettext("Renew the subscription: %(title)s (ends %(ends)s)")
            % {"title": subscription.title[:80], "ends": subscription.ends_on.strftime("%d.%m.%Y")},
            case_mark="",
            url=reverse("admin:library_subscription_change", args=[subscription.pk]),
            section="library",
            handler_id=None,
            rule=rule,
        )
