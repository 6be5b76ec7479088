"""Every write of the City Hall library: the inventory book, loans, reservations, reminders, periodicals routing.

Plain functions with keyword-only arguments and the acting user; each runs in one transaction, locks the rows it
decides on, checks before it writes and raises `LibraryError` (Polish, for the librarian or the employee) when it
refuses. E-mails go through the transactional outbox (`core.mail.mail_enqueue`), so a rolled-back write sends none.
The numbers of the loan rules are data (`LoanRule`), [K] DOMAIN.md §H.
"""

from datetime import date, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.mail import mail_enqueue
from core.services import CaseWorkError
from core.site import site_url
from library.deadlines import loan_due_date, overdue_reminder_due, renewal_due_date, reservation_ready_until
from library.models import (
    InventoryCounter,
    IssueRoutingStop,
    LibraryItem,
    Loan,
    LoanReminder,
    LoanRule,
    PeriodicalIssue,
    Reservation,
    Subscription,
    WriteOffProtocol,
)


class LibraryError(CaseWorkError):
    """A refusal of the library: a Polish sentence the librarian or the employee reads."""


def _with_history_user(obj, acting_user):
    obj._history_user = acting_user
    return obj


# ----------------------------------------------------------------------------------------------------------------
# The inventory book
# ----------------------------------------------------------------------------------------------------------------


def inventory_number_next() -> int:
    """Take the next inventory number: the counter row is locked, so concurrent additions never share one.

    The counter only grows and an item is never deleted (a write-off keeps it in the book), so a number is never
    given again [K: rozporządzenie MKiDN z 29.10.2008 w sprawie sposobu ewidencji materiałów bibliotecznych, § 4:
    each item gets its own consecutive number of the inventory book]. Call inside a transaction.
    """
    counter, _created = InventoryCounter.objects.get_or_create(pk=1)
    counter = InventoryCounter.objects.select_for_update().get(pk=counter.pk)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def item_add(*, acting_user, **fields) -> LibraryItem:
    """Enter a new item in the inventory book under the next inventory number and return it."""
    with transaction.atomic():
        item = LibraryItem(**fields)
        item.inventory_number = inventory_number_next()
        item.full_clean()
        _with_history_user(item, acting_user).save()
    return item


def write_off_record(*, protocol: WriteOffProtocol, items, acting_user) -> WriteOffProtocol:
    """Record a protocol of ubytki and remove its items from stock; they stay in the book with its number.

    Refuses an item already written off or still lent: it is returned (or its loss recorded) first. Active
    reservations of the items are cancelled. [K: rozporządzenie MKiDN z 29.10.2008, § 20–27: ubytki on the basis
    of a protocol, entered in the register of write-offs and noted at the item's entry in the inventory book.]
    """
    with transaction.atomic():
        items = list(LibraryItem.objects.select_for_update().filter(pk__in=[item.pk for item in items]))
        if not items:
            raise LibraryError(_("Choose the items the protocol writes off."))
        for item in items:
            if item.write_off_id is not None:
                raise LibraryError(_("Item %(number)s is already written off.") % {"number": item.inventory_number})
        lent = Loan.objects.open().filter(item__in=items).select_related("item").first()
        if lent is not None:
            raise LibraryError(
                _("Item %(number)s is lent: record its return first.") % {"number": lent.item.inventory_number}
            )
        protocol.full_clean()
        _with_history_user(protocol, acting_user).save()
        now = timezone.now()
        for item in items:
            item.write_off = protocol
            _with_history_user(item, acting_user).save(update_fields=["write_off", "updated_at"])
        for reservation in Reservation.objects.active().filter(item__in=items):
            reservation.status = Reservation.Status.CANCELLED
            reservation.closed_at = now
            _with_history_user(reservation, acting_user).save(update_fields=["status", "closed_at", "updated_at"])
    return protocol


# ----------------------------------------------------------------------------------------------------------------
# Loans and reservations
# ----------------------------------------------------------------------------------------------------------------


def loan_rule_for(kind: str) -> LoanRule:
    """The loan rule of a kind of item; the [K] defaults (an unsaved rule) while the librarian has set none."""
    return LoanRule.objects.filter(kind=kind).first() or LoanRule(kind=kind)


def _today(today: date | None) -> date:
    return today or timezone.localdate()


def _check_lendable(item: LibraryItem) -> None:
    if item.write_off_id is not None:
        raise LibraryError(_("Item %(number)s is written off.") % {"number": item.inventory_number})
    if not item.loanable:
        raise LibraryError(_("Item %(number)s is for reading on the spot only.") % {"number": item.inventory_number})


