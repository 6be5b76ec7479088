"""REGON and bank account numbers (NRB) are checked by their check digits, with a Polish message for each mistake.

The checksums come from python-stdnum; what is tested here is what a clerk notices: spaces are accepted and
dropped, a number one digit off is refused as a wrong check digit, a number too short or too long says how many
digits it has.
"""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from core.validators import clean_regon, normalise_nrb, validate_nrb, validate_regon


def refusal(validator, value) -> ValidationError:
    with translation.override("pl"), pytest.raises(ValidationError) as refused:
        validator(value)
    return refused.value


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("123456785", "123456785"),  # 9 digits: an entity
        ("12345678512347", "12345678512347"),  # 14 digits: its local unit
        ("123 456 785", "123456785"),
        ("123-456-785", "123456785"),
        (" 123456785 12347 ", "12345678512347"),
    ],
)
def test_a_valid_regon_is_stored_without_spaces(typed, stored):
    validate_regon(typed)
    assert clean_regon(typed) == stored


@pytest.mark.parametrize(
    "value",
    [
        "123456784",  # last digit off
        "12345678612342",  # the 9-digit part's check digit off
        "12345678512348",  # the 14-digit check digit off
    ],
)
def test_a_regon_with_a_wrong_check_digit_is_refused(value):
    error = refusal(validate_regon, value)
    assert error.code == "regon_checksum"
    assert error.messages == ["Numer REGON ma błędną cyfrę kontrolną: sprawdź go z zaświadczeniem o numerze REGON."]


@pytest.mark.parametrize(("value", "length"), [("12345678", 8), ("1234567851", 10), ("123456785123478", 15)])
def test_a_regon_of_the_wrong_length_says_how_long_it_is(value, length):
    error = refusal(validate_regon, value)
    assert error.code == "regon_length"
    assert error.messages == [f"Numer REGON ma 9 cyfr (14 dla jednostki lokalnej); podany ma {length}."]


def test_a_regon_with_letters_is_refused():
    assert refusal(validate_regon, "12345678O").code == "regon_format"


def test_a_blank_regon_is_left_to_the_field():
    validate_regon("")
    assert clean_regon("  ") == ""


@pytest.mark.parametrize(
    "typed",
    [
        "61109010140000071219812874",
        "61 1090 1014 0000 0712 1981 2874",
        "PL61109010140000071219812874",
        "pl61 1090 1014 0000 0712 1981 2874",
        "PL 61-1090-1014-0000-0712-1981-2874",
    ],
)
def test_a_valid_nrb_is_stored_as_26_digits(typed):
    validate_nrb(typed)
    assert normalise_nrb(typed) == "61109010140000071219812874"


@pytest.mark.parametrize(
    "value",
    [
        "61109010140000071219812875",  # last digit off
        "16109010140000071219812874",  # check digits swapped
        "PL61 1090 1014 0000 0712 1981 2847",  # two digits transposed
    ],
)
def test_an_nrb_with_a_wrong_check_number_is_refused(value):
    error = refusal(validate_nrb, value)
    assert error.code == "nrb_checksum"
    assert error.messages == ["Numer rachunku bankowego ma błędną liczbę kontrolną: sprawdź cyfry."]


@pytest.mark.parametrize(
    ("value", "length"), [("6110901014000007121981287", 25), ("611090101400000712198128741", 27), ("PL61 1090", 6)]
)
def test_an_nrb_of_the_wrong_length_says_how_long_it_is(value, length):
    error = refusal(validate_nrb, value)
    assert error.code == "nrb_length"
    assert error.messages == [f"Numer rachunku bankowego (NRB) ma 26 cyfr; podany ma {length}."]


def test_a_foreign_iban_is_not_an_nrb():
    assert refusal(validate_nrb, "DE89370400440532013000").code == "nrb_format"
