"""Honorary patronage of the Prezydent and consents to use the city's coat of arms, flag, logo and colours.

DOMAIN.md §E: neither is an administrative decision (no statute, no appeal); both get a written answer as a letter of
the department. A patronage application and a symbols request are cases (`core.models.Case`), opened by the public
forms; a misuse of the symbols is a plain log the clerks keep.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.fieldsets import Fieldset
from core.models import Case, PublicAttachment
from core.models.base import TimeStampedModel
from core.workflow import ApplicantChanges, Transition, Workflow


class Scope(models.TextChoices):
    """The reach of the event (DOMAIN.md §E.1: local, regional, national, international events)."""

    LOCAL = "local", _("local")
    REGIONAL = "regional", _("regional")
    NATIONAL = "national", _("national")
    INTERNATIONAL = "international", _("international")


class AnswerForm(models.TextChoices):
    """How the granted patronage is confirmed: a letter, or a letter with a diploma (Piekary, DOMAIN.md §E.1)."""

    LETTER = "letter", _("letter")
    DIPLOMA = "diploma", _("letter with a diploma")


class PatronageQuerySet(models.QuerySet):
    def in_register(self):
        """The granted patronages the public register lists (DOMAIN.md §E.1: event, organiser, dates)."""
        return self.filter(status__in=PatronageApplication.GRANTED_STATUSES, publish_in_register=True)


class PatronageApplication(Case):
    """An application for the Prezydent's honorary patronage (Honorowy Patronat Prezydenta Miasta).

    DOMAIN.md §E.1 (regulamin of the patronage, no statute [K]): filed at least 30 days before the event (a late one is
    received and flagged, the clerk decides; a cyclic event applies per edition); no patronage for a commercial event
    or one with fundraising unless the clerk records an exception; an optional opinion of a merit unit; a written
    answer in every case, with no appeal; the organiser sends a report with photos after the event, and a missing
    report is shown on the organiser's next application.
    """

    #: The columns of the site search's document (core.search.ranked_search; its stored column on PostgreSQL).
    SEARCH_FIELDS = ("event_name", "organiser_name", "venue")

    CASE_KIND_DEFAULTS = {"unit": "KSP", "jrwa": "0414"}
    PERSONAL_DATA_FIELDS = ("organiser_address", "contact_name", "contact_email", "contact_phone")
    APPLICANT_NAME_FIELDS = ("organiser_name", "contact_name")
    APPLICANT_EMAIL_FIELD = "contact_email"
    CASE_OPENED_SUBJECT = _("Your application for honorary patronage has been received — %(mark)s")

    class Status(models.TextChoices):
        RECEIVED = "received", pgettext_lazy("patronage status", "received")
        OPINION_REQUESTED = "opinion_requested", _("opinion of a merit unit requested")
        GRANTED = "granted", _("patronage granted")
        REFUSED = "refused", _("patronage refused")
        MATERIALS_APPROVED = "materials_approved", _("promotional materials approved")
        REPORT_DUE = "report_due", _("event held: report awaited")
        REPORT_RECEIVED = "report_received", _("report received")
        REPORT_MISSING = "report_missing", _("report not sent")
        WITHDRAWN = "withdrawn", _("withdrawn by the organiser")

    GRANTED_STATUSES = (
        Status.GRANTED,
        Status.MATERIALS_APPROVED,
        Status.REPORT_DUE,
        Status.REPORT_RECEIVED,
        Status.REPORT_MISSING,
    )

    APPLICANT_FIELDSETS = (
        Fieldset(
            _("The organiser"),
            ("organiser_name", "organiser_address", "contact_name", "contact_email", "contact_phone"),
        ),
        Fieldset(
            _("The event"),
            (
                "event_name",
                "starts_on",
                "ends_on",
                "venue",
                "scope",
                "description",
                "programme",
                "is_cyclic",
                "edition",
            ),
        ),
        Fieldset(
            _("Character of the event"),
            ("is_commercial", "has_fundraising", "committee_requested", "permits_confirmed"),
            description=_(
                "The Prezydent does not take commercial events or events with fundraising under patronage, unless "
                "an exception is justified."
            ),
        ),
    )

    organiser_name = models.CharField(_("organiser's name"), max_length=200)
    organiser_address = models.CharField(_("address or registered seat"), max_length=300)
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    event_name = models.CharField(_("name of the event"), max_length=200)
    starts_on = models.DateField(_("first day of the event"))
    ends_on = models.DateField(_("last day of the event"))
    venue = models.CharField(_("place of the event"), max_length=300)
    scope = models.CharField(_("scope of the event"), max_length=20, choices=Scope, default=Scope.LOCAL)
    description = models.TextField(_("description of the event"), max_length=5000)
    programme = models.TextField(_("programme"), max_length=5000)
    is_cyclic = models.BooleanField(_("cyclic event"), default=False)
    edition = models.CharField(
        _("edition"), max_length=60, blank=True, help_text=_("For a cyclic event: which edition, e.g. XV.")
    )
    is_commercial = models.BooleanField(_("the event is commercial"), default=False)
    has_fundraising = models.BooleanField(_("money will be collected at the event"), default=False)
    committee_requested = models.BooleanField(_("we ask the Prezydent to join the honorary committee"), default=False)
    permits_confirmed = models.BooleanField(
        _("the organiser has or will obtain every permit the event requires"), default=False
    )

    received_on = models.DateField(_("received on"), editable=False)
    is_late = models.BooleanField(_("late"), default=False, editable=False)
    earlier_report_missing = models.CharField(
        _("report missing on an earlier patronage"), max_length=60, blank=True, editable=False
    )
    exception_reason = models.TextField(
        _("exception for a commercial event or fundraising"),
        max_length=3000,
        blank=True,
        help_text=_("Why the patronage may be granted although the event is commercial or collects money."),
    )
    opinion_unit = models.CharField(_("merit unit asked for an opinion"), max_length=200, blank=True)
    opinion = models.TextField(_("opinion of the merit unit"), max_length=5000, blank=True)
    answer_form = models.CharField(
        _("form of the answer"), max_length=20, choices=AnswerForm, default=AnswerForm.LETTER
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True, editable=False)
    publish_in_register = models.BooleanField(_("show in the public register of patronages"), default=True)
    # DOMAIN.md §E.1: the event in the city's calendar; while the patronage is granted it carries the mark
    # "Patronat Prezydenta Miasta" there (patronage.services.applications.application_link_calendar_event).
    calendar_event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event in the city's calendar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("While the patronage is granted, the event shows the mark “Patronat Prezydenta Miasta”."),
    )
    report_due_on = models.DateField(_("report due on"), null=True, blank=True, editable=False)
    report_text = models.TextField(_("report"), max_length=5000, blank=True, editable=False)
    report_received_on = models.DateField(_("report received on"), null=True, blank=True, editable=False)
    photo_licence_granted = models.BooleanField(
        _("licence for the city's use of the photos"), default=False, editable=False
    )
    status = models.CharField(_("status"), max_length=30, choices=Status, default=Status.RECEIVED, editable=False)

    objects = PatronageQuerySet.as_manager()
    history = HistoricalRecords()

    workflow = Workflow(
        action_prefix="patronage.application",
        transitions=[
            Transition(
                "request_opinion",
                source={Status.RECEIVED},
                target=Status.OPINION_REQUESTED,
                label=_("Ask a merit unit for an opinion"),
                guard="patronage.services.applications.application_check_request_opinion",
            ),
            Transition(
                "opinion_received",
                source={Status.OPINION_REQUESTED},
                target=Status.RECEIVED,
                label=_("Opinion received"),
                guard="patronage.services.applications.application_check_opinion_received",
            ),
            Transition(
                "grant",
                source={Status.RECEIVED, Status.OPINION_REQUESTED},
                target=Status.GRANTED,
                label=_("Grant the patronage"),
                guard="patronage.services.applications.application_check_grant",
                effect="patronage.services.applications.on_application_grant",
                note_to_applicant=True,
                note_message="patronage.services.applications.application_message_grant",
            ),
            Transition(
                "refuse",
                source={Status.RECEIVED, Status.OPINION_REQUESTED},
                target=Status.REFUSED,
                label=_("Refuse the patronage"),
                note_required=True,
                closes_case=True,
                effect="patronage.services.applications.on_application_refuse",
                note_to_applicant=True,
                note_message="patronage.services.applications.application_message_refuse",
            ),
            Transition(
                "approve_materials",
                source={Status.GRANTED},
                target=Status.MATERIALS_APPROVED,
                label=_("Approve the promotional materials"),
                note_to_applicant=True,
                note_message="patronage.services.applications.application_message_approve_materials",
            ),
            Transition(
                "event_held",
                source={Status.GRANTED, Status.MATERIALS_APPROVED},
                target=Status.REPORT_DUE,
                label=_("The event has been held: await the report"),
                guard="patronage.services.applications.application_check_event_held",
                effect="patronage.services.applications.on_application_event_held",
                note_to_applicant=True,
                note_message="patronage.services.applications.application_message_event_held",
            ),
            Transition(
                "report_sent",
                source={Status.REPORT_DUE},
                target=Status.REPORT_RECEIVED,
                label=_("Report sent by the organiser"),
                by_applicant=True,
                closes_case=True,
                effect="patronage.services.applications.on_application_report_sent",
            ),
            Transition(
                "report_missing",
                source={Status.REPORT_DUE},
                target=Status.REPORT_MISSING,
                label=_("Record that no report came"),
                closes_case=True,
                guard="patronage.services.applications.application_check_report_missing",
                announce_status=True,
            ),
            Transition(
                "withdraw",
                source={Status.RECEIVED, Status.OPINION_REQUESTED},
                target=Status.WITHDRAWN,
                label=_("Withdrawn by the organiser"),
                note_required=True,
                closes_case=True,
                announce_status=True,
            ),
        ],
    )

    # After the event the organiser sends the report with photos from the tracking link (DOMAIN.md §E.1); sending it
    # is the "report_sent" transition (core.applicant_changes).
    applicant_changes = ApplicantChanges(
        statuses={Status.REPORT_DUE},
        resubmit="report_sent",
        form="patronage.forms.PatronageReportForm",
        label=_("Send the report"),
    )

    class Meta:
        verbose_name = _("application for honorary patronage")
        verbose_name_plural = _("applications for honorary patronage")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="patronage_end_after_start"),
        ]
        indexes = [models.Index(fields=["status", "starts_on"], name="patronage_status_start_idx")]

    def __str__(self):
        return f"{self.case_mark}: {self.event_name}"

    def get_absolute_url(self):
        """Its line in the public register of patronages (only granted ones are listed there)."""
        return reverse("patronage:register") + f"#patronat-{self.pk}"

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day must not be before the first.")})

    @property
    def needs_exception(self) -> bool:
        """DOMAIN.md §E.1 (Katowice): a commercial event or one with fundraising needs a recorded exception."""
        return self.is_commercial or self.has_fundraising


class Symbol(models.TextChoices):
    """The city's symbols (DOMAIN.md §E.2): the coat of arms, the flag, the logo, the colours."""

    COAT_OF_ARMS = "coat_of_arms", _("coat of arms")
    FLAG = "flag", _("flag")
    LOGO = "logo", _("logo")
    COLOURS = "colours", _("colours")


