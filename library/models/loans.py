"""Loans to the City Hall's employees, their reservations queue and the reminders sent about them.

The limits are data (`LoanRule`, one per kind of item), not code: the librarian changes a loan period in the
admin. The numbers the rules start from are [K] (DOMAIN.md §H: "due_at, e.g. 30 d"): no statute governs an
office's own specialist library, so they are the library's regulamin, kept configurable.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel
from library.models.catalogue import LibraryItem

#: [K] DOMAIN.md §H: a loan runs 30 days.
DEFAULT_LOAN_DAYS = 30
#: [K] Two renewals of 30 days each, unless someone waits for the item.
DEFAULT_MAX_RENEWALS = 2
DEFAULT_RENEWAL_DAYS = 30
#: [K] At most 10 items of a kind at once per employee.
DEFAULT_MAX_LOANS = 10
#: [K] The first reminder 3 days before the due date; after it, every 7 days until the item is back.
DEFAULT_REMINDER_DAYS_BEFORE = 3
DEFAULT_OVERDUE_REMINDER_EVERY_DAYS = 7
#: [K] A reserved item waits 7 days at the desk for its employee.
DEFAULT_PICKUP_DAYS = 7


class LoanRule(TimeStampedModel):
    """How long a kind of item is lent, how often it may be renewed, and when its borrowers are reminded."""

    kind = models.CharField(_("kind of item"), max_length=20, choices=LibraryItem.Kind.choices, unique=True)
    loan_days = models.PositiveSmallIntegerField(_("loan period (days)"), default=DEFAULT_LOAN_DAYS)
    max_renewals = models.PositiveSmallIntegerField(_("renewals allowed"), default=DEFAULT_MAX_RENEWALS)
    renewal_days = models.PositiveSmallIntegerField(_("renewal period (days)"), default=DEFAULT_RENEWAL_DAYS)
    max_loans = models.PositiveSmallIntegerField(_("items of this kind per employee"), default=DEFAULT_MAX_LOANS)
    reminder_days_before = models.PositiveSmallIntegerField(
        _("reminder before the due date (days)"), default=DEFAULT_REMINDER_DAYS_BEFORE
    )
    overdue_reminder_every_days = models.PositiveSmallIntegerField(
        _("overdue reminder every (days)"), default=DEFAULT_OVERDUE_REMINDER_EVERY_DAYS
    )
    pickup_days = models.PositiveSmallIntegerField(
        _("reserved item waits at the desk (days)"), default=DEFAULT_PICKUP_DAYS
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("loan rule")
        verbose_name_plural = _("loan rules")
        ordering = ["kind"]
        constraints = [
            models.CheckConstraint(condition=Q(loan_days__gt=0), name="library_loan_rule_loan_days_positive"),
            models.CheckConstraint(
                condition=Q(overdue_reminder_every_days__gt=0), name="library_loan_rule_overdue_every_positive"
            ),
        ]

    def __str__(self):
        return str(self.get_kind_display())


class LoanQuerySet(models.QuerySet):
    def open(self):
        return self.filter(returned_at__isnull=True)

    def overdue(self, today):
        """Open loans whose due date has passed: the due date itself is still on time."""
        return self.open().filter(due_on__lt=today)


class Loan(TimeStampedModel):
    """An item lent to an employee: open until it is returned. One open loan per item (a database constraint)."""

    item = models.ForeignKey(LibraryItem, verbose_name=_("item"), on_delete=models.PROTECT, related_name="loans")
    borrower = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("employee"), on_delete=models.PROTECT, related_name="library_loans"
    )
    lent_on = models.DateField(_("lent on"))
    due_on = models.DateField(_("due on"))
    renewals = models.PositiveSmallIntegerField(_("renewals"), default=0)
    returned_at = models.DateTimeField(_("returned at"), null=True, blank=True)
    lent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lent by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    objects = LoanQuerySet.as_manager()

    class Meta:
        verbose_name = _("loan")
        verbose_name_plural = _("loans")
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["item"], condition=Q(returned_at__isnull=True), name="library_one_open_loan_per_item"
            ),
            models.CheckConstraint(condition=Q(due_on__gte=models.F("lent_on")), name="library_loan_due_after_lent"),
        ]
        indexes = [models.Index(fields=["borrower", "returned_at"], name="library_loan_borrower_open")]

    def __str__(self):
        return f"{self.item.inventory_number} — {self.borrower}"


class ReservationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=Reservation.ACTIVE_STATUSES)


class Reservation(TimeStampedModel):
    """An employee's place in an item's queue: waiting, then ready at the desk until a date, then lent or over."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting")
        READY = "ready", _("ready for pickup")
        FULFILLED = "fulfilled", _("lent")
        CANCELLED = "cancelled", _("cancelled")
        EXPIRED = "expired", _("not picked up")

    ACTIVE_STATUSES = (Status.WAITING, Status.READY)

    item = models.ForeignKey(
        LibraryItem, verbose_name=_("item"), on_delete=models.PROTECT, related_name="reservations"
    )
    employee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("employee"),
        on_delete=models.PROTECT,
        related_name="library_reservations",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.WAITING)
    ready_until = models.DateField(_("waits at the desk until"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    history = HistoricalRecords()

    objects = ReservationQuerySet.as_manager()

    class Meta:
        verbose_name = _("reservation")
        verbose_name_plural = _("reservations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "employee"],
                condition=Q(status__in=["waiting", "ready"]),
                name="library_one_active_reservation_per_employee",
            ),
            models.UniqueConstraint(
                fields=["item"], condition=Q(status="ready"), name="library_one_ready_reservation_per_item"
            ),
        ]
        indexes = [models.Index(fields=["item", "status"], name="library_reservation_queue")]

    def __str__(self):
        return f"{self.item.inventory_number} — {self.employee}"


class LoanReminder(models.Model):
    """A reminder e-mailed about a loan (the outbox sends it); its number keeps the daily job from repeating it."""

    class Kind(models.TextChoices):
        BEFORE = "before", _("before the due date")
        DUE = "due", _("on the due date")
        OVERDUE = "overdue", _("overdue")

    loan = models.ForeignKey(Loan, verbose_name=_("loan"), on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    number = models.PositiveSmallIntegerField(_("number"), default=1)
    sent_on = models.DateField(_("sent on"))

    class Meta:
        verbose_name = _("loan reminder")
        verbose_name_plural = _("loan reminders")
        ordering = ["sent_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["loan", "kind", "number"], name="library_one_reminder_per_kind_number")
        ]

    def __str__(self):
        return f"{self.loan} — {self.get_kind_display()} {self.sent_on}"
