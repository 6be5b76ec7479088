"""Called to complete the permit application (k.p.a. art. 64 § 2), the organiser sends the missing opinions from the
tracking link: they fill the checklist, the case is back with the clerk, and the clerk sees what was sent."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils.html import escape
from django.utils.translation import gettext

from core.applicant_changes import UNCHANGED
from core.models import ApplicantChange, CaseMessage, StatusChange
from core.services import transition_perform
from mass_events.models import MassEventPermitApplication
from tests.helpers import pdf_file, public_form_data, tracking_path
from tests.mass_events.factories import PermitApplicationFactory, permit_attachments

Status = MassEventPermitApplication.Status
pytestmark = pytest.mark.django_db
MISSING = "Brak opinii Komendanta Miejskiego PSP i dysponenta ratownictwa medycznego."


@pytest.fixture
def application(db):
    """An application sent with the police and sanitary opinions only."""
    return PermitApplicationFactory(attachments=permit_attachments(opinions=("opinion_police", "opinion_sanitary")))


@pytest.fixture
def called(application):
    transition_perform(obj=application, name="request_completion", acting_user=None, note=MISSING)
    application.refresh_from_db()
    return application


def test_the_organiser_sends_the_missing_opinions_and_the_case_is_back_with_the_clerk(called, client):
    page = client.get(tracking_path(called)).content.decode()
    assert escape(MISSING) in page
    assert f'<a class="button" href="{tracking_path(called)}zmiany/">{gettext("Complete the application")}</a>' in page
    form = client.get(tracking_path(called) + "zmiany/").content.decode()
    assert 'enctype="multipart/form-data"' in form
    assert 'name="opinion_fire"' in form

    response = client.post(
        tracking_path(called) + "zmiany/",
        public_form_data(
            opinion_fire=pdf_file("opinia-psp.pdf"),
            opinion_medical=pdf_file("opinia-pogotowia.pdf"),
            comment="Przesyłamy brakujące opinie.",
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == tracking_path(called)
    called.refresh_from_db()
    assert (called.status, called.completion_requested_on) == (Status.RECEIVED, None)
    documents = {opinion.body: opinion.document for opinion in called.opinions.select_related("document")}
    assert documents["fire"].description == "Opinia Komendanta Miejskiego PSP"
    assert documents["fire"].original_name == "opinia-psp.pdf"
    assert documents["medical"].description == "Opinia dysponenta ratownictwa medycznego"
    assert documents["police"].original_name == "opinion_police.pdf"
    change = ApplicantChange.objects.get(
        content_type=ContentType.objects.get_for_model(MassEventPermitApplication), object_id=called.pk
    )
    assert change.after[-1][2] == "opinia-psp.pdf, opinia-pogotowia.pdf"
    assert StatusChange.objects.filter(object_id=called.pk, to_status=Status.RECEIVED).count() == 2
    assert CaseMessage.objects.filter(
        object_id=called.pk, author_kind=CaseMessage.Author.APPLICANT, body="Przesyłamy brakujące opinie."
    ).exists()
    assert "Opinia Komendanta Miejskiego PSP" in client.get(tracking_path(called)).content.decode()


def test_sending_no_file_is_refused_and_the_completion_still_awaited(called, client):
    response = client.post(tracking_path(called) + "zmiany/", public_form_data(comment="Nie mamy jeszcze opinii."))
    assert response.status_code == 200
    assert escape(str(UNCHANGED)) in response.content.decode()
    called.refresh_from_db()
    assert called.status == Status.COMPLETION_REQUESTED
    assert not ApplicantChange.objects.exists()


def test_no_completion_is_taken_while_none_is_awaited(application, client):
    response = client.get(tracking_path(application) + "zmiany/")
    assert response.status_code == 302
    assert response["Location"] == tracking_path(application)
    tracking = client.get(tracking_path(application)).content.decode()
    assert application.case_mark in tracking
    assert gettext("Complete the application") not in tracking
