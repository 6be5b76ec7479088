"""The 20 000 zł a year of one organisation in small grants (u.d.p.p. art. 19a ust. 6) follows the organisation.

The register number is typed by the offeror: "KRS 0000123456", "0000123456" and "krs: 0000123456" are the
same organisation, and a new spelling must not open a new 20 000 zł.
"""

from datetime import datetime
from decimal import Decimal

import pytest
import time_machine

from core.services import transition_perform
from grants.models import GrantOffer, YearPlan
from grants.services import GrantError
from tests.grants.factories import WARSAW, offer_post

URL = "/dotacje/male-granty/oferta/"


@pytest.fixture
def offers(client, db):
    with time_machine.travel(datetime(2026, 3, 2, 12, tzinfo=WARSAW), tick=False):
        for number in ("KRS 0000123456", "0000123456", "krs: 0000123456", "KRS 0000654321"):
            assert client.post(URL, offer_post(register_number=number, end_date="2026-08-29")).status_code == 302
            client.cookies.clear()
    YearPlan.objects.create(year=2026, planned_ngo_subsidies=Decimal("1000000"))
    result = list(GrantOffer.objects.order_by("pk"))
    for offer, amount in zip(result[:2], (Decimal("10000"), Decimal("8000")), strict=True):
        GrantOffer.objects.filter(pk=offer.pk).update(
            status=GrantOffer.Status.GRANTED, requested_amount=amount, granted_amount=amount
        )
    for offer in result[2:]:
        transition_perform(obj=offer, name="formal_ok", acting_user=None)
        offer.refresh_from_db()
    return result


def test_another_spelling_of_the_register_number_is_the_same_organisation(offers):
    same, other = offers[2], offers[3]
    with pytest.raises(GrantError, match="20"):
        transition_perform(obj=same, name="publish_small_grant", acting_user=None)
    same.refresh_from_db()
    assert same.status == GrantOffer.Status.FORMAL_OK
    transition_perform(obj=other, name="publish_small_grant", acting_user=None)
    assert other.status == GrantOffer.Status.PUBLISHED
