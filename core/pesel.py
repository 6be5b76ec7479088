"""The PESEL number a case must keep (a mass event's security manager, a scholar's contract): its check and its mask.

One home for the rules of the number itself (ustawa z 24.09.2010 o ewidencji ludności, art. 15): the apps that keep a
PESEL (`mass_events`, u.b.i.m. art. 26 ust. 1 pkt 5; `awards`, the scholarship contract) validate and mask it here and
store it encrypted (`core.encryption.EncryptedTextField`).
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PESEL_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
# Month offsets of the PESEL birth date: +80 for the 1800s, +0 for the 1900s, +20, +40, +60 for 2000–2299.
PESEL_CENTURIES = {0: 1900, 20: 2000, 40: 2100, 60: 2200, 80: 1800}


def pesel_birth_date(pesel: str) -> datetime.date | None:
    """The date of birth coded in the first six digits of a PESEL, or None when they form no real date.

    Ustawa z 24.09.2010 o ewidencji ludności, art. 15 ust. 2 pkt 1: YYMMDD, the century coded in the month.
    """
    year, month, day = int(pesel[0:2]), int(pesel[2:4]), int(pesel[4:6])
    offset = (month // 20) * 20
    century = PESEL_CENTURIES.get(offset)
    if century is None:
        return None
    try:
        return datetime.date(century + year, month - offset, day)
    except ValueError:
        return None


def validate_pesel(value: str) -> None:
    """Refuse anything that is not a possible PESEL: 11 digits, a real past date of birth, a matching check digit.

    Ustawa o ewidencji ludności art. 15 defines its structure (date of birth, serial number, check digit with the
    weights 1-3-7-9).
    """
    value = value or ""
    if len(value) != 11 or not value.isascii() or not value.isdigit():
        raise ValidationError(_("A PESEL number has exactly 11 digits."), code="pesel_length")
    birth = pesel_birth_date(value)
    if birth is None or birth > timezone.localdate():
        raise ValidationError(
            _("This PESEL number is not valid: its first six digits are not a date of birth. Check it for a typo."),
            code="pesel_date",
        )
    check = (10 - sum(int(digit) * weight for digit, weight in zip(value, PESEL_WEIGHTS, strict=False)) % 10) % 10
    if check != int(value[10]):
        raise ValidationError(
            _("This PESEL number is not valid: its last digit does not match the others. Check it for a typo."),
            code="pesel_checksum",
        )


def mask_pesel(value: str) -> str:
    """Show only the last two digits of a PESEL ("•••••••••45"): enough to compare with a document, not to reuse."""
    if not value:
        return ""
    return "•" * (len(value) - 2) + value[-2:]
