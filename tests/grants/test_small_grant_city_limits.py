"""Small grants (u.d.p.p. art. 19a): the yearly limits are the city's, and the offeror learns of its own on sending.

ust. 6: at most 20 000 zł to one organisation a calendar year; ust. 7: at most 20 % of the subsidies planned for
NGOs in the budget year. Both count the small grants clerks record as made outside the portal. ust. 1: at most
10 000 zł and 90 days, a refusal naming that rule, and a one-day festival is a lawful task.
"""

from datetime import date
from decimal import Decimal

import pytest

from core.services import transition_perform
from grants.models import ExternalSmallGrant, GrantOffer, YearPlan
from grants.services import GrantError
from tests.grants.factories import offer_post, travel

URL = "/dotacje/male-granty/oferta/"


ORGANISATION = "Stowarzyszenie Miłośników Ziemi Rudzkiej"


def external(amount, *, number="KRS 0000123456", on=date(2026, 2, 10), name=ORGANISATION):
    return ExternalSmallGrant.objects.create(
        organisation_name=name,
        register_number=number,
        task_title="Turniej szachowy",
        amount=Decimal(amount),
        granted_on=on,
        granted_by="Wydział Sportu i Rekreacji",
    )


def text_of(response) -> str:
    """The page with its no-break spaces (amounts: "20 000,00 zł") as plain ones."""
    return response.content.decode().replace("\u00a0", " ").replace("\u202f", " ")


def send(client, **changes):
    with travel(2026, 3, 2):
        return client.post(URL, offer_post(**{"end_date": "2026-08-29", **changes}))


@pytest.mark.parametrize(
    ("granted_outside", "accepted"),
    [
        (["10000", "5500"], True),  # 15 500 + 4 500 = 20 000: the limit itself
        (["10000", "5500.01"], False),  # a grosz over
        (["10000", "8000"], False),
    ],
)
def test_the_form_refuses_an_offer_over_the_organisations_yearly_20000_counting_grants_outside_the_portal(
    client, db, granted_outside, accepted
):
    for amount in granted_outside:
        external(amount, number="0000123456")  # the same organisation, the number typed otherwise
    response = send(client)
    if accepted:
        assert response.status_code == 302
        assert GrantOffer.objects.count() == 1
        return
    page = text_of(response)
    assert response.status_code == 200
    assert not GrantOffer.objects.exists()
    assert 'href="#id_requested_amount"' in page
    assert "art. 19a ust. 6" in page
    assert "20 000,00 zł" in page
    # What the offeror typed is kept.
    assert 'value="Warsztaty śląskiej gwary dla dzieci"' in page


def test_grants_of_another_year_or_organisation_do_not_count(client, db):
    external("10000", on=date(2025, 12, 31))
    external("10000", on=date(2025, 6, 1))
    external("10000", number="KRS 0000654321", name="Fundacja Inna")
    external("10000", number="KRS 0000654321", name="Fundacja Inna")
    assert send(client).status_code == 302


def test_the_organisations_limit_counts_the_portals_grants_and_those_outside_it_together(client, db):
    assert send(client, requested_amount="4500,00").status_code == 302
    GrantOffer.objects.update(status=GrantOffer.Status.GRANTED, granted_amount=Decimal("4500"))
    external("10000")
    external("1500")
    client.cookies.clear()
    response = send(client)  # 4 500 + 10 000 + 1 500 + 4 500 = 20 500
    assert response.status_code == 200
    assert "4 000,00 zł" in text_of(response)  # what it may still ask for
    assert GrantOffer.objects.count() == 1


def test_the_20_percent_pool_counts_grants_made_outside_the_portal(client, db):
    assert send(client).status_code == 302
    offer = GrantOffer.objects.get()
    transition_perform(obj=offer, name="formal_ok", acting_user=None)
    YearPlan.objects.create(year=2026, planned_ngo_subsidies=Decimal("50000"))  # 20 % = 10 000
    external("6000", number="KRS 0000654321", name="Fundacja Inna")  # 6 000 + 4 500 = 10 500
    with travel(2026, 3, 3), pytest.raises(GrantError, match="19a ust. 7"):
        transition_perform(obj=offer, name="publish_small_grant", acting_user=None)
    ExternalSmallGrant.objects.update(amount=Decimal("5500"))  # 5 500 + 4 500 = 10 000
    with travel(2026, 3, 3):
        transition_perform(obj=offer, name="publish_small_grant", acting_user=None)
    offer.refresh_from_db()
    assert offer.status == GrantOffer.Status.PUBLISHED


def test_an_amount_over_10000_is_refused_under_the_small_grant_rule_not_a_call(client, db):
    values = {"costs-0-unit_cost": "8500,01", "costs-0-units": "1"}
    page = send(client, requested_amount="10000,01", own_financial="0", own_personal="0", own_material="0", **values)
    text = page.content.decode()
    assert 'href="#id_requested_amount"' in text
    assert "art. 19a ust. 1" in text
    assert "ogłoszeniu" not in text
    assert not GrantOffer.objects.exists()


def test_a_one_day_festival_is_a_lawful_small_grant(client, db):
    assert send(client, start_date="2026-06-20", end_date="2026-06-20").status_code == 302
    assert GrantOffer.objects.get().start_date == date(2026, 6, 20)
