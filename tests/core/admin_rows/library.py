"""The City Hall library: the catalogue, loans, reservations and subscriptions."""

from decimal import Decimal

from django.contrib.auth.models import User

from library.models import (
    Department,
    LibraryItem,
    Loan,
    LoanReminder,
    LoanRule,
    PeriodicalIssue,
    Reservation,
    Subscription,
    WriteOffProtocol,
)
from library.services import issue_log, item_add, loan_lend, reservation_place, write_off_record
from tests.core.admin_rows import TODAY, in_days, plain, row_maker, serial


@row_maker(LibraryItem)
def library_item():
    n = next(serial)
    return item_add(acting_user=None, title=f"Komentarz {n}", authors="Nowak Jan", acquired_on=TODAY)


@row_maker(WriteOffProtocol)
def write_off_protocol():
    n = next(serial)
    protocol = WriteOffProtocol(number=f"{n}/2026", drawn_up_on=TODAY, reason=WriteOffProtocol.Reason.LOST)
    return write_off_record(protocol=protocol, items=[library_item()], acting_user=None)


@row_maker(LoanRule)
def loan_rule():
    free = [kind for kind in LibraryItem.Kind.values if not LoanRule.objects.filter(kind=kind).exists()]
    if free:
        return LoanRule.objects.create(kind=free[0])
    # Only four kinds exist: the 30-row check lists these four again (each maker call must add a listed row).
    return LoanRule.objects.order_by("kind").first()


def library_employee():
    n = next(serial)
    return User.objects.create_user(username=f"czytelnik{n}", email=f"czytelnik{n}@example.pl", last_name=f"C{n}")


@row_maker(Loan)
def loan():
    return loan_lend(item=library_item(), borrower=library_employee(), acting_user=None, today=TODAY)


@row_maker(Reservation)
def reservation():
    return reservation_place(item=library_item(), employee=library_employee(), today=TODAY)


@row_maker(LoanReminder)
def loan_reminder():
    return LoanReminder.objects.create(loan=loan(), kind=LoanReminder.Kind.OVERDUE, sent_on=TODAY)


library_department = plain(Department, name="Wydział {n}", symbol="W{n}")


@row_maker(Subscription)
def subscription():
    n = next(serial)
    subscription = Subscription.objects.create(
        title=f"Czasopismo {n}",
        supplier="Kolporter",
        starts_on=TODAY,
        ends_on=in_days(300).date(),
        cost=Decimal("100"),
    )
    subscription.routing_stops.create(department=library_department(), position=1)
    return subscription


@row_maker(PeriodicalIssue)
def periodical_issue():
    n = next(serial)
    return issue_log(subscription=subscription(), designation=f"{n}/2026", received_on=TODAY, acting_user=None)
