"""Asked for corrections, the applicant corrects the request for an extract from the tracking link.

The request goes back to "received" with a history row; the clerk sees what was asked first and what changed;
another institution or kind of extract forgets the pages counted for the old one.
"""

import pytest
from django.utils.html import escape
from django.utils.translation import gettext

from core.deadlines import open_deadlines
from core.models import ApplicantChange, StatusChange
from institutions.models import ExtractRequest
from tests.helpers import form_fields, started_seconds_ago
from tests.institutions import factories

NOTE = "Proszę podać pełny adres pocztowy z kodem pocztowym."


@pytest.fixture
def extract_request(client, mck):
    return factories.extract_request(
        client,
        mck,
        applicant_name="Jan Kowalski",
        applicant_address="ul. Halembska",
        contact_email="jan.kowalski@example.pl",
    )


@pytest.fixture
def asked(extract_request, register_clerk):
    url = f"/admin/institutions/extractrequest/{extract_request.pk}/sprawa/"
    assert register_clerk.post(url, {"transition": "request_changes", "note": NOTE}).status_code == 302
    extract_request.refresh_from_db()
    assert extract_request.status == ExtractRequest.Status.CHANGES_REQUESTED
    return extract_request


def changes_url(extract_request):
    return f"/sprawy/{extract_request.register_entry.tracking_token}/zmiany/"


def page_data(client, extract_request, **changes):
    page = client.get(changes_url(extract_request)).content.decode()
    return {**form_fields(page, form_id="case-changes-form"), "form_started": started_seconds_ago(), **changes}


def test_asking_needs_a_reason_and_tells_the_applicant(extract_request, register_clerk, client):
    url = f"/admin/institutions/extractrequest/{extract_request.pk}/sprawa/"
    register_clerk.post(url, {"transition": "request_changes", "note": ""})
    extract_request.refresh_from_db()
    assert extract_request.status == ExtractRequest.Status.RECEIVED
    register_clerk.post(url, {"transition": "request_changes", "note": NOTE})
    page = client.get(f"/sprawy/{extract_request.register_entry.tracking_token}/").content.decode()
    assert NOTE in page
    assert escape(gettext("Correct the request")) in page
    # Waiting for the applicant, the request stays in the Terminarz (the 14 days run on), marked so.
    deadline = next(d for d in open_deadlines(section="institutions") if d.case_mark == extract_request.case_mark)
    assert "poprawki" in deadline.title


def test_the_corrected_request_goes_back_to_the_clerk(asked, client, register_clerk):
    ExtractRequest.objects.filter(pk=asked.pk).update(pages=4)
    data = page_data(client, asked, kind="abridged", applicant_address="ul. Halembska 10\n41-717 Ruda Śląska")
    response = client.post(changes_url(asked), data)
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.status == ExtractRequest.Status.RECEIVED
    assert (asked.kind, asked.applicant_address) == ("abridged", "ul. Halembska 10\n41-717 Ruda Śląska")
    assert asked.pages is None  # another document: its pages are counted again
    history = StatusChange.objects.filter(object_id=asked.pk, content_type__model="extractrequest").latest("pk")
    assert (history.action, history.to_status) == ("institutions.extract.resubmit", "received")
    differences = {label: (old, new) for label, old, new in ApplicantChange.objects.get().differences()}
    assert differences[gettext("Postal address")] == ("ul. Halembska", "ul. Halembska 10\n41-717 Ruda Śląska")
    page = register_clerk.get(f"/admin/institutions/extractrequest/{asked.pk}/change/").content.decode()
    assert "applicant-change__new" in page


def test_an_electronic_extract_still_needs_an_email(asked, client):
    data = page_data(client, asked, delivery="electronic", contact_email="")
    response = client.post(changes_url(asked), data)
    assert response.status_code == 200
    assert response.context["form"].errors["contact_email"]
    asked.refresh_from_db()
    assert asked.status == ExtractRequest.Status.CHANGES_REQUESTED
