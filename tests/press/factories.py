"""Factories of the press office, built the way clerks do: through the services and the workflow.

`PressReleaseFactory(status=...)` goes through `press.services.release_create` and then the workflow (submit,
approve, schedule); a published release is created straight in its status, as an import does, public from
`publish_at` (an hour ago by default). Photos go through `release_photo_add` (withheld while the release is not
public), letters through `letter_create`, posts through `social_post_create`. `bulk_releases(n)` is the fast path
for volume tests.
"""

import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import factory
import time_machine
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from factory.django import DjangoModelFactory
from PIL import Image

from core.services import transition_perform
from core.uploads import PDF, random_upload_name
from press.models import (
    MediaContact,
    MediaList,
    OccasionalLetter,
    PressConference,
    PressRelease,
    ReleaseAttachment,
    ReleasePhoto,
    SocialChannel,
    SocialPost,
    Topic,
)
from press.services import letter_create, release_create, release_photo_add, social_post_create
from tests.core.upload_corpus import valid_pdf

PRESS_GROUP = "Biuro prasowe"
OTHER_GROUP = "Wydarzenia i imprezy masowe"
WARSAW = ZoneInfo("Europe/Warsaw")

# The embargo of the scheduled release of the embargo tests (the `scheduled` fixture).
EMBARGO = datetime(2026, 12, 3, 10, 0, tzinfo=WARSAW)
BEFORE = datetime(2026, 12, 3, 9, 59, tzinfo=WARSAW)
EMBARGOED_TITLE = "Jarmark Bożonarodzeniowy na Placu Jana Pawła II"

# The moves from a draft to each status a test asks for.
RELEASE_MOVES = {
    PressRelease.Status.DRAFT: (),
    PressRelease.Status.IN_REVIEW: ("submit",),
    PressRelease.Status.APPROVED: ("submit", "approve"),
    PressRelease.Status.SCHEDULED: ("submit", "approve", "schedule"),
}
POST_MOVES = {
    SocialPost.Status.IDEA: (),
    SocialPost.Status.PLANNED: ("plan",),
    SocialPost.Status.APPROVED: ("plan", "approve"),
}


def jpeg_upload(width=1200, height=800) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 40, 40)).save(buffer, "JPEG")
    return SimpleUploadedFile("zdjecie.jpg", buffer.getvalue(), content_type="image/jpeg")


class TopicFactory(DjangoModelFactory):
    """A topic of the newsroom, "Kultura" by default (get-or-create by slug)."""

    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = "Kultura"
    slug = factory.LazyAttribute(lambda o: o.name.lower())


class PressReleaseFactory(DjangoModelFactory):
    """A release created by `release_create`, then moved to `status` (published by default) by the workflow.

    A scheduled release needs `publish_at` in the future; `topics` is a list of topics.
    """

    class Meta:
        model = PressRelease

    title = factory.Sequence(lambda n: "Dni Rudy 2026 — program" + (f" ({n})" if n else ""))
    lead = "Trzy dni koncertów w Parku Strzelnica."
    body = "<p>Miasto zaprasza na Dni Rudy.</p>"
    status = PressRelease.Status.PUBLISHED

    @classmethod
    def _create(cls, model_class, *args, status=PressRelease.Status.PUBLISHED, acting_user=None, **kwargs):
        if status == PressRelease.Status.PUBLISHED:
            kwargs.setdefault("publish_at", timezone.now() - timedelta(hours=1))
            return release_create(acting_user=acting_user, status=status, **kwargs)
        release = release_create(acting_user=acting_user, **kwargs)
        for name in RELEASE_MOVES[status]:
            transition_perform(obj=release, name=name, acting_user=acting_user)
        return release


class ReleasePhotoFactory(DjangoModelFactory):
    """A photo uploaded for `release` as the clerk does: withheld while the release is not public."""

    class Meta:
        model = ReleasePhoto

    release = factory.SubFactory(PressReleaseFactory)
    author = "Jan Kowalski"
    caption = "Scena"

    @classmethod
    def _create(cls, model_class, *args, release, **kwargs):
        return release_photo_add(
            release=release,
            uploaded_file=jpeg_upload(),
            alt_text="Scena w Parku Strzelnica",
            acting_user=None,
            **kwargs,
        )


