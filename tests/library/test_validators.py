"""ISBN and ISSN are checked by their check digits (python-stdnum) and stored compact, an ISBN as its 13 digits."""

import pytest
from django.core.exceptions import ValidationError

from library.validators import normalise_isbn, normalise_issn
from tests.library.factories import ISBN, ISBN_10


def test_an_isbn_10_with_hyphens_is_stored_as_its_isbn_13():
    assert normalise_isbn(ISBN_10) == ISBN
    assert normalise_isbn("978-83-264-4531-6") == ISBN


@pytest.mark.parametrize(
    ("value", "message"),
    [("978-83-264-4531-7", "cyfrę kontrolną"), ("12345", "nie jest numerem ISBN")],
)
def test_a_wrong_isbn_is_refused_in_polish(value, message):
    with pytest.raises(ValidationError) as refused:
        normalise_isbn(value)
    assert message in refused.value.messages[0]


def test_an_issn_is_checked_and_stored_without_the_hyphen():
    assert normalise_issn("1429-1045") == "14291045"
    with pytest.raises(ValidationError):
        normalise_issn("1429-1046")
