"""Offers on the statutory form (annex 1 to Dz.U. 2018 poz. 2057), their drafts and small-grant comments."""

import secrets

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import Case, TimeStampedModel, TrackingAction
from core.money import MONEY_FIELD
from core.workflow import ApplicantChanges, Transition, Workflow
from grants.models.calls import GrantCall
from grants.rules import CostLine, Funding


def new_draft_token() -> str:
    return secrets.token_urlsafe(32)


class OfferDraft(TimeStampedModel):
    """An offer being written: the form's data kept under a private random token until it is submitted.

    The token is the only key (never an e-mail or a name in the address); a draft is not a case yet, it gets
    its case mark on submission and then points at the offer.
    """

    token = models.CharField(max_length=64, unique=True, default=new_draft_token, editable=False)
    call = models.ForeignKey(
        GrantCall, verbose_name=_("call"), null=True, blank=True, on_delete=models.CASCADE, related_name="drafts"
    )
    data = models.JSONField(_("form data"), default=dict, blank=True)
    offer = models.OneToOneField(
        "grants.GrantOffer",
        verbose_name=_("submitted offer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="draft",
    )

    class Meta:
        verbose_name = _("offer draft")
        verbose_name_plural = _("offer drafts")
        ordering = ["-updated_at"]

    def __str__(self):
        return f"{self.call or _('small grant')} ({self.updated_at:%d.%m.%Y %H:%M})"

    def get_absolute_url(self):
        return reverse("grants:offer_draft", kwargs={"token": self.token})


class GrantOffer(Case):
    """An offer to carry out a public task (oferta realizacji zadania publicznego), a case from submission on.

    Sections of the statutory form (annex 1 to Dz.U. 2018 poz. 2057): I the organ and the task type (from
    the call), II the offeror(s), III the task with its actions (OfferAction) and results (OfferResult), IV the
    offeror's experience and resources, V the cost table (OfferCostLine) and its sources (fields below), VI
    other information, VII declarations. A small grant (u.d.p.p. art. 19a) has no call, is sent on the simplified
    offer (annex 1 to Dz.U. 2018 poz. 2055: `grants.forms.SMALL_GRANT_OFFER_OMITTED` are not asked) and is
    published for comments before the decision.
    """

    class Kind(models.TextChoices):
        COMPETITION = "competition", _("open competition")
        SMALL_GRANT = "small_grant", _("small grant (art. 19a)")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        INCOMPLETE = "incomplete", _("called to complete")
        FORMAL_OK = "formal_ok", _("formally correct")
        REJECTED_FORMAL = "rejected_formal", _("rejected on formal grounds")
        PUBLISHED = "published", _("published for comments")
        GRANTED = "granted", _("subsidy granted")
        NOT_GRANTED = "not_granted", _("subsidy not granted")
        AGREEMENT = "agreement", _("agreement signed")
        SETTLED = "settled", _("settled")

    class LegalForm(models.TextChoices):
        ASSOCIATION = "association", _("association")
        FOUNDATION = "foundation", _("foundation")
        CHURCH = "church", _("church legal person")
        COOPERATIVE = "cooperative", _("social cooperative")
        OTHER = "other", _("other entity (u.d.p.p. art. 3 ust. 3)")

    CASE_KIND_DEFAULTS = {"unit": "KSP", "jrwa": "5220"}
    PERSONAL_DATA_FIELDS = ("contact_name", "contact_phone", "contact_email")
    APPLICANT_NAME_FIELDS = ("organisation_name", "contact_name")
    APPLICANT_EMAIL_FIELD = "email"
    CASE_OPENED_SUBJECT = _("Your offer has been received — %(mark)s")

    kind = models.CharField(_("procedure"), max_length=12, choices=Kind, default=Kind.COMPETITION)
    call = models.ForeignKey(
        GrantCall, verbose_name=_("call"), null=True, blank=True, on_delete=models.PROTECT, related_name="offers"
    )
    # II. Dane oferenta
    organisation_name = models.CharField(_("name of the offeror"), max_length=300)
    legal_form = models.CharField(_("legal form"), max_length=12, choices=LegalForm)
    register_number = models.CharField(
        _("number in the KRS or another register"), max_length=50, help_text=_("E.g. KRS 0000123456.")
    )
    address = models.CharField(_("registered office address"), max_length=300)
    correspondence_address = models.CharField(_("address for correspondence"), max_length=300, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail of the offeror"))
    phone = models.CharField(_("phone of the offeror"), max_length=30, blank=True)
    contact_name = models.CharField(_("person authorised to explain the offer"), max_length=200)
    contact_phone = models.CharField(_("phone of that person"), max_length=30, blank=True)
    contact_email = models.EmailField(_("e-mail of that person"))
    is_joint = models.BooleanField(_("joint offer"), default=False)
    partners = models.TextField(_("other offerors of a joint offer"), blank=True)
    # III. Opis zadania
    title = models.CharField(_("title of the public task"), max_length=300)
    start_date = models.DateField(_("start of the task"))
    end_date = models.DateField(_("end of the task"))
    place = models.CharField(_("place of the task"), max_length=300)
    description = models.TextField(_("summary of the task"))
    expected_results = models.TextField(_("expected results"))
    # IV. Charakterystyka oferenta (not in the simplified offer of a small grant: blank there)
    experience = models.TextField(_("previous activity of the offeror"), blank=True)
    resources = models.TextField(_("staff, material and financial resources"), blank=True)
    # V.B Źródła finansowania
    total_costs = models.DecimalField(_("total costs"), default=0, editable=False, **MONEY_FIELD)
    requested_amount = models.DecimalField(_("subsidy asked for"), **MONEY_FIELD)
    own_financial = models.DecimalField(_("own financial contribution"), default=0, **MONEY_FIELD)
    own_personal = models.DecimalField(_("own non-financial contribution: personal"), default=0, **MONEY_FIELD)
    own_material = models.DecimalField(_("own non-financial contribution: material"), default=0, **MONEY_FIELD)
    recipient_fees = models.DecimalField(_("payments from recipients"), default=0, **MONEY_FIELD)
    # VI. Inne informacje
    paid_activity = models.BooleanField(_("the task is carried out for a fee"), default=False)
    other_information = models.TextField(_("other information"), blank=True)
    # VII. Oświadczenia — all required to submit.
    declarations_accepted_at = models.DateTimeField(_("declarations made at"), null=True, editable=False)
    # Evaluation and result
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.SUBMITTED, editable=False)
    completion_due = models.DateField(_("to be completed by"), null=True, blank=True, editable=False)
    merit_score = models.DecimalField(
        _("merit points"), max_digits=7, decimal_places=2, null=True, blank=True, editable=False
    )
    recommended_amount = models.DecimalField(
        _("amount recommended by the committee"), null=True, blank=True, **MONEY_FIELD
    )
    granted_amount = models.DecimalField(_("amount granted"), null=True, blank=True, **MONEY_FIELD)
    # Small grants (art. 19a)
    published_on = models.DateField(_("published for comments on"), null=True, blank=True, editable=False)
    comments_until = models.DateField(_("comments until"), null=True, blank=True, editable=False)

    history = HistoricalRecords()

    workflow = Workflow(
        action_prefix="grants.offer",
        transitions=[
            Transition(
                "formal_ok",
                source={Status.SUBMITTED},
                target=Status.FORMAL_OK,
                label=_("Formally correct"),
            ),
            Transition(
                "call_to_complete",
                source={Status.SUBMITTED},
                target=Status.INCOMPLETE,
                label=_("Call to complete the offer"),
                note_required=True,
                note_to_applicant=True,
                note_message="grants.services.offer_message_call_to_complete",
                effect="grants.services.on_offer_call_to_complete",
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
                note_to_applicant=True,
                closes_case=True,
            ),
            Transition(
                "publish_small_grant",
                source={Status.FORMAL_OK},
                target=Status.PUBLISHED,
                label=_("Publish for comments (7 days)"),
                guard="grants.services.small_grant_check_publish",
                effect="grants.services.on_small_grant_publish",
            ),
            Transition(
                "grant",
                source={Status.FORMAL_OK, Status.PUBLISHED},
                target=Status.GRANTED,
                label=_("Grant the subsidy"),
                guard="grants.services.offer_check_grant",
                effect="grants.services.on_offer_grant",
            ),
            Transition(
                "not_grant",
                source={Status.FORMAL_OK, Status.PUBLISHED},
                target=Status.NOT_GRANTED,
                label=_("Do not grant"),
                closes_case=True,
                note_to_applicant=True,
                note_message="grants.services.offer_message_not_grant",
            ),
            Transition("sign", source={Status.GRANTED}, target=Status.AGREEMENT, label=_("Agreement signed")),
            Transition(
                "settle",
                source={Status.AGREEMENT},
                target=Status.SETTLED,
                label=_("Settled"),
                closes_case=True,
                guard="grants.services.offer_check_settle",
            ),
        ],
    )

    # Called to complete, the offeror completes the offer itself from the tracking page; sending it is the
    # "completed" transition (core.applicant_changes).
    applicant_changes = ApplicantChanges(
        statuses={Status.INCOMPLETE},
        resubmit="completed",
        form="grants.forms.OfferChangesForm",
        label=_("Complete the offer"),
    )

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(end_date__gte=models.F("start_date")), name="grant_offer_period_order"),
            models.CheckConstraint(
                condition=Q(granted_amount__isnull=True) | Q(granted_amount__lte=models.F("requested_amount")),
                name="grant_offer_granted_within_requested",
            ),
            models.CheckConstraint(
                condition=Q(kind="small_grant") | Q(call__isnull=False), name="grant_offer_competition_has_call"
            ),
        ]
        indexes = [models.Index(fields=["call", "status"], name="grant_offer_call_status_idx")]

    def __str__(self):
        return f"{self.case_mark}: {self.organisation_name} — {self.title}"

    @property
    def funding(self) -> Funding:
        return Funding(
            subsidy=self.requested_amount,
            own_financial=self.own_financial,
            own_personal=self.own_personal,
            own_material=self.own_material,
            recipient_fees=self.recipient_fees,
        )

    def cost_lines(self) -> list[CostLine]:
        return [
            CostLine(
                number=n,
                name=line.name,
                category=line.category,
                unit_cost=line.unit_cost,
                units=line.units,
                declared_total=line.total,
            )
            for n, line in enumerate(self.costs.all(), start=1)
        ]

    def tracking_actions(self, token: str) -> list[TrackingAction]:
        """The reports of the offer's agreement the organisation may file, or look at, from its tracking link."""
        from django.utils import timezone

        from grants.models.agreements import GrantReport

        today = timezone.localdate()
        actions = []
        reports = GrantReport.objects.filter(agreement__offer=self).select_related("agreement")
        for report in reports.order_by("due_on", "pk"):
            url = reverse("grants:report_file", kwargs={"token": token, "pk": report.pk})
            kind = report.get_kind_display()
            due = (report.call_due_on or report.due_on).strftime("%d.%m.%Y")
            if report.status in GrantReport.FILEABLE_STATUSES and report.may_be_filed(today):
                if report.status == GrantReport.Status.RETURNED:
                    heading = _("Your %(kind)s report has been returned for correction") % {"kind": kind}
                    text = _("Read the department's note under Messages, correct the report and file it again.")
                    label = _("Correct and file the report")
                else:
                    heading = _("File the %(kind)s report") % {"kind": kind}
                    text = _("The %(kind)s report on agreement %(number)s is due by %(date)s.") % {
                        "kind": kind,
                        "number": report.agreement.number,
                        "date": due,
                    }
                    label = _("File the report")
            elif report.filed_at and report.status in {GrantReport.Status.SUBMITTED, GrantReport.Status.ACCEPTED}:
                heading = _("Your %(kind)s report") % {"kind": kind}
                text = _("Filed on %(date)s; status: %(status)s.") % {
                    "date": report.submitted_on.strftime("%d.%m.%Y"),
                    "status": report.get_status_display(),
                }
                label = _("See the report")
            else:
                continue
            actions.append(TrackingAction(heading=str(heading), text=str(text), url=url, label=str(label)))
        return actions


