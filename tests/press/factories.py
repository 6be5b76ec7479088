"""Helpers that build press-office data the way clerks do: through the services and the workflow."""

import io
from datetime import datetime, timedelta

import time_machine
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from core.services import transition_perform
from core.uploads import PDF, random_upload_name
from press.models import MediaContact, MediaList, PressRelease, ReleaseAttachment, ReleasePhoto, Topic
from press.services import release_create, release_photo_add
from tests.core.upload_corpus import valid_pdf

PRESS_GROUP = "Biuro prasowe"
OTHER_GROUP = "Wydarzenia i imprezy masowe"


def topic(name="Kultura", slug="kultura") -> Topic:
    return Topic.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def published_release(
    title="Dni Rudy 2026 — program", *, publish_at: datetime | None = None, **fields
) -> PressRelease:
    """A release that is public now (or from `publish_at`), created straight in the published status."""
    topics = fields.pop("topics", ())
    fields.setdefault("lead", "Trzy dni koncertów w Parku Strzelnica.")
    fields.setdefault("body", "<p>Miasto zaprasza na Dni Rudy.</p>")
    return release_create(
        acting_user=None,
        title=title,
        status=PressRelease.Status.PUBLISHED,
        publish_at=publish_at or timezone.now() - timedelta(hours=1),
        topics=topics,
        **fields,
    )


def approved_release(title="Remont Domu Kultury Wirek", *, acting_user=None, **fields) -> PressRelease:
    """A draft taken through review and approval by the workflow."""
    topics = fields.pop("topics", ())
    fields.setdefault("lead", "Prace potrwają do wiosny.")
    release = release_create(acting_user=acting_user, title=title, topics=topics, **fields)
    transition_perform(obj=release, name="submit", acting_user=acting_user)
    transition_perform(obj=release, name="approve", acting_user=acting_user)
    return release


def jpeg_upload(width=1200, height=800) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 40, 40)).save(buffer, "JPEG")
    return SimpleUploadedFile("zdjecie.jpg", buffer.getvalue(), content_type="image/jpeg")


def add_photo(release, *, author="Jan Kowalski") -> ReleasePhoto:
    """A photo uploaded for `release` as the clerk does: withheld while the release is not public."""
    return release_photo_add(
        release=release,
        uploaded_file=jpeg_upload(),
        alt_text="Scena w Parku Strzelnica",
        acting_user=None,
        author=author,
        caption="Scena",
    )


def add_attachment(release, title="Program Dni Rudy") -> ReleaseAttachment:
    attachment = ReleaseAttachment(release=release, title=title)
    attachment.file.save(random_upload_name(PDF), ContentFile(valid_pdf()), save=False)
    attachment.save()
    return attachment


def media_list_with_contacts(name="Media lokalne", emails=("redakcja@wiadomosci-rudzkie.pl",)) -> MediaList:
    media_list = MediaList.objects.create(name=name)
    for number, email in enumerate(emails, start=1):
        contact = MediaContact.objects.create(name=f"Redakcja {number}", email=email)
        contact.lists.add(media_list)
    return media_list


def bulk_releases(count: int, *, publish_at=None, topics=()) -> None:
    """`count` public releases in one insert (volume tests); each with the given topics."""
    publish_at = publish_at or timezone.now() - timedelta(days=1)
    rows = PressRelease.objects.bulk_create(
        PressRelease(
            title=f"Komunikat {n}",
            slug=f"komunikat-{n}",
            lead="Informacja dla mediów.",
            status=PressRelease.Status.PUBLISHED,
            publish_at=publish_at - timedelta(minutes=n),
            published_at=publish_at - timedelta(minutes=n),
        )
        for n in range(count)
    )
    through = PressRelease.topics.through
    through.objects.bulk_create(
        through(pressrelease_id=release.pk, topic_id=item.pk) for release in rows for item in topics
    )


def scheduled_release(title: str, *, embargo: datetime, lead: str = "Stoiska, kolędy i lodowisko."):
    """(release, photo, attachment): approved and scheduled for `embargo` the day before, with a photo and a PDF."""
    with time_machine.travel(embargo - timedelta(hours=19), tick=False):
        release = approved_release(title, topics=[topic()], lead=lead)
        release.publish_at = embargo
        release.save(update_fields=["publish_at"])
        transition_perform(obj=release, name="schedule", acting_user=None)
        photo = add_photo(release)
        attachment = add_attachment(release)
    return release, photo, attachment
