"""Promotion and development: investment sites and inquiries, strategic
plans, the city's own events."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from core.models import PublicImage
from core.services import case_open
from promotion.models import (
    BudgetLine,
    ChecklistItem,
    EventProduction,
    InvestmentSite,
    InvestorInquiry,
    PlanAction,
    PlanGoal,
    PlanObjective,
    ProductionKind,
    ProductionTask,
    SitePhoto,
    SiteTransport,
    SiteUtility,
    StrategicPlan,
)
from tests.core.admin_rows import TODAY, row_maker, serial


def _investment_site(n: int) -> InvestmentSite:
    return InvestmentSite.objects.create(
        name=f"Teren {n}",
        slug=f"teren-{n}",
        street="ul. Kłodnicka",
        description="Teren.",
        area_ha=Decimal("5.00"),
        zoning_status="local_plan",
        permitted_use="industrial",
        ownership="municipal",
        contact_name="Marek Wieczorek",
        contact_email="inwestor@rudaslaska.pl",
    )


@row_maker(InvestmentSite)
def investment_site():
    return _investment_site(next(serial))


@row_maker(SiteUtility)
def site_utility():
    return SiteUtility.objects.create(site=_investment_site(next(serial)), kind="electricity")


@row_maker(SiteTransport)
def site_transport():
    return SiteTransport.objects.create(
        site=_investment_site(next(serial)), kind="motorway", name="A4", distance_km=Decimal("1.5")
    )


@row_maker(SitePhoto)
def site_photo():
    n = next(serial)
    image = PublicImage.objects.create(image=f"public/teren-{n}.jpg", alt_text=f"Teren {n}", width=640, height=480)
    return SitePhoto.objects.create(site=_investment_site(n), image=image)


@row_maker(InvestorInquiry)
def investor_inquiry():
    n = next(serial)
    inquiry = InvestorInquiry(
        company_name=f"Firma {n}",
        contact_name="Katarzyna Lis",
        contact_email=f"inwestor{n}@example.pl",
        sector="logistyka",
        needs="Magazyn.",
        received_on=timezone.localdate(),
    )
    return case_open(case=inquiry, title=f"Zapytanie {n}")


def _plan_goal(n: int) -> PlanGoal:
    plan = StrategicPlan.objects.create(
        kind="culture",
        title=f"Program {n}",
        slug=f"program-{n}",
        first_year=2025,
        last_year=2028,
        adopting_act="resolution",
        act_number=f"uchwała nr {n}",
        adopted_on=TODAY,
    )
    return PlanGoal.objects.create(plan=plan, number=1, title=f"Cel {n}")


@row_maker(StrategicPlan)
def strategic_plan():
    return _plan_goal(next(serial)).plan


@row_maker(PlanGoal)
def plan_goal():
    return _plan_goal(next(serial))


def _plan_objective(n: int) -> PlanObjective:
    return PlanObjective.objects.create(goal=_plan_goal(n), number=1, title=f"Cel operacyjny {n}")


@row_maker(PlanObjective)
def plan_objective():
    return _plan_objective(next(serial))


@row_maker(PlanAction)
def plan_action():
    n = next(serial)
    return PlanAction.objects.create(
        objective=_plan_objective(n),
        number=1,
        title=f"Działanie {n}",
        responsible_unit="Miejskie Centrum Kultury",
        indicator="uczestnicy",
        unit="osób",
        baseline=Decimal("100"),
        baseline_year=2024,
    )


def _production_kind(n: int) -> ProductionKind:
    kind = ProductionKind.objects.create(name=f"Festiwal {n}")
    ChecklistItem.objects.create(kind=kind, title="Umowy z artystami", days_before=60)
    return kind


@row_maker(ProductionKind)
def production_kind():
    return _production_kind(next(serial))


@row_maker(EventProduction)
def event_production():
    n = next(serial)
    production = EventProduction.objects.create(
        title=f"Dni Rudy {n}",
        kind=_production_kind(n),
        starts_on=TODAY + timedelta(days=30),
        ends_on=TODAY + timedelta(days=31),
        place="Park Strzelnica",
    )
    BudgetLine.objects.create(production=production, title="Scena", planned=Decimal("1000"), spent=Decimal("200"))
    ProductionTask.objects.create(production=production, title="Umowy z artystami", due_on=TODAY)
    return production
