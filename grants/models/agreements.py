"""After the grant: agreements with tranches, reports, controls and the settlement with returns and interest."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel
from core.money import MONEY_FIELD
from core.validators import BankAccountNumberField
from core.workflow import Transition, Workflow
from grants.models.offers import CostLineFields, GrantOffer
from grants.rules import Funding, report_may_be_filed


class GrantAgreement(TimeStampedModel):
    """The agreement on a public task (u.d.p.p. art. 16; framework agreement, annex 3 to Dz.U. 2018 poz. 2057)."""

    offer = models.OneToOneField(
        GrantOffer, verbose_name=_("offer"), on_delete=models.PROTECT, related_name="agreement"
    )
    number = models.CharField(_("number"), max_length=60, unique=True)
    signed_on = models.DateField(_("signed on"))
    amount = models.DecimalField(_("amount of the subsidy"), **MONEY_FIELD)
    bank_account = BankAccountNumberField(
        _("bank account of the offeror"), help_text=_("NRB, 26 digits, e.g. 61 1090 1014 0000 0712 1981 2874")
    )
    implementation_from = models.DateField(_("task from"))
    implementation_to = models.DateField(_("task until"))
    use_deadline = models.DateField(
        _("subsidy to be used by"),
        help_text=_(
            "At the latest 31 December of the budget year (u.f.p. art. 221 ust. 3 pkt 3); the unused part is "
            "returned within 15 days after this day, or by 31 January for 31 December (u.f.p. art. 251)."
        ),
    )
    budget_updated = models.BooleanField(
        _("updated schedule and cost table attached"),
        default=False,
        help_text=_("Required when less is granted than asked for."),
    )
    information_obligation = models.CharField(
        _("information obligation"),
        max_length=300,
        default="Zadanie współfinansowane ze środków Miasta Ruda Śląska",
    )
    transferred_on = models.DateField(_("subsidy transferred on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-signed_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="grant_agreement_amount_positive"),
            models.CheckConstraint(
                condition=Q(implementation_to__gte=models.F("implementation_from")),
                name="grant_agreement_period_order",
            ),
        ]

    def __str__(self):
        return self.number


class AgreementTranche(models.Model):
    """A tranche of the subsidy with its transfer date (annex 3, § 3 ust. 1)."""

    agreement = models.ForeignKey(GrantAgreement, on_delete=models.CASCADE, related_name="tranches")
    position = models.PositiveSmallIntegerField(_("no."), default=0)
    due_on = models.DateField(_("transfer by"))
    amount = models.DecimalField(_("amount"), **MONEY_FIELD)

    class Meta:
        verbose_name = _("tranche")
        verbose_name_plural = _("tranches")
        ordering = ["agreement", "position", "pk"]

    def __str__(self):
        return f"{self.position}: {self.amount}"


class GrantReport(TimeStampedModel):
    """A report on the task (u.d.p.p. art. 18): partial or final, filed online on the statutory form or on paper.

    The form is annex 5 to Dz.U. 2018 poz. 2057 ("Sprawozdanie z wykonania zadania publicznego"): the kind and the
    period, I. the merits (the results achieved with the scale of the actions; the actions carried out),
    II. the expenses (the cost table as executed, `GrantReportCostLine`, and the sources as executed: the subsidy
    used is `costs_used`), III. additional information, the declarations and attachments. A small grant
    (u.d.p.p. art. 19a) files the simplified report of Dz.U. 2018 poz. 2055, annex 2: the description of the task's
    execution, the cost table and additional information ([K] docs/grants-reports.md).
    The organisation files it from its offer's private tracking link (transition "file"); a paper report is
    registered by the clerk ("receive"). The clerk accepts it or returns it with a note; a returned report is
    corrected and filed again from the same link.
    """

    class Kind(models.TextChoices):
        PARTIAL = "partial", _("partial")
        FINAL = "final", _("final")

    class Status(models.TextChoices):
        DUE = "due", _("awaited")
        CALLED = "called", _("called for (7 days)")
        SUBMITTED = "submitted", _("submitted")
        RETURNED = "returned", _("returned for correction")
        ACCEPTED = "accepted", pgettext_lazy("report status", "accepted")

    agreement = models.ForeignKey(
        GrantAgreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="reports"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.FINAL)
    due_on = models.DateField(_("due on"))
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    called_on = models.DateField(_("called for on"), null=True, blank=True, editable=False)
    call_due_on = models.DateField(_("due after the call on"), null=True, blank=True, editable=False)
    costs_used = models.DecimalField(_("subsidy used according to the report"), null=True, blank=True, **MONEY_FIELD)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DUE, editable=False)
    # Filed online on the statutory form (annex 5 to Dz.U. 2018 poz. 2057; simplified: poz. 2055, annex 2).
    period_from = models.DateField(_("reporting period from"), null=True, blank=True, editable=False)
    period_to = models.DateField(_("reporting period until"), null=True, blank=True, editable=False)
    results_description = models.TextField(
        _("results achieved, with the scale of the actions"), blank=True, editable=False
    )
    actions_description = models.TextField(_("actions carried out"), blank=True, editable=False)
    own_financial = models.DecimalField(_("own financial contribution"), default=0, editable=False, **MONEY_FIELD)
    own_personal = models.DecimalField(
        _("own non-financial contribution: personal"), default=0, editable=False, **MONEY_FIELD
    )
    own_material = models.DecimalField(
        _("own non-financial contribution: material"), default=0, editable=False, **MONEY_FIELD
    )
    recipient_fees = models.DecimalField(_("payments from recipients"), default=0, editable=False, **MONEY_FIELD)
    additional_information = models.TextField(_("additional information"), blank=True, editable=False)
    filed_at = models.DateTimeField(_("filed online at"), null=True, blank=True, editable=False)

    history = HistoricalRecords()

    workflow = Workflow(
        action_prefix="grants.report",
        transitions=[
            Transition(
                "call",
                source={Status.DUE},
                target=Status.CALLED,
                label=_("Call for the missing report (7 days)"),
                guard="grants.services.report_check_call",
                effect="grants.services.on_report_call",
            ),
            Transition(
                "file",
                source={Status.DUE, Status.CALLED, Status.RETURNED},
                target=Status.SUBMITTED,
                label=_("Report filed online"),
                by_applicant=True,
                guard="grants.services.report_check_file",
                effect="grants.services.on_report_file",
            ),
            Transition(
                "receive",
                source={Status.DUE, Status.CALLED, Status.RETURNED},
                target=Status.SUBMITTED,
                label=_("Report received"),
                effect="grants.services.on_report_receive",
            ),
            Transition(
                "return",
                source={Status.SUBMITTED},
                target=Status.RETURNED,
                label=_("Return for correction"),
                note_required=True,
                note_to_applicant=True,
                note_message="grants.services.report_message_return",
            ),
            Transition(
                "accept",
                source={Status.SUBMITTED},
                target=Status.ACCEPTED,
                label=_("Accept the report"),
                note_to_applicant=True,
                note_message="grants.services.report_message_accept",
            ),
        ],
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return f"{self.agreement.number}: {self.get_kind_display()}"

    #: The statuses in which the organisation may file the report online (the "file" transition's sources).
    FILEABLE_STATUSES = frozenset({Status.DUE, Status.CALLED, Status.RETURNED})

    def may_be_filed(self, today) -> bool:
        """Whether the organisation may file this report today (grants.rules.report_may_be_filed)."""
        return self.status in self.FILEABLE_STATUSES and report_may_be_filed(
            kind=self.kind, task_end=self.agreement.implementation_to, today=today
        )

    @property
    def applicant_case(self):
        """The offer's case: its applicant is told of the report's moves in that case's conversation."""
        return self.agreement.offer

    @property
    def is_simplified(self) -> bool:
        """A small grant (u.d.p.p. art. 19a) reports on the simplified form (Dz.U. 2018 poz. 2055, annex 2)."""
        return self.agreement.offer.kind == "small_grant"

    @property
    def funding(self) -> Funding:
        """Sources of the costs as executed (part II of the report); the subsidy is the part used."""
        return Funding(
            subsidy=self.costs_used or 0,
            own_financial=self.own_financial,
            own_personal=self.own_personal,
            own_material=self.own_material,
            recipient_fees=self.recipient_fees,
        )