def loan_lend(*, item: LibraryItem, borrower, acting_user, today: date | None = None) -> Loan:
    """Lend `item` to `borrower` for the loan period of its kind and return the loan.

    Refuses a written-off or reference item, an item already lent, a borrower at the limit of the kind, and an
    item someone else is first in the queue for; the borrower's own reservation of it is fulfilled.
    """
    today = _today(today)
    with transaction.atomic():
        item = LibraryItem.objects.select_for_update().get(pk=item.pk)
        _check_lendable(item)
        if Loan.objects.open().filter(item=item).exists():
            raise LibraryError(
                _("Item %(number)s is lent: record its return first.") % {"number": item.inventory_number}
            )
        if not borrower.is_active:
            raise LibraryError(_("The employee's account is inactive."))
        rule = loan_rule_for(item.kind)
        if Loan.objects.open().filter(borrower=borrower, item__kind=item.kind).count() >= rule.max_loans:
            raise LibraryError(
                _("The employee already has %(count)d items of this kind, the most the rules allow.")
                % {"count": rule.max_loans}
            )
        queue = list(Reservation.objects.active().filter(item=item).order_by("created_at", "pk"))
        first = next((r for r in queue if r.status == Reservation.Status.READY), queue[0] if queue else None)
        own = next((r for r in queue if r.employee_id == borrower.pk), None)
        if first is not None and first.employee_id != borrower.pk:
            raise LibraryError(
                _("Item %(number)s is reserved for another employee, who is first in the queue.")
                % {"number": item.inventory_number}
            )
        loan = Loan(
            item=item,
            borrower=borrower,
            lent_on=today,
            due_on=loan_due_date(today, rule.loan_days),
            lent_by=acting_user,
        )
        _with_history_user(loan, acting_user).save()
        if own is not None:
            own.status = Reservation.Status.FULFILLED
            own.closed_at = timezone.now()
            _with_history_user(own, acting_user).save(update_fields=["status", "closed_at", "updated_at"])
    return loan


def loan_renew(*, loan: Loan, acting_user, today: date | None = None) -> Loan:
    """Renew an open loan by the renewal period of its kind, counted from its due date.

    Refuses a returned loan, one renewed as often as the rules allow, and an item someone waits for. The
    employee may renew their own loan; the librarian anyone's.
    """
    today = _today(today)
    with transaction.atomic():
        loan = Loan.objects.select_for_update().select_related("item").get(pk=loan.pk)
        if loan.returned_at is not None:
            raise LibraryError(_("The item is already returned."))
        rule = loan_rule_for(loan.item.kind)
        if loan.renewals >= rule.max_renewals:
            raise LibraryError(
                _("The loan was renewed %(count)d times, the most the rules allow: return the item.")
                % {"count": loan.renewals}
            )
        if Reservation.objects.active().filter(item=loan.item).exists():
            raise LibraryError(_("Another employee waits for this item: it cannot be renewed."))
        loan.due_on = renewal_due_date(loan.due_on, today, rule.renewal_days)
        loan.renewals += 1
        _with_history_user(loan, acting_user).save(update_fields=["due_on", "renewals", "updated_at"])
    return loan


def _employee_library_url() -> str:
    return site_url(reverse("library:my_loans"))


def _reservation_make_ready(reservation: Reservation, *, today: date, acting_user) -> None:
    rule = loan_rule_for(reservation.item.kind)
    reservation.status = Reservation.Status.READY
    reservation.ready_until = reservation_ready_until(today, rule.pickup_days)
    _with_history_user(reservation, acting_user).save(update_fields=["status", "ready_until", "updated_at"])
    if reservation.employee.email:
        mail_enqueue(
            to=[reservation.employee.email],
            subject=_("The library item you reserved is waiting for you"),
            template="library_reservation_ready",
            context={"reservation": reservation, "item": reservation.item, "library_url": _employee_library_url()},
        )


def _queue_advance(item: LibraryItem, *, today: date, acting_user) -> Reservation | None:
    """Set the item aside for the first employee waiting, if it is free now; return that reservation."""
    if Loan.objects.open().filter(item=item).exists():
        return None
    if Reservation.objects.filter(item=item, status=Reservation.Status.READY).exists():
        return None
    first = (
        Reservation.objects.select_for_update()
        .select_related("item", "employee")
        .filter(item=item, status=Reservation.Status.WAITING)
        .order_by("created_at", "pk")
        .first()
    )
    if first is not None:
        _reservation_make_ready(first, today=today, acting_user=acting_user)
    return first


