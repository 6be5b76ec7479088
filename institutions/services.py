"""Every state change of the register of cultural institutions. Views, admin, commands and tests call these.

The register book is append-only (rozporządzenie MKiDN z 26.01.2012, Dz.U. 2012 poz. 189, § 3 ust. 2–3): the only
write to it is `entry_add`, which numbers the entry, stamps the authorised person, inserts it and refreshes the
institution's projection in one transaction. Everything else that reaches the book (a new institution, a
director, a financial statement, a completed reorganisation) goes through `entry_add`.
"""

import re
import zlib
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.case_fees import FeeDue
from core.documents import place_and_date, render_letter_html, render_letter_pdf
from core.models import CaseMessage, PrivateDocument
from core.private_documents import document_attach
from core.services import CaseWorkError, case_message_add, transition_perform
from institutions.deadlines import (
    extract_fee_per_page,
    reorganisation_act_on_time,
    reorganisation_earliest_act_date,
    reorganisation_notice_months,
)
from institutions.models import (
    CITY_ORGANISER,
    COLUMNS_BY_KEY,
    SECTION_COLUMNS,
    CulturalInstitution,
    DirectorTerm,
    ExtractRequest,
    FinancialStatement,
    InstitutionSubsidy,
    LegalAct,
    RegisterEntry,
    ReorganisationPlan,
    Section,
)
from institutions.models.extracts import FEE_OPEN_STATUSES, MAX_PAGES
from institutions.selectors import book_sections, institution_state_from_entries

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
        first_entry_check(entry, target)
    elif entry.struck_entry_id is not None:
        raise RegisterError(_("Only a correction strikes out an earlier entry."), code="correction_target")


def first_entry_check(correction: RegisterEntry, target: RegisterEntry) -> None:
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


def financial_statement_check(*, institution: CulturalInstitution, year: int) -> None:
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
        entry.values = {key: value.strip() for key, value in (entry.values or {}).items()}
        try:
            entry.full_clean(exclude=["institution", "legal_basis", "struck_entry", "entered_by"])
        except ValidationError as error:
            raise RegisterError(" ".join(error.messages), code="invalid") from error
        entry.save()
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


# ------------------------------------------------------------------------------------------------------------------
# Supervision
# ------------------------------------------------------------------------------------------------------------------


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
    financial_statement_check(institution=institution, year=year)
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


# ------------------------------------------------------------------------------------------------------------------
# Reorganisation plans (DOMAIN.md §A.7)
# ------------------------------------------------------------------------------------------------------------------


def plan_earliest_act_date(plan: ReorganisationPlan) -> date | None:
    """The first day the plan's act may be adopted (`institutions.deadlines.reorganisation_earliest_act_date`)."""
    if plan.announced_on is None:
        return None
    return reorganisation_earliest_act_date(
        kind=plan.kind, announced_on=plan.announced_on, library_involved=plan.library_involved
    )