class SymbolUseRequest(Case):
    """A request for the Prezydent's written consent to use the city's coat of arms, flag, logo or colours.

    DOMAIN.md §E.2: the Rada Miasta's resolution on the symbols (u.s.g. art. 18 ust. 2 pkt 13) reserves their use
    by others than the city's organs and units to the Prezydent's written consent; the request describes the use and
    carries its graphic design; no fee; an answer within 30 days (consent, consent with conditions or refusal), no
    appeal; a consent is given for a period and may be revoked.
    """

    CASE_KIND_DEFAULTS = {"unit": "KSP", "jrwa": "0414"}
    PERSONAL_DATA_FIELDS = ("applicant_address", "contact_name", "contact_email", "contact_phone")
    APPLICANT_NAME_FIELDS = ("applicant_name", "contact_name")
    APPLICANT_EMAIL_FIELD = "contact_email"
    CASE_OPENED_SUBJECT = _("Your request to use the city's symbols has been received — %(mark)s")

    class Status(models.TextChoices):
        RECEIVED = "received", pgettext_lazy("symbol request status", "received")
        CONSENT = "consent", _("consent given")
        CONSENT_WITH_CONDITIONS = "consent_with_conditions", _("consent given with conditions")
        REFUSED = "refused", _("consent refused")
        REVOKED = "revoked", _("consent revoked")
        EXPIRED = "expired", _("consent expired")
        WITHDRAWN = "withdrawn", _("withdrawn by the applicant")

    CONSENT_STATUSES = (Status.CONSENT, Status.CONSENT_WITH_CONDITIONS)

    APPLICANT_FIELDSETS = (
        Fieldset(
            _("The applicant"),
            ("applicant_name", "applicant_address", "contact_name", "contact_email", "contact_phone"),
        ),
        Fieldset(
            _("The use"),
            ("symbol", "purpose", "medium", "is_commercial", "quantity", "period_from", "period_to"),
        ),
    )

    applicant_name = models.CharField(_("applicant's name"), max_length=200)
    applicant_address = models.CharField(_("address or registered seat"), max_length=300)
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    symbol = models.CharField(_("symbol"), max_length=20, choices=Symbol)
    purpose = models.TextField(_("purpose of the use"), max_length=3000)
    medium = models.CharField(
        _("medium or product"), max_length=300, help_text=_("E.g. a banner, a T-shirt, a website, a publication.")
    )
    is_commercial = models.BooleanField(_("commercial use"), default=False)
    quantity = models.PositiveIntegerField(_("quantity"), null=True, blank=True, help_text=_("Optional."))
    period_from = models.DateField(_("use from"))
    period_to = models.DateField(_("use until"))

    received_on = models.DateField(_("received on"), editable=False)
    conditions = models.TextField(
        _("conditions of the consent"),
        max_length=5000,
        blank=True,
        help_text=_("Fill in before giving a consent with conditions; they are printed in the letter."),
    )
    decided_on = models.DateField(_("answered on"), null=True, blank=True, editable=False)
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=30, choices=Status, default=Status.RECEIVED, editable=False)

    history = HistoricalRecords()

    workflow = Workflow(
        action_prefix="patronage.symbol_request",
        transitions=[
            Transition(
                "consent",
                source={Status.RECEIVED},
                target=Status.CONSENT,
                label=_("Give consent"),
                effect="patronage.services.symbols.on_symbol_request_consent",
                note_to_applicant=True,
                note_message="patronage.services.symbols.symbol_request_message_answer",
            ),
            Transition(
                "consent_with_conditions",
                source={Status.RECEIVED},
                target=Status.CONSENT_WITH_CONDITIONS,
                label=_("Give consent with conditions"),
                guard="patronage.services.symbols.symbol_request_check_consent_with_conditions",
                effect="patronage.services.symbols.on_symbol_request_consent",
                note_to_applicant=True,
                note_message="patronage.services.symbols.symbol_request_message_answer",
            ),
            Transition(
                "refuse",
                source={Status.RECEIVED},
                target=Status.REFUSED,
                label=_("Refuse consent"),
                note_required=True,
                closes_case=True,
                effect="patronage.services.symbols.on_symbol_request_refuse",
                note_to_applicant=True,
                note_message="patronage.services.symbols.symbol_request_message_answer",
            ),
            Transition(
                "revoke",
                source={Status.CONSENT, Status.CONSENT_WITH_CONDITIONS},
                target=Status.REVOKED,
                label=_("Revoke the consent"),
                note_required=True,
                closes_case=True,
                effect="patronage.services.symbols.on_symbol_request_revoke",
                note_to_applicant=True,
            ),
            Transition(
                "expire",
                source={Status.CONSENT, Status.CONSENT_WITH_CONDITIONS},
                target=Status.EXPIRED,
                label=_("The consent has expired"),
                closes_case=True,
                guard="patronage.services.symbols.symbol_request_check_expire",
            ),
            Transition(
                "withdraw",
                source={Status.RECEIVED},
                target=Status.WITHDRAWN,
                label=_("Withdrawn by the applicant"),
                note_required=True,
                closes_case=True,
                announce_status=True,
            ),
        ],
    )

    class Meta:
        verbose_name = _("request to use the city's symbols")
        verbose_name_plural = _("requests to use the city's symbols")
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_to__gte=models.F("period_from")), name="symbol_request_period_order"
            ),
        ]

    def __str__(self):
        return f"{self.case_mark}: {self.get_symbol_display()} — {self.applicant_name}"

    def clean(self):
        super().clean()
        if self.period_from and self.period_to and self.period_to < self.period_from:
            raise ValidationError({"period_to": _("The end of the use must not be before its start.")})