class GrantReportCostLine(CostLineFields):
    """A line of the cost table as executed (annex 5, part II), in the categories of the offer's table V.A."""

    report = models.ForeignKey(GrantReport, on_delete=models.CASCADE, related_name="costs")

    class Meta:
        verbose_name = _("cost line of a report")
        verbose_name_plural = _("cost table as executed")
        ordering = ["report", "position", "pk"]


class GrantControl(TimeStampedModel):
    """A control of the task (u.d.p.p. art. 17): scope, findings and recommendations."""

    agreement = models.ForeignKey(
        GrantAgreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="controls"
    )
    controlled_on = models.DateField(_("controlled on"))
    scope = models.TextField(_("scope"))
    findings = models.TextField(_("findings"), blank=True)
    recommendations = models.TextField(_("recommendations"), blank=True)
    recommendations_due = models.DateField(_("recommendations to be carried out by"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("control")
        verbose_name_plural = _("controls")
        ordering = ["-controlled_on", "pk"]

    def __str__(self):
        return f"{self.agreement.number}: {self.controlled_on:%d.%m.%Y}"


class GrantSettlement(TimeStampedModel):
    """The settlement of a subsidy: used, unused, misused and undue parts, return deadlines and interest.

    u.f.p. art. 251 ust. 3 and 1 (unused part: 15 days after the use deadline of the agreement, 31 January for a
    subsidy used until 31 December) and art. 252 ust. 1 (misused or undue: 15 days from the finding, with interest
    as for tax arrears, art. 252 ust. 6).
    """

    agreement = models.OneToOneField(
        GrantAgreement, verbose_name=_("agreement"), on_delete=models.PROTECT, related_name="settlement"
    )
    used_amount = models.DecimalField(_("used"), **MONEY_FIELD)
    unused_amount = models.DecimalField(_("unused"), **MONEY_FIELD)
    misused_amount = models.DecimalField(_("used contrary to purpose"), default=0, **MONEY_FIELD)
    undue_amount = models.DecimalField(_("taken unduly or in excess"), default=0, **MONEY_FIELD)
    found_on = models.DateField(_("misuse found on"), null=True, blank=True)
    unused_return_due = models.DateField(_("unused part to be returned by"), null=True, blank=True)
    misused_return_due = models.DateField(_("misused part to be returned by"), null=True, blank=True)
    returned_amount = models.DecimalField(_("returned"), default=0, **MONEY_FIELD)
    returned_on = models.DateField(_("returned on"), null=True, blank=True)
    interest_amount = models.DecimalField(_("interest"), default=0, **MONEY_FIELD)
    decision_number = models.CharField(_("number of the decision on return"), max_length=60, blank=True)
    settled_at = models.DateTimeField(_("settled at"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("settlement")
        verbose_name_plural = _("settlements")
        ordering = ["-created_at"]

    def __str__(self):
        return self.agreement.number

    @property
    def to_return(self):
        return self.unused_amount + self.misused_amount + self.undue_amount
