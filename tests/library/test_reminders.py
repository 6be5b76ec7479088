"""Reminders through the outbox: before the due date, on it, and after it every few days; never twice."""

from datetime import date

import pytest
from django.core import mail

from library import services
from library.models import LoanReminder, LoanRule
from tests.library.factories import make_loan, on_day

LENT = date(2026, 3, 2)  # a Monday: due on Wednesday 1 April 2026
DUE = date(2026, 4, 1)


def run(day, capture):
    with on_day(day), capture(execute=True):
        return services.library_daily_run()["reminders"]


@pytest.mark.django_db
def test_the_borrower_is_reminded_before_on_and_after_the_due_date(django_capture_on_commit_callbacks):
    loan = make_loan(today=LENT)
    assert loan.due_on == DUE
    assert run(date(2026, 3, 28), django_capture_on_commit_callbacks) == 0  # 4 days before
    assert run(date(2026, 3, 29), django_capture_on_commit_callbacks) == 1  # 3 days before
    assert run(date(2026, 3, 30), django_capture_on_commit_callbacks) == 0
    assert run(DUE, django_capture_on_commit_callbacks) == 1
    assert run(DUE, django_capture_on_commit_callbacks) == 0  # a second run that day sends nothing
    assert run(date(2026, 4, 2), django_capture_on_commit_callbacks) == 1  # overdue no. 1
    assert run(date(2026, 4, 8), django_capture_on_commit_callbacks) == 0
    assert run(date(2026, 4, 9), django_capture_on_commit_callbacks) == 1  # overdue no. 2, 7 days on
    kinds = list(loan.reminders.order_by("sent_on").values_list("kind", "number", "sent_on"))
    assert kinds == [
        (LoanReminder.Kind.BEFORE, 1, date(2026, 3, 29)),
        (LoanReminder.Kind.DUE, 1, DUE),
        (LoanReminder.Kind.OVERDUE, 1, date(2026, 4, 2)),
        (LoanReminder.Kind.OVERDUE, 2, date(2026, 4, 9)),
    ]
    assert all(message.to == [loan.borrower.email] for message in mail.outbox)
    assert "dzisiaj" in mail.outbox[1].subject.lower()
    assert "/biblioteka-urzedu/moje/" in mail.outbox[1].body
    assert loan.item.title in mail.outbox[2].body


@pytest.mark.django_db
def test_the_reminder_days_are_data(django_capture_on_commit_callbacks):
    LoanRule.objects.create(kind="book", reminder_days_before=0, overdue_reminder_every_days=2)
    make_loan(today=LENT)
    assert run(date(2026, 3, 31), django_capture_on_commit_callbacks) == 0
    assert run(date(2026, 4, 2), django_capture_on_commit_callbacks) == 1
    assert run(date(2026, 4, 3), django_capture_on_commit_callbacks) == 0
    assert run(date(2026, 4, 4), django_capture_on_commit_callbacks) == 1


@pytest.mark.django_db
def test_a_returned_loan_gets_no_reminder(django_capture_on_commit_callbacks):
    loan = make_loan(today=LENT)
    services.loan_return(loan=loan, acting_user=None)
    assert run(date(2026, 4, 5), django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []
