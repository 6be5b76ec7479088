"""Polish identifiers checked with their checksums: REGON and the bank account number (NRB).

The check digits are computed by python-stdnum (`stdnum.pl.regon`, `stdnum.iban`), the maintained library of
standard numbers; this module only normalises what a person types (spaces, dashes, a leading "PL") and says what
is wrong in Polish. Every `normalise_*` returns the form the number is stored in; every `validate_*` is a Django
validator (model and form fields), and `clean_*` does both for code that stores a plain value (register columns).
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_errors
from stdnum import iban
from stdnum.pl import regon

#: REGON: 9 digits for an entity (8 + a check digit) or 14 for its local unit (the entity's 9 + 4 + a check
#: digit). Ustawa z 29.06.1995 o statystyce publicznej art. 42 (the REGON register kept by the President of GUS);
#: the structure and check digits as GUS publishes them (bip.stat.gov.pl, "REGON").
REGON_LENGTHS = (9, 14)
#: NRB: 26 digits — 2 check digits, the 8-digit number of the bank's unit and a 16-digit account number; the IBAN
#: is "PL" and the NRB, and both share the ISO 13616 (mod 97) check. Zarządzenie nr 15/2010 Prezesa NBP
#: z 15.07.2010 w sprawie sposobu numeracji banków i rachunków bankowych (Prawo bankowe art. 68 pkt 3–4), after
#: zarządzenie nr 5/2002, § 2–3; stored as one string of 26 digits without separators, as that act keeps it in
#: electronic form (§ 7 of 5/2002).
NRB_LENGTH = 26

_SEPARATORS = re.compile(r"[\s\-]+")


def normalise_regon(value: str) -> str:
    """The REGON without the spaces and dashes people type in it."""
    return _SEPARATORS.sub("", value or "")


def validate_regon(value: str) -> None:
    """A REGON of 9 or 14 digits whose check digit(s) agree (see `REGON_LENGTHS`); blank is left to `blank=`."""
    number = normalise_regon(value)
    if not number:
        return
    if not number.isdigit():
        raise ValidationError(_("A REGON number has digits only."), code="regon_format")
    if len(number) not in REGON_LENGTHS:
        raise ValidationError(
            _("A REGON number has 9 digits (14 for a local unit); this one has %(length)d."),
            code="regon_length",
            params={"length": len(number)},
        )
    try:
        regon.validate(number)
    except stdnum_errors.InvalidChecksum:
        raise ValidationError(
            _("This REGON number has a wrong check digit: check it against the REGON certificate."),
            code="regon_checksum",
        ) from None
    except stdnum_errors.ValidationError:
        raise ValidationError(_("This is not a valid REGON number."), code="regon_invalid") from None


def clean_regon(value: str) -> str:
    """Normalise and validate a REGON (`validate_regon`); return the number as it is stored."""
    validate_regon(value)
    return normalise_regon(value)


def normalise_nrb(value: str) -> str:
    """The NRB as stored: 26 digits, without spaces, dashes or the "PL" of its IBAN form."""
    number = _SEPARATORS.sub("", value or "").upper()
    return number.removeprefix("PL")


def validate_nrb(value: str) -> None:
    """A Polish bank account number: 26 digits with a correct check number (`NRB_LENGTH`), IBAN form accepted."""
    number = normalise_nrb(value)
    if not number:
        return
    if not number.isdigit():
        raise ValidationError(
            _("A bank account number (NRB) has digits only, optionally preceded by PL."), code="nrb_format"
        )
    if len(number) != NRB_LENGTH:
        raise ValidationError(
            _("A bank account number (NRB) has 26 digits; this one has %(length)d."),
            code="nrb_length",
            params={"length": len(number)},
        )
    try:
        iban.validate("PL" + number)
    except stdnum_errors.InvalidChecksum:
        raise ValidationError(
            _("This bank account number has a wrong check number: check the digits."), code="nrb_checksum"
        ) from None
    except stdnum_errors.ValidationError:
        raise ValidationError(_("This is not a valid Polish bank account number."), code="nrb_invalid") from None


class BankAccountNumberField(models.CharField):
    """A Polish bank account number (NRB): validated, and stored as 26 digits whatever spacing was typed.

    Normalised in `to_python` (forms and `full_clean`) and again before it is written, so a value set in code is
    stored the same way.
    """

    default_validators = [validate_nrb]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 40)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return normalise_nrb(value) if value else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return normalise_nrb(value) if value else value
