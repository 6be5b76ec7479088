"""The kernel of case work (sprawy): organisational units, JRWA classes, case marks and the case base class.

DOMAIN.md §0.1 and §J.1: every matter is a case with a case mark (znak sprawy)
`{unit symbol}.{JRWA class}.{number}.{year}` (Rozporządzenie Prezesa RM z 18.01.2011 w sprawie
instrukcji kancelaryjnej, Dz.U. 2011 nr 14 poz. 67). Unit symbols and JRWA classes are data that
clerks edit; numbering restarts every year per unit and class.
"""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models.base import TimeStampedModel


def new_tracking_token() -> str:
    return secrets.token_urlsafe(32)


def value_at_path(obj, path: str):
    """The value at a lookup path (`a__b`) of `obj`, or None where a relation on the way is empty."""
    for name in path.split("__"):
        if obj is None:
            return None
        obj = getattr(obj, name, None)
    return obj


def applicant_name_from(values) -> str:
    """The applicant's name for the list of cases: the non-empty values, each once, " — " between."""
    parts = []
    for value in values:
        text = " ".join(str(value or "").split())
        if text and text not in parts:
            parts.append(text)
    return " — ".join(parts)[:300]


class OrganisationalUnit(TimeStampedModel):
    """A unit of the City Hall whose symbol opens every case mark (e.g. the department's symbol)."""

    symbol = models.CharField(
        _("symbol"),
        max_length=20,
        unique=True,
        help_text=_("Symbol from the City Hall's organisational rules, e.g. KSP."),
    )
    name = models.CharField(_("name"), max_length=200)
    is_active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisational unit")
        verbose_name_plural = _("organisational units")
        ordering = ["symbol"]

    def __str__(self):
        return f"{self.symbol} — {self.name}"


class ArchivalCategory(models.TextChoices):
    """Archival categories (DOMAIN.md §J.4): A is kept for ever; B/BE for N years; Bc after practical use."""

    A = "A", _("A — archival material (kept permanently)")
    B2 = "B2", "B2"
    B5 = "B5", "B5"
    B10 = "B10", "B10"
    B25 = "B25", "B25"
    B50 = "B50", "B50"
    BE5 = "BE5", "BE5"
    BE10 = "BE10", "BE10"
    BC = "Bc", _("Bc — short-term documentation")

    @classmethod
    def retention_years(cls, category: str) -> int | None:
        """Years of retention counted from 1 January after closing; None for A (never destroyed)."""
        if category == cls.A:
            return None
        if category == cls.BC:
            return 0
        return int(category.lstrip("BE"))


class JrwaClass(TimeStampedModel):
    """A class of the city's uniform subject list of files (JRWA) with its archival category."""

    symbol = models.CharField(_("symbol"), max_length=10, unique=True, help_text=_("Class symbol, e.g. 5311."))
    title = models.CharField(_("title"), max_length=300)
    archival_category = models.CharField(_("archival category"), max_length=5, choices=ArchivalCategory)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent class"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    is_active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("JRWA class")
        verbose_name_plural = _("JRWA classes")
        ordering = ["symbol"]

    def __str__(self):
        return f"{self.symbol} {self.title} ({self.archival_category})"


class CaseKind(TimeStampedModel):
    """Which unit and JRWA class a type of case is filed under; clerks can change both."""

    key = models.CharField(_("case type"), max_length=100, unique=True, help_text=_("E.g. core.feedback"))
    name = models.CharField(_("name"), max_length=200)
    unit = models.ForeignKey(OrganisationalUnit, verbose_name=_("unit"), on_delete=models.PROTECT)
    jrwa_class = models.ForeignKey(JrwaClass, verbose_name=_("JRWA class"), on_delete=models.PROTECT)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("case type")
        verbose_name_plural = _("case types")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CaseNumberCounter(models.Model):
    """The last case number used in a unit, JRWA class and year; the row is locked while a number is taken."""

    unit = models.ForeignKey(OrganisationalUnit, on_delete=models.PROTECT)
    jrwa_class = models.ForeignKey(JrwaClass, on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("case number counter")
        verbose_name_plural = _("case number counters")
        ordering = ["-year", "unit", "jrwa_class"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "jrwa_class", "year"], name="case_counter_unique_per_year"),
        ]

    def __str__(self):
        return f"{self.unit.symbol}.{self.jrwa_class.symbol}.{self.year}: {self.last_number}"


