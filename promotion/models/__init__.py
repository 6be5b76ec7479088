"""The models of promotion and development: investment sites and investor inquiries (DOMAIN.md §I.2)."""

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
