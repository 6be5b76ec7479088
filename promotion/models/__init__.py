"""The models of promotion and development: investment sites and investor inquiries (DOMAIN.md §I.2), and the
culture development programme and the city promotion plan (DOMAIN.md §I.5)."""

from promotion.models.plans import (
    ActionYear,
    AdoptingAct,
    PlanAction,
    PlanGoal,
    PlanKind,
    PlanObjective,
    StrategicPlan,
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
