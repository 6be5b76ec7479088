from decimal import Decimal

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


@pytest.fixture
def stamp_duty_account(settings):
    """The City Hall's account for stamp duty and the rate per page of an extract, as the fee pages show them."""
    settings.STAMP_DUTY_ACCOUNT_NUMBER = factories.STAMP_DUTY_ACCOUNT.replace(" ", "")
    settings.REGISTER_EXTRACT_FEE_PER_PAGE = Decimal("5.00")


@pytest.fixture
def extract_request(client, mck):
    """A request for a full extract of MCK in two copies, sent through the public form."""
    return factories.extract_request(client, mck, copies="2")
