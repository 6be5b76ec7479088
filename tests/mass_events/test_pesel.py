"""The security manager's PESEL: checked digit by digit, with a clear message; masked wherever a clerk sees it."""

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from mass_events.models import mask_pesel, pesel_birth_date, validate_pesel


@pytest.mark.parametrize(
    ("pesel", "born"),
    [
        ("44051401359", (1944, 5, 14)),  # weights 1-3-7-9: 101 → check digit 9
        ("02270803624", (2002, 7, 8)),  # month 27 = July 2000s; 146 → check digit 4
        ("99123100003", (1999, 12, 31)),  # 67 → check digit 3
    ],
)
def test_valid_pesel_numbers_pass(pesel, born):
    validate_pesel(pesel)
    assert pesel_birth_date(pesel).timetuple()[:3] == born


@pytest.mark.parametrize(
    ("pesel", "code", "message"),
    [
        ("4405140135", "pesel_length", "A PESEL number has exactly 11 digits."),
        ("440514013591", "pesel_length", "A PESEL number has exactly 11 digits."),
        ("4405140135X", "pesel_length", "A PESEL number has exactly 11 digits."),
        ("４４０５１４０１３５９", "pesel_length", "A PESEL number has exactly 11 digits."),  # full-width digits
        ("44051401358", "pesel_checksum", None),  # last digit off by one
        ("44131401359", "pesel_date", None),  # month 13
        ("44023001359", "pesel_date", None),  # 30 February
        ("99523100003", "pesel_date", None),  # month 52 = December 2199: in the future
    ],
)
def test_invalid_pesel_numbers_get_a_clear_message(pesel, code, message):
    with pytest.raises(ValidationError) as caught:
        validate_pesel(pesel)
    assert caught.value.code == code
    if message:
        assert caught.value.messages == [gettext(message)]


def test_a_mask_keeps_only_the_last_two_digits():
    assert mask_pesel("44051401359") == "•••••••••59"
    assert "440514" not in mask_pesel("44051401359")
    assert mask_pesel("") == ""