def plan_check_act(plan: ReorganisationPlan, act: LegalAct | None) -> None:
    """Refuse an act the law does not yet allow: too early, or without the required opinions and consent.

    u.o.p.d.k. art. 18 ust. 2 and art. 22 ust. 1 (3 / 6 months after the public announcement); ustawa
    o bibliotekach art. 13 ust. 2–3 (6 months; opinions of Krajowa Rada Biblioteczna and the voivodeship public
    library; the minister's consent to a merger); ustawa o muzeach art. 5a (positive opinion of the Rada do
    Spraw Muzeów for a museum merger); minister's consent to liquidate a museum [K]. The act may be adopted on
    the earliest date itself.
    """
    if act is None:
        raise RegisterError(_("Choose the act (resolution of the City Council)."), code="act_missing")
    plan_check_effective_on(plan, act)
    if plan.kind != ReorganisationPlan.Kind.CREATE:
        if plan.announced_on is None:
            raise RegisterError(_("Record the public announcement of the intention first."), code="not_announced")
        earliest = plan_earliest_act_date(plan)
        if act.adopted_on < earliest or not reorganisation_act_on_time(
            kind=plan.kind,
            announced_on=plan.announced_on,
            act_on=act.adopted_on,
            library_involved=plan.library_involved,
        ):
            raise RegisterError(
                _(
                    "The act cannot be adopted before %(earliest)s: the intention was announced on %(announced)s "
                    "and the law requires %(months)s months."
                )
                % {
                    "earliest": earliest.strftime("%d.%m.%Y"),
                    "announced": plan.announced_on.strftime("%d.%m.%Y"),
                    "months": reorganisation_notice_months(kind=plan.kind, library_involved=plan.library_involved),
                },
                code="too_early",
            )
    plan_check_opinion_dates(plan, act)
    if plan.library_involved and plan.kind != ReorganisationPlan.Kind.CREATE:
        if not (plan.library_council_opinion_on and plan.voivodeship_library_opinion_on):
            raise RegisterError(
                _(
                    "A public library is involved: record the opinions of the National Library Council and of the "
                    "voivodeship public library."
                ),
                code="library_opinions",
            )
        if plan.kind == ReorganisationPlan.Kind.MERGE and not plan.minister_consent_on:
            raise RegisterError(
                _("Merging a public library needs the consent of the minister of culture."), code="minister_consent"
            )
    if plan.museum_involved and plan.kind == ReorganisationPlan.Kind.MERGE and not plan.museum_council_opinion_on:
        raise RegisterError(
            _("Merging a museum needs a positive opinion of the Museum Council."), code="museum_opinion"
        )
    if plan.museum_involved and plan.kind == ReorganisationPlan.Kind.LIQUIDATE and not plan.minister_consent_on:
        raise RegisterError(
            _("Liquidating a museum needs the consent of the minister of culture."), code="minister_consent"
        )


def plan_check_opinion_dates(plan: ReorganisationPlan, act: LegalAct) -> None:
    """Refuse opinions and consents dated after the act or in the future.

    Ustawa o bibliotekach art. 13 ust. 2–3 and ustawa o muzeach art. 5a: the opinions and the minister's consent
    come before the act (the council acts "after" obtaining them), so none may be dated after `act.adopted_on`,
    and a date still to come has not happened yet.
    """
    today = timezone.localdate()
    for field_name in (
        "library_council_opinion_on",
        "voivodeship_library_opinion_on",
        "minister_consent_on",
        "museum_council_opinion_on",
    ):
        given_on = getattr(plan, field_name)
        if given_on is None:
            continue
        label = ReorganisationPlan._meta.get_field(field_name).verbose_name
        if given_on > today:
            raise RegisterError(
                _("The date in “%(field)s” (%(date)s) is in the future.")
                % {"field": label, "date": given_on.strftime("%d.%m.%Y")},
                code="opinion_future",
            )
        if given_on > act.adopted_on:
            raise RegisterError(
                _("The date in “%(field)s” (%(date)s) is later than the act (%(adopted)s): it must come first.")
                % {
                    "field": label,
                    "date": given_on.strftime("%d.%m.%Y"),
                    "adopted": act.adopted_on.strftime("%d.%m.%Y"),
                },
                code="opinion_after_act",
            )


def plan_check_effective_on(plan: ReorganisationPlan, act: LegalAct) -> None:
    """Refuse a merger, division or liquidation dated before the act that orders it.

    The act names the date of the merger (division, liquidation) (u.o.p.d.k. art. 18 ust. 1, art. 22; DOMAIN.md
    §A.7) and the register entries are made on that day (§A.4); an act cannot take effect before it is adopted,
    so the date is never earlier than `act.adopted_on` (and so never earlier than the earliest legal date).
    """
    if plan.effective_on is not None and plan.effective_on < act.adopted_on:
        raise RegisterError(
            _("The date the act takes effect (%(effective)s) cannot be earlier than the act itself (%(adopted)s).")
            % {
                "effective": plan.effective_on.strftime("%d.%m.%Y"),
                "adopted": act.adopted_on.strftime("%d.%m.%Y"),
            },
            code="effective_before_act",
        )


