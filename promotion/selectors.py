"""What the duty's public pages and the Terminarz read: the published sites and plans, the open inquiries, the own
events' budgets and open tasks."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DecimalField, IntegerField, OuterRef, Prefetch, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.deadlines import OpenDeadline
from core.money import money
from promotion.deadlines import INVESTOR_INQUIRY_ANSWER_DAYS, PRODUCTION_TASK_RULE, investor_inquiry_answer_due
from promotion.models import (
    ActionYear,
    BudgetLine,
    EventProduction,
    InvestmentSite,
    InvestorInquiry,
    PlanAction,
    PlanGoal,
    PlanObjective,
    ProductionTask,
    SitePhoto,
    SiteUtility,
    StrategicPlan,
)

SECTION = "promotion"
LIST_FIELDS = (
    "pk",
    "name",
    "name_en",
    "slug",
    "district",
    "street",
    "area_ha",
    "zoning_status",
    "permitted_use",
    "ownership",
    "price_per_m2",
    "price_total",
    "in_economic_zone",
    "mining_damage",
    "updated_at",
)


def site_list():
    """The published sites of the public list with their utilities: two queries whatever the number of sites.

    Filters (`promotion.filters.InvestmentSiteFilter`) and pagination narrow it in the database.
    """
    return (
        InvestmentSite.objects.published()
        .only(*LIST_FIELDS)
        .prefetch_related(Prefetch("utilities", queryset=SiteUtility.objects.only("pk", "site_id", "kind")))
        .order_by("name", "pk")
    )


def published_site_or_none(slug: str) -> InvestmentSite | None:
    """A published site's whole card (utilities, transport links, photos), or None: drafts never leak."""
    return (
        InvestmentSite.objects.published()
        .prefetch_related(
            "utilities",
            "transport_links",
            Prefetch("photos", queryset=SitePhoto.objects.select_related("image")),
        )
        .filter(slug=slug)
        .first()
    )


def inquiry_open_deadlines():
    """The answer to each unanswered investor inquiry within 7 days of receipt (DOMAIN.md §I.2 [K]), one query."""
    rows = InvestorInquiry.objects.filter(status=InvestorInquiry.Status.RECEIVED).only(
        "pk", "case_mark", "company_name", "received_on", "handler_id"
    )
    for inquiry in rows:
        yield OpenDeadline(
            due_date=investor_inquiry_answer_due(inquiry.received_on),
            title=str(_("Answer the investor: %(company)s")) % {"company": inquiry.company_name[:80]},
            rule=f"standard Centrum Obsługi Inwestora: odpowiedź w {INVESTOR_INQUIRY_ANSWER_DAYS} dni",
            case_mark=inquiry.case_mark,
            url=reverse("admin:promotion_investorinquiry_change", args=[inquiry.pk]),
            section=SECTION,
            handler_id=inquiry.handler_id,
        )


def published_plans():
    """The adopted plans on the public list, newest period first (one query)."""
    return StrategicPlan.objects.published().order_by("-first_year", "title")


def published_plan_or_none(slug: str) -> StrategicPlan | None:
    """A published plan with its goals, objectives, actions and yearly values (five queries), or None."""
    actions = PlanAction.objects.prefetch_related(Prefetch("years", queryset=ActionYear.objects.order_by("year")))
    objectives = PlanObjective.objects.prefetch_related(Prefetch("actions", queryset=actions))
    goals = PlanGoal.objects.prefetch_related(Prefetch("objectives", queryset=objectives))
    return (
        StrategicPlan.objects.published().prefetch_related(Prefetch("goals", queryset=goals)).filter(slug=slug).first()
    )


def plan_actions(plan: StrategicPlan):
    """Every action of a prefetched plan with its goal and objective, in the plan's order."""
    for goal in plan.goals.all():
        for objective in goal.objectives.all():
            for action in objective.actions.all():
                yield goal, objective, action


def action_rows(plan: StrategicPlan, action: PlanAction) -> list[tuple[int, ActionYear | None]]:
    """The action's yearly record for each year of the plan (None where nothing is set)."""
    by_year = {row.year: row for row in action.years.all()}
    return [(year, by_year.get(year)) for year in plan.years]


