"""A competition's subsidies are granted in its evaluation, within its budget (u.d.p.p. art. 13, art. 15).

The "grant" step of one offer, taken on its own before the call is resolved, obeys the same budget as the
resolution: what was granted already counts.
"""

from decimal import Decimal

import pytest

from core.services import transition_perform
from grants import services
from grants.models import GrantCall, GrantOffer
from grants.services import GrantError
from tests.grants.factories import make_call, offer_post, travel


@pytest.fixture
def offers(client, db):
    """Two formally correct offers of 4 500 zł each in a call with 6 000 zł, each to get 4 000 zł."""
    with travel(2026, 3, 10):
        call = make_call(status="published", budget=Decimal("6000"))
        for title in ("Warsztaty gwary", "Koncert w parku"):
            assert client.post(f"/dotacje/konkursy/{call.slug}/oferta/", offer_post(title=title)).status_code == 302
            client.cookies.clear()
    result = list(GrantOffer.objects.order_by("pk"))
    assert len(result) == 2
    for offer in result:
        transition_perform(obj=offer, name="formal_ok", acting_user=None)
        offer.refresh_from_db()
        services.offer_amounts_set(offer=offer, acting_user=None, granted=Decimal(4000))
    return call, result


def test_an_offer_is_not_granted_while_the_call_still_takes_offers(offers):
    call, (first, _second) = offers
    with travel(2026, 3, 12), pytest.raises(GrantError, match="przyznaje się tylko w trakcie oceny ofert"):
        transition_perform(obj=first, name="grant", acting_user=None)
    first.refresh_from_db()
    assert first.status == GrantOffer.Status.FORMAL_OK


def test_an_offer_granted_on_its_own_counts_in_the_budget_of_the_resolution(offers):
    call, (first, second) = offers
    with travel(2026, 3, 24):
        transition_perform(obj=call, name="close_offers", acting_user=None)
        transition_perform(obj=first, name="grant", acting_user=None)
        with pytest.raises(GrantError, match="6"):
            transition_perform(obj=call, name="resolve", acting_user=None)
        with pytest.raises(GrantError, match="przekraczają wysokość środków w konkursie"):
            transition_perform(obj=second, name="grant", acting_user=None)
    call.refresh_from_db()
    second.refresh_from_db()
    assert call.status == GrantCall.Status.EVALUATION
    assert second.status == GrantOffer.Status.FORMAL_OK
    granted = GrantOffer.objects.filter(status=GrantOffer.Status.GRANTED)
    assert sum(o.granted_amount for o in granted) <= call.budget