def plan_check_announce(plan: ReorganisationPlan, *, acting_user, note: str = "") -> None:
    """Guard of "announce": the announcement date must be recorded (u.o.p.d.k. art. 18 ust. 2)."""
    if plan.kind != ReorganisationPlan.Kind.CREATE and plan.announced_on is None:
        raise RegisterError(_("Enter the date the intention was publicly announced."), code="not_announced")
    if plan.kind != ReorganisationPlan.Kind.CREATE and not plan.institutions.exists():
        raise RegisterError(_("Choose the institutions the plan concerns."), code="no_institutions")


def on_plan_announce(plan: ReorganisationPlan, *, acting_user, note: str = "") -> None:
    """Effect of "announce": fix the rules that apply from what the institutions were when it was announced."""
    # Which rules apply is fixed by what the institutions were when the intention was announced (a later change
    # of an institution's kind cannot shorten the notice nor drop the opinions: `library_involved`).
    plan.library_involved_when_announced = plan.library_involved_now
    plan.museum_involved_when_announced = plan.museum_involved_now
    plan.save(update_fields=["library_involved_when_announced", "museum_involved_when_announced", "updated_at"])


def plan_check_adopt_act(plan: ReorganisationPlan, *, acting_user, note: str = "") -> None:
    """Guard of "adopt_act": every path to "act adopted" passes `plan_check_act` (see there)."""
    plan_check_act(plan, plan.act)


def on_plan_adopt_act(plan: ReorganisationPlan, *, acting_user, note: str = "") -> None:
    """Effect of "adopt_act": the plan takes the adoption day of its act."""
    plan.act_adopted_on = plan.act.adopted_on
    plan.save(update_fields=["act_adopted_on", "updated_at"])


def plan_announce(*, plan: ReorganisationPlan, announced_on: date, acting_user) -> ReorganisationPlan:
    """Record the public announcement of the intention (BIP and press) and move the plan to "announced"."""
    with transaction.atomic():
        plan.announced_on = announced_on
        plan.save(update_fields=["announced_on", "updated_at"])
        transition_perform(obj=plan, name="announce", acting_user=acting_user)
    return plan


def plan_adopt_act(
    *, plan: ReorganisationPlan, act: LegalAct, acting_user, effective_on: date | None = None
) -> ReorganisationPlan:
    """Record the City Council's act on the plan; refused before the earliest legal date (`plan_check_act`)."""
    with transaction.atomic():
        plan.act = act
        plan.effective_on = effective_on or act.adopted_on
        plan.save(update_fields=["act", "effective_on", "updated_at"])
        transition_perform(obj=plan, name="adopt_act", acting_user=acting_user)
    plan.refresh_from_db()
    return plan


def plan_complete(*, plan: ReorganisationPlan, acting_user) -> ReorganisationPlan:
    """Make all the plan's register entries in one transaction and close the plan (see plan_register_entries)."""
    transition_perform(obj=plan, name="complete", acting_user=acting_user)
    plan.refresh_from_db()
    return plan


