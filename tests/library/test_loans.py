"""Lending, renewing and returning; the reservations queue; the limits read from the loan rules."""

from datetime import date

import pytest
from django.core import mail

from core.models import OutboxMessage
from library import services
from library.models import Loan, LoanRule, Reservation, WriteOffProtocol
from tests.library.factories import make_employee, make_item, make_loan

MONDAY = date(2026, 3, 2)


@pytest.mark.django_db
def test_a_loan_is_due_after_the_rules_period_moved_off_a_closed_day():
    """30 days from Monday 2 March 2026 is Wednesday 1 April; 14 days (a rule) from it is Monday 16 March."""
    assert make_loan(today=MONDAY).due_on == date(2026, 4, 1)
    LoanRule.objects.create(kind="book", loan_days=12)
    # 12 days from 2 March is Saturday 14 March: the library is closed, so Monday 16 March.
    assert make_loan(today=MONDAY).due_on == date(2026, 3, 16)


@pytest.mark.django_db
def test_an_item_lent_cannot_be_lent_again_until_returned():
    loan = make_loan(today=MONDAY)
    with pytest.raises(services.LibraryError, match="wypożyczona"):
        services.loan_lend(item=loan.item, borrower=make_employee(), acting_user=None, today=MONDAY)
    services.loan_return(loan=loan, acting_user=None)
    assert services.loan_lend(item=loan.item, borrower=make_employee(), acting_user=None, today=MONDAY).pk


@pytest.mark.django_db
def test_written_off_and_reference_items_are_not_lent():
    reference = make_item(loanable=False)
    with pytest.raises(services.LibraryError, match="na miejscu"):
        services.loan_lend(item=reference, borrower=make_employee(), acting_user=None)
    gone = make_item()
    services.write_off_record(
        protocol=WriteOffProtocol(number="2/2026", drawn_up_on=MONDAY, reason="worn_out"),
        items=[gone],
        acting_user=None,
    )
    with pytest.raises(services.LibraryError, match="wycofana"):
        services.loan_lend(item=gone, borrower=make_employee(), acting_user=None)


@pytest.mark.django_db
def test_the_limit_of_items_per_employee_is_data():
    LoanRule.objects.create(kind="book", max_loans=2)
    employee = make_employee()
    make_loan(borrower=employee)
    make_loan(borrower=employee)
    with pytest.raises(services.LibraryError, match="2"):
        make_loan(borrower=employee)
    assert Loan.objects.open().filter(borrower=employee).count() == 2


@pytest.mark.django_db
def test_renewal_moves_the_due_date_until_the_rules_limit():
    LoanRule.objects.create(kind="book", max_renewals=1, renewal_days=14)
    loan = make_loan(today=MONDAY)  # due 1 April 2026
    loan = services.loan_renew(loan=loan, acting_user=None, today=date(2026, 3, 30))
    assert (loan.due_on, loan.renewals) == (date(2026, 4, 15), 1)
    with pytest.raises(services.LibraryError, match="1"):
        services.loan_renew(loan=loan, acting_user=None, today=date(2026, 3, 30))


@pytest.mark.django_db
def test_nobody_renews_an_item_someone_waits_for():
    loan = make_loan(today=MONDAY)
    services.reservation_place(item=loan.item, employee=make_employee(), today=MONDAY)
    with pytest.raises(services.LibraryError, match="czeka"):
        services.loan_renew(loan=loan, acting_user=None, today=MONDAY)
    assert Loan.objects.get(pk=loan.pk).renewals == 0


@pytest.mark.django_db(transaction=False)
def test_a_return_sets_the_item_aside_for_the_first_in_the_queue_only(django_capture_on_commit_callbacks):
    """Two wait; the return makes the first one's reservation ready (with an e-mail), the second keeps waiting, and
    only the first may borrow the item."""
    loan = make_loan(today=MONDAY)
    first, second = make_employee(), make_employee()
    waiting_first = services.reservation_place(item=loan.item, employee=first, today=MONDAY)
    waiting_second = services.reservation_place(item=loan.item, employee=second, today=MONDAY)
    assert {waiting_first.status, waiting_second.status} == {Reservation.Status.WAITING}

    with django_capture_on_commit_callbacks(execute=True):
        services.loan_return(loan=loan, acting_user=None)
    waiting_first.refresh_from_db()
    waiting_second.refresh_from_db()
    assert waiting_first.status == Reservation.Status.READY
    assert waiting_first.ready_until is not None
    assert waiting_second.status == Reservation.Status.WAITING
    assert [m.to for m in mail.outbox] == [[first.email]]
    assert OutboxMessage.objects.filter(to=[first.email]).exists()

    with pytest.raises(services.LibraryError, match="innego pracownika"):
        services.loan_lend(item=loan.item, borrower=second, acting_user=None)
    services.loan_lend(item=loan.item, borrower=first, acting_user=None)
    waiting_first.refresh_from_db()
    assert waiting_first.status == Reservation.Status.FULFILLED


@pytest.mark.django_db
def test_a_free_item_reserved_is_set_aside_at_once_and_the_queue_moves_on_cancellation():
    item = make_item()
    first, second = make_employee(), make_employee()
    ready = services.reservation_place(item=item, employee=first, today=MONDAY)
    assert (ready.status, ready.ready_until) == (Reservation.Status.READY, date(2026, 3, 9))
    waiting = services.reservation_place(item=item, employee=second, today=MONDAY)
    assert waiting.status == Reservation.Status.WAITING
    with pytest.raises(services.LibraryError, match="już"):
        services.reservation_place(item=item, employee=first, today=MONDAY)
    services.reservation_cancel(reservation=ready, acting_user=first, today=MONDAY)
    waiting.refresh_from_db()
    assert waiting.status == Reservation.Status.READY


@pytest.mark.django_db
def test_an_item_not_picked_up_passes_to_the_next_employee():
    item = make_item()
    first, second = make_employee(), make_employee()
    ready = services.reservation_place(item=item, employee=first, today=MONDAY)
    waiting = services.reservation_place(item=item, employee=second, today=MONDAY)
    assert services.reservations_expire(today=date(2026, 3, 9)) == 0  # the last day at the desk
    assert services.reservations_expire(today=date(2026, 3, 10)) == 1
    ready.refresh_from_db()
    waiting.refresh_from_db()
    assert (ready.status, waiting.status) == (Reservation.Status.EXPIRED, Reservation.Status.READY)


@pytest.mark.django_db
def test_a_lent_item_cannot_be_written_off_before_its_return():
    loan = make_loan()
    with pytest.raises(services.LibraryError, match="zwrot"):
        services.write_off_record(
            protocol=WriteOffProtocol(number="3/2026", drawn_up_on=MONDAY, reason="lost"),
            items=[loan.item],
            acting_user=None,
        )
    assert not WriteOffProtocol.objects.exists()
