"""The offeror's bank account in an agreement is a Polish NRB checked by its check number, stored as 26 digits.

Zarządzenie nr 15/2010 Prezesa NBP (numeracja rachunków bankowych): 26 digits, the IBAN check (mod 97) with PL.
A clerk may type it grouped, with or without "PL"; a number one digit off or too short is refused in Polish and no
agreement is signed.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from grants import services
from grants.models import GrantAgreement, GrantOffer
from tests.grants.factories import GRANTS_GROUP


def agreement_post(offer, bank_account):
    """The agreement screen's form: the signed terms and two tranches of 2 000 zł."""
    return {
        "offer": offer.pk,
        "number": "KSP.5220.1.2026",
        "signed_on": "2026-04-20",
        "bank_account": bank_account,
        "budget_updated": "on",
        "use_deadline": "",
        "tranches-TOTAL_FORMS": "2",
        "tranches-INITIAL_FORMS": "0",
        "tranches-MIN_NUM_FORMS": "0",
        "tranches-MAX_NUM_FORMS": "1000",
        "tranches-0-due_on": "2026-05-04",
        "tranches-0-amount": "2000.00",
        "tranches-1-due_on": "2026-07-01",
        "tranches-1-amount": "2000.00",
    }


def sign(offer, bank_account):
    return services.agreement_sign(
        offer=offer,
        number="KSP.5220.1.2026",
        signed_on=date(2026, 4, 20),
        bank_account=bank_account,
        tranches=[(date(2026, 5, 4), Decimal(2000)), (date(2026, 7, 1), Decimal(2000))],
        budget_updated=True,
        acting_user=None,
    )


@pytest.mark.parametrize(
    "typed", ["61 1090 1014 0000 0712 1981 2874", "PL61 1090 1014 0000 0712 1981 2874", "61109010140000071219812874"]
)
def test_the_account_is_stored_as_26_digits_however_it_was_typed(granted_offer, typed):
    agreement = sign(granted_offer, typed)
    agreement.refresh_from_db()
    assert agreement.bank_account == "61109010140000071219812874"


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("61 1090 1014 0000 0712 1981 2875", "liczbę kontrolną"),  # last digit off
        ("61 1090 1014 0000 0712 1981 287", "26 cyfr; podany ma 25"),
        ("DE89 3704 0044 0532 0130 00", "wyłącznie z cyfr"),
    ],
)
def test_a_wrong_account_is_refused_and_nothing_is_signed(granted_offer, typed, says):
    with translation.override("pl"), pytest.raises(services.GrantError) as refused:
        sign(granted_offer, typed)
    assert says in refused.value.message
    assert not GrantAgreement.objects.exists()
    granted_offer.refresh_from_db()
    assert granted_offer.status == GrantOffer.Status.GRANTED


def test_the_agreement_screen_shows_the_mistake_under_the_account(clerk_client, granted_offer):
    clerk = clerk_client(groups=[GRANTS_GROUP])
    url = reverse("admin:grants_grantagreement_add")
    response = clerk.post(url, agreement_post(granted_offer, "PL61 1090 1014 0000 0712 1981 2847"))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["bank_account"] == ["Numer rachunku bankowego ma błędną liczbę kontrolną: sprawdź cyfry."]
    assert not GrantAgreement.objects.exists()
    response = clerk.post(url, agreement_post(granted_offer, "PL61 1090 1014 0000 0712 1981 2874"))
    assert response.status_code == 302
    assert GrantAgreement.objects.get().bank_account == "61109010140000071219812874"
