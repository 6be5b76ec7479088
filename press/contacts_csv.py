"""CSV import and export of media contacts, for clerks moving a list from a spreadsheet.

The import takes a comma- or semicolon-separated file (Polish Excel writes semicolons) in UTF-8 (with or
without a BOM) or Windows-1250, with a header row of the COLUMNS below. Every line is checked on its own:
good lines are imported (a known e-mail updates its contact), bad ones are reported with their line number
and reason, and nothing of a bad line is stored. An unsubscribed contact stays unsubscribed whatever the
file says. Each contact records the legal basis of processing (RODO art. 6 ust. 1 lit. a or e).
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from core.csv_import import ImportReport, spreadsheet_rows
from core.exports import csv_text
from core.public_forms import reject_control_characters
from press.models import MediaContact, MediaList, MediaOutlet

COLUMNS = ("nazwa", "email", "telefon", "redakcja", "tematyka", "listy", "podstawa_prawna", "zrodlo_danych")
REQUIRED_COLUMNS = ("nazwa", "email")
MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
LIST_SEPARATOR = "|"
LEGAL_BASIS_ALIASES = {
    "": MediaContact.LegalBasis.PUBLIC_TASK,
    "e": MediaContact.LegalBasis.PUBLIC_TASK,
    "art6_1_e": MediaContact.LegalBasis.PUBLIC_TASK,
    "a": MediaContact.LegalBasis.CONSENT,
    "art6_1_a": MediaContact.LegalBasis.CONSENT,
    "zgoda": MediaContact.LegalBasis.CONSENT,
}
_LIMITS = {"nazwa": 200, "telefon": 40, "redakcja": 200, "tematyka": 300, "listy": 1000, "zrodlo_danych": 300}


def _row_error(row: dict) -> str | None:
    for name, limit in _LIMITS.items():
        if len(row.get(name, "")) > limit:
            return _("the column “%(column)s” is longer than %(limit)d characters") % {"column": name, "limit": limit}
    for value in row.values():
        try:
            reject_control_characters(value)
        except ValidationError:
            return _("the line contains control characters")
    if not row.get("nazwa"):
        return _("the name is missing")
    try:
        validate_email(row.get("email", ""))
    except ValidationError:
        return _("“%(email)s” is not a valid e-mail address") % {"email": row.get("email", "")[:100]}
    if row.get("podstawa_prawna", "").lower() not in LEGAL_BASIS_ALIASES:
        return _("unknown legal basis “%(value)s” (use “e” for public task or “a” for consent)") % {
            "value": row["podstawa_prawna"][:30]
        }
    return None


def contacts_import(*, content: bytes, acting_user) -> ImportReport:
    """Import media contacts from CSV bytes; return what was created, updated and refused (line, reason).

    Raises ValidationError (with a Polish message) when the whole file is unusable: too large, no header,
    missing required columns or too many lines.
    """
    report = ImportReport()
    lists: dict[str, MediaList] = {}
    outlets: dict[str, MediaOutlet] = {}
    rows = spreadsheet_rows(content, required_columns=REQUIRED_COLUMNS, max_bytes=MAX_BYTES, max_rows=MAX_ROWS)
    for spreadsheet_row in rows:
        line, row = spreadsheet_row.line, spreadsheet_row.values
        if row is None:
            report.errors.append((line, spreadsheet_row.error))
            continue
        error = _row_error(row)
        if error:
            report.errors.append((line, error))
            continue
        with transaction.atomic():
            outlet = None
            if row.get("redakcja"):
                key = row["redakcja"].casefold()
                if key not in outlets:
                    outlets[key] = MediaOutlet.objects.filter(
                        name__iexact=row["redakcja"]
                    ).first() or MediaOutlet.objects.create(name=row["redakcja"])
                outlet = outlets[key]
            contact = MediaContact.objects.filter(email__iexact=row["email"]).first()
            fields = {
                "name": row["nazwa"],
                "phone": row.get("telefon", ""),
                "outlet": outlet,
                "beats": row.get("tematyka", ""),
                "legal_basis": LEGAL_BASIS_ALIASES[row.get("podstawa_prawna", "").lower()],
                "legal_basis_note": row.get("zrodlo_danych", ""),
            }
            if contact is None:
                contact = MediaContact(email=row["email"], **fields)
                contact._history_user = acting_user
                contact.save()
                report.created += 1
            else:
                for name, value in fields.items():
                    setattr(contact, name, value)
                contact._history_user = acting_user
                contact.save(update_fields=[*fields, "updated_at"])
                report.updated += 1
            for name in filter(None, (part.strip() for part in row.get("listy", "").split(LIST_SEPARATOR))):
                key = name.casefold()
                if key not in lists:
                    lists[key] = MediaList.objects.filter(name__iexact=name).first() or MediaList.objects.create(
                        name=name[:200]
                    )
                contact.lists.add(lists[key])
    return report


def contacts_export(queryset) -> str:
    """The contacts of `queryset` as CSV (the import's COLUMNS plus the unsubscribe date), UTF-8 with a BOM."""
    contacts = queryset.select_related("outlet").prefetch_related("lists").order_by("name", "pk")
    rows = (
        [
            contact.name,
            contact.email,
            contact.phone,
            contact.outlet.name if contact.outlet else "",
            contact.beats,
            LIST_SEPARATOR.join(media_list.name for media_list in contact.lists.all()),
            "a" if contact.legal_basis == MediaContact.LegalBasis.CONSENT else "e",
            contact.legal_basis_note,
            contact.unsubscribed_at.isoformat(timespec="minutes") if contact.unsubscribed_at else "",
        ]
        for contact in contacts
    )
    return csv_text([*COLUMNS, "wypisano"], rows)
