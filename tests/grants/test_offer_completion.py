"""Called to complete, the offeror completes the offer itself from the tracking link and sends it back.

The whole offer (with its tables) comes filled in; the arithmetic is checked as on submission; the missing
signed declarations can be attached. The offer returns to formal check ("submitted") with a history row, a new
PDF, and the clerk sees what was sent first and what changed.
"""

from datetime import datetime

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape
from django.utils.translation import gettext

from core.models import ApplicantChange, PrivateDocument, StatusChange
from grants.models import GrantOffer
from tests.grants.factories import GRANTS_GROUP, WARSAW
from tests.helpers import form_fields, started_seconds_ago

AFTER_DEADLINE = datetime(2026, 3, 26, 9, tzinfo=WARSAW)
NOTE = "Brak podpisanego oświadczenia o braku zaległości; koszt koordynacji przekracza limit."
PDF_BYTES = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture
def called(offer, clerk_client):
    """The clerk has called the offeror to complete the offer (formal check, after the deadline)."""
    clerk = clerk_client(groups=[GRANTS_GROUP])
    with time_machine.travel(AFTER_DEADLINE, tick=False):
        response = clerk.post(
            f"/admin/grants/grantoffer/{offer.pk}/sprawa/", {"transition": "call_to_complete", "note": NOTE}
        )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == GrantOffer.Status.INCOMPLETE
    offer.clerk = clerk
    return offer


def changes_url(offer):
    return f"/sprawy/{offer.register_entry.tracking_token}/zmiany/"


def page_data(client, offer, **changes):
    """The completion form as the offeror finds it, as a browser would send it, with `changes` typed in."""
    page = client.get(changes_url(offer)).content.decode()
    data = form_fields(page, form_id="case-changes-form")
    data["form_started"] = started_seconds_ago()
    return {**data, **changes}


def test_the_form_shows_the_whole_offer_with_its_tables(called, client):
    response = client.get(changes_url(called))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Warsztaty śląskiej gwary dla dzieci"' in page
    assert 'value="Honoraria instruktorów"' in page
    assert 'value="Koordynacja"' in page
    assert NOTE in page
    assert "grants/offer.js" in page
    assert "<script>" not in page
    tracking = client.get(f"/sprawy/{called.register_entry.tracking_token}/").content.decode()
    assert escape(gettext("Complete the offer")) in tracking


def test_the_completed_offer_returns_to_the_formal_check_with_both_versions(called, client):
    data = page_data(
        client,
        called,
        **{"costs-2-unit_cost": "400,00", "requested_amount": "4400,00", "comment": "Dołączamy oświadczenie."},
    )
    declaration = SimpleUploadedFile("oswiadczenie-podpisane.pdf", PDF_BYTES, content_type="application/pdf")
    response = client.post(changes_url(called), {**data, "attachments": [declaration]})
    assert response.status_code == 302
    called.refresh_from_db()
    assert called.status == GrantOffer.Status.SUBMITTED
    assert str(called.total_costs) == "5400.00"
    assert [c.total for c in called.costs.all()] == [4000, 1000, 400]
    assert called.actions.count() == 1
    change = StatusChange.objects.filter(object_id=called.pk, content_type__model="grantoffer").latest("pk")
    assert (change.action, change.to_status, change.actor) == ("grants.offer.completed", "submitted", None)

    documents = PrivateDocument.objects.filter(
        content_type=ContentType.objects.get_for_model(GrantOffer), object_id=called.pk
    ).order_by("pk")
    names = [d.original_name for d in documents]
    assert "oswiadczenie-podpisane.pdf" in names
    assert names[0] == f"oferta-{called.case_mark}.pdf"  # the offer as submitted first stays
    assert names[-1].startswith(f"oferta-{called.case_mark}-uzupelniona-")

    differences = {label: (old, new) for label, old, new in ApplicantChange.objects.get().differences()}
    assert "500,00" in differences[gettext("Cost table")][0]
    assert "400,00" in differences[gettext("Cost table")][1]
    assert differences[gettext("Files sent with the changes")] == ("—", "oswiadczenie-podpisane.pdf")

    admin = called.clerk.get(f"/admin/grants/grantoffer/{called.pk}/change/").content.decode()
    assert "applicant-change__old" in admin
    assert 'value="formal_ok"' in admin


def test_wrong_arithmetic_is_refused_as_on_submission(called, client):
    data = page_data(client, called, requested_amount="9000,00")
    response = client.post(changes_url(called), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="error-summary"' in page
    called.refresh_from_db()
    assert called.status == GrantOffer.Status.INCOMPLETE
    assert str(called.requested_amount) == "4500.00"
    assert not ApplicantChange.objects.exists()


def test_a_table_left_empty_is_refused(called, client):
    emptied = ("name", "description", "target_group", "planned_period", "partner_scope")
    data = page_data(client, called, **{f"actions-0-{name}": "" for name in emptied})
    response = client.post(changes_url(called), data)
    assert response.status_code == 200
    assert escape(gettext("Describe at least one action of the task.")) in response.content.decode()
    assert GrantOffer.objects.get().actions.count() == 1


def test_sending_the_offer_unchanged_is_refused(called, client):
    response = client.post(changes_url(called), page_data(client, called))
    assert response.status_code == 200
    called.refresh_from_db()
    assert called.status == GrantOffer.Status.INCOMPLETE


def test_an_offer_in_the_committee_cannot_be_changed(offer, client, clerk_client):
    clerk = clerk_client(groups=[GRANTS_GROUP])
    clerk.post(f"/admin/grants/grantoffer/{offer.pk}/sprawa/", {"transition": "formal_ok"})
    assert client.get(changes_url(offer)).status_code == 302
