"""Artistic scholarships and the Mayor's culture awards: calls and the applications or nominations they receive.

Legal basis (DOMAIN.md §D.1): ustawa z 25.10.1991 o organizowaniu i prowadzeniu działalności kulturalnej
(u.o.p.d.k.) **art. 7a — awards** for achievements in artistic creation, the popularisation and protection of culture,
and **art. 7b — scholarships** for persons engaged in artistic creation, the popularisation of culture and the care
of monuments. In each case the Rada Miasta sets the detailed conditions, procedure and amounts by resolution
(art. 7a ust. 3, art. 7b ust. 3), an act of local law in force 14 days after its publication in the Dziennik
Urzędowy Województwa Śląskiego; the Prezydent grants each scholarship or award by zarządzenie after the opinion of
a committee, which does not bind him, and no appeal lies against the grant or its refusal [V-sec S12]. Pupils'
scholarships (ustawa o systemie oświaty art. 90t) are another regime and not handled here.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# The council's resolution and the kinds and fields of art it names live in their own module, re-exported here.
from awards.resolutions import AwardResolution, FieldOfArt, Kind, ScholarshipType
from core.encryption import EncryptedTextField
from core.fieldsets import Fieldset
from core.html import SanitisedHTMLField
from core.models import Case, PublicAttachment, TimeStampedModel, TrackingAction
from core.money import MONEY_FIELD
from core.pesel import mask_pesel, validate_pesel
from core.slugs import unique_slug
from core.validators import validate_nrb
from core.workflow import ApplicantChanges, Transition, Workflow


class AwardCallQuerySet(models.QuerySet):
    def public(self):
        """Calls the public may see: published ones."""
        return self.filter(is_published=True)

    def open(self, now=None):
        """Published calls still taking applications, nearest deadline first."""
        return self.public().filter(deadline__gt=now or timezone.now()).order_by("deadline", "pk")

    def archive(self, now=None):
        """Published calls past their deadline, the newest year first (the archive of calls)."""
        return self.public().filter(deadline__lte=now or timezone.now()).order_by("-year", "-deadline", "-pk")


class AwardCall(TimeStampedModel):
    """A yearly call for scholarship applications or award nominations, under the council's resolution.

    u.o.p.d.k. art. 7a ust. 3 (awards) and art. 7b ust. 3 (scholarships): the resolution of the Rada Miasta sets
    who may apply or nominate, the fields, the procedure and the amounts; the call repeats them for its year with
    its deadline (DOMAIN.md §D.2: e.g. 30 September, 31 October or 30 November) and budget.
    """

    #: The columns of the site search's document (core.search.ranked_search; its stored column on PostgreSQL).
    SEARCH_FIELDS = ("title", "rules")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=220, unique=True, blank=True)
    council_resolution = models.ForeignKey(
        AwardResolution,
        verbose_name=_("council resolution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="calls",
        help_text=_("The Rada Miasta's resolution setting the rules: its caps and fields of art bind the call."),
    )
    resolution = models.CharField(
        _("council resolution (as text)"),
        max_length=300,
        blank=True,
        help_text=_(
            "Number, date and Dziennik Urzędowy item of the resolution, for a call made before its record was "
            "entered; leave it empty when the resolution is chosen above."
        ),
    )
    rules = SanitisedHTMLField(
        _("rules"), help_text=_("Who may apply or nominate, the fields or categories, the documents, the procedure.")
    )
    deadline = models.DateTimeField(_("deadline for applications"))
    budget = models.DecimalField(_("budget"), **MONEY_FIELD)
    max_amount = models.DecimalField(
        _("highest amount per application"),
        null=True,
        blank=True,
        help_text=_(
            "The call's own cap per application; empty when it sets none. With the resolution chosen, the lower of "
            "this and the resolution's cap applies."
        ),
        **MONEY_FIELD,
    )
    is_published = models.BooleanField(_("published"), default=False)
    results_published = models.BooleanField(
        _("results published"),
        default=False,
        help_text=_(
            "Show the laureates on the call's page (and in the BIP) once the Mayor's orders are recorded: name, "
            "field or category and, where the resolution allows, the amount."
        ),
    )
    results_show_amounts = models.BooleanField(
        _("results show the amounts"),
        default=True,
        help_text=_("Clear it when the council's resolution does not let the amounts be published."),
    )
    ceremony_date = models.DateField(
        _("award ceremony"),
        null=True,
        blank=True,
        help_text=_("The day the Mayor hands the awards of this call to the laureates (DOMAIN.md §D.3)."),
    )

    objects = AwardCallQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("scholarship or award call")
        verbose_name_plural = _("scholarship and award calls")
        ordering = ["-year", "deadline"]
        constraints = [
            models.CheckConstraint(condition=Q(budget__gte=0), name="award_call_budget_not_negative"),
            models.CheckConstraint(
                condition=Q(max_amount__isnull=True) | Q(max_amount__gt=0), name="award_call_cap_positive"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(
                AwardCall.objects.exclude(pk=self.pk), self.title, fallback="nabor", route_name="awards:call_detail"
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("awards:call_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.council_resolution_id is None and not self.resolution.strip():
            raise ValidationError({"council_resolution": _("Choose the council resolution the call is made under.")})
        if self.council_resolution is not None and self.kind and self.council_resolution.kind != self.kind:
            raise ValidationError(
                {
                    "council_resolution": _("The resolution is on another kind: choose one on %(kind)s.")
                    % {"kind": self.get_kind_display()}
                }
            )

    @property
    def resolution_label(self) -> str:
        """The resolution as the call's page names it: its record, or the text of an older call."""
        return str(self.council_resolution) if self.council_resolution_id else self.resolution

    @property
    def distinguishes_scholarship_types(self) -> bool:
        return self.council_resolution is not None and self.council_resolution.distinguishes_scholarship_types

    def cap_for(self, scholarship_type: str = "") -> Decimal | None:
        """The highest amount of one application of `scholarship_type`: the lower of the call's own cap and the
        resolution's (u.o.p.d.k. art. 7a ust. 3, art. 7b ust. 3); None when neither sets one."""
        caps = [self.max_amount]
        if self.council_resolution is not None:
            caps.append(self.council_resolution.cap_for(scholarship_type))
        caps = [cap for cap in caps if cap is not None]
        return min(caps) if caps else None

    def field_of_art_choices(self) -> list[tuple[str, str]]:
        """The fields of art the call's form offers: those of its resolution, or all of them."""
        if self.council_resolution is None:
            return list(FieldOfArt.choices)
        return self.council_resolution.field_of_art_choices()

    def accepts_applications(self, now=None) -> bool:
        """Published and before the deadline: late applications are not considered (DOMAIN.md §D.2 [V])."""
        return self.is_published and (now or timezone.now()) < self.deadline

    @property
    def is_scholarship(self) -> bool:
        return self.kind == Kind.SCHOLARSHIP