def plan_register_entries(plan: ReorganisationPlan, *, acting_user, note: str = "") -> None:
    """Workflow effect of "complete": enter the new institutions, the section IV entries and the strike-outs.

    Dated the day the act names (`effective_on`), or today if that is still to come. DOMAIN.md §A.4 [V-sec S4]:
    on the day the new institution is entered, the organiser strikes out the merged (divided, liquidated) ones;
    rozporządzenie MKiDN z 26.01.2012, § 4 (section IV records the merger, division or liquidation and the
    liquidator). Runs inside the transition's transaction: any refusal leaves the book untouched.
    """
    act = plan.act
    plan_check_effective_on(plan, act)
    entry_date = plan.effective_on or act.adopted_on
    if entry_date > timezone.localdate():
        raise RegisterError(
            _("The register entries are made on the day the act names (%(date)s), not earlier.")
            % {"date": entry_date.strftime("%d.%m.%Y")},
            code="not_effective_yet",
        )
    kind = plan.kind
    created = []
    for planned in plan.new_institutions.select_for_update():
        institution = institution_register(
            kind=planned.kind,
            values={
                "full_name": planned.full_name,
                "short_name": planned.short_name,
                "activity": planned.activity,
                "seat": planned.seat,
                "address": planned.address,
            },
            founding_act=act,
            entry_date=entry_date,
            acting_user=acting_user,
        )
        planned.institution = institution
        planned.save(update_fields=["institution"])
        created.append(institution)
    if kind in (ReorganisationPlan.Kind.MERGE, ReorganisationPlan.Kind.DIVIDE) and not created:
        raise RegisterError(_("Describe the institution(s) the plan creates."), code="no_new_institution")
    if kind == ReorganisationPlan.Kind.CREATE and len(created) != 1:
        raise RegisterError(_("Describe the one institution the plan creates."), code="no_new_institution")
    new_names = ", ".join(f"{i.full_name} (nr wpisu {i.entry_no})" for i in created)
    for institution in plan.institutions.all():
        if kind == ReorganisationPlan.Kind.MERGE:
            reason = f"Połączenie z dniem {entry_date:%d.%m.%Y} r.; powstała instytucja: {new_names}. {act}"
        elif kind == ReorganisationPlan.Kind.DIVIDE:
            reason = f"Podział z dniem {entry_date:%d.%m.%Y} r.; powstałe instytucje: {new_names}. {act}"
        else:
            reason = f"Likwidacja z dniem {entry_date:%d.%m.%Y} r. {act}"
        institution_strike_out(
            institution=institution,
            entry_date=entry_date,
            legal_basis=act,
            reason=reason,
            liquidator=plan.liquidator_name if kind == ReorganisationPlan.Kind.LIQUIDATE else "",
            acting_user=acting_user,
        )


# ------------------------------------------------------------------------------------------------------------------
# Extracts (odpisy), DOMAIN.md §A.5
# ------------------------------------------------------------------------------------------------------------------

EXTRACT_TEMPLATE = "institutions/extract_pdf.html"
SIGNATORY_TITLE = "z upoważnienia Prezydenta Miasta Ruda Śląska"
_PDF_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_PDF_PAGES_COUNT = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", re.S)


def extract_context(
    *,
    institution: CulturalInstitution,
    kind: str,
    case_mark: str = "",
    addressee_lines: list[str] | None = None,
    signatory_name: str = "",
    on: date | None = None,
) -> dict:
    """The letter context of an extract: the whole book (full) or the register's current columns (abridged).

    Rozporządzenie MKiDN z 26.01.2012, § 11–§ 12 [V-sec]: odpis pełny = the content of all entries made in the
    book (struck ones included, marked); odpis skrócony = the content of the current entries of the register.
    Without a case mark the document is an uncertified printout (§ 2: the register allows printouts).
    """
    on = on or timezone.localdate()
    certified = bool(case_mark)
    full = kind == ExtractRequest.Kind.FULL
    return {
        "case_mark": case_mark or f"RIK {institution.entry_no}",
        "certified": certified,
        "place_and_date": place_and_date(on),
        "addressee_lines": addressee_lines or ["Wydruk informacyjny z rejestru"],
        "subject": ("Odpis pełny" if full else "Odpis skrócony")
        + f" z rejestru instytucji kultury — {institution.full_name} (nr wpisu {institution.entry_no})",
        "body_html": "—",
        "signatory_name": signatory_name or "—",
        "signatory_title": SIGNATORY_TITLE,
        "legal_basis": "§ 11–13 rozporządzenia Ministra Kultury i Dziedzictwa Narodowego z dnia 26 stycznia 2012 r. "
        "w sprawie sposobu prowadzenia i udostępniania rejestru instytucji kultury (Dz.U. 2012 poz. 189)",
        "institution": institution,
        "full": full,
        "sections": book_sections(institution) if full else [],
        "register_row": register_row_for_extract(institution),
    }


def register_row_for_extract(institution: CulturalInstitution) -> list[tuple[str, str]]:
    """The register's nine columns with their current values, in the regulation's words (§ 3 ust. 1)."""
    from institutions.selectors import register_row

    return register_row(institution)


def extract_html(**kwargs) -> str:
    """The HTML the extract PDF is rendered from (tests compare it with the book)."""
    return render_letter_html(template_name=EXTRACT_TEMPLATE, context=extract_context(**kwargs))


def extract_pdf(**kwargs) -> bytes:
    """Render the extract (see `extract_context`) to an A4 PDF with core.documents (WeasyPrint, no network)."""
    return render_letter_pdf(template_name=EXTRACT_TEMPLATE, context=extract_context(**kwargs))


def pdf_page_count(pdf: bytes) -> int:
    """Pages of a PDF written by WeasyPrint: the /Count of its page tree's root (the fee is per page).

    WeasyPrint may put the page tree in a compressed object stream, so compressed streams are read too.
    """
    chunks = [pdf]
    for match in _PDF_STREAM.finditer(pdf):
        try:
            chunks.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    counts = [int(a or b) for chunk in chunks for a, b in _PDF_PAGES_COUNT.findall(chunk)]
    return max(counts, default=0)


def extract_fee(pages: int, copies: int = 1):
    """Opłata skarbowa for an odpis: the rate for each full or started page of each copy [K].

    Ustawa o opłacie skarbowej, załącznik cz. II pkt 2: the fee is per page of every certified copy issued,
    so two copies of a three-page extract cost six pages' fee. The rate is `extract_fee_per_page()` (settings).
    """
    return extract_fee_per_page() * pages * max(copies, 1)


def _zloty(amount) -> str:
    return formats.number_format(amount, decimal_pos=2, use_l10n=True, force_grouping=True)


def extract_fee_breakdown(request: ExtractRequest) -> str:
    """How the fee was counted, in words: "2 strony × 1 egzemplarz × 5,00 zł"."""
    pages = ngettext("%(count)d page", "%(count)d pages", request.pages) % {"count": request.pages}
    copies = ngettext("%(count)d copy", "%(count)d copies", request.copies) % {"count": request.copies}
    return _("%(pages)s × %(copies)s × %(rate)s zł") % {
        "pages": pages,
        "copies": copies,
        "rate": _zloty(extract_fee_per_page()),
    }


def extract_request_fee_due(request: ExtractRequest) -> FeeDue | None:
    """The stamp duty of a request as its tracking page shows it (core.case_fees); None once left unprocessed.

    DOMAIN.md §A.5: 5 zł [K] for each page of each copy. Until the clerk records the pages only the rate is known;
    a proof of payment is welcome until the fee is recorded as paid, also before the amount is known (the
    applicant may pay with the request, counting the pages themself).
    """
    if request.status == ExtractRequest.Status.REJECTED:
        return None
    return FeeDue(
        title=_("Stamp duty for an extract from the register of cultural institutions"),
        rate=_("%(rate)s zł for each started page of each copy") % {"rate": _zloty(extract_fee_per_page())},
        amount=extract_fee(request.pages, request.copies) if request.pages else None,
        pending_note=_("The department counts the pages of the extract and will show the amount here."),
        breakdown=extract_fee_breakdown(request) if request.pages else "",
        paid=request.fee_paid,
        accepts_proof=not request.fee_paid and request.status in FEE_OPEN_STATUSES,
    )


def _refuse_without_pages(request: ExtractRequest) -> None:
    if request.pages is None:
        raise RegisterError(
            _("Record the pages of the extract first: the fee is counted from them."), code="pages_unknown"
        )


def extract_request_check_request_fee(request: ExtractRequest, *, acting_user, note: str = "") -> None:
    """Guard of "Ask for the fee": the amount must be known, so the pages of the extract are recorded (§A.5)."""
    _refuse_without_pages(request)


