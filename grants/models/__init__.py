from grants.models.agreements import (
    AgreementTranche,
    GrantAgreement,
    GrantControl,
    GrantReport,
    GrantReportCostLine,
    GrantSettlement,
)
from grants.models.calls import (
    CallCriterion,
    CallDocument,
    CommitteeWithoutNgoReason,
    GrantCall,
    RegisteredLetterFee,
    TaskMode,
    TaxArrearsInterestRate,
    YearPlan,
)
from grants.models.evaluation import CommitteeMember, MeritScore, OfferAssignment
from grants.models.offers import (
    GrantOffer,
    OfferAction,
    OfferCostLine,
    OfferDraft,
    OfferResult,
    SmallGrantComment,
)
from grants.models.small_grants import ExternalSmallGrant

__all__ = [
    "AgreementTranche",
    "CallCriterion",
    "CallDocument",
    "CommitteeMember",
    "CommitteeWithoutNgoReason",
    "ExternalSmallGrant",
    "GrantAgreement",
    "GrantCall",
    "GrantControl",
    "GrantOffer",
    "GrantReport",
    "GrantReportCostLine",
    "GrantSettlement",
    "MeritScore",
    "OfferAction",
    "OfferAssignment",
    "OfferCostLine",
    "OfferDraft",
    "OfferResult",
    "RegisteredLetterFee",
    "SmallGrantComment",
    "TaskMode",
    "TaxArrearsInterestRate",
    "YearPlan",
]