class OfferAction(models.Model):
    """III.4 Plan i harmonogram działań: one action of the task."""

    offer = models.ForeignKey(GrantOffer, on_delete=models.CASCADE, related_name="actions")
    position = models.PositiveSmallIntegerField(_("no."), default=0)
    name = models.CharField(_("name of the action"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    target_group = models.CharField(_("target group"), max_length=300, blank=True)
    planned_period = models.CharField(_("planned dates"), max_length=200)
    partner_scope = models.CharField(_("part done by a non-party"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("schedule of actions")
        ordering = ["offer", "position", "pk"]

    def __str__(self):
        return self.name


class OfferResult(models.Model):
    """III.6 Dodatkowe informacje dotyczące rezultatów: a result, its target value and how it is monitored."""

    offer = models.ForeignKey(GrantOffer, on_delete=models.CASCADE, related_name="results")
    position = models.PositiveSmallIntegerField(_("no."), default=0)
    name = models.CharField(_("result"), max_length=300)
    target_value = models.CharField(_("planned level"), max_length=200)
    monitoring = models.CharField(_("how it is monitored"), max_length=300)

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")
        ordering = ["offer", "position", "pk"]

    def __str__(self):
        return self.name


class CostCategory(models.TextChoices):
    """The two parts of the cost table V.A (poz. 2057, annex 1), kept in the report's table as executed (annex 5)."""

    ACTION = "action", _("costs of the actions")
    ADMIN = "admin", _("administrative costs")


class CostLineFields(models.Model):
    """The columns of a cost line, the same in the offer's table and in the report's table as executed."""

    position = models.PositiveSmallIntegerField(_("no."), default=0)
    category = models.CharField(_("category"), max_length=10, choices=CostCategory, default=CostCategory.ACTION)
    name = models.CharField(_("kind of cost"), max_length=300)
    unit = models.CharField(_("unit of measure"), max_length=50)
    unit_cost = models.DecimalField(_("unit cost"), **MONEY_FIELD)
    units = models.DecimalField(_("number of units"), max_digits=10, decimal_places=2)
    total = models.DecimalField(_("total"), **MONEY_FIELD)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name


class OfferCostLine(CostLineFields):
    """V.A Zestawienie kosztów: one cost line (I. actions or II. administration)."""

    Category = CostCategory

    offer = models.ForeignKey(GrantOffer, on_delete=models.CASCADE, related_name="costs")

    class Meta:
        verbose_name = _("cost line")
        verbose_name_plural = _("cost table")
        ordering = ["offer", "position", "pk"]


class SmallGrantComment(models.Model):
    """A comment on a small-grant offer published for 7 days (u.d.p.p. art. 19a ust. 3 and 4)."""

    offer = models.ForeignKey(GrantOffer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="comments")
    author_name = models.CharField(_("author"), max_length=200)
    text = models.TextField(_("comment"), max_length=5000)
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)
    consideration = models.TextField(_("how the comment was considered"), blank=True)

    class Meta:
        verbose_name = _("comment on a small grant")
        verbose_name_plural = _("comments on small grants")
        ordering = ["received_at", "pk"]

    def __str__(self):
        return f"{self.author_name}: {self.text[:60]}"
