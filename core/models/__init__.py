from core.models.attachments import PublicAttachment
from core.models.base import TimeStampedModel
from core.models.cases import (
    ArchivalCategory,
    Case,
    CaseKind,
    CaseNumberCounter,
    CaseRegisterEntry,
    Channel,
    JrwaClass,
    OrganisationalUnit,
    TrackingAction,
)
from core.models.changes import ApplicantChange
from core.models.feedback import Feedback
from core.models.notifications import DeadlineDigest, DeadlineEscalation, DeadlineFeed
from core.models.records import (
    CaseMessage,
    InformationClause,
    OutboxMessage,
    PrivateDocument,
    PublicImage,
    RetentionAction,
    StatusChange,
    WorkerHeartbeat,
)
from core.models.site import DepartmentDuty, DepartmentProfile, SectionSettings, StaticPage
from core.models.views import PublicRecordViews

__all__ = [
    "ApplicantChange",
    "ArchivalCategory",
    "Case",
    "CaseKind",
    "CaseMessage",
    "CaseNumberCounter",
    "CaseRegisterEntry",
    "Channel",
    "DeadlineDigest",
    "DeadlineEscalation",
    "DeadlineFeed",
    "DepartmentDuty",
    "DepartmentProfile",
    "Feedback",
    "InformationClause",
    "JrwaClass",
    "OrganisationalUnit",
    "OutboxMessage",
    "PrivateDocument",
    "PublicAttachment",
    "PublicImage",
    "PublicRecordViews",
    "RetentionAction",
    "SectionSettings",
    "StaticPage",
    "StatusChange",
    "TrackingAction",
    "WorkerHeartbeat",
    "TimeStampedModel",
]
