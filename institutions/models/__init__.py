from institutions.models.extracts import ExtractRequest
from institutions.models.register import (
    CITY_ORGANISER,
    COLUMNS_BY_KEY,
    REGISTER_COLUMN_KEYS,
    SECTION_COLUMNS,
    SECTION_COLUMNS_SOURCES,
    Column,
    CulturalInstitution,
    InstitutionKind,
    LegalAct,
    RegisterEntry,
    RegisterIntegrityError,
    RegistrationDocument,
    Section,
)
from institutions.models.reorganisation import PlannedInstitution, ReorganisationPlan
from institutions.models.supervision import DirectorTerm, FinancialStatement, Inspection, InstitutionSubsidy

__all__ = [
    "CITY_ORGANISER",
    "COLUMNS_BY_KEY",
    "REGISTER_COLUMN_KEYS",
    "SECTION_COLUMNS",
    "SECTION_COLUMNS_SOURCES",
    "Column",
    "CulturalInstitution",
    "DirectorTerm",
    "ExtractRequest",
    "FinancialStatement",
    "Inspection",
    "InstitutionKind",
    "InstitutionSubsidy",
    "LegalAct",
    "PlannedInstitution",
    "RegisterEntry",
    "RegisterIntegrityError",
    "RegistrationDocument",
    "ReorganisationPlan",
    "Section",
]
