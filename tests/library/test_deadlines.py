"""The library's clocks, each date read off the 2026 calendar, and its rows in the Terminarz."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from core.deadlines import deadline_sources, open_deadlines
from library.deadlines import (
    loan_due_date,
    overdue_reminder_due,
    renewal_due_date,
    reservation_ready_until,
    subscription_renewal_date,
)
from library.models import Subscription
from tests.library.factories import make_loan, on_day


def test_a_loan_period_ends_on_a_working_day():
    assert loan_due_date(date(2026, 3, 2), 30) == date(2026, 4, 1)  # Wednesday
    assert loan_due_date(date(2026, 3, 6), 30) == date(2026, 4, 7)  # Sunday 5 April → Easter Monday → Tuesday
    assert loan_due_date(date(2026, 10, 12), 20) == date(2026, 11, 2)  # Sunday 1 November → Monday 2 November


def test_a_renewal_counts_from_the_due_date_or_from_today_when_overdue():
    assert renewal_due_date(date(2026, 4, 1), date(2026, 3, 30), 30) == date(2026, 5, 4)  # 1 May Fri → 4 May Mon
    assert renewal_due_date(date(2026, 4, 1), date(2026, 4, 10), 14) == date(2026, 4, 24)


def test_a_reserved_item_waits_at_the_desk_until_a_working_day():
    assert reservation_ready_until(date(2026, 3, 2), 7) == date(2026, 3, 9)
    assert reservation_ready_until(date(2026, 12, 17), 7) == date(2026, 12, 28)  # 24, 25, 26 Dec and Sunday


@pytest.mark.parametrize(
    ("today", "number"),
    [(date(2026, 4, 1), None), (date(2026, 4, 2), 1), (date(2026, 4, 8), 1), (date(2026, 4, 9), 2)],
)
def test_the_overdue_reminders_are_numbered_every_seven_days(today, number):
    assert overdue_reminder_due(date(2026, 4, 1), today, 7) == number


def test_a_subscription_renewal_moves_earlier_to_a_working_day():
    assert subscription_renewal_date(date(2026, 12, 31), 30) == date(2026, 12, 1)
    assert subscription_renewal_date(date(2026, 6, 30), 30) == date(2026, 5, 29)  # Sunday 31 May → Friday 29 May


@pytest.mark.django_db
def test_the_terminarz_shows_overdue_and_soon_due_loans_and_renewals():
    overdue = make_loan(today=date(2026, 1, 30))  # due Monday 2 March
    soon = make_loan(today=date(2026, 2, 3))  # due Thursday 5 March
    make_loan(today=date(2026, 3, 2))  # due 1 April: not yet
    returned = make_loan(today=date(2026, 1, 28))
    returned.returned_at = returned.created_at
    returned.save(update_fields=["returned_at"])
    subscription = Subscription.objects.create(
        title="Wspólnota",
        supplier="Municipium",
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 3, 31),
        cost=Decimal("1188.00"),
    )
    assert {"library.loans", "library.subscriptions"} <= set(deadline_sources())
    with on_day(date(2026, 3, 3)):
        rows = open_deadlines(section="library")
    # The subscription ends on 31 March: 30 days before is Sunday 1 March, so Friday 27 February.
    assert [(row.due_date, row.url) for row in rows] == [
        (date(2026, 2, 27), reverse("admin:library_subscription_change", args=[subscription.pk])),
        (date(2026, 3, 2), reverse("admin:library_loan_change", args=[overdue.pk])),
        (date(2026, 3, 5), reverse("admin:library_loan_change", args=[soon.pk])),
    ]
    assert "Wspólnota" in rows[0].title
    assert overdue.item.title[:40] in rows[1].title


@pytest.mark.django_db
def test_the_loans_source_reads_the_database_once(django_assert_num_queries):
    for day in (1, 2, 3):
        make_loan(today=date(2026, 2, day))
    source = deadline_sources()["library.loans"]
    with on_day(date(2026, 3, 10)), django_assert_num_queries(1):
        assert len(list(source.read())) == 3


@pytest.mark.django_db
def test_only_the_library_sees_its_loans_in_the_terminarz(clerk_client):
    """The rows name employees: a clerk of another section does not see them."""
    from tests.library.factories import LIBRARY_GROUP, OTHER_GROUP

    loan = make_loan(today=date(2020, 1, 2))
    url = reverse("admin:core_deadline_list")
    assert loan.item.title in clerk_client(groups=[LIBRARY_GROUP]).get(url).content.decode()
    assert loan.item.title not in clerk_client(groups=[OTHER_GROUP]).get(url).content.decode()