def loan_return(*, loan: Loan, acting_user, now=None) -> Loan:
    """Record the return of a loan; the item is set aside for the first employee in its queue, who is e-mailed."""
    now = now or timezone.now()
    with transaction.atomic():
        loan = Loan.objects.select_for_update().select_related("item").get(pk=loan.pk)
        if loan.returned_at is not None:
            raise LibraryError(_("The item is already returned."))
        loan.returned_at = now
        _with_history_user(loan, acting_user).save(update_fields=["returned_at", "updated_at"])
        LibraryItem.objects.select_for_update().get(pk=loan.item_id)
        _queue_advance(loan.item, today=timezone.localdate(now), acting_user=acting_user)
    return loan


def reservation_place(*, item: LibraryItem, employee, today: date | None = None) -> Reservation:
    """Put `employee` in the queue of `item`; a free item with nobody waiting is set aside at once.

    Refuses a written-off or reference item, a second reservation of the same item and an item the employee has.
    """
    today = _today(today)
    with transaction.atomic():
        item = LibraryItem.objects.select_for_update().get(pk=item.pk)
        _check_lendable(item)
        if Reservation.objects.active().filter(item=item, employee=employee).exists():
            raise LibraryError(_("You have already reserved this item."))
        if Loan.objects.open().filter(item=item, borrower=employee).exists():
            raise LibraryError(_("You have this item on loan."))
        reservation = Reservation(item=item, employee=employee)
        _with_history_user(reservation, employee).save()
        _queue_advance(item, today=today, acting_user=employee)
        reservation.refresh_from_db()
    return reservation


def reservation_cancel(*, reservation: Reservation, acting_user, today: date | None = None) -> Reservation:
    """Cancel an active reservation (the employee's own, or any by the librarian); the queue moves on."""
    today = _today(today)
    with transaction.atomic():
        LibraryItem.objects.select_for_update().get(pk=reservation.item_id)
        reservation = Reservation.objects.select_for_update().select_related("item").get(pk=reservation.pk)
        if reservation.status not in Reservation.ACTIVE_STATUSES:
            raise LibraryError(_("The reservation is no longer active."))
        reservation.status = Reservation.Status.CANCELLED
        reservation.closed_at = timezone.now()
        _with_history_user(reservation, acting_user).save(update_fields=["status", "closed_at", "updated_at"])
        _queue_advance(reservation.item, today=today, acting_user=acting_user)
    return reservation


def reservations_expire(*, today: date | None = None) -> int:
    """Close the items set aside and not picked up by their last day; the next in each queue gets the item."""
    today = _today(today)
    expired = 0
    for pk in Reservation.objects.filter(status=Reservation.Status.READY, ready_until__lt=today).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            reservation = Reservation.objects.select_for_update().select_related("item").get(pk=pk)
            if reservation.status != Reservation.Status.READY:
                continue
            reservation.status = Reservation.Status.EXPIRED
            reservation.closed_at = timezone.now()
            _with_history_user(reservation, None).save(update_fields=["status", "closed_at", "updated_at"])
            _queue_advance(reservation.item, today=today, acting_user=None)
            expired += 1
    return expired


def _reminder_due(loan: Loan, rule: LoanRule, sent: dict, today: date) -> tuple[str, int] | None:
    """The reminder (kind, number) the loan is owed today and has not had, if any."""
    if today > loan.due_on:
        number = overdue_reminder_due(loan.due_on, today, rule.overdue_reminder_every_days)
        if number and (LoanReminder.Kind.OVERDUE, number) not in sent:
            return LoanReminder.Kind.OVERDUE, number
        return None
    if today == loan.due_on:
        return (LoanReminder.Kind.DUE, 1) if (LoanReminder.Kind.DUE, 1) not in sent else None
    if rule.reminder_days_before and today >= loan.due_on - timedelta(days=rule.reminder_days_before):
        return (LoanReminder.Kind.BEFORE, 1) if (LoanReminder.Kind.BEFORE, 1) not in sent else None
    return None


