"""Called to complete, the applicant completes the application from the tracking link (core.applicant_changes).

The whole application comes filled in as sent and is checked as on submission (the resolution's cap, the fields
of art); documentation may be added, and files accepted by a send refused for another error are kept (the core
stash). Sending it performs "completed": the case is submitted again, with its history row, and the clerk sees
what was sent first and what changed.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext

from awards.models import AwardApplication
from core.models import ApplicantChange, PrivateDocument, StatusChange
from core.services import transition_perform
from tests.awards.factories import GRANTS_GROUP, make_call, scholarship_data
from tests.core.upload_corpus import valid_pdf
from tests.helpers import form_fields, kept_files_token, public_form_data, started_seconds_ago

pytestmark = pytest.mark.django_db
Status = AwardApplication.Status
NOTE = "Prosimy dołączyć dyplom z konkursu kompozytorskiego 2025 i opisać koncerty."


@pytest.fixture
def called(client):
    """A scholarship application the clerk has called to complete."""
    call = make_call()
    client.post(
        reverse("awards:application_create", kwargs={"slug": call.slug}), public_form_data(**scholarship_data())
    )
    application = AwardApplication.objects.get()
    return transition_perform(obj=application, name="call_to_complete", acting_user=None, note=NOTE)


def urls(application):
    token = application.register_entry.tracking_token
    return reverse("core:case_tracking", kwargs={"token": token}), reverse(
        "core:case_changes", kwargs={"token": token}
    )


def page_data(client, url, **changes):
    """The completion form as the applicant finds it, as a browser sends it, with `changes` typed in."""
    data = form_fields(client.get(url).content.decode(), form_id="case-changes-form")
    return {**data, "form_started": started_seconds_ago(), **changes}


def diploma():
    return SimpleUploadedFile("dyplom-2025.pdf", valid_pdf(), content_type="application/pdf")


def test_the_tracking_page_offers_the_completion_with_the_application_as_sent(called, client):
    tracking, completion = urls(called)
    page = client.get(tracking).content.decode()
    assert completion in page
    assert escape(gettext("Complete the application")) in page
    form = client.get(completion)
    assert form.status_code == 200
    html = form.content.decode()
    assert 'value="Pieśni Górnego Śląska na nowo"' in html
    assert NOTE in html
    assert 'enctype="multipart/form-data"' in html
    assert 'name="category"' not in html  # a scholarship: the nomination's fields are not asked


def test_the_completed_application_is_submitted_again_with_both_versions(called, client, clerk_client):
    _tracking, completion = urls(called)
    data = page_data(
        client,
        completion,
        achievements="Laureatka konkursu kompozytorskiego 2025 (dyplom w załączeniu); dwie płyty.",
        comment="Dołączam dyplom.",
    )
    response = client.post(completion, {**data, "documentation": [diploma()]})
    assert response.status_code == 302
    called.refresh_from_db()
    assert called.status == Status.SUBMITTED
    assert "dyplom w załączeniu" in called.achievements
    change = StatusChange.objects.filter(object_id=called.pk, content_type__model="awardapplication").latest("pk")
    assert (change.action, change.from_status, change.to_status, change.actor) == (
        "awards.application.completed",
        "incomplete",
        "submitted",
        None,
    )
    documents = PrivateDocument.objects.filter(
        content_type=ContentType.objects.get_for_model(AwardApplication), object_id=called.pk
    )
    assert "dyplom-2025.pdf" in set(documents.values_list("original_name", flat=True))
    differences = {label: (old, new) for label, old, new in ApplicantChange.objects.get().differences()}
    assert "dwie płyty" in differences[gettext("achievements").capitalize()][0]
    assert differences[gettext("Files sent with the changes")] == ("—", "dyplom-2025.pdf")
    clerk = clerk_client(groups=[GRANTS_GROUP])
    admin = clerk.get(reverse("admin:awards_awardapplication_change", args=[called.pk])).content.decode()
    assert "applicant-change__old" in admin
    # Sent once: the link leads back to the tracking page now.
    assert client.get(completion).status_code == 302


def test_an_amount_over_the_cap_is_refused_and_the_files_sent_are_kept(called, client):
    _tracking, completion = urls(called)
    data = page_data(client, completion, requested_amount="10000.01")
    first = client.post(completion, {**data, "documentation": [diploma()]})
    assert first.status_code == 200
    assert 'class="error-summary"' in first.content.decode()
    called.refresh_from_db()
    assert (called.status, str(called.requested_amount)) == (Status.INCOMPLETE, "8000.00")
    token = kept_files_token(first, "dyplom-2025.pdf")
    again = client.post(completion, {**data, "requested_amount": "10000.00", "kept_files": token})
    assert again.status_code == 302
    called.refresh_from_db()
    assert (called.status, str(called.requested_amount)) == (Status.SUBMITTED, "10000.00")
    assert PrivateDocument.objects.filter(object_id=called.pk, original_name="dyplom-2025.pdf").exists()


def test_sending_the_application_unchanged_is_refused(called, client):
    _tracking, completion = urls(called)
    response = client.post(completion, page_data(client, completion))
    assert response.status_code == 200
    called.refresh_from_db()
    assert called.status == Status.INCOMPLETE


def test_an_application_not_called_to_complete_cannot_be_changed(client):
    call = make_call()
    client.post(
        reverse("awards:application_create", kwargs={"slug": call.slug}), public_form_data(**scholarship_data())
    )
    application = AwardApplication.objects.get()
    tracking, completion = urls(application)
    assert completion not in client.get(tracking).content.decode()
    assert client.get(completion).status_code == 302
