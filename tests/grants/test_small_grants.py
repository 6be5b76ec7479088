"""Small grants (u.d.p.p. art. 19a): limits enforced, 7 days of publication with public comments, then the grant."""

from datetime import date
from decimal import Decimal

import pytest

from core.services import transition_perform
from grants import services
from grants.models import GrantOffer, SmallGrantComment, YearPlan
from grants.services import GrantError
from tests.grants.factories import offer_post, travel
from tests.helpers import public_form_data

URL = "/dotacje/male-granty/oferta/"


@pytest.fixture
def offer(client, db):
    with travel(2026, 3, 2):
        assert client.post(URL, offer_post(end_date="2026-08-29")).status_code == 302  # 90 days
    offer = GrantOffer.objects.get()
    transition_perform(obj=offer, name="formal_ok", acting_user=None)
    return offer


def test_a_small_grant_offer_over_10000_or_90_days_is_refused_in_the_form(client, db):
    def asking(amount, unit_cost):
        # Costs: the first line + 1 000 + 500 zł, all from the subsidy, over 90 days.
        values = {"costs-0-unit_cost": unit_cost, "costs-0-units": "1"}
        return offer_post(requested_amount=amount, own_financial="0", own_personal="0", own_material="0", **values) | {
            "end_date": "2026-08-29"
        }

    page = client.post(URL, asking("10000,01", "8500,01")).content.decode()
    assert 'href="#id_requested_amount"' in page
    assert not GrantOffer.objects.exists()
    assert client.post(URL, asking("10000,00", "8500,00")).status_code == 302
    GrantOffer.objects.all().delete()
    data = offer_post(end_date="2026-08-30")  # 1 June – 30 August = 91 days
    page = client.post(URL, data).content.decode()
    assert 'href="#id_end_date"' in page
    assert not GrantOffer.objects.exists()


def test_publication_needs_the_year_plan_and_the_20_percent_pool(offer):
    with pytest.raises(GrantError, match="Nie wprowadzono jeszcze kwoty dotacji planowanych"):
        transition_perform(obj=offer, name="publish_small_grant", acting_user=None)
    YearPlan.objects.create(year=2026, planned_ngo_subsidies=Decimal("20000"))  # 20 % = 4 000 < 4 500
    with pytest.raises(GrantError, match="więcej niż 20% dotacji planowanych"):
        transition_perform(obj=offer, name="publish_small_grant", acting_user=None)
    YearPlan.objects.filter(year=2026).update(planned_ngo_subsidies=Decimal("22500"))  # 20 % = 4 500
    with travel(2026, 3, 2):
        transition_perform(obj=offer, name="publish_small_grant", acting_user=None)
    offer.refresh_from_db()
    assert offer.comments_until == date(2026, 3, 9)


def test_comments_for_7_days_then_the_grant(client, offer):
    YearPlan.objects.create(year=2026, planned_ngo_subsidies=Decimal("100000"))
    with travel(2026, 3, 2):
        transition_perform(obj=offer, name="publish_small_grant", acting_user=None)
    page_url = f"/dotacje/male-granty/{offer.pk}/"
    form = {"author_name": "Jan Kowalski", "text": "Popieram."}
    with travel(2026, 3, 9):
        assert client.post(page_url, public_form_data(**form)).status_code == 302
        services.offer_amounts_set(offer=offer, acting_user=None, granted=Decimal("4500"))
        with pytest.raises(GrantError, match="Siedmiodniowy termin na zgłaszanie uwag jeszcze nie upłynął"):
            transition_perform(obj=offer, name="grant", acting_user=None)
    with travel(2026, 3, 10):
        # The day after the 7 days: the comment is refused with a message, not stored.
        assert client.post(page_url, public_form_data(**form)).status_code == 200
        transition_perform(obj=offer, name="grant", acting_user=None)
    assert SmallGrantComment.objects.count() == 1
    offer.refresh_from_db()
    assert offer.status == GrantOffer.Status.GRANTED
