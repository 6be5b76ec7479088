"""Open competitions for NGOs (otwarty konkurs ofert, u.d.p.p. art. 13–15, 18a): calls, criteria, documents."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.html import SanitisedHTMLField
from core.models import PublicAttachment, TimeStampedModel
from core.money import MONEY_FIELD
from core.workflow import Transition, Workflow
from grants.rules import CallLimits


class TaskMode(models.TextChoices):
    """u.d.p.p. art. 5 ust. 4 pkt 2 and art. 16: support (co-funding) or entrusting (full funding)."""

    SUPPORT = "support", _("support (co-funding)")
    ENTRUST = "entrust", _("entrusting (full funding)")


class CommitteeWithoutNgoReason(models.TextChoices):
    """u.d.p.p. art. 15 ust. 2da: the three cases in which the committee sits without persons nominated by NGOs."""

    NO_NOMINEES = "no_nominees", _("no organisation nominated anyone (art. 15 ust. 2da pkt 1)")
    NOMINEES_ABSENT = "absent", _("the nominated persons do not take part in the committee's work (pkt 2)")
    NOMINEES_EXCLUDED = "excluded", _("every nominated person is excluded under art. 15 ust. 2d or 2f (pkt 3)")


class GrantCallQuerySet(models.QuerySet):
    def public(self):
        """Calls residents may see: everything published, including closed, resolved and cancelled ones."""
        return self.exclude(status=GrantCall.Status.DRAFT)

    def open_for_offers(self, now):
        return self.filter(status=GrantCall.Status.PUBLISHED, offers_deadline__gte=now)

    def archived(self, now):
        return self.public().filter(Q(offers_deadline__lt=now) | ~Q(status=GrantCall.Status.PUBLISHED))


class GrantCall(TimeStampedModel):
    """An open competition for offers (otwarty konkurs ofert) announced under u.d.p.p. art. 13.

    Published at once in BIP, on the notice board and on the website; the offers deadline is at least
    21 days after the last of the three (enforced when publishing). Cancelled under art. 18a.
    """

    #: The columns of the site search's document (core.search.ranked_search; its stored column on PostgreSQL).
    SEARCH_FIELDS = ("title", "task_type")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("accepting offers")
        EVALUATION = "evaluation", _("offers being evaluated")
        RESOLVED = "resolved", _("resolved")
        CANCELLED = "cancelled", pgettext_lazy("call status", "cancelled")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("address"), max_length=120, unique=True, help_text=_("Part of the page address."))
    year = models.PositiveSmallIntegerField(_("budget year"))
    task_type = models.CharField(
        _("type of public task"),
        max_length=300,
        help_text=_("E.g. “Culture, art, protection of cultural goods and national heritage”."),
    )
    mode = models.CharField(_("mode"), max_length=10, choices=TaskMode, default=TaskMode.SUPPORT)
    budget = models.DecimalField(_("amount of public funds"), **MONEY_FIELD)
    max_subsidy = models.DecimalField(
        _("highest subsidy per offer"), null=True, blank=True, help_text=_("Empty: no limit."), **MONEY_FIELD
    )
    min_own_percent = models.DecimalField(
        _("lowest own contribution (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Only in the support mode, e.g. 10."),
    )
    max_admin_percent = models.DecimalField(
        _("highest share of administrative costs (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    # The call's texts are written in the admin's editor and sanitised on save (core.html, core.rich_text).
    rules = SanitisedHTMLField(_("rules of granting subsidies"))
    implementation_from = models.DateField(_("task from"))
    implementation_to = models.DateField(_("task until"))
    offers_deadline = models.DateTimeField(_("offers deadline"))
    selection_date = models.DateField(_("date of choosing the offers"))
    previous_year_info = SanitisedHTMLField(
        _("tasks of the same type this and last year"),
        help_text=_("Required by u.d.p.p. art. 13 ust. 2 pkt 6: tasks, their costs and subsidies to NGOs."),
    )
    published_bip_on = models.DateField(_("published in BIP on"), null=True, blank=True)
    published_board_on = models.DateField(_("put on the notice board on"), null=True, blank=True)
    published_web_on = models.DateField(_("published on the website on"), null=True, blank=True)
    committee_without_ngo_reason = models.CharField(
        _("why the committee sits without persons nominated by NGOs"),
        max_length=12,
        choices=CommitteeWithoutNgoReason,
        blank=True,
        help_text=_(
            "Only when no person nominated by NGOs sits on the committee (u.d.p.p. art. 15 ust. 2da); "
            "the call is not resolved without it."
        ),
    )
    committee_without_ngo_note = models.TextField(
        _("how it was established"),
        blank=True,
        help_text=_("E.g. the invitation to nominate was published in BIP on 2 March 2026 and no one answered."),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.DRAFT, editable=False)
    cancellation_reason = models.TextField(_("reason for cancelling"), blank=True, editable=False)
    results_published_at = models.DateTimeField(_("results published at"), null=True, blank=True, editable=False)
    copied_from = models.ForeignKey(
        "self", verbose_name=_("copied from"), null=True, blank=True, on_delete=models.SET_NULL, editable=False
    )

    objects = GrantCallQuerySet.as_manager()
    history = HistoricalRecords()

    workflow = Workflow(
        action_prefix="grants.call",
        transitions=[
            Transition(
                "publish",
                source={Status.DRAFT},
                target=Status.PUBLISHED,
                label=_("Publish the call"),
                guard="grants.services.call_check_publish",
            ),
            Transition(
                "close_offers",
                source={Status.PUBLISHED},
                target=Status.EVALUATION,
                label=_("Close for offers and evaluate"),
                guard="grants.services.call_check_close",
            ),
            Transition(
                "resolve",
                source={Status.EVALUATION},
                target=Status.RESOLVED,
                label=_("Resolve and publish the results"),
                guard="grants.services.call_check_resolve",
                effect="grants.services.on_call_resolve",
            ),
            Transition(
                "cancel",
                source={Status.PUBLISHED, Status.EVALUATION},
                target=Status.CANCELLED,
                label=_("Cancel the call (art. 18a)"),
                note_required=True,
                guard="grants.services.call_check_cancel",
                effect="grants.services.on_call_cancel",
            ),
        ],
    )

    class Meta:
        verbose_name = _("call for offers")
        verbose_name_plural = _("calls for offers")
        ordering = ["-offers_deadline", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(implementation_to__gte=models.F("implementation_from")), name="grant_call_period_order"
            ),
            models.CheckConstraint(condition=Q(budget__gt=0), name="grant_call_budget_positive"),
        ]
        indexes = [models.Index(fields=["status", "-offers_deadline"], name="grant_call_status_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("grants:call_detail", kwargs={"slug": self.slug})

    @property
    def limits(self) -> CallLimits:
        return CallLimits(
            mode=self.mode,
            max_subsidy=self.max_subsidy,
            min_own_percent=self.min_own_percent,
            max_admin_percent=self.max_admin_percent,
        )

    @property
    def announcements(self):
        return [self.published_bip_on, self.published_board_on, self.published_web_on]


class CallCriterion(models.Model):
    """A criterion of the call with its points (u.d.p.p. art. 13 ust. 2 pkt 5, art. 15 ust. 1)."""

    class Kind(models.TextChoices):
        FORMAL = "formal", _("formal")
        MERIT = "merit", _("merit")

    call = models.ForeignKey(GrantCall, verbose_name=_("call"), on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.MERIT)
    max_points = models.PositiveSmallIntegerField(_("highest points"), default=0, help_text=_("0 for a formal one."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["call", "kind", "position", "pk"]

    def __str__(self):
        return self.name


class CallDocument(PublicAttachment):
    """A document of the call residents download: the announcement, forms, the rules (PDF).

    Served only while the call is public (core.models.attachments).
    """

    parent_field = "call"
    download_url_name = "grants:document_download"
    upload_dir = "grants/calls"
    download_name = "dokument"

    call = models.ForeignKey(GrantCall, verbose_name=_("call"), on_delete=models.CASCADE, related_name="documents")

    class Meta(PublicAttachment.Meta):
        verbose_name = _("document of the call")
        verbose_name_plural = _("documents of the call")

    @classmethod
    def public_parents(cls):
        return GrantCall.objects.public()


class YearPlan(TimeStampedModel):
    """Subsidies for NGOs planned in the budget year: the base of the 20 % cap on small grants (art. 19a ust. 7).

    The whole city's: the subsidies planned in the budget for public tasks of NGOs and the entities of art. 3
    ust. 3 in every field, not only culture.
    """

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    planned_ngo_subsidies = models.DecimalField(
        _("subsidies planned for NGOs"),
        help_text=_("The whole city's budget for public tasks of NGOs in the year, in every field, not only culture."),
        **MONEY_FIELD,
    )

    class Meta:
        verbose_name = _("year plan of subsidies")
        verbose_name_plural = _("year plans of subsidies")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)


class TaxArrearsInterestRate(models.Model):
    """The rate of interest for tax arrears (o.p. art. 56), announced by the Minister of Finance; data, not code.

    Returns of subsidies bear interest "as for tax arrears" (u.f.p. art. 251 ust. 5, art. 252 ust. 1).
    """

    valid_from = models.DateField(_("valid from"), unique=True)
    annual_percent = models.DecimalField(_("annual rate (%)"), max_digits=5, decimal_places=2)
    announcement = models.CharField(
        _("announcement"), max_length=200, blank=True, help_text=_("E.g. M.P. 2025 poz. 1.")
    )

    class Meta:
        verbose_name = _("interest rate for tax arrears")
        verbose_name_plural = _("interest rates for tax arrears")
        ordering = ["-valid_from"]

    def __str__(self):
        return f"{self.valid_from:%d.%m.%Y}: {self.annual_percent}%"


class RegisteredLetterFee(models.Model):
    """The designated postal operator's fee for treating a letter as a registered one: data, not code.

    o.p. art. 54 § 1 pkt 5 (applied to the return of a subsidy through u.f.p. art. 60 pkt 1 and art. 67 ust. 1):
    interest that would not exceed three times this fee is not charged. The fee changes with the operator's
    tariff; each change is a new row, and the row valid on the day of the return applies (`grants.rules.
    interest_minimum_on`).
    """

    valid_from = models.DateField(_("valid from"), unique=True)
    fee = models.DecimalField(
        _("fee for a registered letter"),
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_(
            "The fee of the designated operator (Poczta Polska) for treating a letter as registered, e.g. 2.90."
        ),
    )
    source = models.CharField(
        _("source"), max_length=200, blank=True, help_text=_("E.g. the operator's price list or resolution.")
    )

    class Meta:
        verbose_name = _("registered-letter fee")
        verbose_name_plural = _("registered-letter fees")
        ordering = ["-valid_from"]

    def __str__(self):
        return f"{self.valid_from:%d.%m.%Y}: {self.fee} zł"
