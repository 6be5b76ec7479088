"""Reads of the register: the index, an institution's book and its current state, in a fixed number of queries.

The public register (rozporządzenie MKiDN z 26.01.2012, § 10 ust. 1: free access through BIP) reads institutions
only through `institutions_public()` and `institution_get_public_or_404()`: an institution without a first entry
(being registered) never shows.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from institutions.models import (
    COLUMNS_BY_KEY,
    SECTION_COLUMNS,
    Column,
    CulturalInstitution,
    LegalAct,
    RegisterEntry,
    RegistrationDocument,
    Section,
)


def institution_state_from_entries(entries: list[RegisterEntry]) -> dict:
    """The current state of the register's columns, replayed from the book's entries.

    Rozporządzenie MKiDN z 26.01.2012, § 3 ust. 2–3: the latest entry of a column is its current value; an entry
    struck out by a correction no longer counts (it stays in the book, flagged); a section IV strike-out ends the
    institution's registration (DOMAIN.md §A.4). Entries are replayed by date, then in the order they were made.
    An act column's current act is the legal basis of the entry that set it (register columns 8 and 9).
    """
    struck = {entry.struck_entry_id for entry in entries if entry.struck_entry_id}
    state = {
        "full_name": "",
        "short_name": "",
        "activity": "",
        "seat": "",
        "address": "",
        "organiser": "",
        "co_organiser": "",
        "regon": "",
        "director": "",
        "founding_act": None,
        "statute_act": None,
        "registered_on": None,
        "last_entry_on": None,
        "struck_out_on": None,
    }
    ordered = sorted(entries, key=lambda entry: (entry.entry_date, entry.pk or 0))
    if ordered:
        state["registered_on"] = ordered[0].entry_date
        state["last_entry_on"] = ordered[-1].entry_date
    for entry in ordered:
        if entry.pk in struck:
            continue
        for key, value in entry.values.items():
            if key not in state:
                continue
            column = COLUMNS_BY_KEY[key][1]
            if column.act:
                state[key] = entry.legal_basis if value else None
            else:
                state[key] = value[: CulturalInstitution._meta.get_field(key).max_length or None]
        if entry.kind == RegisterEntry.Kind.STRIKE_OUT:
            state["struck_out_on"] = entry.entry_date
    return state


# ------------------------------------------------------------------------------------------------------------------
# The index and the book
# ------------------------------------------------------------------------------------------------------------------


def institutions_public() -> QuerySet[CulturalInstitution]:
    """Every registered institution (struck-out ones included, as the register keeps them) with what the index
    shows: the acts of columns 8–9 and the dates of all entries (column 2), in three queries whatever the rows."""
    return (
        CulturalInstitution.objects.registered()
        .select_related("founding_act", "statute_act")
        .prefetch_related(
            Prefetch(
                "entries",
                queryset=RegisterEntry.objects.only("pk", "institution_id", "entry_date").order_by("entry_date", "pk"),
                to_attr="dated_entries",
            )
        )
        .order_by("entry_no")
    )


def institution_get_public_or_404(entry_no: int) -> CulturalInstitution:
    return get_object_or_404(
        CulturalInstitution.objects.registered().select_related("founding_act", "statute_act"), entry_no=entry_no
    )


def entry_dates(institution: CulturalInstitution) -> list:
    """Register column 2: the date of the entry and the dates of the later entries (distinct, in order)."""
    entries = getattr(institution, "dated_entries", None)
    if entries is None:
        entries = institution.entries.only("entry_date").order_by("entry_date", "pk")
    dates = []
    for entry in entries:
        if not dates or dates[-1] != entry.entry_date:
            dates.append(entry.entry_date)
    return dates


def register_row(institution: CulturalInstitution) -> list[tuple[str, str]]:
    """The nine columns of the register (§ 3 ust. 1) for one institution: (statutory label, current value)."""
    dates = ", ".join(day.strftime("%d.%m.%Y") for day in entry_dates(institution))
    seat_and_address = ", ".join(part for part in (institution.seat, institution.address) if part)
    return [
        ("numer wpisu do rejestru", str(institution.entry_no)),
        ("data wpisu do rejestru oraz daty kolejnych wpisów", dates),
        ("pełna nazwa instytucji kultury wynikająca ze statutu", institution.full_name),
        ("skrócona nazwa instytucji kultury, jeżeli jej używanie przewiduje statut", institution.short_name),
        ("siedziba i adres instytucji kultury", seat_and_address),
        ("oznaczenie organizatora", institution.organiser),
        ("oznaczenie podmiotu, z którym organizator wspólnie prowadzi instytucję kultury", institution.co_organiser),
        ("akt o utworzeniu instytucji kultury", str(institution.founding_act) if institution.founding_act else ""),
        ("akt o nadaniu statutu", str(institution.statute_act) if institution.statute_act else ""),
    ]


@dataclass
class BookRow:
    """One entry as a row of its section's table: the section's columns in order, blank where it set nothing."""

    entry: RegisterEntry
    cells: list[str]
    struck_by: RegisterEntry | None = None

    @property
    def is_struck(self) -> bool:
        return self.struck_by is not None


@dataclass
class BookSection:
    code: str
    title: str
    columns: tuple[Column, ...]
    rows: list[BookRow] = field(default_factory=list)


SECTION_TITLES = {
    Section.I: "Dział I — Oznaczenie instytucji kultury",
    Section.II: "Dział II — Organizacja instytucji kultury",
    Section.III: "Dział III — Mienie instytucji kultury",
    Section.IV: "Dział IV — Połączenie, podział i likwidacja instytucji kultury",
}


def book_sections(institution: CulturalInstitution) -> list[BookSection]:
    """The institution's register book: the four sections with every entry ever made, in two queries.

    Rozporządzenie MKiDN z 26.01.2012, § 4 ust. 1 and the annex: each section's rows carry the entry's number,
    date, the section's columns, remarks and the authorised person. Struck entries stay, marked with the entry
    that struck them (DOMAIN.md §A.4).
    """
    entries = list(
        RegisterEntry.objects.filter(institution=institution)
        .select_related("legal_basis")
        .order_by("section", "position")
    )
    by_pk = {entry.pk: entry for entry in entries}
    struck_by = {entry.struck_entry_id: entry for entry in entries if entry.struck_entry_id}
    sections = {code: BookSection(code, SECTION_TITLES[code], SECTION_COLUMNS[code]) for code in Section.values}
    for entry in entries:
        section = sections[entry.section]
        cells = [entry.values.get(column.key, "") for column in section.columns]
        if entry.struck_entry_id:
            entry.struck_entry = by_pk.get(entry.struck_entry_id)
        section.rows.append(BookRow(entry=entry, cells=cells, struck_by=struck_by.get(entry.pk)))
    return [sections[code] for code in Section.values]


def public_documents(institution: CulturalInstitution) -> list:
    """Documents of the institution the public may download: its founding act and statute, if published, and
    the registration files marked public. Private documents never reach a public page."""
    acts = [
        act
        for act in (institution.founding_act, institution.statute_act)
        if act is not None and act.is_public and act.file
    ]
    documents = list(
        RegistrationDocument.objects.filter(institution=institution, is_public=True).order_by("received_on")
    )
    return [*dict.fromkeys(acts), *documents]


def legal_act_get_public_or_404(pk: int) -> LegalAct:
    """An act the public register may serve: marked public, with its text, and linked to a registered institution.

    Rozporządzenie MKiDN z 26.01.2012, § 10: the register is public, and it shows the founding act and the statute
    (columns 8 and 9); other acts are served only when they are the basis of an entry and a clerk marked them
    public. An act linked to no institution is 404, whatever its flag says.
    """
    registered = CulturalInstitution.objects.filter(registered_on__isnull=False)
    linked = (
        Q(pk__in=registered.values("founding_act"))
        | Q(pk__in=registered.values("statute_act"))
        | Q(pk__in=RegisterEntry.objects.values("legal_basis"))
    )
    acts = LegalAct.objects.filter(is_public=True).exclude(file="").filter(linked)
    return get_object_or_404(acts, pk=pk)


def document_get_public_or_404(pk: int) -> RegistrationDocument:
    return get_object_or_404(
        RegistrationDocument.objects.filter(is_public=True, institution__registered_on__isnull=False), pk=pk
    )


def entry_dates_from(entries) -> list:
    """Register column 2 from already loaded entries: distinct dates in order."""
    return sorted({entry.entry_date for entry in entries})
