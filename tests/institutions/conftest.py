import pytest

from tests.institutions import factories


@pytest.fixture
def clerk(db):
    return factories.register_clerk()


@pytest.fixture
def mck(clerk):
    return factories.institution(clerk=clerk)


@pytest.fixture
def register_clerk(clerk_client):
    """A test client signed in as a clerk of the register of cultural institutions."""
    return clerk_client(groups=[factories.REGISTER_GROUP])