@dataclass(frozen=True)
class BudgetTotals:
    """An own event's budget in sum: planned, spent, and what remains (negative: overspent)."""

    planned: Decimal
    spent: Decimal

    @property
    def remaining(self) -> Decimal:
        return money(self.planned - self.spent)

    @property
    def overspent(self) -> bool:
        return self.spent > self.planned


def production_budget(production: EventProduction) -> BudgetTotals:
    """The sums of an own event's budget lines (one query); an event without lines has zeros."""
    totals = BudgetLine.objects.filter(production=production).aggregate(planned=Sum("planned"), spent=Sum("spent"))
    return BudgetTotals(planned=money(totals["planned"] or Decimal("0")), spent=money(totals["spent"] or Decimal("0")))


def _line_sum(field: str) -> Coalesce:
    lines = (
        BudgetLine.objects.filter(production=OuterRef("pk"))
        .order_by()
        .values("production")
        .annotate(total=Sum(field))
        .values("total")
    )
    money_field = DecimalField(max_digits=14, decimal_places=2)
    return Coalesce(Subquery(lines, output_field=money_field), Value(Decimal("0")), output_field=money_field)


def with_production_figures(queryset):
    """Own events with their planned and spent totals and their open tasks, each a subquery of the same query.

    Subqueries, not joins: summing the budget lines and counting the tasks over one join would multiply each other.
    """
    open_tasks = (
        ProductionTask.objects.filter(production=OuterRef("pk"), done_on__isnull=True)
        .order_by()
        .values("production")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return queryset.annotate(
        planned_total=_line_sum("planned"),
        spent_total=_line_sum("spent"),
        open_task_count=Coalesce(Subquery(open_tasks, output_field=IntegerField()), Value(0)),
    )


def production_task_open_deadlines():
    """Each open task of an own event, due on its date, for its owner (duty 4 [K]); one query.

    Named by the task and the event (the city's own work: no applicant's name travels in the clerks' digests).
    """
    rows = (
        ProductionTask.objects.filter(done_on__isnull=True)
        .select_related("production")
        .only("pk", "title", "due_on", "owner_id", "production_id", "production__title")
    )
    for task in rows:
        yield OpenDeadline(
            due_date=task.due_on,
            title=str(_("%(task)s — %(event)s")) % {"task": task.title[:80], "event": task.production.title[:80]},
            case_mark="",
            url=reverse("admin:promotion_eventproduction_change", args=[task.production_id]),
            section=SECTION,
            handler_id=task.owner_id,
            rule=PRODUCTION_TASK_RULE,
        )


#: The columns of the investment sites' open data (tereny-inwestycyjne/dane.csv), in order; the Table Schema of the
#: dataset (promotion.registrations) names the same columns.
OPEN_DATA_COLUMNS = (
    "nazwa",
    "adres_strony",
    "dzielnica",
    "lokalizacja",
    "dzialki",
    "szerokosc_geograficzna",
    "dlugosc_geograficzna",
    "powierzchnia_ha",
    "status_planu",
    "przeznaczenie",
    "wlasciciel",
    "cena_za_m2_netto",
    "cena_calkowita_netto",
    "specjalna_strefa_ekonomiczna",
    "media",
    "teren_gorniczy",
    "zaktualizowano",
)


def site_open_data_rows():
    """One row per published site for the open data, in Polish (the labels of the card), in two queries."""
    from django.utils import translation

    from core.site import site_url
    from promotion.models import Utility

    utility_labels = dict(Utility.choices)
    sites = (
        InvestmentSite.objects.published()
        .prefetch_related(Prefetch("utilities", queryset=SiteUtility.objects.only("pk", "site_id", "kind")))
        .order_by("name", "pk")
    )
    with translation.override("pl"):
        for site in sites:
            yield (
                site.name,
                site_url(site.get_absolute_url()),
                site.get_district_display() if site.district else "",
                site.street,
                site.plot_numbers,
                site.latitude,
                site.longitude,
                site.area_ha,
                site.get_zoning_status_display(),
                site.get_permitted_use_display(),
                site.get_ownership_display(),
                site.price_per_m2,
                site.price_total,
                site.in_economic_zone,
                [str(utility_labels.get(row.kind, row.kind)) for row in site.utilities.all()],
                site.get_mining_damage_display(),
                site.updated_at,
            )
