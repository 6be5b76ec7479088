"""Fixtures shared by the grants tests: a published call, an offer sent to it, granted, and its agreement."""

import pytest

from tests.grants.factories import agreement_sign, make_call, offer_grant, offer_send


@pytest.fixture
def call(db):
    """The published call for culture of 2026 (offers until 23 March, 15:30)."""
    return make_call(status="published")


@pytest.fixture
def offer(client, call):
    """A correct offer sent through the public form before the deadline (subsidy asked: 4 500 zł)."""
    return offer_send(client, call)


@pytest.fixture
def granted_offer(offer):
    """The offer found correct and granted 4 000 zł when the call was resolved."""
    return offer_grant(offer)


@pytest.fixture
def agreement(granted_offer):
    """The agreement on the granted offer, with two tranches."""
    return agreement_sign(granted_offer)