class AwardApplication(Case):
    """A scholarship application (u.o.p.d.k. art. 7b) or an award nomination (art. 7a): a case of the department.

    The formal check follows the council's resolution: an application in time and complete is accepted formally,
    an incomplete one is called for completion (its clock in `awards.deadlines`, [K]) or rejected; the committee's
    opinion does not bind the Prezydent, whose zarządzenie (number and date) records the amount; no appeal lies
    (DOMAIN.md §D.2 [V Gorzów, Cieszyn]).
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        INCOMPLETE = "incomplete", _("returned for completion")
        FORMAL_OK = "formal_ok", _("accepted formally")
        REJECTED_FORMAL = "rejected_formal", _("rejected on formal grounds")
        GRANTED = "granted", _("granted")
        REFUSED = "refused", _("not granted")
        # After a scholarship's grant (DOMAIN.md §D.2): the contract, the payment, the scholar's report.
        CONTRACT_SIGNED = "contract_signed", _("contract signed")
        PAID = "paid", _("paid, report awaited")
        REPORT_SUBMITTED = "report_submitted", _("report filed")
        REPORT_RETURNED = "report_returned", _("report returned for correction")
        REPORT_ACCEPTED = "report_accepted", _("report accepted")
        REPORT_MISSING = "report_missing", _("report missing")
        # After an award's grant (DOMAIN.md §D.3): handed to the laureate at the ceremony.
        PRESENTED = "presented", _("award presented")

    class AwardForm(models.TextChoices):
        """The form of an award (DOMAIN.md §D.3 [V Miastkowo])."""

        MONEY = "money", _("money prize")
        MATERIAL = "material", _("material prize")
        DIPLOMA = "diploma", _("diploma only")

    class SubmitterKind(models.TextChoices):
        SELF = "self", _("the candidate")
        INSTITUTION = "institution", _("a cultural institution")
        ASSOCIATION = "association", _("an association or other organisation")
        COUNCIL_COMMITTEE = "council_committee", _("the council's culture committee")

    CASE_KIND_DEFAULTS = {"unit": "KSP", "jrwa": "5230"}
    APPLICANT_NAME_FIELDS = ("submitter_name", "candidate_name")
    APPLICANT_EMAIL_FIELD = "email"
    CASE_OPENED_SUBJECT = _("Your application has been received — %(mark)s")
    # Internal only (DOMAIN.md §D, §J.3): the public results show the name, the field and the amount.
    PERSONAL_DATA_FIELDS = (
        "submitter_name",
        "email",
        "phone",
        "candidate_name",
        "candidate_address",
        "achievements",
        "programme",
        "justification",
        "pesel",
        "bank_account",
        "report_text",
    )
    #: The statuses of a granted scholarship or award: its laureate is in the call's public results.
    GRANTED_STATUSES = frozenset(
        {
            Status.GRANTED,
            Status.CONTRACT_SIGNED,
            Status.PAID,
            Status.REPORT_SUBMITTED,
            Status.REPORT_RETURNED,
            Status.REPORT_ACCEPTED,
            Status.REPORT_MISSING,
            Status.PRESENTED,
        }
    )
    #: The statuses from which the scholar may file the report from the tracking link ("file_report").
    REPORT_FILEABLE_STATUSES = frozenset({Status.PAID, Status.REPORT_RETURNED})

    SUBMITTER_FIELDSET = Fieldset(_("Who applies"), ("submitter_kind", "submitter_name", "email", "phone"))
    CANDIDATE_FIELDSET = Fieldset(_("The candidate"), ("candidate_name", "candidate_address", "field_of_art"))
    SCHOLARSHIP_FIELDSETS = (
        SUBMITTER_FIELDSET,
        CANDIDATE_FIELDSET,
        Fieldset(
            _("The project"),
            ("project_title", "programme", "period_from", "period_to", "scholarship_type", "requested_amount"),
            _("The programme of work for the scholarship period: goal, plan and completion date."),
        ),
        Fieldset(_("Achievements and justification"), ("achievements", "justification")),
    )
    AWARD_FIELDSETS = (
        SUBMITTER_FIELDSET,
        CANDIDATE_FIELDSET,
        Fieldset(_("The nomination"), ("category", "achievements", "justification")),
    )
    # Everything either form states, for the clerk's page.
    APPLICANT_FIELDSETS = (
        SUBMITTER_FIELDSET,
        CANDIDATE_FIELDSET,
        Fieldset(
            _("The project"),
            ("project_title", "programme", "period_from", "period_to", "scholarship_type", "requested_amount"),
        ),
        Fieldset(_("The nomination"), ("category", "achievements", "justification")),
    )

    call = models.ForeignKey(AwardCall, verbose_name=_("call"), on_delete=models.PROTECT, related_name="applications")
    submitter_kind = models.CharField(
        _("applying as"), max_length=20, choices=SubmitterKind, default=SubmitterKind.SELF
    )
    submitter_name = models.CharField(
        _("applicant"),
        max_length=200,
        help_text=_("Your first name and surname, or the name of the institution or organisation."),
    )
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    candidate_name = models.CharField(_("candidate's first name and surname"), max_length=200)
    candidate_address = models.CharField(_("candidate's address"), max_length=300, blank=True)
    field_of_art = models.CharField(_("field of art"), max_length=20, choices=FieldOfArt)
    category = models.CharField(_("award category"), max_length=200, blank=True)
    project_title = models.CharField(_("project title"), max_length=300, blank=True)
    programme = models.TextField(_("programme of work"), max_length=5000, blank=True)
    period_from = models.DateField(_("period from"), null=True, blank=True)
    period_to = models.DateField(_("period to"), null=True, blank=True)
    scholarship_type = models.CharField(
        _("kind of scholarship"),
        max_length=10,
        choices=ScholarshipType,
        blank=True,
        help_text=_("Asked only where the council's resolution caps periodic and one-off scholarships apart."),
    )
    requested_amount = models.DecimalField(_("amount requested"), null=True, blank=True, **MONEY_FIELD)
    achievements = models.TextField(_("achievements"), max_length=5000)
    justification = models.TextField(_("justification"), max_length=5000)
    # The Prezydent's decision (zarządzenie), entered by the clerk before "grant".
    granted_amount = models.DecimalField(_("amount granted"), null=True, blank=True, **MONEY_FIELD)
    decision_number = models.CharField(_("Mayor's order number"), max_length=60, blank=True)
    decision_date = models.DateField(_("Mayor's order date"), null=True, blank=True)
    completion_due = models.DateField(_("completion due"), null=True, blank=True, editable=False)
    award_form = models.CharField(
        _("form of the award"),
        max_length=10,
        choices=AwardForm,
        blank=True,
        help_text=_("Money, a material prize (its value as the amount) or a diploma only; set before the grant."),
    )
    # The scholarship contract (umowa stypendialna), prepared by the clerk before "contract signed".
    contract_number = models.CharField(_("contract number"), max_length=60, blank=True)
    contract_signed_on = models.DateField(_("contract signed on"), null=True, blank=True)
    # Encrypted at rest, never in the change history, cleared by the retention purge (DOMAIN.md §D: internal only).
    pesel = EncryptedTextField(
        _("scholar's PESEL"),
        blank=True,
        validators=[validate_pesel],
        help_text=_("Needed for the contract and the tax information; never published."),
    )
    bank_account = EncryptedTextField(
        _("scholar's bank account"),
        blank=True,
        validators=[validate_nrb],
        help_text=_("NRB, 26 digits, e.g. 61 1090 1014 0000 0712 1981 2874"),
    )
    report_due = models.DateField(_("report due"), null=True, blank=True, editable=False)
    # The scholar's report after the period, filed from the tracking link.
    report_text = models.TextField(_("scholar's report"), max_length=10000, blank=True, editable=False)
    report_filed_at = models.DateTimeField(_("report filed at"), null=True, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.SUBMITTED, editable=False)

    # The PESEL and the bank account never enter the change history.
    history = HistoricalRecords(excluded_fields=["pesel", "bank_account"])

    workflow = Workflow(
        action_prefix="awards.application",
        transitions=[
            Transition(
                "formal_ok",
                source={Status.SUBMITTED},
                target=Status.FORMAL_OK,
                label=_("Formally correct"),
                announce_status=True,
            ),
            Transition(
                "call_to_complete",
                source={Status.SUBMITTED},
                target=Status.INCOMPLETE,
                label=_("Call to complete the application"),
                note_required=True,
                effect="awards.services.on_application_call_to_complete",
                note_to_applicant=True,
                note_message="awards.services.application_message_call_to_complete",
            ),
            Transition(
                "completed",
                source={Status.INCOMPLETE},
                target=Status.SUBMITTED,
                label=_("Completion received"),
            ),
            Transition(
                "reject_formal",
                source={Status.SUBMITTED, Status.INCOMPLETE},
                target=Status.REJECTED_FORMAL,
                label=_("Reject on formal grounds"),
                note_required=True,
                closes_case=True,
                note_to_applicant=True,
                note_message="awards.services.application_message_reject_formal",
            ),
            Transition(
                "grant",
                source={Status.FORMAL_OK},
                target=Status.GRANTED,
                label=_("Granted by the Mayor's order"),
                guard="awards.services.application_check_grant",
                note_to_applicant=True,
                note_message="awards.services.application_message_grant",
            ),
            Transition(
                "refuse",
                source={Status.FORMAL_OK},
                target=Status.REFUSED,
                label=_("Not granted"),
                guard="awards.services.application_check_refuse",
                closes_case=True,
                note_to_applicant=True,
                note_message="awards.services.application_message_refuse",
            ),
            Transition(
                "sign_contract",
                source={Status.GRANTED},
                target=Status.CONTRACT_SIGNED,
                label=_("Scholarship contract signed"),
                guard="awards.services.application_check_sign_contract",
                effect="awards.services.on_application_sign_contract",
                note_to_applicant=True,
                note_message="awards.services.application_message_sign_contract",
            ),
            Transition(
                "pay",
                source={Status.CONTRACT_SIGNED},
                target=Status.PAID,
                label=_("Scholarship paid"),
                guard="awards.services.application_check_pay",
                note_to_applicant=True,
                note_message="awards.services.application_message_pay",
            ),
            Transition(
                "file_report",
                source=set(REPORT_FILEABLE_STATUSES),
                target=Status.REPORT_SUBMITTED,
                label=_("Report filed online"),
                by_applicant=True,
                guard="awards.services.application_check_file_report",
                effect="awards.services.on_application_file_report",
            ),
            Transition(
                "receive_report",
                source=set(REPORT_FILEABLE_STATUSES),
                target=Status.REPORT_SUBMITTED,
                label=_("Report received on paper"),
            ),
            Transition(
                "return_report",
                source={Status.REPORT_SUBMITTED},
                target=Status.REPORT_RETURNED,
                label=_("Return the report for correction"),
                note_required=True,
                note_to_applicant=True,
                note_message="awards.services.application_message_return_report",
            ),
            Transition(
                "accept_report",
                source={Status.REPORT_SUBMITTED},
                target=Status.REPORT_ACCEPTED,
                label=_("Accept the report"),
                closes_case=True,
                note_to_applicant=True,
                note_message="awards.services.application_message_accept_report",
            ),
            Transition(
                "report_missing",
                source=set(REPORT_FILEABLE_STATUSES),
                target=Status.REPORT_MISSING,
                label=_("Report not filed in time"),
                guard="awards.services.application_check_report_missing",
                note_required=True,
                closes_case=True,
                note_to_applicant=True,
            ),
            Transition(
                "present",
                source={Status.GRANTED},
                target=Status.PRESENTED,
                label=_("Award presented at the ceremony"),
                guard="awards.services.application_check_present",
                closes_case=True,
            ),
        ],
    )

    # Called to complete, the applicant completes the application from the tracking page; sending it is the
    # "completed" transition (core.applicant_changes).
    applicant_changes = ApplicantChanges(
        statuses={Status.INCOMPLETE},
        resubmit="completed",
        form="awards.forms.ApplicationCompletionForm",
        label=_("Complete the application"),
    )

    class Meta:
        verbose_name = _("scholarship application or award nomination")
        verbose_name_plural = _("scholarship applications and award nominations")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_from__isnull=True)
                | Q(period_to__isnull=True)
                | Q(period_to__gte=models.F("period_from")),
                name="award_application_period_order",
            ),
            models.CheckConstraint(
                condition=Q(granted_amount__isnull=True) | Q(granted_amount__gte=0),
                name="award_application_granted_not_negative",
            ),
        ]
        indexes = [models.Index(fields=["call", "status"], name="award_application_call_status")]

    def __str__(self):
        return f"{self.case_mark}: {self.candidate_name}"

    @property
    def masked_pesel(self) -> str:
        return mask_pesel(self.pesel)

    @property
    def masked_bank_account(self) -> str:
        """The account's last four digits only: enough to compare with the scholar's statement."""
        if not self.bank_account:
            return ""
        return "•" * (len(self.bank_account) - 4) + self.bank_account[-4:]

    def tracking_actions(self, token: str) -> list[TrackingAction]:
        """The scholar's report, filed (or corrected) from the tracking link once the scholarship is paid."""
        if self.status in self.REPORT_FILEABLE_STATUSES:
            if self.status == self.Status.REPORT_RETURNED:
                heading = _("Your report has been returned for correction")
                text = _("Read the department's note under Messages, correct the report and file it again.")
                label = _("Correct and file the report")
            else:
                heading = _("File the report on the scholarship")
                text = _("Describe how the programme of the scholarship was carried out, by %(date)s.") % {
                    "date": self.report_due.strftime("%d.%m.%Y") if self.report_due else "—"
                }
                label = _("File the report")
        elif self.report_filed_at and self.status in {self.Status.REPORT_SUBMITTED, self.Status.REPORT_ACCEPTED}:
            heading = _("Your report on the scholarship")
            text = _("Filed on %(date)s; status: %(status)s.") % {
                "date": timezone.localtime(self.report_filed_at).strftime("%d.%m.%Y"),
                "status": self.get_status_display(),
            }
            label = _("See the report")
        else:
            return []
        url = reverse("awards:report_file", kwargs={"token": token})
        return [TrackingAction(heading=str(heading), text=str(text), url=url, label=str(label))]


class AwardCallDocument(PublicAttachment):
    """A document of a call residents download: the resolution's text, the form as a PDF, the rules.

    Served only while the call is public (core.models.attachments).
    """

    parent_field = "call"
    download_url_name = "awards:document_download"
    upload_dir = "awards/calls"
    download_name = "dokument"

    call = models.ForeignKey(AwardCall, verbose_name=_("call"), on_delete=models.CASCADE, related_name="documents")

    class Meta(PublicAttachment.Meta):
        verbose_name = _("document of the call")
        verbose_name_plural = _("documents of the call")

    @classmethod
    def public_parents(cls):
        return AwardCall.objects.public()


# The contract's payment schedule and the committee of a call live in their own modules, re-exported here and
# imported last, as they point at the models above.
from awards.committee import (  # noqa: E402, F401
    COMMITTEE_MAX_POINTS,
    AwardAssignment,
    AwardCommittee,
    AwardCommitteeMember,
    AwardInterview,
    AwardScore,
)
from awards.contracts import ScholarshipPayment  # noqa: E402, F401