def loan_reminders_send(*, today: date | None = None) -> int:
    """E-mail every borrower the reminder their open loan is owed today; return how many were queued.

    Before the due date (the rule's days before), on the due date, and after it every few days until the item is
    back. Each reminder is recorded with its number, so running the job twice a day sends nothing twice.
    """
    today = _today(today)
    rules = {rule.kind: rule for rule in LoanRule.objects.all()}
    horizon = today + timedelta(days=max([r.reminder_days_before for r in rules.values()] + [0, 3]))
    loans = (
        Loan.objects.open()
        .filter(due_on__lte=horizon)
        .select_related("item", "borrower")
        .prefetch_related("reminders")
        .order_by("pk")
    )
    queued = 0
    for loan in loans:
        rule = rules.get(loan.item.kind) or LoanRule(kind=loan.item.kind)
        sent = {(reminder.kind, reminder.number) for reminder in loan.reminders.all()}
        owed = _reminder_due(loan, rule, sent, today)
        if owed is None or not loan.borrower.email:
            continue
        kind, number = owed
        with transaction.atomic():
            _reminder, created = LoanReminder.objects.get_or_create(
                loan=loan, kind=kind, number=number, defaults={"sent_on": today}
            )
            if not created:
                continue
            mail_enqueue(
                to=[loan.borrower.email],
                subject=_reminder_subject(kind, loan),
                template="library_loan_reminder",
                context={
                    "loan": loan,
                    "item": loan.item,
                    "kind": kind,
                    "days_overdue": (today - loan.due_on).days,
                    "library_url": _employee_library_url(),
                },
            )
            queued += 1
    return queued


def _reminder_subject(kind: str, loan: Loan) -> str:
    if kind == LoanReminder.Kind.OVERDUE:
        return _("Library: the return date of “%(title)s” has passed") % {"title": loan.item.title[:80]}
    if kind == LoanReminder.Kind.DUE:
        return _("Library: return “%(title)s” today") % {"title": loan.item.title[:80]}
    return _("Library: “%(title)s” is due on %(date)s") % {
        "title": loan.item.title[:80],
        "date": loan.due_on.strftime("%d.%m.%Y"),
    }


def library_daily_run(*, today: date | None = None) -> dict[str, int]:
    """The library's daily job: expire uncollected reservations, then send the reminders owed today."""
    today = _today(today)
    return {"expired": reservations_expire(today=today), "reminders": loan_reminders_send(today=today)}


# ----------------------------------------------------------------------------------------------------------------
# Periodicals routing
# ----------------------------------------------------------------------------------------------------------------


def issue_log(
    *, subscription: Subscription, designation: str, received_on: date, acting_user, item: LibraryItem | None = None
) -> PeriodicalIssue:
    """Log a new issue of a subscription and route it: its stops copy the routing list, the first receives it."""
    with transaction.atomic():
        designation = designation.strip()
        if PeriodicalIssue.objects.filter(subscription=subscription, designation__iexact=designation).exists():
            raise LibraryError(
                _("Issue %(issue)s of this subscription is already logged.") % {"issue": designation[:60]}
            )
        issue = PeriodicalIssue(subscription=subscription, designation=designation, received_on=received_on, item=item)
        issue.full_clean()
        issue.save()
        stops = [
            IssueRoutingStop(
                issue=issue,
                department_id=stop.department_id,
                position=position,
                received_on=received_on if position == 1 else None,
            )
            for position, stop in enumerate(subscription.routing_stops.order_by("position", "pk"), start=1)
        ]
        IssueRoutingStop.objects.bulk_create(stops)
    return issue


def issue_pass_on(*, issue: PeriodicalIssue, acting_user, today: date | None = None) -> IssueRoutingStop | None:
    """The current holder passes the issue on to the next department; return the new holder's stop (None: back
    in the library)."""
    today = _today(today)
    with transaction.atomic():
        stops = list(IssueRoutingStop.objects.select_for_update().filter(issue=issue).order_by("position", "pk"))
        current = next((stop for stop in stops if stop.passed_on is None), None)
        if current is None:
            raise LibraryError(_("The issue has gone round every department and is back in the library."))
        current.received_on = current.received_on or today
        current.passed_on = today
        current.save(update_fields=["received_on", "passed_on"])
        following = next((stop for stop in stops if stop.position > current.position), None)
        if following is not None:
            following.received_on = today
            following.save(update_fields=["received_on"])
    return following


def subscription_mark_renewed(*, subscription: Subscription, acting_user) -> Subscription:
    """Note that the next period of a subscription is ordered: its renewal leaves the Terminarz."""
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
        subscription.renewed = True
        _with_history_user(subscription, acting_user).save(update_fields=["renewed", "updated_at"])
    return subscription
