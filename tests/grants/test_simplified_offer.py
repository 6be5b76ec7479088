"""A small grant is offered on the simplified offer (u.d.p.p. art. 19a; annex 1 to Dz.U. 2018 poz. 2055).

The public form shows its sections in order and only its fields; the offer's PDF follows the same form.
"""

import io

from pypdf import PdfReader

from grants import documents
from grants.models import GrantOffer
from tests.grants.factories import GRANTS_GROUP, offer_post, travel
from tests.helpers import form_fields, started_seconds_ago

URL = "/dotacje/male-granty/oferta/"
OMITTED = ("experience", "resources", "recipient_fees", "paid_activity", "other_information")


def pdf_text(pdf: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


def simplified_post(**changes):
    """The offer of `offer_post` without what the simplified offer does not ask: no schedule, results or IV."""
    data = {
        key: value
        for key, value in offer_post(**changes).items()
        if key not in OMITTED and not key.startswith(("actions-0-", "results-0-"))
    }
    return data


def test_the_form_shows_the_simplified_sections_in_order_and_only_their_fields(client, db):
    page = client.get(URL).content.decode()
    legends = [
        "I. Podstawowe informacje o złożonej ofercie",
        "II. Dane oferenta",
        "III. Zakres rzeczowy zadania publicznego",
        "IV. Szacunkowa kalkulacja kosztów realizacji zadania publicznego",
        "V. Oświadczenia",
    ]
    positions = [page.index(legend) for legend in legends]
    assert positions == sorted(positions)
    assert "Uproszczona oferta realizacji zadania publicznego" in page
    assert "Dz.U. 2018 poz. 2055" in page
    for name in OMITTED:
        assert f'name="{name}"' not in page
    assert 'name="actions-0-name"' not in page
    assert 'name="results-0-name"' not in page
    assert 'name="costs-0-name"' in page


def test_a_simplified_offer_is_sent_without_the_full_forms_sections_and_reads_back_in_its_pdf(client, db):
    with travel(2026, 3, 2):
        response = client.post(URL, simplified_post(end_date="2026-08-29"))
    assert response.status_code == 302
    offer = GrantOffer.objects.get()
    assert offer.kind == GrantOffer.Kind.SMALL_GRANT
    assert (offer.experience, offer.resources, offer.paid_activity) == ("", "", False)
    assert not offer.actions.exists()
    text = pdf_text(documents.offer_pdf(offer=offer))
    sections = [
        "UPROSZCZONA OFERTA REALIZACJI ZADANIA PUBLICZNEGO",
        "I. Podstawowe informacje o złożonej ofercie",
        "II. Dane oferenta",
        "III. Zakres rzeczowy zadania publicznego",
        "IV. Szacunkowa kalkulacja kosztów realizacji zadania publicznego",
        "V. Oświadczenia",
    ]
    positions = [text.index(section) for section in sections]
    assert positions == sorted(positions)
    assert "poz. 2055" in text
    assert "Warsztaty śląskiej gwary dla dzieci" in text
    assert "Charakterystyka oferenta" not in text
    assert "Plan i harmonogram" not in text


def test_an_offer_in_a_call_keeps_the_full_statutory_form(client, call):
    page = client.get(f"/dotacje/konkursy/{call.slug}/oferta/").content.decode()
    assert "Dz.U. 2018 poz. 2057" in page
    assert 'name="experience"' in page
    assert 'name="actions-0-name"' in page


def test_called_to_complete_a_small_grant_is_completed_on_the_simplified_offer(client, clerk_client, db):
    with travel(2026, 3, 2):
        assert client.post(URL, simplified_post(end_date="2026-08-29")).status_code == 302
    offer = GrantOffer.objects.get()
    clerk = clerk_client(groups=[GRANTS_GROUP])
    note = "Prosimy o podpisane oświadczenie."
    response = clerk.post(
        f"/admin/grants/grantoffer/{offer.pk}/sprawa/", {"transition": "call_to_complete", "note": note}
    )
    assert response.status_code == 302
    client.cookies.clear()
    url = f"/sprawy/{offer.register_entry.tracking_token}/zmiany/"
    page = client.get(url).content.decode()
    assert "III. Zakres rzeczowy zadania publicznego" in page
    assert 'name="experience"' not in page
    assert 'name="actions-0-name"' not in page
    data = form_fields(page, form_id="case-changes-form")
    data |= {"form_started": started_seconds_ago(), "costs-2-unit_cost": "400,00", "requested_amount": "4400,00"}
    assert client.post(url, data).status_code == 302
    offer.refresh_from_db()
    assert offer.status == GrantOffer.Status.SUBMITTED
    assert str(offer.requested_amount) == "4400.00"
