import pytest

from tests.institutions import factories


@pytest.fixture
def clerk(db):
    return factories.register_clerk()


@pytest.fixture
def mck(clerk):
    return factories.institution(clerk=clerk)