class CaseRegisterEntry(models.Model):
    """A line of the list of cases (spis spraw): one case mark, never reused, pointing at the case record."""

    unit = models.ForeignKey(OrganisationalUnit, verbose_name=_("unit"), on_delete=models.PROTECT)
    jrwa_class = models.ForeignKey(JrwaClass, verbose_name=_("JRWA class"), on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number"))
    case_mark = models.CharField(_("case mark"), max_length=60, unique=True)
    title = models.CharField(_("subject of the case"), max_length=300)
    opened_at = models.DateTimeField(_("opened at"), auto_now_add=True)
    tracking_token = models.CharField(max_length=64, unique=True, default=new_tracking_token, editable=False)
    content_type = models.ForeignKey(ContentType, null=True, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField(null=True)
    case = GenericForeignKey("content_type", "object_id")
    # What a clerk searches and reads in the list of cases, copied from the case by the kernel
    # (core.services.case_register_refresh) when the case opens, moves, is edited or anonymised.
    kind = models.ForeignKey(
        CaseKind, verbose_name=_("case type"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    applicant_name = models.CharField(_("from whom"), max_length=300, blank=True)
    applicant_email = models.CharField(_("applicant's e-mail"), max_length=254, blank=True)
    status = models.CharField(_("status"), max_length=40, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("case register entry")
        verbose_name_plural = _("case register")
        ordering = ["-year", "unit", "jrwa_class", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "jrwa_class", "year", "number"], name="case_number_unique"),
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="case_entry_object_idx"),
            models.Index(fields=["status"], name="case_entry_status_idx"),
            models.Index(fields=["handler", "closed_at"], name="case_entry_handler_idx"),
        ]

    def __str__(self):
        return self.case_mark

    def case_model(self):
        """The model class of the case this line points at (None before the case is saved)."""
        return self.content_type.model_class() if self.content_type_id else None

    def status_label(self) -> str:
        """The case's current status in words, from its own model's choices (the code if the model lost it)."""
        model = self.case_model()
        workflow = getattr(model, "workflow", None)
        if not self.status or workflow is None:
            return self.status
        choices = dict(model._meta.get_field(workflow.status_field).flatchoices)
        return str(choices.get(self.status, self.status))


class Channel(models.TextChoices):
    """How a case reached the department (DOMAIN.md §0.1, §J.5)."""

    WEB_FORM = "web_form", _("portal form")
    PAPER = "paper", _("paper")
    EPUAP = "epuap", _("ePUAP")
    E_DELIVERY = "e_doreczenia", _("e-Doręczenia")
    EMAIL = "email", _("e-mail")
    IN_PERSON = "in_person", _("in person")
    SEKAP = "sekap", _("SEKAP")


class Case(TimeStampedModel):
    """Base of every case model: case mark, handler, channel, tracking link and data-protection facts.

    Subclasses set `CASE_KIND_DEFAULTS` (default unit symbol and JRWA class, changeable by clerks via
    CaseKind), a `status` field and `workflow`; `PERSONAL_DATA_FIELDS` lists what retention anonymises.
    A case is only created through `core.services.case_open`; `APPLICANT_EMAIL_FIELD` and `CASE_OPENED_SUBJECT`
    let the kernel write to the applicant.
    """

    CASE_KIND_DEFAULTS: dict = {}
    PERSONAL_DATA_FIELDS: tuple[str, ...] = ()
    # The field holding the applicant's e-mail, if any: messages from the department are announced there.
    APPLICANT_EMAIL_FIELD: str | None = None
    # Who the case came from ("od kogo wpłynęła" in the list of cases): paths of the fields naming the applicant,
    # `__` crossing a relation (e.g. "event__organiser_name"); the non-empty values are joined with " — ".
    APPLICANT_NAME_FIELDS: tuple[str, ...] = ()
    # The subject of the e-mail that acknowledges a new case, with `%(mark)s` (core.services.case_open_acknowledge),
    # e.g. _("Your offer has been received — %(mark)s"); None sends no acknowledgement.
    CASE_OPENED_SUBJECT = None

    register_entry = models.OneToOneField(
        CaseRegisterEntry,
        verbose_name=_("case register entry"),
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    case_mark = models.CharField(_("case mark"), max_length=60, unique=True, editable=False)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel, default=Channel.WEB_FORM)
    incoming_reg_no = models.CharField(
        _("incoming register number"),
        max_length=50,
        blank=True,
        help_text=_("Number in the register of incoming mail."),
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    info_clause = models.ForeignKey(
        "core.InformationClause",
        verbose_name=_("information clause shown"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def tracking_token(self):
        return self.register_entry.tracking_token

    def tracking_public_link(self) -> tuple[str, str] | None:
        """(label, path) of a public page the case has led to, linked from the tracking page; None if none."""
        return None

    def tracking_actions(self, token: str) -> list["TrackingAction"]:
        """What the applicant may do from the tracking page besides writing (e.g. file a grant report); none here."""
        return []


@dataclass(frozen=True)
class TrackingAction:
    """A task the tracking page offers the applicant: a heading, a sentence, and the link that does it."""

    heading: str
    text: str
    url: str
    label: str
