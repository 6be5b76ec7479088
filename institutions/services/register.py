"""The register book of cultural institutions: entries, new institutions and strike-outs.

The register book is append-only (rozporządzenie MKiDN z 26.01.2012, Dz.U. 2012 poz. 189, § 3 ust. 2–3): the only
write to it is `entry_add`, which numbers the entry, stamps the authorised person, inserts it and refreshes the
institution's projection in one transaction. Everything else that reaches the book (a new institution, a
director, a financial statement, a completed reorganisation) goes through `entry_add`.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core.services import CaseWorkError
from institutions.models import (
    CITY_ORGANISER,
    COLUMNS_BY_KEY,
    SECTION_COLUMNS,
    CulturalInstitution,
    FinancialStatement,
    LegalAct,
    RegisterEntry,
    Section,
)
from institutions.selectors import institution_state_from_entries

REGISTER_PERMISSION = "institutions.add_registerentry"
# Set by the projection only; all other CulturalInstitution fields are edited by clerks.
PROJECTION_FIELDS = (
    "full_name",
    "short_name",
    "activity",
    "seat",
    "address",
    "organiser",
    "co_organiser",
    "regon",
    "director",
    "founding_act",
    "statute_act",
    "registered_on",
    "last_entry_on",
    "struck_out_on",
)
MAX_VALUE_LENGTH = 2000


class RegisterError(CaseWorkError):
    """A refusal of the register, with a translated message a clerk can read."""


def person_name(user) -> str:
    return (user.get_full_name() or user.get_username()).strip()


# ------------------------------------------------------------------------------------------------------------------
# Entries
# ------------------------------------------------------------------------------------------------------------------


def entry_validate(entry: RegisterEntry, *, last_entry_on: date | None = None) -> None:
    """Check an unsaved entry against the register's rules; raise RegisterError with the first problem.

    Rozporządzenie MKiDN z 26.01.2012: § 3 ust. 2–3 (a change is a dated entry with its legal basis, under the
    same entry number), § 4 (the section's columns), DOMAIN.md §A.4 (struck entries stay, flagged; a struck-out
    institution takes no further entries). The book is chronological: an entry is not dated before the
    institution's last entry nor in the future [K].
    """
    institution = entry.institution
    if entry.section not in SECTION_COLUMNS:
        raise RegisterError(_("Choose a section of the register book."), code="section")
    allowed = {column.key for column in SECTION_COLUMNS[entry.section]}
    values = entry.values or {}
    unknown = sorted(set(values) - allowed)
    if unknown:
        raise RegisterError(
            _("Section %(section)s has no column %(columns)s.")
            % {"section": entry.section, "columns": ", ".join(unknown)},
            code="column",
        )
    for value in values.values():
        if not isinstance(value, str) or len(value) > MAX_VALUE_LENGTH:
            raise RegisterError(_("Each value must be a text of at most 2000 characters."), code="value")
    for key, value in values.items():
        column_value_clean(key, value)
    if entry.kind == RegisterEntry.Kind.ENTRY and not any(value.strip() for value in values.values()):
        raise RegisterError(_("The entry records nothing: fill in at least one column."), code="empty")
    if entry.legal_basis_id is None:
        raise RegisterError(_("Every entry needs its legal basis."), code="legal_basis")
    entry_date_validate(institution=institution, entry_date=entry.entry_date, last_entry_on=last_entry_on)
    if entry.kind == RegisterEntry.Kind.STRIKE_OUT and entry.section != Section.IV:
        raise RegisterError(_("An institution is struck out in section IV."), code="strike_out_section")
    if entry.kind == RegisterEntry.Kind.CORRECTION:
        target = entry.struck_entry
        if target is None:
            raise RegisterError(_("Choose the entry the correction strikes out."), code="correction_target")
        if target.institution_id != institution.pk or target.section != entry.section:
            raise RegisterError(
                _("A correction strikes out an entry of the same section of the same book."), code="correction_target"
            )
        if RegisterEntry.objects.filter(struck_entry=target).exists():
            raise RegisterError(_("That entry has already been struck out."), code="already_struck")
        if target.kind == RegisterEntry.Kind.STRIKE_OUT:
            raise RegisterError(_("The striking out of an institution cannot be corrected."), code="correction_target")
        correction_check_first_entry(entry, target)
    elif entry.struck_entry_id is not None:
        raise RegisterError(_("Only a correction strikes out an earlier entry."), code="correction_target")


def column_value_clean(key: str, value: str) -> str:
    """The value as the book stores it: stripped, and an identifier normalised and checked (`Column.clean`).

    The REGON column (section I) takes a REGON of 9 or 14 digits with correct check digits
    (`core.validators.validate_regon`); a blank value clears the column and is not checked.
    """
    value = value.strip()
    column = COLUMNS_BY_KEY[key][1] if key in COLUMNS_BY_KEY else None
    if not value or column is None or column.clean is None:
        return value
    try:
        return column.clean(value)
    except ValidationError as error:
        raise RegisterError(
            f"{column.label}: {' '.join(error.messages)}", code=error.error_list[0].code or "invalid"
        ) from error


def correction_check_first_entry(correction: RegisterEntry, target: RegisterEntry) -> None:
    """Refuse a correction that strikes out the first section I entry without giving its columns again.

    The first entry of section I is the entry of the institution itself (u.o.p.d.k. art. 14 ust. 1; rozporządzenie
    MKiDN z 26.01.2012, § 3 ust. 1): its name, seat and founding act. Struck out with nothing in its place, the
    register would show an institution without a name or founding act, so the correction must fill in again
    every column the struck entry filled (a later change is a new section I entry).
    """
    if target.section != Section.I:
        return
    first = (
        RegisterEntry.objects.filter(institution_id=target.institution_id, section=Section.I)
        .order_by("position")
        .only("pk")
        .first()
    )
    if first is None or first.pk != target.pk:
        return
    given = correction.values or {}
    missing = [key for key, value in (target.values or {}).items() if value.strip() and not given.get(key, "").strip()]
    if missing:
        labels = ", ".join(str(COLUMNS_BY_KEY[key][1].label) for key in missing if key in COLUMNS_BY_KEY)
        raise RegisterError(
            _(
                "The first entry of section I registers the institution: a correction striking it out must give "
                "again every column it filled (%(columns)s). To record a change, make a new section I entry instead."
            )
            % {"columns": labels},
            code="first_entry",
        )


def entry_date_validate(
    *, institution: CulturalInstitution, entry_date: date, last_entry_on: date | None = None
) -> None:
    """Refuse an entry date the book cannot take: in the future, before its last entry, or after a strike-out.

    The book is chronological [K] and a struck-out institution takes no further entries (DOMAIN.md §A.4).
    Forms call it with `last_entry_on` left out to warn the clerk before anything is written (`entry_add`
    checks it again under the institution's lock).
    """
    if last_entry_on is None and institution.pk is not None:
        last_entry_on = RegisterEntry.objects.filter(institution=institution).aggregate(last=Max("entry_date"))["last"]
    if entry_date > timezone.localdate():
        raise RegisterError(_("An entry cannot be dated in the future."), code="future")
    if last_entry_on and entry_date < last_entry_on:
        raise RegisterError(
            _("The register book is chronological: the last entry is dated %(date)s.")
            % {"date": last_entry_on.strftime("%d.%m.%Y")},
            code="chronology",
        )
    if institution.struck_out_on is not None:
        raise RegisterError(
            _("The institution was struck out of the register; no further entries can be made."), code="struck_out"
        )


def director_term_entry_date(starts_on: date, entry_date: date | None = None) -> date:
    """The date of a director's section II entry: the clerk's date, else the start of the term or today."""
    return entry_date or min(starts_on, timezone.localdate())


def financial_statement_check_file(*, institution: CulturalInstitution, year: int) -> None:
    """One financial statement per institution and year (DOMAIN.md §A.3 section III)."""
    if FinancialStatement.objects.filter(institution=institution, year=year).exists():
        raise RegisterError(
            _("The financial statement for %(year)s has already been filed.") % {"year": year}, code="duplicate"
        )


def entry_add(*, entry: RegisterEntry, acting_user) -> RegisterEntry:
    """Insert `entry` at the next position of its section and refresh the institution's projection.

    Rozporządzenie MKiDN z 26.01.2012, § 2 (only authorised persons make entries: the acting user needs
    `institutions.add_registerentry`; their name is printed in the book's last column) and § 3 ust. 2–3. Locks
    the institution row, so two clerks cannot take the same position. Raises PermissionDenied or RegisterError;
    a refusal writes nothing.
    """
    if acting_user is None or not acting_user.has_perm(REGISTER_PERMISSION):
        raise PermissionDenied(_("Only the organiser's authorised persons make entries in the register."))
    with transaction.atomic():
        institution = CulturalInstitution.objects.select_for_update().get(pk=entry.institution_id)
        entry.institution = institution
        aggregates = RegisterEntry.objects.filter(institution=institution).aggregate(last=Max("entry_date"))
        entry_validate(entry, last_entry_on=aggregates["last"])
        last_position = (
            RegisterEntry.objects.filter(institution=institution, section=entry.section).aggregate(n=Max("position"))[
                "n"
            ]
            or 0
        )
        entry.position = last_position + 1
        entry.entered_by = acting_user
        entry.entered_by_name = person_name(acting_user)[:200]
        entry.values = {key: column_value_clean(key, value) for key, value in (entry.values or {}).items()}
        try:
            entry.full_clean(exclude=["institution", "legal_basis", "struck_entry", "entered_by"])
        except ValidationError as error:
            raise RegisterError(" ".join(error.messages), code="invalid") from error
        entry.save()
        institution._history_user = acting_user  # the metryczka's "changed by" (core.public_information)
        institution_project(institution=institution)
    return entry


def entry_make(
    *,
    institution: CulturalInstitution,
    section: str,
    entry_date: date,
    legal_basis: LegalAct,
    values: dict[str, str],
    acting_user,
    kind: str = RegisterEntry.Kind.ENTRY,
    requested_by: str = RegisterEntry.RequestedBy.EX_OFFICIO,
    remarks: str = "",
    struck_entry: RegisterEntry | None = None,
) -> RegisterEntry:
    """Make an entry in `institution`'s book (see `entry_add`)."""
    entry = RegisterEntry(
        institution=institution,
        section=section,
        kind=kind,
        entry_date=entry_date,
        values=dict(values),
        legal_basis=legal_basis,
        requested_by=requested_by,
        remarks=remarks,
        struck_entry=struck_entry,
    )
    return entry_add(entry=entry, acting_user=acting_user)


def institution_project(*, institution: CulturalInstitution) -> CulturalInstitution:
    """Rewrite the institution's projection of the register's columns from its book (inside entry_add's lock)."""
    entries = list(RegisterEntry.objects.filter(institution=institution).select_related("legal_basis"))
    state = institution_state_from_entries(entries)
    for name in PROJECTION_FIELDS:
        setattr(institution, name, state[name])
    institution.save(update_fields=[*PROJECTION_FIELDS, "updated_at"])
    return institution


def next_entry_no() -> int:
    """The next entry number: one more than any number ever given (§ 3 ust. 1: numbers are never reused)."""
    return (CulturalInstitution.objects.aggregate(n=Max("entry_no"))["n"] or 0) + 1


def institution_register(
    *,
    kind: str,
    values: dict[str, str],
    founding_act: LegalAct,
    entry_date: date,
    acting_user,
    entry_no: int | None = None,
    website: str = "",
    remarks: str = "",
) -> CulturalInstitution:
    """Enter a new institution in the register: its entry number and the first entry of section I.

    u.o.p.d.k. art. 14 ust. 1 (entered ex officio; legal personality from the day of entry) and rozporządzenie
    MKiDN z 26.01.2012, § 3 ust. 1 (consecutive entry numbers, never reused). The founding act is the entry's
    legal basis and register column 8; the organiser defaults to the city (column 6).
    """
    if acting_user is None or not acting_user.has_perm(REGISTER_PERMISSION):
        raise PermissionDenied(_("Only the organiser's authorised persons make entries in the register."))
    values = {"organiser": CITY_ORGANISER, **values, "founding_act": str(founding_act)}
    if not values.get("full_name", "").strip():
        raise RegisterError(_("Enter the full name of the institution."), code="full_name")
    with transaction.atomic():
        number = entry_no or next_entry_no()
        if CulturalInstitution.objects.filter(entry_no__gte=number).exists():
            raise RegisterError(
                _("Entry number %(number)s is taken or lower than a number already given.") % {"number": number},
                code="entry_no",
            )
        institution = CulturalInstitution(entry_no=number, kind=kind, website=website, full_name=values["full_name"])
        institution._history_user = acting_user
        institution.save()
        entry_make(
            institution=institution,
            section=Section.I,
            entry_date=entry_date,
            legal_basis=founding_act,
            values=values,
            acting_user=acting_user,
            remarks=remarks,
        )
    institution.refresh_from_db()
    return institution


def institution_strike_out(
    *,
    institution: CulturalInstitution,
    entry_date: date,
    legal_basis: LegalAct,
    reason: str,
    acting_user,
    liquidator: str = "",
) -> RegisterEntry:
    """Strike the institution out of the register with a section IV entry (DOMAIN.md §A.4, wykreślenie)."""
    values = {"reorganisation": reason}
    if liquidator:
        values["liquidator"] = liquidator
    return entry_make(
        institution=institution,
        section=Section.IV,
        kind=RegisterEntry.Kind.STRIKE_OUT,
        entry_date=entry_date,
        legal_basis=legal_basis,
        values=values,
        acting_user=acting_user,
    )
