"""The coordinator's data: the cases (`cases`), the declaration of accessibility (`declaration`), the plan of action
and the 4-yearly report (`reports`), the automated checks of the public pages (`monitoring`). Import the names from
`accessibility.models`."""

from accessibility.models.cases import (
    AccessibilityCase,
    AccessibilityRequest,
    AccessibilityStatus,
    BarrierKind,
    ContactMethod,
    DigitalAccessibilityDemand,
    accessibility_workflow,
)
from accessibility.models.declaration import (
    AccessibilityDeclaration,
    AssessmentMethod,
    ComplianceStatus,
    DeclarationApp,
    DeclarationScope,
)
from accessibility.models.monitoring import AccessibilityCheck
from accessibility.models.reports import (
    AccessibilityReport,
    ActionPlan,
    ActionPlanMeasure,
    Dimension,
    ReportBuilding,
)

__all__ = [
    "AccessibilityCase",
    "AccessibilityCheck",
    "AccessibilityDeclaration",
    "AccessibilityReport",
    "AccessibilityRequest",
    "AccessibilityStatus",
    "ActionPlan",
    "ActionPlanMeasure",
    "AssessmentMethod",
    "BarrierKind",
    "ComplianceStatus",
    "ContactMethod",
    "DeclarationApp",
    "DeclarationScope",
    "DigitalAccessibilityDemand",
    "Dimension",
    "ReportBuilding",
    "accessibility_workflow",
]
