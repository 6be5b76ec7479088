"""The register of municipal cultural institutions and the register books (rejestr i księgi rejestrowe).

Rozporządzenie Ministra Kultury i Dziedzictwa Narodowego z 26.01.2012 w sprawie sposobu prowadzenia
i udostępniania rejestru instytucji kultury (Dz.U. 2012 poz. 189), DOMAIN.md §A.2–§A.4:

* § 2 — the register is kept electronically, allows printouts and prevents entries by unauthorised persons:
  only clerks with the `institutions.add_registerentry` permission make entries, through one service.
* § 3 ust. 1 — one entry number (numer wpisu) per institution, consecutive, never reused.
* § 3 ust. 2–3 — a change of the data is an entry too, made under the existing entry number: the register is
  append-only. `RegisterEntry` rows are never updated or deleted (model, queryset, admin and a database
  trigger all refuse it); a mistaken entry is struck out by a later correcting entry, and the institution
  itself is struck out (wykreślona) by a section IV entry after a merger, division or liquidation.
* § 4 ust. 1 and the annex — each institution has its register book (księga rejestrowa) of four sections
  (działy I–IV). The columns (rubryki) of sections II–IV were not verified against the annex [K], so they are
  data (`SECTION_COLUMNS`) and the values of an entry are a JSON object: a column can change without a
  migration.

`CulturalInstitution` keeps the current state of the register's nine columns as a projection written only
by `institutions.services` from the entries (never edited by hand), so the public index can filter and
paginate in the database; `institutions.selectors.institution_state_from_entries` recomputes it from the
book, and tests check that the two agree.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel
from core.validators import clean_regon, validate_regon

#: Who organises the city's institutions (u.o.p.d.k. art. 9 ust. 1; DOMAIN.md §A.1): register column 6 default.
CITY_ORGANISER = "Miasto Ruda Śląska"


def private_storage():
    return storages["private"]


class RegisterIntegrityError(Exception):
    """Raised by any attempt to change or delete a register entry (rozporządzenie MKiDN, § 3 ust. 2–3)."""


# ------------------------------------------------------------------------------------------------------------------
# Sections and columns of the register book (§ 4 and the annex) — data, kept easy to change [K]
# ------------------------------------------------------------------------------------------------------------------


class Section(models.TextChoices):
    """The four sections (działy) of a register book (rozporządzenie MKiDN z 26.01.2012, § 4 ust. 1 and annex)."""

    I = "I", _("Section I — designation of the institution")  # noqa: E741 — the statute's Roman numeral
    II = "II", _("Section II — organisation of the institution")
    III = "III", _("Section III — property of the institution")
    IV = "IV", _("Section IV — merger, division and liquidation")


@dataclass(frozen=True)
class Column:
    """A column (rubryka) of a register book section.

    `label` is the translated name shown on the portal; `statutory_label` the regulation's Polish wording,
    printed verbatim on extracts (official documents are issued in Polish). `act` marks a column whose value
    names a legal act: the entry's legal basis is then that act (register columns 8 and 9). `clean`, for a
    column holding an identifier, normalises a value and raises ValidationError with a Polish message when it
    is not a valid one (the REGON, `core.validators.clean_regon`).
    """

    key: str
    label: str | Promise
    statutory_label: str
    act: bool = False
    multiline: bool = False
    clean: Callable[[str], str] | None = None


#: The columns of each section between "numer wpisu" and "data wpisu" (always first) and "uwagi" and
#: "imię i nazwisko pełnomocnika organizatora dokonującego wpisu" (always last), in the book's order. Section I
#: after the BIP practice of Gorzkowice (DOMAIN.md §A.3, [V-sec]); sections II–IV best knowledge [K]; where each
#: comes from is `SECTION_COLUMNS_SOURCES`. Check them against the annex to Dz.U. 2012 poz. 189 and change them
#: here; existing entries keep the keys they were made with.
SECTION_COLUMNS: dict[str, tuple[Column, ...]] = {
    Section.I: (
        Column("full_name", _("Full name"), "pełna nazwa instytucji kultury wynikająca ze statutu"),
        Column(
            "short_name", _("Short name"), "skrócona nazwa instytucji kultury, jeżeli jej używanie przewiduje statut"
        ),
        Column("activity", _("Scope of activity"), "przedmiot działalności instytucji kultury", multiline=True),
        Column("seat", _("Seat"), "siedziba instytucji kultury"),
        Column("address", _("Address"), "adres instytucji kultury"),
        Column("organiser", _("Organiser"), "oznaczenie organizatora"),
        Column("founding_act", _("Founding act"), "akt o utworzeniu instytucji kultury", act=True),
        Column(
            "co_organiser",
            _("Co-organiser"),
            "oznaczenie podmiotu, z którym organizator wspólnie prowadzi instytucję kultury",
        ),
        Column(
            "regon",
            _("REGON number"),
            "cyfrowy identyfikator instytucji kultury nadany w systemie REGON",
            clean=clean_regon,
        ),
    ),
    Section.II: (
        Column(
            "statute_act", _("Statute"), "informacja o złożeniu do rejestru statutu (akt o nadaniu statutu)", act=True
        ),
        Column(
            "director",
            _("Director and deputies"),
            "imię i nazwisko dyrektora instytucji kultury i jego zastępców",
            multiline=True,
        ),
        Column(
            "proxies",
            _("Proxies and their powers"),
            "imiona i nazwiska pełnomocników uprawnionych do dokonywania czynności prawnych w imieniu instytucji "
            "oraz zakres ich upoważnień",
            multiline=True,
        ),
        Column(
            "branches",
            _("Branches and their REGON numbers"),
            "nazwy i siedziby wyodrębnionych jednostek organizacyjnych instytucji kultury i ich identyfikatory",
            multiline=True,
        ),
    ),
    Section.III: (
        Column(
            "financial_statement",
            _("Annual financial statement filed"),
            "informacja o złożeniu do rejestru rocznego sprawozdania finansowego",
        ),
        Column(
            "encumbrances",
            _("Encumbrances of fixed assets"),
            "informacja o obciążeniu środków trwałych instytucji kultury ograniczonymi prawami rzeczowymi",
            multiline=True,
        ),
    ),
    Section.IV: (
        Column(
            "reorganisation",
            _("Merger, division or liquidation"),
            "informacja o połączeniu, podziale lub likwidacji instytucji kultury",
            multiline=True,
        ),
        Column("liquidator", _("Liquidator"), "imię i nazwisko likwidatora"),
    ),
}

#: Where each section's columns come from, as the clerk's entry form says under the section. No copy of the
#: annex to Dz.U. 2012 poz. 189 (the template of the book, § 4 ust. 2) could be read [K] (docs/register-of-
#: institutions.md). Section I follows the annex's list of rubryki as organisers
#: reproduce it in their BIP (Gorzkowice: numer, data, nazwa pełna i skrócona, przedmiot działalności, siedziba
#: i adres, organizator i akt o utworzeniu, współprowadzący, identyfikator REGON, uwagi, pełnomocnik; [V-sec]);
#: sections II–IV follow the book of the 1992 regulation as organisers describe it (Ostrołęka BIP, 2008:
#: statut, dyrektor, pełnomocnicy, jednostki organizacyjne; sprawozdanie, obciążenia; połączenie, podział,
#: likwidacja, likwidator) and DOMAIN.md §A.3. Once the annex is read, change the columns above and these notes.
SECTION_COLUMNS_SOURCES: dict[str, str | Promise] = {
    Section.I: _(
        "Columns after the list of section I columns that organisers publish in their BIP — check them against "
        "the annex to the regulation of the Minister of Culture of 26 January 2012 (Dz.U. 2012 poz. 189)."
    ),
    Section.II: _(
        "Columns after the register book of the 1992 regulation and the practice of organisers — check them "
        "against the annex to the regulation of the Minister of Culture of 26 January 2012 (Dz.U. 2012 poz. 189)."
    ),
}
SECTION_COLUMNS_SOURCES[Section.III] = SECTION_COLUMNS_SOURCES[Section.IV] = SECTION_COLUMNS_SOURCES[Section.II]

COLUMNS_BY_KEY: dict[str, tuple[str, Column]] = {
    column.key: (section, column) for section, columns in SECTION_COLUMNS.items() for column in columns
}

#: The nine columns of the register (§ 3 ust. 1): 1 numer wpisu and 2 daty wpisów come from the entries;
#: 3–9 are these book columns (the statute from section II, the rest from section I).
REGISTER_COLUMN_KEYS = (
    "full_name",
    "short_name",
    "seat",
    "address",
    "organiser",
    "co_organiser",
    "founding_act",
    "statute_act",
)


def section_columns(section: str) -> tuple[Column, ...]:
    return SECTION_COLUMNS[section]


# ------------------------------------------------------------------------------------------------------------------
# Legal acts and registration files
# ------------------------------------------------------------------------------------------------------------------


class LegalAct(TimeStampedModel):
    """A legal act that is the basis of a register entry: founding act, statute, appointment, merger …

    The founding act and the statute of a municipal institution are resolutions of Rada Miasta (u.o.p.d.k.
    art. 11 and 13). Its text (a PDF) is kept in private storage and reaches the public only through the
    register's download view, and only when `is_public` is set and the act is an institution's founding act or
    statute or the basis of a register entry (register columns 8 and 9 are public, § 10); an act linked to no
    institution (a mayor's order appointing a director, say) is never served publicly.
    """

    class Kind(models.TextChoices):
        COUNCIL_RESOLUTION = "council_resolution", _("resolution of the City Council")
        MAYOR_ORDER = "mayor_order", _("order of the Mayor")
        AGREEMENT = "agreement", _("agreement")
        OTHER = "other", _("other document")

    kind = models.CharField(_("kind"), max_length=30, choices=Kind, default=Kind.COUNCIL_RESOLUTION)
    number = models.CharField(_("number"), max_length=60, blank=True, help_text=_("E.g. 354/XXVIII/2000"))
    adopted_on = models.DateField(_("date of the act"))
    title = models.CharField(
        _("title"),
        max_length=500,
        help_text=_("E.g. w sprawie nadania statutu Miejskiej Bibliotece Publicznej w Rudzie Śląskiej"),
    )
    file = models.FileField(
        _("text of the act (PDF)"), storage=private_storage, upload_to="institutions/acts/", blank=True, max_length=200
    )
    is_public = models.BooleanField(
        _("may be published"),
        default=False,
        help_text=_(
            "Tick for an institution's founding act or statute, or another act without personal data that is the "
            "basis of a register entry; only such acts can be downloaded from the public register."
        ),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("legal act")
        verbose_name_plural = _("legal acts")
        ordering = ["-adopted_on", "number"]

    def __str__(self):
        kind = {
            self.Kind.COUNCIL_RESOLUTION: "Uchwała Rady Miasta Ruda Śląska",
            self.Kind.MAYOR_ORDER: "Zarządzenie Prezydenta Miasta Ruda Śląska",
            self.Kind.AGREEMENT: "Umowa",
        }.get(self.kind, "Dokument")
        number = f" nr {self.number}" if self.number else ""
        return f"{kind}{number} z dnia {self.adopted_on:%d.%m.%Y} r. {self.title}".strip()

    def get_absolute_url(self):
        return reverse("institutions:act_download", args=[self.pk])


class InstitutionKind(models.TextChoices):
    """The kind of institution: libraries and museums have their own acts with extra reorganisation rules."""

    CULTURE_CENTRE = "culture_centre", _("culture centre")
    LIBRARY = "library", _("public library")
    MUSEUM = "museum", _("museum")
    ARTISTIC = "artistic", _("artistic institution")
    OTHER = "other", _("other cultural institution")


class InstitutionQuerySet(models.QuerySet):
    def registered(self):
        """Institutions with at least one entry: what the public register shows (struck ones included)."""
        return self.filter(registered_on__isnull=False)

    def active(self):
        return self.registered().filter(struck_out_on__isnull=True)


class CulturalInstitution(TimeStampedModel):
    """A municipal cultural institution: its entry number and the current state of the register's columns.

    u.o.p.d.k. art. 14 ust. 1: the institution is entered ex officio in the register kept by its organiser and
    acquires legal personality on the day of entry. The fields marked not editable are a projection of the
    register book written only by `institutions.services` (rozporządzenie MKiDN, § 3 ust. 3: changes are new
    entries under the same number, never edits).
    """

    #: The columns of the site search's document (core.search.ranked_search; its stored column on PostgreSQL).
    SEARCH_FIELDS = ("full_name", "short_name", "seat", "address")

    entry_no = models.PositiveIntegerField(
        _("register entry number"),
        unique=True,
        help_text=_("Consecutive number in the register; never reused."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=InstitutionKind, default=InstitutionKind.CULTURE_CENTRE)
    website = models.URLField(_("website"), blank=True)
    # --- projection of the book, written by the services only ---
    full_name = models.CharField(_("full name"), max_length=500, editable=False)
    short_name = models.CharField(_("short name"), max_length=200, blank=True, editable=False)
    activity = models.TextField(_("scope of activity"), blank=True, editable=False)
    seat = models.CharField(_("seat"), max_length=200, blank=True, editable=False)
    address = models.CharField(_("address"), max_length=300, blank=True, editable=False)
    organiser = models.CharField(_("organiser"), max_length=300, blank=True, editable=False)
    co_organiser = models.CharField(_("co-organiser"), max_length=300, blank=True, editable=False)
    regon = models.CharField(_("REGON number"), max_length=14, blank=True, editable=False, validators=[validate_regon])
    director = models.TextField(_("director"), blank=True, editable=False)
    founding_act = models.ForeignKey(
        LegalAct,
        verbose_name=_("founding act"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    statute_act = models.ForeignKey(
        LegalAct,
        verbose_name=_("statute"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    registered_on = models.DateField(_("date of entry"), null=True, blank=True, editable=False)
    last_entry_on = models.DateField(_("date of the last entry"), null=True, blank=True, editable=False)
    struck_out_on = models.DateField(_("struck out of the register on"), null=True, blank=True, editable=False)

    objects = InstitutionQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("cultural institution")
        verbose_name_plural = _("cultural institutions")
        ordering = ["entry_no"]
        constraints = [
            models.CheckConstraint(condition=models.Q(entry_no__gte=1), name="institution_entry_no_positive"),
        ]
        indexes = [models.Index(fields=["struck_out_on", "entry_no"], name="institution_status_idx")]

    def __str__(self):
        return f"{self.entry_no}. {self.full_name}" if self.full_name else f"{self.entry_no}."

    def get_absolute_url(self):
        return reverse("institutions:institution_detail", args=[self.entry_no])

    def delete(self, *args, **kwargs):
        """An institution in the register is struck out, never deleted (rozporządzenie MKiDN, § 3 ust. 2)."""
        raise RegisterIntegrityError("A registered cultural institution is struck out, never deleted.")

    @property
    def is_struck_out(self) -> bool:
        return self.struck_out_on is not None


class RegistrationDocument(TimeStampedModel):
    """A document of the registration files (akta rejestrowe) of an institution.

    The organiser keeps with the book the documents that were the basis of each entry and of the procedure
    (DOMAIN.md §A.3, [V S2 NCK]); everyone may inspect them in the office (§ 10–§ 13). Stored privately; only
    documents marked public are downloadable from the public register.
    """

    institution = models.ForeignKey(
        CulturalInstitution, verbose_name=_("institution"), on_delete=models.PROTECT, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=300)
    received_on = models.DateField(_("received on"))
    file = models.FileField(_("file"), storage=private_storage, upload_to="institutions/files/", max_length=200)
    legal_act = models.ForeignKey(
        LegalAct, verbose_name=_("legal act"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    is_public = models.BooleanField(
        _("publish in the register"),
        default=False,
        help_text=_("Only documents without personal data, e.g. the statute in force."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("registration file document")
        verbose_name_plural = _("registration files")
        ordering = ["institution", "received_on", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("institutions:document_download", args=[self.pk])


# ------------------------------------------------------------------------------------------------------------------
# Entries of the register book: append-only
# ------------------------------------------------------------------------------------------------------------------


class RegisterEntryQuerySet(models.QuerySet):
    """Entries can be read and added; every bulk write path raises (rozporządzenie MKiDN, § 3 ust. 2–3)."""

    def update(self, **kwargs):
        raise RegisterIntegrityError("Register entries are never updated: make a new entry.")

    def delete(self):
        raise RegisterIntegrityError("Register entries are never deleted: strike them out with a new entry.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise RegisterIntegrityError("Register entries are never updated: make a new entry.")

    def update_or_create(self, defaults=None, create_defaults=None, **kwargs):
        raise RegisterIntegrityError("Register entries are never updated: make a new entry.")

    def bulk_create(self, objs, *args, **kwargs):
        # Entries are numbered and projected one by one by institutions.services.entry_add.
        raise RegisterIntegrityError("Register entries are made one by one through institutions.services.")

    delete.alters_data = True
    delete.queryset_only = True
    update.alters_data = True
    update.queryset_only = False

    def in_book_order(self):
        return self.order_by("section", "position")


class RegisterEntry(models.Model):
    """One dated entry of a register book: a section, its consecutive position and the values it records.

    Rozporządzenie MKiDN z 26.01.2012 (Dz.U. 2012 poz. 189): § 3 ust. 2–3 (a change is a new entry under the
    same entry number), § 4 (the book's four sections), § 2 (only authorised persons enter: `entered_by` is the
    organiser's authorised person, whose name is printed in the book's last column). `values` holds only the
    columns this entry sets, keyed by `Column.key`; an empty string clears a column. A `CORRECTION` strikes out
    `struck_entry` (and may set new values); a `STRIKE_OUT` entry (section IV) strikes the institution out of
    the register. Never updated, never deleted.
    """

    class Kind(models.TextChoices):
        ENTRY = "entry", _("entry")
        CORRECTION = "correction", _("correction (strikes out an earlier entry)")
        STRIKE_OUT = "strike_out", _("striking the institution out of the register")

    class RequestedBy(models.TextChoices):
        EX_OFFICIO = "ex_officio", _("ex officio")
        DIRECTOR = "director", _("at the request of the director")

    institution = models.ForeignKey(
        CulturalInstitution, verbose_name=_("institution"), on_delete=models.PROTECT, related_name="entries"
    )
    section = models.CharField(_("section"), max_length=3, choices=Section)
    position = models.PositiveIntegerField(_("consecutive number in the section"))
    kind = models.CharField(_("kind of entry"), max_length=20, choices=Kind, default=Kind.ENTRY)
    entry_date = models.DateField(_("date of entry"))
    values = models.JSONField(_("values"), default=dict, blank=True)
    legal_basis = models.ForeignKey(
        LegalAct, verbose_name=_("legal basis"), on_delete=models.PROTECT, related_name="register_entries"
    )
    requested_by = models.CharField(_("made"), max_length=20, choices=RequestedBy, default=RequestedBy.EX_OFFICIO)
    remarks = models.TextField(_("remarks"), blank=True, max_length=2000)
    struck_entry = models.OneToOneField(
        "self",
        verbose_name=_("entry struck out"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="struck_by",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("authorised person"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    entered_by_name = models.CharField(
        _("name of the organiser's authorised person"), max_length=200, help_text=_("Printed in the book.")
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    objects = RegisterEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("register entry")
        verbose_name_plural = _("register entries")
        ordering = ["institution", "section", "position"]
        base_manager_name = "objects"
        default_permissions = ("view",)
        permissions = [("add_registerentry", _("Can make entries in the register of cultural institutions"))]
        constraints = [
            models.UniqueConstraint(fields=["institution", "section", "position"], name="register_entry_position"),
            models.CheckConstraint(condition=models.Q(position__gte=1), name="register_entry_position_positive"),
            models.CheckConstraint(
                condition=~models.Q(kind="strike_out") | models.Q(section="IV"),
                name="register_entry_strike_out_in_section_iv",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="correction") | models.Q(struck_entry__isnull=False),
                name="register_entry_correction_has_target",
            ),
        ]
        indexes = [models.Index(fields=["institution", "entry_date"], name="register_entry_date_idx")]

    def __str__(self):
        return f"{self.institution.entry_no} / {self.section}.{self.position} ({self.entry_date:%d.%m.%Y})"

    def save(self, *args, **kwargs):
        """Insert only: an entry that exists is never written again (§ 3 ust. 3)."""
        if not self._state.adding or kwargs.get("update_fields") or kwargs.get("force_update"):
            raise RegisterIntegrityError("Register entries are never updated: make a new entry.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    save.alters_data = True

    def delete(self, *args, **kwargs):
        raise RegisterIntegrityError("Register entries are never deleted: strike them out with a new entry.")

    delete.alters_data = True

    def column_values(self) -> list[tuple[Column, str]]:
        """The columns of this entry's section with the values it set, in the section's order."""
        return [
            (column, self.values[column.key]) for column in SECTION_COLUMNS[self.section] if column.key in self.values
        ]
