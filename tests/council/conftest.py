import pytest

from tests.council.factories import make_member, make_term

COUNCIL_GROUP = "Sekretariat Rady Gospodarczej"


@pytest.fixture
def term(db):
    return make_term()


@pytest.fixture
def members(term):
    """Five serving members: the chair, the secretary and three members."""
    return [
        make_member(term, role="chair", full_name="Barbara Kubica", organisation="Izba Przemysłowo-Handlowa"),
        make_member(term, role="secretary", full_name="Tomasz Wieczorek", organisation="Politechnika Śląska"),
        *(make_member(term) for _ in range(3)),
    ]
