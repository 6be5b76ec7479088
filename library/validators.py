"""ISBN and ISSN checked by their check digits with python-stdnum (`stdnum.isbn`, `stdnum.issn`).

A person types them with hyphens or spaces; they are stored compact, an ISBN always as its 13 digits (an
ISBN-10 of an older book is converted), so that one search finds a book whichever form was typed.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_errors
from stdnum import isbn, issn


def normalise_isbn(value: str) -> str:
    """The ISBN-13 of `value` (ISBN-10 or ISBN-13, hyphens and spaces allowed); ValidationError in Polish if wrong."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        return isbn.to_isbn13(isbn.validate(value))
    except stdnum_errors.InvalidChecksum:
        raise ValidationError(
            _("The ISBN %(value)s has a wrong check digit: check it against the book."),
            code="isbn_checksum",
            params={"value": value[:30]},
        ) from None
    except stdnum_errors.ValidationError:
        raise ValidationError(
            _("%(value)s is not an ISBN: it has 10 or 13 digits (the last of an ISBN-10 may be X)."),
            code="isbn",
            params={"value": value[:30]},
        ) from None


def normalise_issn(value: str) -> str:
    """The ISSN of `value` as 8 characters (hyphen and spaces allowed); ValidationError in Polish if wrong."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        return issn.validate(value)
    except stdnum_errors.InvalidChecksum:
        raise ValidationError(
            _("The ISSN %(value)s has a wrong check digit: check it against the periodical."),
            code="issn_checksum",
            params={"value": value[:30]},
        ) from None
    except stdnum_errors.ValidationError:
        raise ValidationError(
            _("%(value)s is not an ISSN: it has 8 characters, e.g. 0867-2024 (the last may be X)."),
            code="issn",
            params={"value": value[:30]},
        ) from None


def validate_isbn(value: str) -> None:
    normalise_isbn(value)


def validate_issn(value: str) -> None:
    normalise_issn(value)