def extract_request_check_issue(request: ExtractRequest, *, acting_user, note: str = "") -> None:
    """Guard of "issue", on the locked request before anything is written: the pages are known and the fee paid.

    Ustawa o opłacie skarbowej art. 6 ust. 1 pkt 2: the fee for a certified copy is due when it is issued, so the
    department issues the extract once the payment of the fee counted from its pages has been recorded.
    """
    _refuse_without_pages(request)
    if not request.fee_paid:
        raise RegisterError(
            _("The extract waits for the fee: record the payment as received before issuing it."), code="fee_unpaid"
        )
    # The fee is per page of the certified copy itself: the document about to be issued may not have more pages
    # than were paid for (e.g. an entry made in the book since the pages were counted). The effect issues this PDF.
    pdf = extract_request_document(request, acting_user=acting_user)
    pages = pdf_page_count(pdf)
    if pages > request.pages:
        raise RegisterError(
            ngettext(
                "The extract now has %(pages)d page, more than the %(paid)d the fee was counted for: record the "
                "pages again and ask for the rest of the fee.",
                "The extract now has %(pages)d pages, more than the %(paid)d the fee was counted for: record the "
                "pages again and ask for the rest of the fee.",
                pages,
            )
            % {"pages": pages, "paid": request.pages},
            code="pages_more_than_paid",
        )
    request._extract_pdf = pdf


def extract_request_document(request: ExtractRequest, *, acting_user) -> bytes:
    """The certified extract of `request` as it would be issued now by `acting_user` (PDF): the clerk's preview
    counts its pages, "issue" keeps it in the case."""
    return extract_pdf(
        institution=request.institution,
        kind=request.kind,
        case_mark=request.case_mark,
        addressee_lines=[request.applicant_name, *request.applicant_address.splitlines()],
        signatory_name=person_name(acting_user) if acting_user is not None else "",
    )


def extract_request_fee_requested(request: ExtractRequest, *, acting_user, note: str = "") -> None:
    """Workflow effect of "Ask for the fee": the applicant learns the amount (message, e-mail with the link).

    The tracking page shows the amount, the City Hall's account and the form for the proof of payment
    (core.case_fees); the clerk's note, if any, follows the amount.
    """
    body = _(
        "The stamp duty for the extract is %(amount)s zł (%(breakdown)s). The account number and the form for the "
        "proof of payment are on this page."
    ) % {"amount": _zloty(extract_fee(request.pages, request.copies)), "breakdown": extract_fee_breakdown(request)}
    if note:
        body = f"{body}\n\n{note}"
    case_message_add(case=request, body=body, author_kind=CaseMessage.Author.CLERK, acting_user=acting_user)


def extract_request_fee_check(request: ExtractRequest, *, pages: int | None, fee_paid: bool) -> None:
    """Refuse (RegisterError) recording `pages` and `fee_paid` on `request` as it is now; the admin form asks too.

    The pages and the payment are recorded while the request is being handled; once the extract is issued (or the
    request left unprocessed) they are the case's record. A payment cannot be checked before its amount is known.
    """
    if (pages, fee_paid) == (request.pages, request.fee_paid):
        return
    if request.status not in FEE_OPEN_STATUSES:
        raise RegisterError(
            _("The pages and the fee can no longer be changed: the request is “%(status)s”.")
            % {"status": request.get_status_display()},
            code="fee_closed",
        )
    if pages is not None and not 1 <= pages <= MAX_PAGES:
        raise RegisterError(
            _("Enter the pages of the extract as a number from 1 to %(max)d.") % {"max": MAX_PAGES}, code="pages"
        )
    if fee_paid and pages is None:
        _refuse_without_pages(request)


