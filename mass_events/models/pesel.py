"""The security manager's PESEL (u.b.i.m. art. 26 ust. 1 pkt 5): checked and masked by `core.pesel`.

`validate_pesel` stays a function of this module because the migrations name it as the field's validator.
"""

from core.pesel import mask_pesel, pesel_birth_date
from core.pesel import validate_pesel as _validate_pesel

__all__ = ["mask_pesel", "pesel_birth_date", "validate_pesel"]


def validate_pesel(value: str) -> None:
    """Refuse anything that is not a possible PESEL (`core.pesel.validate_pesel`)."""
    _validate_pesel(value)
