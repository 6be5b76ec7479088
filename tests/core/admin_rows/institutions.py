"""The register of cultural institutions."""

from datetime import date

from django.utils import timezone

from core.services import case_open
from institutions.models import (
    CulturalInstitution,
    DirectorTerm,
    ExtractRequest,
    FinancialStatement,
    Inspection,
    InstitutionSubsidy,
    LegalAct,
    RegisterEntry,
    RegistrationDocument,
    ReorganisationPlan,
)
from tests.core.admin_rows import TODAY, plain, row_maker, serial
from tests.core.admin_rows.core import user

legal_act = plain(LegalAct, number="{n}/XXVIII/2000", adopted_on=date(2000, 6, 26), title="w sprawie")
cultural_institution = plain(CulturalInstitution, entry_no=lambda n: n, full_name="Miejska Biblioteka nr {n}")


@row_maker(RegisterEntry)
def institution_register_entry():
    return RegisterEntry.objects.create(
        institution=cultural_institution(),
        section="I",
        position=1,
        entry_date=date(2012, 5, 21),
        legal_basis=legal_act(),
        entered_by=user(),
        entered_by_name="Anna Nowak",
    )


@row_maker(DirectorTerm)
def director_term():
    n = next(serial)
    return DirectorTerm.objects.create(
        institution=cultural_institution(),
        person_name=f"Dyrektor {n}",
        appointment_mode="competition",
        appointment_act=legal_act(),
        starts_on=date(2024, 1, 1),
        ends_on=date(2028, 12, 31),
    )


@row_maker(ExtractRequest)
def extract_request():
    n = next(serial)
    request = ExtractRequest(
        institution=cultural_institution(),
        kind="full",
        applicant_name=f"Wnioskodawca {n}",
        applicant_address="ul. Kokota 1, 41-711 Ruda Śląska",
        delivery="electronic",
        received_on=timezone.localdate(),
    )
    return case_open(case=request, title=f"Odpis z rejestru {n}")


@row_maker(FinancialStatement)
def financial_statement():
    entry = institution_register_entry()
    return FinancialStatement.objects.create(
        institution=entry.institution,
        year=2025,
        approved_on=date(2026, 3, 31),
        approval_act=entry.legal_basis,
        register_entry=entry,
    )


@row_maker(Inspection)
def inspection():
    n = next(serial)
    return Inspection.objects.create(
        institution=cultural_institution(), scope=f"Kontrola {n}", date_from=TODAY, date_to=TODAY
    )


@row_maker(InstitutionSubsidy)
def institution_subsidy():
    n = next(serial)
    return InstitutionSubsidy.objects.create(
        institution=cultural_institution(), year=2026, kind="subject", purpose=f"Dotacja {n}", amount=1000
    )


@row_maker(RegistrationDocument)
def registration_document():
    n = next(serial)
    return RegistrationDocument.objects.create(
        institution=cultural_institution(), title=f"Statut {n}", received_on=TODAY, file=f"institutions/s-{n}.pdf"
    )


@row_maker(ReorganisationPlan)
def reorganisation_plan():
    n = next(serial)
    plan = ReorganisationPlan.objects.create(kind="merge", title=f"Połączenie {n}")
    plan.institutions.add(cultural_institution())
    return plan
