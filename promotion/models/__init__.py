"""The models of promotion and development: investment sites and investor inquiries (DOMAIN.md §I.2), the
culture development programme and the city promotion plan (DOMAIN.md §I.5), and the production records of the city's
own and co-organised events (duty 4)."""

from promotion.models.plans import (
    ActionYear,
    AdoptingAct,
    PlanAction,
    PlanGoal,
    PlanKind,
    PlanObjective,
    StrategicPlan,
)
from promotion.models.productions import (
    BudgetLine,
    ChecklistItem,
    EventProduction,
    ProductionKind,
    ProductionPartner,
    ProductionRole,
    ProductionTask,
)
from promotion.models.sites import (
    DEFAULT_ECONOMIC_ZONE,
    InvestmentSite,
    InvestorInquiry,
    MiningDamage,
    Ownership,
    PermittedUse,
    SitePhoto,
    SiteTransport,
    SiteUtility,
    TransportKind,
    Utility,
    ZoningStatus,
)

__all__ = [
    "BudgetLine",
    "ChecklistItem",
    "EventProduction",
    "ProductionKind",
    "ProductionPartner",
    "ProductionRole",
    "ProductionTask",
    "ActionYear",
    "AdoptingAct",
    "PlanAction",
    "PlanGoal",
    "PlanKind",
    "PlanObjective",
    "StrategicPlan",
    "DEFAULT_ECONOMIC_ZONE",
    "InvestmentSite",
    "InvestorInquiry",
    "MiningDamage",
    "Ownership",
    "PermittedUse",
    "SitePhoto",
    "SiteTransport",
    "SiteUtility",
    "TransportKind",
    "Utility",
    "ZoningStatus",
]
