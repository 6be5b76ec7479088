"""Requests for a certified extract (odpis) from the register, handled as cases (DOMAIN.md §A.5).

Rozporządzenie MKiDN z 26.01.2012 (Dz.U. 2012 poz. 189), § 10–§ 13 [V-sec]: anyone may ask for a full extract
(all entries of the institution's book) or an abridged one (the current entries of the register); it is sent
within 14 days of receiving the request (`institutions.deadlines.register_extract_due`), by registered post, handed
over in person or sent electronically. Opłata skarbowa per page of each copy [V-sec], proof attached to the request
or sent later from the tracking page (core.case_fees); the rate is configuration
(`institutions.deadlines.extract_fee_per_page`) [K]. The clerk records the pages before asking for the fee, and the
extract is issued only once the fee is recorded as paid (ustawa o opłacie skarbowej art. 6 ust. 1 pkt 2).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.case_fees import CaseFee
from core.models import Case
from core.workflow import ApplicantChanges, Transition, Workflow
from institutions.models.register import CulturalInstitution

#: More pages than any book could fill: a typing error, not an extract.
MAX_PAGES = 500
#: While the request is handled the pages and the fee may still be recorded; after that they are the case's record.
FEE_OPEN_STATUSES = frozenset({"received", "changes_requested", "awaiting_fee"})


class ExtractRequest(Case):
    """A request for an odpis pełny (the book) or odpis skrócony (the register's current entries)."""

    class Kind(models.TextChoices):
        FULL = "full", _("full extract (all entries of the register book)")
        ABRIDGED = "abridged", _("abridged extract (current entries of the register)")

    class Delivery(models.TextChoices):
        POST = "post_registered", _("by registered post")
        IN_PERSON = "in_person", _("collected in person at the City Hall")
        ELECTRONIC = "electronic", _("electronically (e-mail or e-Doręczenia)")

    class Status(models.TextChoices):
        RECEIVED = "received", _("received")
        CHANGES_REQUESTED = "changes_requested", _("awaiting corrections from the applicant")
        AWAITING_FEE = "awaiting_fee", _("awaiting the fee")
        ISSUED = "issued", _("extract issued")
        DELIVERED = "delivered", _("delivered")
        REJECTED = "rejected_incomplete", _("left unprocessed (incomplete)")

    CASE_KIND_DEFAULTS = {"unit": "KSP", "jrwa": "5210"}
    PERSONAL_DATA_FIELDS = ("applicant_name", "applicant_address", "contact_email")
    APPLICANT_NAME_FIELDS = ("applicant_name",)
    APPLICANT_EMAIL_FIELD = "contact_email"
    CASE_OPENED_SUBJECT = _("Your request for an extract has been received — %(mark)s")

    institution = models.ForeignKey(
        CulturalInstitution, verbose_name=_("institution"), on_delete=models.PROTECT, related_name="extract_requests"
    )
    kind = models.CharField(_("kind of extract"), max_length=20, choices=Kind)
    copies = models.PositiveSmallIntegerField(_("number of copies"), default=1)
    applicant_name = models.CharField(_("name or name of the organisation"), max_length=200)
    applicant_address = models.TextField(_("postal address"), max_length=500)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    delivery = models.CharField(_("delivery"), max_length=20, choices=Delivery)
    received_on = models.DateField(_("received on"), default=timezone.localdate)
    pages = models.PositiveSmallIntegerField(
        _("pages of the extract"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PAGES)],
        help_text=_(
            "Pages of one copy, counted before asking for the fee: the applicant pays for each page of each copy."
        ),
    )
    fee_paid = models.BooleanField(
        _("fee paid"), default=False, help_text=_("Tick once the payment has reached the City Hall's account.")
    )
    issued_on = models.DateField(_("issued on"), null=True, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=30, choices=Status, default=Status.RECEIVED, editable=False)

    history = HistoricalRecords()

    workflow = Workflow(
        action_prefix="institutions.extract",
        transitions=[
            Transition(
                "request_fee",
                source={Status.RECEIVED},
                target=Status.AWAITING_FEE,
                label=_("Ask for the fee"),
                note_to_applicant=True,
                guard="institutions.services.extract_request_check_request_fee",
                note_message="institutions.services.extract_request_message_request_fee",
            ),
            Transition(
                "request_changes",
                source={Status.RECEIVED},
                target=Status.CHANGES_REQUESTED,
                label=_("Ask for corrections"),
                note_required=True,
                note_to_applicant=True,
            ),
            Transition(
                "resubmit",
                source={Status.CHANGES_REQUESTED},
                target=Status.RECEIVED,
                label=_("Corrections received"),
            ),
            Transition(
                "issue",
                source={Status.RECEIVED, Status.AWAITING_FEE},
                target=Status.ISSUED,
                label=_("Issue the extract"),
                guard="institutions.services.extract_request_check_issue",
                effect="institutions.services.on_extract_request_issue",
            ),
            Transition(
                "deliver", source={Status.ISSUED}, target=Status.DELIVERED, label=_("Delivered"), closes_case=True
            ),
            Transition(
                "reject",
                source={Status.RECEIVED, Status.CHANGES_REQUESTED, Status.AWAITING_FEE},
                target=Status.REJECTED,
                label=_("Leave unprocessed"),
                note_required=True,
                closes_case=True,
                note_to_applicant=True,
            ),
        ],
    )

    # Asked for corrections, the applicant corrects the request from the tracking page; sending it is the
    # "resubmit" transition (core.applicant_changes).
    applicant_changes = ApplicantChanges(
        statuses={Status.CHANGES_REQUESTED},
        resubmit="resubmit",
        form="institutions.forms.ExtractChangesForm",
        label=_("Correct the request"),
    )

    # The fee on the tracking page: the rate, then the amount once the pages are recorded, the City Hall's account
    # and a form for the proof of payment until the fee is recorded as paid.
    case_fee = CaseFee(due="institutions.services.extract_request_fee_due")

    class Meta:
        verbose_name = _("extract request")
        verbose_name_plural = _("extract requests")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "received_on"], name="extract_request_status_idx")]
        constraints = [
            # The fee is counted from the pages: nobody can have checked a payment of an amount not yet known.
            models.CheckConstraint(
                condition=Q(fee_paid=False) | Q(pages__isnull=False), name="extract_request_fee_paid_needs_pages"
            ),
        ]

    def __str__(self):
        return f"{self.case_mark}: {self.institution.full_name}"

    def clean(self):
        super().clean()
        if self.fee_paid and self.pages is None:
            raise ValidationError(
                {"fee_paid": _("Record the pages of the extract first: the fee is counted from them.")}
            )
