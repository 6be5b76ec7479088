"""Supervision of the city's cultural institutions by their organiser (nadzór), DOMAIN.md §A.6 and §C.4.

Directors' terms (u.o.p.d.k. art. 15–16), annual financial statements filed in the register (section III),
inspections with follow-up deadlines and the subsidies the city gives its institutions (u.o.p.d.k. art. 28,
u.f.p. art. 250–252). The reminder windows are [K] constants in `institutions.deadlines`.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel
from core.money import MONEY_FIELD, format_pln
from institutions.models.register import CulturalInstitution, LegalAct, RegisterEntry, private_storage


class DirectorTerm(TimeStampedModel):
    """A director's term of office: appointed by the organiser for 3 to 7 years or seasons.

    u.o.p.d.k. art. 15 ust. 1 (the organiser appoints the director, after a competition or after obtaining
    the opinions of the unions and associations) and art. 15 ust. 5 (a fixed term of 3 to 7 years) [K].
    The director's name goes into section II of the book (`institutions.services.director_term_record`).
    """

    class AppointmentMode(models.TextChoices):
        COMPETITION = "competition", _("after a competition")
        WITHOUT_COMPETITION = "without_competition", _("without a competition, after opinions")
        ACTING = "acting", _("acting director (entrusted duties)")

    institution = models.ForeignKey(
        CulturalInstitution, verbose_name=_("institution"), on_delete=models.PROTECT, related_name="director_terms"
    )
    person_name = models.CharField(_("director"), max_length=200)
    appointment_mode = models.CharField(_("appointment mode"), max_length=30, choices=AppointmentMode)
    appointment_act = models.ForeignKey(
        LegalAct, verbose_name=_("appointment act"), on_delete=models.PROTECT, related_name="+"
    )
    starts_on = models.DateField(_("term starts on"))
    ends_on = models.DateField(_("term ends on"), help_text=_("Fixed term of 3 to 7 years or seasons."))
    opinions = models.TextField(
        _("opinions obtained"), blank=True, help_text=_("E.g. trade unions, creative associations.")
    )
    ended_early_on = models.DateField(_("dismissed or resigned on"), null=True, blank=True)
    register_entry = models.OneToOneField(
        RegisterEntry, verbose_name=_("register entry"), null=True, on_delete=models.PROTECT, editable=False
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("director's term")
        verbose_name_plural = _("directors' terms")
        ordering = ["institution", "-starts_on"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gt=F("starts_on")), name="director_term_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.person_name} ({self.starts_on:%d.%m.%Y}–{self.ends_on:%d.%m.%Y})"


class FinancialStatement(TimeStampedModel):
    """An institution's annual financial statement approved by the organiser and filed in section III.

    Ustawa o rachunkowości art. 53 ust. 1 (approval within 6 months of the year end) and the register book,
    section III "informacja o złożeniu do rejestru rocznego sprawozdania finansowego" (DOMAIN.md §A.3 [K]).
    """

    institution = models.ForeignKey(
        CulturalInstitution,
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="financial_statements",
    )
    year = models.PositiveSmallIntegerField(_("financial year"))
    approved_on = models.DateField(_("approved by the organiser on"))
    approval_act = models.ForeignKey(
        LegalAct, verbose_name=_("approval act"), on_delete=models.PROTECT, related_name="+"
    )
    register_entry = models.OneToOneField(
        RegisterEntry, verbose_name=_("register entry"), on_delete=models.PROTECT, editable=False
    )

    class Meta:
        verbose_name = _("annual financial statement")
        verbose_name_plural = _("annual financial statements")
        ordering = ["institution", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["institution", "year"], name="financial_statement_one_per_year"),
        ]

    def __str__(self):
        return f"{self.institution.full_name}: {self.year}"


class Inspection(TimeStampedModel):
    """An inspection (kontrola) of an institution by the organiser, its findings and follow-up deadline [K]."""

    institution = models.ForeignKey(
        CulturalInstitution, verbose_name=_("institution"), on_delete=models.PROTECT, related_name="inspections"
    )
    scope = models.CharField(_("scope"), max_length=300, help_text=_("E.g. financial management in 2025"))
    date_from = models.DateField(_("from"))
    date_to = models.DateField(_("to"))
    protocol = models.FileField(
        _("protocol"), storage=private_storage, upload_to="institutions/inspections/", blank=True, max_length=200
    )
    findings = models.TextField(_("findings"), blank=True)
    recommendations = models.TextField(_("recommendations"), blank=True)
    follow_up_due = models.DateField(_("recommendations to be carried out by"), null=True, blank=True)
    follow_up_done_on = models.DateField(_("carried out on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        ordering = ["-date_from"]
        constraints = [
            models.CheckConstraint(condition=Q(date_to__gte=F("date_from")), name="inspection_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.scope} ({self.date_from:%d.%m.%Y})"


class InstitutionSubsidy(TimeStampedModel):
    """A subsidy of the city for its own institution (u.o.p.d.k. art. 28; u.f.p. art. 250–252), DOMAIN.md §C.4.

    The grants app links to this model (a foreign key to it) rather than copying the amounts. A targeted
    subsidy is granted by an agreement and settled by its settlement date; a subject subsidy is settled with
    the annual statement.
    """

    class Kind(models.TextChoices):
        SUBJECT = "subject", _("subject subsidy (current activity)")
        TARGETED_CURRENT = "targeted_current", _("targeted subsidy for a task")
        TARGETED_INVESTMENT = "targeted_investment", _("targeted subsidy for an investment")

    institution = models.ForeignKey(
        CulturalInstitution, verbose_name=_("institution"), on_delete=models.PROTECT, related_name="subsidies"
    )
    year = models.PositiveSmallIntegerField(_("budget year"))
    kind = models.CharField(_("kind"), max_length=30, choices=Kind)
    purpose = models.CharField(_("purpose"), max_length=300)
    amount = models.DecimalField(_("amount (PLN)"), **MONEY_FIELD)
    agreement_no = models.CharField(_("agreement number"), max_length=60, blank=True)
    use_deadline = models.DateField(_("to be used by"), null=True, blank=True)
    settlement_due = models.DateField(_("to be settled by"), null=True, blank=True)
    settled_on = models.DateField(_("settled on"), null=True, blank=True)
    returned_amount = models.DecimalField(
        _("returned (PLN)"), default=0, help_text=_("Unused or misused part."), **MONEY_FIELD
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("subsidy to an institution")
        verbose_name_plural = _("subsidies to institutions")
        ordering = ["-year", "institution"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="institution_subsidy_amount_positive",
                violation_error_message=_("The amount of the subsidy must be greater than zero."),
            ),
            models.CheckConstraint(
                condition=Q(returned_amount__gte=0) & Q(returned_amount__lte=F("amount")),
                name="institution_subsidy_returned_within_amount",
                violation_error_message=_(
                    "The returned amount cannot be negative or greater than the amount of the subsidy."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.year}: {self.purpose} — {format_pln(self.amount)}"
