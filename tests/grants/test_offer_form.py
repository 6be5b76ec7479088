"""The offer form: submission with a case mark and receipt, arithmetic errors named where they are, drafts by token."""

import re
from datetime import datetime

import pytest
import time_machine
from django.core import mail

from core.models import PrivateDocument
from grants.models import GrantOffer, OfferDraft
from tests.grants.factories import BEFORE_DEADLINE, WARSAW, make_call, offer_post


@pytest.fixture(autouse=True)
def _before_deadline():
    with time_machine.travel(BEFORE_DEADLINE, tick=False):
        yield


def url(call):
    return f"/dotacje/konkursy/{call.slug}/oferta/"


def test_the_empty_form_shows_every_section_and_the_cost_table(client, call):
    page = client.get(url(call)).content.decode()
    for section in ("II.", "III.", "IV.", "V.A", "V.B", "VI.", "VII."):
        assert section in page
    assert '<caption id="costs-caption">' in page
    assert 'aria-labelledby="costs-col-unit_cost costs-0-row"' in page
    assert "<script>" not in page


def test_a_correct_offer_is_submitted_with_a_case_mark_receipt_and_pdf(
    client, call, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(call), offer_post())
    assert response.status_code == 302
    offer = GrantOffer.objects.get()
    assert re.fullmatch(r"KSP\.5220\.\d+\.2026", offer.case_mark)
    assert response["Location"].endswith(f"/sprawy/{offer.register_entry.tracking_token}/potwierdzenie/")
    assert str(offer.total_costs) == "5500.00"
    assert [c.total for c in offer.costs.all()] == [4000, 1000, 500]
    assert offer.actions.count() == 1
    assert offer.results.count() == 1
    assert mail.outbox[0].to == ["biuro@ziemia-rudzka.example.pl"]
    assert offer.case_mark in mail.outbox[0].subject
    pdf = PrivateDocument.objects.get(object_id=offer.pk, kind=PrivateDocument.Kind.ATTACHMENT)
    assert pdf.mime_type == "application/pdf"


@pytest.mark.parametrize(
    ("changes", "field_id", "fragment"),
    [
        ({"costs-1-total": "1200,00"}, "id_costs-1-total", "1\xa0200,00"),
        ({"own_financial": "400,00"}, "id_requested_amount", "5\xa0400,00"),
        (
            {"requested_amount": "5000,00", "own_financial": "0", "own_personal": "300", "own_material": "200"},
            "id_own_financial",
            "10%",
        ),
        (
            {
                "requested_amount": "20000,01",
                "own_financial": "0",
                "own_personal": "0",
                "own_material": "0",
                "costs-0-units": "195.0001",
            },
            "id_costs-0-units",
            "",
        ),
    ],
    ids=["line-total", "sources", "own-share", "bad-number"],
)
def test_wrong_arithmetic_is_refused_and_the_summary_links_to_the_place(client, call, changes, field_id, fragment):
    response = client.post(url(call), offer_post(**changes))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="error-summary"' in page
    assert f'href="#{field_id}"' in page
    assert fragment in page
    assert not GrantOffer.objects.exists()
    # Nothing typed is lost: the values come back in the form.
    assert "Warsztaty śląskiej gwary dla dzieci" in page


def test_an_offer_needs_an_action_and_the_declarations(client, call):
    data = offer_post(
        **{
            "actions-0-name": "",
            "actions-0-description": "",
            "actions-0-target_group": "",
            "actions-0-planned_period": "",
        }
    )
    data.pop("statement_truth")
    page = client.post(url(call), data).content.decode()
    assert 'href="#id_actions-0-name"' in page
    assert 'href="#id_statement_truth"' in page
    assert not GrantOffer.objects.exists()


def test_garbage_never_gives_a_500(client, call):
    data = offer_post(**{"costs-TOTAL_FORMS": "abc", "requested_amount": "dużo", "start_date": "32.13.2026"})
    assert client.post(url(call), data).status_code == 200
    data = offer_post(**{"costs-0-units": "1e9999", "costs-0-unit_cost": "-5"})
    assert client.post(url(call), data).status_code == 200


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("actions", "co najmniej jedno działanie"),
        ("results", "co najmniej jeden rezultat"),
        ("costs", "co najmniej jedną pozycję"),
    ],
)
def test_a_post_with_no_rows_of_a_table_is_refused_with_its_message(client, call, table, message):
    """A tampered POST declaring 0 rows of a table: the offer is refused with the table's message, never a 500."""
    response = client.post(url(call), offer_post(**{f"{table}-TOTAL_FORMS": "0"}))
    assert response.status_code == 200
    assert message in response.content.decode().lower()
    assert not GrantOffer.objects.exists()


def test_a_draft_is_saved_and_resumed_by_its_private_link(client, call):
    response = client.post(url(call), offer_post(action="save", title="Wersja robocza", requested_amount="oops"))
    draft = OfferDraft.objects.get()
    assert response["Location"] == f"/dotacje/oferta/{draft.token}/"
    assert "anna" not in response["Location"]
    page = client.get(response["Location"])
    assert "no-store" in page["Cache-Control"]
    assert page["Referrer-Policy"] == "same-origin"
    assert "Wersja robocza" in page.content.decode()
    # A failed submission keeps the draft up to date; a good one submits it and ends the draft.
    client.post(response["Location"], offer_post(title="Poprawiona", **{"costs-1-total": "1"}))
    draft.refresh_from_db()
    assert draft.data["title"] == ["Poprawiona"]
    client.post(response["Location"], offer_post(title="Poprawiona"))
    draft.refresh_from_db()
    assert draft.offer.title == "Poprawiona"
    submitted = client.get(response["Location"]).content.decode()
    assert draft.offer.case_mark in submitted
    pdf = client.get(f"/dotacje/oferta/{draft.token}/pdf/")
    assert pdf["Content-Type"] == "application/pdf"
    assert client.get("/dotacje/oferta/nie-ma-takiego/").status_code == 404


def test_an_offer_is_submitted_from_its_draft_page_at_the_first_try(client, call):
    """The draft's page carries a fresh signed start time (the draft never keeps one), so the time trap lets the
    offer through; without it every offer resumed from a draft came back with "the form has expired"."""
    saved = client.post(url(call), offer_post(action="save"))
    page = client.get(saved["Location"]).content.decode()
    started = re.search(r'name="form_started"(?: value="([^"]*)")?', page).group(1)
    assert started, "the draft's form has no start time"
    with time_machine.travel(datetime(2026, 3, 10, 12, 5, tzinfo=WARSAW), tick=False):
        response = client.post(saved["Location"], {**offer_post(), "form_started": started})
    assert response.status_code == 302
    assert OfferDraft.objects.get().offer == GrantOffer.objects.get()


def test_offers_after_the_deadline_are_not_accepted(client, call):
    with time_machine.travel(datetime(2026, 3, 23, 15, 31, tzinfo=WARSAW), tick=False):
        response = client.post(url(call), offer_post())
    assert response.status_code == 302
    assert not GrantOffer.objects.exists()


def test_a_draft_call_has_no_offer_form(client, db):
    call = make_call(slug="szkic")
    assert client.get(url(call)).status_code == 404
