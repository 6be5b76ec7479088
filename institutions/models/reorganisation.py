"""Plans to create, merge, divide or liquidate a cultural institution (DOMAIN.md §A.7).

The waiting periods between the public announcement and the act are computed by
`institutions.deadlines.reorganisation_earliest_act_date`; the act cannot be recorded before it
(`institutions.services.plan_adopt_act`, and the workflow's effect guards every other path).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel
from core.workflow import Transition, Workflow
from institutions.models.register import CulturalInstitution, InstitutionKind, LegalAct


class ReorganisationPlan(TimeStampedModel):
    """A plan to create, merge, divide or liquidate institutions, from the announcement to the register entries.

    u.o.p.d.k. art. 18 ust. 3 (merger/division: announce the intention and reasons 3 months before the act),
    art. 22 ust. 2 (liquidation: 6 months), ustawa o bibliotekach art. 13 ust. 2 (a library: 6 months), ust. 4
    and ust. 7–8 (the opinions of Krajowa Rada Biblioteczna and the voivodeship library, the minister's consent
    to a merger),
    ustawa o muzeach art. 5a (a museum merger after a positive opinion of the Rada do Spraw Muzeów).
    """

    class Kind(models.TextChoices):
        CREATE = "create", _("creation")
        MERGE = "merge", _("merger")
        DIVIDE = "divide", _("division")
        LIQUIDATE = "liquidate", _("liquidation")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        ANNOUNCED = "announced", _("intention announced")
        ACT_ADOPTED = "act_adopted", _("act adopted")
        COMPLETED = "completed", _("entered in the register")
        ABANDONED = "abandoned", _("abandoned")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    title = models.CharField(_("title"), max_length=300)
    reasons = models.TextField(_("reasons"), blank=True)
    institutions = models.ManyToManyField(
        CulturalInstitution,
        verbose_name=_("institutions concerned"),
        blank=True,
        related_name="reorganisation_plans",
    )
    intent_resolution = models.ForeignKey(
        LegalAct,
        verbose_name=_("resolution of intent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    announced_on = models.DateField(
        _("intention publicly announced on"), null=True, blank=True, help_text=_("Publication in BIP and the press.")
    )
    library_council_opinion_on = models.DateField(
        _("opinion of the National Library Council received on"), null=True, blank=True
    )
    voivodeship_library_opinion_on = models.DateField(
        _("opinion of the voivodeship public library received on"), null=True, blank=True
    )
    minister_consent_on = models.DateField(_("consent of the minister of culture received on"), null=True, blank=True)
    museum_council_opinion_on = models.DateField(
        _("positive opinion of the Museum Council received on"), null=True, blank=True
    )
    act = models.ForeignKey(
        LegalAct, verbose_name=_("act"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    act_adopted_on = models.DateField(_("act adopted on"), null=True, blank=True, editable=False)
    effective_on = models.DateField(
        _("effective on"),
        null=True,
        blank=True,
        help_text=_("Day of the merger, division or liquidation named in the act; the day of the register entries."),
    )
    liquidator_name = models.CharField(_("liquidator"), max_length=200, blank=True)
    library_involved_when_announced = models.BooleanField(
        _("a public library was involved when the plan was announced"), default=False, editable=False
    )
    museum_involved_when_announced = models.BooleanField(
        _("a museum was involved when the plan was announced"), default=False, editable=False
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT, editable=False)

    history = HistoricalRecords()

    workflow = Workflow(
        action_prefix="institutions.plan",
        transitions=[
            Transition(
                "announce",
                source={Status.DRAFT},
                target=Status.ANNOUNCED,
                label=_("Record the announcement"),
                guard="institutions.services.plan_check_announce",
                effect="institutions.services.on_plan_announce",
            ),
            Transition(
                "adopt_act",
                source={Status.ANNOUNCED},
                target=Status.ACT_ADOPTED,
                label=_("Record the adopted act"),
                guard="institutions.services.plan_check_adopt_act",
                effect="institutions.services.on_plan_adopt_act",
            ),
            Transition(
                "complete",
                source={Status.ACT_ADOPTED},
                target=Status.COMPLETED,
                label=_("Make the register entries"),
                permission="institutions.add_registerentry",
                effect="institutions.services.on_plan_complete",
            ),
            Transition(
                "abandon",
                source={Status.DRAFT, Status.ANNOUNCED},
                target=Status.ABANDONED,
                label=_("Abandon the plan"),
                note_required=True,
            ),
        ],
    )

    class Meta:
        verbose_name = _("reorganisation plan")
        verbose_name_plural = _("reorganisation plans")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def library_involved(self) -> bool:
        """Whether a public library is involved (ustawa o bibliotekach art. 13): recorded when the plan was
        announced, or a library among the institutions now. Changing an institution's kind afterwards cannot
        take the plan out of the library rules (6 months, opinions, consent)."""
        return self.library_involved_when_announced or self.library_involved_now

    @property
    def museum_involved(self) -> bool:
        """Whether a museum is involved (ustawa o muzeach art. 5a): recorded at the announcement, or now."""
        return self.museum_involved_when_announced or self.museum_involved_now

    @property
    def library_involved_now(self) -> bool:
        return any(i.kind == InstitutionKind.LIBRARY for i in self.institutions.all()) or any(
            p.kind == InstitutionKind.LIBRARY for p in self.new_institutions.all()
        )

    @property
    def museum_involved_now(self) -> bool:
        return any(i.kind == InstitutionKind.MUSEUM for i in self.institutions.all()) or any(
            p.kind == InstitutionKind.MUSEUM for p in self.new_institutions.all()
        )


class PlannedInstitution(models.Model):
    """An institution the plan creates (creation, merger, division): what its first register entry will say."""

    plan = models.ForeignKey(
        ReorganisationPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="new_institutions"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=InstitutionKind)
    full_name = models.CharField(_("full name"), max_length=500)
    short_name = models.CharField(_("short name"), max_length=200, blank=True)
    activity = models.TextField(_("scope of activity"), blank=True)
    seat = models.CharField(_("seat"), max_length=200, default="Ruda Śląska")
    address = models.CharField(_("address"), max_length=300)
    institution = models.OneToOneField(
        CulturalInstitution,
        verbose_name=_("registered as"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("new institution")
        verbose_name_plural = _("new institutions")
        ordering = ["plan", "pk"]

    def __str__(self):
        return self.full_name
