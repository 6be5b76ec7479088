"""Attachments of an event: clerks add PDFs in the admin, residents download them while the event is public."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.uploads import PDF, random_upload_name
from events.models import Event, EventAttachment
from events.services import event_duplicate
from tests.core.upload_corpus import jpeg_bytes, pdf_with_javascript, valid_pdf
from tests.events.factories import EventFactory, VenueFactory, at
from tests.events.test_admin_events import EVENTS_GROUP, OTHER_GROUP, change_url, form_data


@pytest.fixture
def event(db):
    return EventFactory(venue=VenueFactory(), title="Konkurs Piosenki Śląskiej", dates=[(at(10), None)])


def attach(event, title="Regulamin konkursu", content=None, position=0) -> EventAttachment:
    attachment = EventAttachment(event=event, title=title, position=position)
    attachment.file.save(random_upload_name(PDF), ContentFile(content or valid_pdf()), save=False)
    attachment.save()
    return attachment


def streamed(response) -> bytes:
    return b"".join(response.streaming_content)


def test_event_page_lists_attachments_with_format_and_size(client, event):
    rules = attach(event, "Regulamin konkursu", position=1)
    programme = attach(event, "Program festiwalu", position=0)
    html = client.get(event.get_absolute_url()).content.decode()
    assert html.index("Program festiwalu") < html.index("Regulamin konkursu")
    assert f'href="{rules.get_absolute_url()}"' in html
    assert f'href="/wydarzenia/{event.slug}/zalaczniki/{programme.pk}/"' in html
    assert "(PDF, " in html


def test_a_resident_opens_the_pdf_of_a_public_event(client, event):
    attachment = attach(event)
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('inline; filename="regulamin-konkursu.pdf"')
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert streamed(response) == valid_pdf()


@pytest.mark.parametrize("status", [Event.Status.DRAFT, Event.Status.SUBMITTED])
def test_attachment_of_an_event_not_public_has_no_public_address(client, event, status):
    attachment = attach(event)
    Event.objects.filter(pk=event.pk).update(status=status)
    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_attachment_of_an_event_scheduled_for_later_is_hidden_until_then(client, event):
    attachment = attach(event)
    Event.objects.filter(pk=event.pk).update(publish_at=timezone.now() + timedelta(hours=1))
    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_attachment_is_reachable_only_under_its_own_event(client, event):
    other = EventFactory(venue=event.venue, title="Inne wydarzenie", dates=[(at(3), None)])
    attachment = attach(other)
    assert client.get(f"/wydarzenia/{event.slug}/zalaczniki/{attachment.pk}/").status_code == 404


def post_attachment(clerk_client, event, *, title: str, name: str, content: bytes):
    """An events clerk saves the event's form with one new attachment; returns the response."""
    client = clerk_client(groups=[EVENTS_GROUP])
    data = form_data(client.get(change_url(event)))
    data.update(
        {
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-title": title,
            "attachments-0-position": "0",
            "attachments-0-file": SimpleUploadedFile(name, content, content_type="application/pdf"),
        }
    )
    return client.post(change_url(event), data)


def test_a_clerk_adds_a_pdf_in_the_event_form_and_it_is_stored_under_a_random_name(clerk_client, event):
    response = post_attachment(
        clerk_client, event, title="Regulamin konkursu", name="regulamin.pdf", content=valid_pdf()
    )
    assert response.status_code == 302
    attachment = event.attachments.get()
    assert attachment.title == "Regulamin konkursu"
    assert attachment.size == len(valid_pdf())
    assert "regulamin" not in attachment.file.name
    assert attachment.file.name.startswith("events/attachments/")


@pytest.mark.parametrize(
    "content",
    [pytest.param(jpeg_bytes(), id="an-image"), pytest.param(pdf_with_javascript(), id="pdf-with-javascript")],
)
def test_the_admin_refuses_what_is_not_a_clean_pdf_with_a_message(clerk_client, event, content):
    response = post_attachment(clerk_client, event, title="Plakat", name="plakat.pdf", content=content)
    assert response.status_code == 200
    assert "plakat.pdf" in response.content.decode()
    assert not EventAttachment.objects.exists()


def test_clerks_of_other_sections_cannot_add_attachments(clerk_client, event):
    client = clerk_client(groups=[OTHER_GROUP])
    assert client.get("/admin/events/eventattachment/add/").status_code in (403, 404)
    assert not client.clerk.has_perm("events.add_eventattachment")


def test_deleting_an_attachment_removes_its_file(event, django_capture_on_commit_callbacks):
    attachment = attach(event)
    storage, name = attachment.file.storage, attachment.file.name
    with django_capture_on_commit_callbacks(execute=True):
        attachment.delete()
    assert not storage.exists(name)


def test_a_duplicated_event_gets_its_own_copy_of_each_attachment(event):
    original = attach(event)
    copy = event_duplicate(event=event, acting_user=None)
    copied = copy.attachments.get()
    assert copied.title == original.title
    assert copied.file.name != original.file.name
    with copied.file.open("rb") as handle:
        assert handle.read() == valid_pdf()