class ReleaseAttachmentFactory(DjangoModelFactory):
    """A valid PDF attached to `release`, stored under a random name."""

    class Meta:
        model = ReleaseAttachment

    release = factory.SubFactory(PressReleaseFactory)
    title = "Program Dni Rudy"
    file = factory.LazyFunction(lambda: ContentFile(valid_pdf(), name=random_upload_name(PDF)))


class MediaListFactory(DjangoModelFactory):
    """A media list with one contact for each of `emails`."""

    class Meta:
        model = MediaList
        django_get_or_create = ("name",)
        skip_postgeneration_save = True

    name = "Media lokalne"

    @factory.post_generation
    def emails(media_list, create, emails, **kwargs):
        emails = ("redakcja@wiadomosci-rudzkie.pl",) if emails is None else emails
        for number, email in enumerate(emails, start=1):
            MediaContactFactory(name=f"Redakcja {number}", email=email).lists.add(media_list)


class MediaContactFactory(DjangoModelFactory):
    class Meta:
        model = MediaContact
        django_get_or_create = ("email",)

    name = factory.Sequence(lambda n: f"Redakcja {n + 1}")
    email = factory.Sequence(lambda n: f"redakcja{n + 1}@gazeta.pl")


class PressConferenceFactory(DjangoModelFactory):
    """A conference in three days, announced (invitations mailed to `media_lists`) unless `status` is draft."""

    class Meta:
        model = PressConference

    title = "Konferencja o Dniach Rudy"
    topic = "Program tegorocznych Dni Rudy."
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=3))
    venue = "Urząd Miasta, sala sesyjna"
    speakers = "Michał Pierończyk, Prezydent Miasta"

    @classmethod
    def _create(cls, model_class, *args, status=PressConference.Status.ANNOUNCED, media_lists=(), **kwargs):
        conference = model_class.objects.create(**kwargs)
        conference.media_lists.set(media_lists)
        if status == PressConference.Status.ANNOUNCED:
            transition_perform(obj=conference, name="announce", acting_user=None)
        return conference


class OccasionalLetterFactory(DjangoModelFactory):
    """A request for a letter registered by `letter_create` (with a `text`, its first version starts the draft)."""

    class Meta:
        model = OccasionalLetter

    occasion = "50-lecie Miejskiego Centrum Kultury"
    addressee = "Dyrektor Miejskiego Centrum Kultury"
    needed_on = date(2026, 12, 10)
    requested_by = "Sekretariat Prezydenta"

    @classmethod
    def _create(cls, model_class, *args, acting_user=None, **kwargs):
        return letter_create(acting_user=acting_user, **kwargs)


class SocialPostFactory(DjangoModelFactory):
    """A post added to the plan by `social_post_create`, then moved to `status` (planned by default)."""

    class Meta:
        model = SocialPost

    channel = SocialChannel.FACEBOOK
    text = "Zapraszamy na Jarmark Bożonarodzeniowy!"
    planned_at = datetime(2026, 12, 3, 10, 0, tzinfo=WARSAW)

    @classmethod
    def _create(cls, model_class, *args, status=SocialPost.Status.IDEA, acting_user=None, **kwargs):
        post = social_post_create(acting_user=acting_user, **kwargs)
        for name in POST_MOVES[status]:
            transition_perform(obj=post, name=name, acting_user=acting_user)
        return post


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


def scheduled_release(title: str = EMBARGOED_TITLE, *, embargo: datetime = EMBARGO, lead: str = ""):
    """(release, photo, attachment): approved and scheduled for `embargo` the day before, with a photo and a PDF."""
    with time_machine.travel(embargo - timedelta(hours=19), tick=False):
        release = PressReleaseFactory(
            title=title,
            status=PressRelease.Status.SCHEDULED,
            publish_at=embargo,
            topics=[TopicFactory()],
            lead=lead or "Stoiska, kolędy i lodowisko.",
        )
        photo = ReleasePhotoFactory(release=release)
        attachment = ReleaseAttachmentFactory(release=release)
    return release, photo, attachment
