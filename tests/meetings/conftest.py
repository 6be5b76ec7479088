import pytest

from tests.helpers import public_form_data

PROMOTION_GROUP = "Promocja i gospodarka"
EVENTS_GROUP = "Wydarzenia i imprezy masowe"


@pytest.fixture
def registration_data():
    """POST data of the registration form as a person sends it; keyword arguments change fields."""

    def make(**changes):
        fields = {"full_name": "Jan Kowalski", "email": "jan.kowalski@example.pl", "phone": "", "needs": ""}
        fields.update(changes)
        return public_form_data(**fields)

    return make