def extract_request_fee_record(
    *, request: ExtractRequest, pages: int | None, fee_paid: bool, acting_user
) -> ExtractRequest:
    """Record the pages of the extract (so the fee due) and whether the fee has been paid.

    DOMAIN.md §A.5 and ustawa o opłacie skarbowej, załącznik cz. II pkt 2: the fee is the rate for each page of
    each copy, so the clerk counts the pages before asking for it; the applicant sees the amount on the tracking
    page. Preconditions, checked on the locked row before any write (`extract_request_fee_check`): the clerk may
    change the request; it is still being handled; a payment needs the pages. Effects: the two fields saved with a
    history row. Raises PermissionDenied or RegisterError.
    """
    if not acting_user.has_perm("institutions.change_extractrequest"):
        raise PermissionDenied(_("You may not perform this action."))
    with transaction.atomic():
        locked = ExtractRequest.objects.select_for_update().get(pk=request.pk)
        extract_request_fee_check(locked, pages=pages, fee_paid=fee_paid)
        locked.pages, locked.fee_paid = pages, fee_paid
        locked._change_reason = _("Pages and fee recorded.")
        locked.save(update_fields=["pages", "fee_paid", "updated_at"])
    request.pages, request.fee_paid = locked.pages, locked.fee_paid
    return locked


def extract_request_issue(request: ExtractRequest, *, acting_user, note: str = "") -> None:
    """Workflow effect of "issue": render the certified extract and keep it in the case as the department's letter.

    Issued within 14 days of the request (`institutions.deadlines.register_extract_due`); the guard
    (`extract_request_check_issue`) has made sure the fee for the recorded pages is paid and rendered the document
    it checked, which is the one kept. The applicant can download an electronic extract through the case's private
    link.
    """
    pdf = getattr(request, "_extract_pdf", None) or extract_request_document(request, acting_user=acting_user)
    document_attach(
        case=request,
        content=pdf,
        original_name=f"odpis-{request.institution.entry_no}-{request.case_mark}.pdf",
        mime_type="application/pdf",
        kind=PrivateDocument.Kind.LETTER,
        acting_user=acting_user,
        description=request.get_kind_display(),
    )
    request.issued_on = timezone.localdate()
    request.save(update_fields=["issued_on", "updated_at"])
    if request.delivery == ExtractRequest.Delivery.ELECTRONIC:
        # § 12: an electronic odpis is sent as an electronic document; the message e-mails the applicant the
        # case's private tracking link, where the signed extract can be downloaded (core.services.case_message_add).
        case_message_add(
            case=request,
            body=_("The extract has been issued as an electronic document. Download it from this page."),
            author_kind=CaseMessage.Author.CLERK,
            acting_user=acting_user,
        )


def extract_request_changes_apply(*, request: ExtractRequest, fields: dict) -> ExtractRequest:
    """Write the request as its applicant corrected it after the department asked for corrections.

    Called by `core.applicant_changes.case_changes_send`, which has locked the request, keeps both versions and
    hands it back to the clerk ("resubmit"). Another institution or kind of extract means another document:
    pages counted for the old one are forgotten (the fee is counted again); another amount (other document or
    number of copies) takes back a payment recorded for the old one until the clerk checks it again.
    """
    other_document = request.institution_id != fields["institution"].pk or request.kind != fields["kind"]
    other_amount = other_document or request.copies != fields["copies"]
    for name, value in fields.items():
        setattr(request, name, value)
    changed = [*fields, "updated_at"]
    if other_document and request.pages is not None:
        request.pages = None
        changed.append("pages")
    if other_amount and request.fee_paid:
        # The payment was checked against another amount: the clerk checks it again against the new one.
        request.fee_paid = False
        changed.append("fee_paid")
    try:
        request.full_clean(exclude=["register_entry"])
    except ValidationError as error:
        raise RegisterError(" ".join(error.messages), code="invalid") from error
    request._change_reason = _("Changes sent by the applicant.")
    request.save(update_fields=changed)
    return request


def extract_request_note_to_applicant(request: ExtractRequest, *, acting_user, note: str = "") -> None:
    """Workflow effect: the clerk's note (fee to pay, what is missing) goes to the applicant's tracking page."""
    case_message_add(case=request, body=note, author_kind=CaseMessage.Author.CLERK, acting_user=acting_user)