class SymbolMisuseReport(models.Model):
    """A use of the city's symbols without consent or against its conditions, and what the department did.

    DOMAIN.md §E.2 (supervision): the coat of arms is legally protected and used only with dignity and in its approved
    form; the clerks log what they find and the action taken (a letter, a revoked consent, a report to the police).
    """

    found_on = models.DateField(_("found on"), default=timezone.localdate)
    symbol = models.CharField(_("symbol"), max_length=20, choices=Symbol)
    where = models.CharField(_("where"), max_length=300, help_text=_("E.g. an address, a website, a product."))
    description = models.TextField(_("what was found"), max_length=5000)
    request = models.ForeignKey(
        SymbolUseRequest,
        verbose_name=_("consent concerned"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="misuse_reports",
    )
    action_taken = models.TextField(_("action taken"), max_length=5000, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("report of a misuse of the city's symbols")
        verbose_name_plural = _("reports of misuse of the city's symbols")
        ordering = ["-found_on", "-pk"]

    def __str__(self):
        return f"{self.found_on:%d.%m.%Y}: {self.where}"


class FileSet(TimeStampedModel):
    """A group of approved files residents download with its rules of use: the patronage logo, the coat of arms,
    the city's logo, the brand book (DOMAIN.md §E.1: the patronage logo for the organisers' materials; §E.2: the
    symbols only in their approved shapes and colours).

    Shown on the patronage page or on the symbols page while published; its files are served only then
    (`core.public_attachments.public_attachment_download`).
    """

    class Page(models.TextChoices):
        PATRONAGE = "patronage", _("honorary patronage page")
        SYMBOLS = "symbols", _("city symbols page")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    page = models.CharField(_("shown on"), max_length=20, choices=Page, default=Page.SYMBOLS)
    rules = models.TextField(_("rules of use"), max_length=5000, blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("set of files to download")
        verbose_name_plural = _("sets of files to download")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title


class FileSetFile(PublicAttachment):
    """A file of a set (a logo, a coat of arms, the brand book), served while its set is published."""

    parent_field = "file_set"
    download_url_name = "patronage:file_download"
    upload_dir = "patronage/files"
    download_name = "plik"

    file_set = models.ForeignKey(FileSet, verbose_name=_("set"), on_delete=models.CASCADE, related_name="files")

    class Meta(PublicAttachment.Meta):
        verbose_name = _("file to download")
        verbose_name_plural = _("files to download")

    @classmethod
    def public_parents(cls):
        return FileSet.objects.filter(is_published=True)
