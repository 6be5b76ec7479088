"""Supervision of the city's institutions: directors' terms, financial statements and subsidies (DOMAIN.md §C.4)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from institutions.models import (
    CulturalInstitution,
    DirectorTerm,
    FinancialStatement,
    InstitutionSubsidy,
    LegalAct,
    Section,
)
from institutions.services.register import (
    RegisterError,
    director_term_entry_date,
    entry_make,
    financial_statement_check_file,
)


def director_term_record(
    *,
    institution: CulturalInstitution,
    person_name: str,
    appointment_mode: str,
    appointment_act: LegalAct,
    starts_on: date,
    ends_on: date,
    acting_user,
    opinions: str = "",
    entry_date: date | None = None,
) -> DirectorTerm:
    """Record a director's term and enter the director in section II of the book.

    u.o.p.d.k. art. 15 ust. 1 and 5 (the organiser appoints the director for a fixed term of 3–7 years) [K];
    section II column "imię i nazwisko dyrektora" (DOMAIN.md §A.3 [K]). The Terminarz reminds the clerk before
    the term ends (`institutions.deadlines.director_term_deadlines`).
    """
    if ends_on <= starts_on:
        raise RegisterError(_("The term must end after it starts."), code="term_dates")
    with transaction.atomic():
        term = DirectorTerm(
            institution=institution,
            person_name=person_name,
            appointment_mode=appointment_mode,
            appointment_act=appointment_act,
            starts_on=starts_on,
            ends_on=ends_on,
            opinions=opinions,
        )
        term.full_clean(exclude=["register_entry"])
        term.register_entry = entry_make(
            institution=institution,
            section=Section.II,
            entry_date=director_term_entry_date(starts_on, entry_date),
            legal_basis=appointment_act,
            values={"director": f"{person_name} — dyrektor od {starts_on:%d.%m.%Y} r. do {ends_on:%d.%m.%Y} r."},
            acting_user=acting_user,
        )
        term._history_user = acting_user
        term.save()
    return term


def financial_statement_file(
    *,
    institution: CulturalInstitution,
    year: int,
    approved_on: date,
    approval_act: LegalAct,
    acting_user,
    entry_date: date | None = None,
) -> FinancialStatement:
    """File the annual financial statement approved by the organiser in section III of the book.

    Ustawa o rachunkowości art. 53 ust. 1 (approval by the organiser) and the book's section III "informacja
    o złożeniu do rejestru rocznego sprawozdania finansowego" (DOMAIN.md §A.3, §C.4 [K]). One per year.
    """
    financial_statement_check_file(institution=institution, year=year)
    with transaction.atomic():
        entry = entry_make(
            institution=institution,
            section=Section.III,
            entry_date=entry_date or timezone.localdate(),
            legal_basis=approval_act,
            values={
                "financial_statement": (
                    f"Roczne sprawozdanie finansowe za rok {year} zatwierdzone dnia {approved_on:%d.%m.%Y} r."
                )
            },
            acting_user=acting_user,
        )
        return FinancialStatement.objects.create(
            institution=institution,
            year=year,
            approved_on=approved_on,
            approval_act=approval_act,
            register_entry=entry,
        )


def subsidy_settle(
    *, subsidy: InstitutionSubsidy, settled_on: date, returned_amount, acting_user
) -> InstitutionSubsidy:
    """Record the settlement of a subsidy and the part returned (u.f.p. art. 251–252; DOMAIN.md §C.4)."""
    with transaction.atomic():
        subsidy = InstitutionSubsidy.objects.select_for_update().get(pk=subsidy.pk)
        if subsidy.settled_on is not None:
            raise RegisterError(_("The subsidy has already been settled."), code="settled")
        subsidy.settled_on = settled_on
        subsidy.returned_amount = returned_amount
        try:
            subsidy.full_clean()
        except ValidationError as error:
            raise RegisterError(" ".join(error.messages), code="invalid") from error
        subsidy._history_user = acting_user
        subsidy.save(update_fields=["settled_on", "returned_amount", "updated_at"])
    return subsidy
