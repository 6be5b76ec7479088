"""One public attachment (core.models.PublicAttachment) for an event's programme, a release's PDF and a call's rules.

Each is served by the one download view only while its page is public and only under its own page, with the headers
of every stored file; it records the size, name and type of a validated upload; its stored file goes with it when
it is deleted (also with its page) or when a clerk replaces the file.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import modelform_factory
from django.utils import timezone

from core.models import PublicAttachment
from core.public_attachments import PublicAttachmentForm
from core.uploads import PDF, random_upload_name, validate_upload
from events.models import Event, EventAttachment
from grants.models import CallDocument
from press.models import ReleaseAttachment
from tests.core.upload_corpus import valid_pdf
from tests.events.factories import EventFactory
from tests.grants.factories import make_call
from tests.press.factories import PressReleaseFactory


@dataclass(frozen=True)
class Kind:
    model: type[PublicAttachment]
    public_parent: Callable
    hidden_parent: Callable
    url_prefix: str


def _call(slug: str, **fields):
    return make_call(slug=slug, deadline=timezone.now() + timedelta(days=30), **fields)


KINDS = [
    pytest.param(
        Kind(
            EventAttachment,
            lambda n: EventFactory(title=f"Festiwal Orkiestr Dętych {n}"),
            lambda n: EventFactory(title=f"Szkic wydarzenia {n}", status=Event.Status.DRAFT),
            "/wydarzenia/",
        ),
        id="event",
    ),
    pytest.param(
        Kind(
            ReleaseAttachment,
            lambda n: PressReleaseFactory(title=f"Dni Rudy {n} — program"),
            lambda n: PressReleaseFactory(title=f"Jarmark {n}", publish_at=timezone.now() + timedelta(days=1)),
            "/prasa/",
        ),
        id="release",
    ),
    pytest.param(
        Kind(
            CallDocument,
            lambda n: _call(f"konkurs-kultura-{n}", status="published"),
            lambda n: _call(f"szkic-konkursu-{n}"),
            "/dotacje/konkursy/",
        ),
        id="call",
    ),
]


def validated_pdf(name="Regulamin konkursu.pdf", content=None):
    return validate_upload(SimpleUploadedFile(name, content or valid_pdf()), allowed_kinds=[PDF]).as_file()


def attach(kind: Kind, parent, title="Regulamin konkursu", file=None):
    attachment = kind.model(title=title, **{kind.model.parent_field: parent})
    attachment.file = file or validated_pdf()
    attachment.save()
    return attachment


def streamed(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_the_pdf_of_a_public_page_opens_in_the_browser_with_the_headers_of_a_stored_file(client, kind):
    attachment = attach(kind, kind.public_parent(1))
    url = attachment.get_absolute_url()
    assert url.startswith(f"{kind.url_prefix}{attachment.parent.slug}/")
    assert url.endswith(f"/{attachment.pk}/")
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('inline; filename="regulamin-konkursu.pdf"')
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert response["Cache-Control"] == "public, max-age=300"
    assert (response["X-Content-Type-Options"], response["Referrer-Policy"]) == ("nosniff", "no-referrer")
    assert streamed(response) == valid_pdf()
    assert client.post(url).status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_an_attachment_has_no_address_while_its_page_is_hidden_nor_under_another_page(client, kind):
    hidden = attach(kind, kind.hidden_parent(1))
    assert client.get(hidden.get_absolute_url()).status_code == 404
    public = kind.public_parent(2)
    assert client.get(hidden.get_absolute_url().replace(hidden.parent.slug, public.slug)).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_a_title_without_letters_downloads_under_the_models_own_name(client, kind):
    attachment = attach(kind, kind.public_parent(1), title="2026")
    assert attachment.download_filename == "2026.pdf"
    attachment.title = "„…”"
    assert attachment.download_filename == f"{kind.model.download_name}.pdf"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_a_validated_upload_is_stored_under_a_random_name_with_its_size_name_and_type(kind):
    attachment = attach(kind, kind.public_parent(1), file=validated_pdf("Regulamin/../konkursu 2026.pdf"))
    attachment.refresh_from_db()
    assert attachment.file.name.startswith(f"{kind.model.upload_dir}/")
    assert "konkursu" not in attachment.file.name
    assert (attachment.size, attachment.original_name, attachment.mime_type) == (
        len(valid_pdf()),
        "konkursu 2026.pdf",
        "application/pdf",
    )


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_deleting_an_attachment_or_its_page_removes_the_stored_file(kind, django_capture_on_commit_callbacks):
    first, second = attach(kind, kind.public_parent(1)), attach(kind, kind.public_parent(2))
    storage = first.file.storage
    with django_capture_on_commit_callbacks(execute=True):
        first.delete()
    assert not storage.exists(first.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        second.parent.delete()
    assert not storage.exists(second.file.name)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_a_replaced_file_is_removed_once_the_new_one_is_saved(kind, django_capture_on_commit_callbacks):
    attachment = attach(kind, kind.public_parent(1))
    old_name, storage = attachment.file.name, attachment.file.storage
    shorter = valid_pdf()[:-1] + b"\n"
    with django_capture_on_commit_callbacks(execute=True):
        attachment.file = validated_pdf("Program.pdf", shorter)
        attachment.title = "Program"
        attachment.save()
    assert not storage.exists(old_name)
    assert storage.exists(attachment.file.name)
    assert (attachment.size, attachment.original_name) == (len(shorter), "Program.pdf")
    # Saving without a new file keeps the stored one.
    with django_capture_on_commit_callbacks(execute=True):
        attachment.save()
    assert storage.exists(attachment.file.name)


@pytest.mark.django_db
def test_a_file_saved_by_code_keeps_its_name_and_gets_its_size():
    """What a copy (events.services.event_duplicate) or a seed does: a plain file under a name of its own."""
    attachment = EventAttachment(event=EventFactory(), title="Program")
    attachment.file.save(random_upload_name(PDF), ContentFile(valid_pdf()), save=False)
    attachment.save()
    assert (attachment.size, attachment.original_name, attachment.mime_type) == (
        len(valid_pdf()),
        "",
        "application/pdf",
    )


@pytest.mark.django_db
@pytest.mark.parametrize("content", [b"%PDF-1.4 /JavaScript (app.alert(1))", b"<html></html>"])
def test_the_admin_form_refuses_what_is_not_a_clean_pdf(content):
    event = EventFactory()
    form_class = modelform_factory(EventAttachment, form=PublicAttachmentForm, fields=["event", "title", "file"])
    form = form_class(
        data={"event": event.pk, "title": "Plakat"},
        files={"file": SimpleUploadedFile("plakat.pdf", content)},
    )
    assert not form.is_valid()
    assert "file" in form.errors
    assert not EventAttachment.objects.exists()
