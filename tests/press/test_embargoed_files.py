"""Photos and attachments of a release under embargo have no public address until the release is public.

Issue 13, point 11. A release is scheduled for 10:00; its photo is uploaded as the press office does. At
09:59 nothing the product produces gives the files to an anonymous visitor and nothing of them lies under
MEDIA_ROOT; a press clerk previews them in the admin. From 10:00 the page shows the photo (through the
checked view until the publishing task runs, then from public media under fresh names).
"""

import importlib
import re
from datetime import datetime
from pathlib import Path

import pytest
import time_machine
from django.apps import apps as global_apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage, storages
from django.urls import reverse
from django.utils import timezone

from core.models import PublicImage
from core.public_images import public_image_create
from core.services import transition_perform
from events.models import Event
from press.models import PressRelease, ReleasePhoto
from press.services import releases_publish_due, social_post_create
from tests.events.factories import EventFactory
from tests.helpers import close_response
from tests.press.factories import (
    BEFORE,
    EMBARGO,
    PRESS_GROUP,
    WARSAW,
    PressReleaseFactory,
    ReleasePhotoFactory,
    jpeg_upload,
)
from tests.press.factories import EMBARGOED_TITLE as TITLE

LIBRARY_GROUP = "Biblioteka urzędu"


def file_names(image: PublicImage) -> list[str]:
    return [image.image.name, *(rendition["name"] for rendition in image.renditions)]


def stems(image: PublicImage) -> set[str]:
    """The random part of each stored name: what a leaked address would contain."""
    return {Path(name).stem.split("-")[0] for name in file_names(image)}


def rendition_urls(release, photo) -> list[str]:
    return [
        reverse(
            "press:photo_rendition",
            kwargs={"slug": release.slug, "pk": photo.pk, "width": r["width"], "extension": r["format"]},
        )
        for r in photo.image.renditions
    ]


def body(response) -> bytes:
    if response.streaming:
        content = b"".join(response.streaming_content)
        close_response(response)
        return content
    return response.content


def public_surfaces(release) -> list[str]:
    return [
        reverse("press:release_list"),
        reverse("press:release_list") + "?temat=kultura",
        reverse("press:feed_rss"),
        reverse("press:feed_atom"),
        reverse("press:topic_feed_rss", kwargs={"topic": "kultura"}),
        reverse("press:release_export_json"),
        reverse("press:release_export_csv"),
        "/sitemap.xml",
        reverse("core:search") + "?q=Jarmark",
        reverse("core:home"),
        release.get_absolute_url(),
    ]


def test_before_publication_no_anonymous_request_gets_the_files_and_none_is_under_media_root(client, scheduled):
    release, photo, attachment = scheduled
    image = photo.image
    assert image.withheld
    for name in file_names(image):
        assert not Path(settings.MEDIA_ROOT, name).exists(), name
        assert storages["private"].exists(name), name
    assert not Path(settings.MEDIA_ROOT, attachment.file.name).exists()
    media_files = {path.stem.split("-")[0] for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}
    assert not stems(image) & media_files

    file_urls = [
        reverse("press:photo_download", kwargs={"slug": release.slug, "pk": photo.pk}),
        *rendition_urls(release, photo),
        reverse("press:attachment_download", kwargs={"slug": release.slug, "pk": attachment.pk}),
        reverse("core:image_preview", kwargs={"pk": image.pk}),
        *(f"{settings.MEDIA_URL}{name}" for name in file_names(image)),
    ]
    with time_machine.travel(BEFORE, tick=False):
        for url in file_urls:
            response = client.get(url)
            content = body(response)
            assert response.status_code == 404, url
            assert b"\xff\xd8\xff" not in content, url
            assert b"%PDF" not in content, url
        for url in public_surfaces(release):
            content = body(client.get(url)).decode()
            for stem in stems(image):
                assert stem not in content, url
            assert "/zdjecia/" not in content, url
            assert "/zalaczniki/" not in content, url


def test_a_press_clerk_previews_the_embargoed_photo_and_attachment_in_the_admin(clerk_client, scheduled):
    release, photo, attachment = scheduled
    clerk = clerk_client(groups=[PRESS_GROUP])
    with time_machine.travel(BEFORE, tick=False):
        page = clerk.get(reverse("admin:press_pressrelease_change", args=[release.pk])).content.decode()
    image_preview = reverse("core:image_preview", kwargs={"pk": photo.image.pk})
    attachment_preview = reverse("admin:press_pressrelease_attachment_preview", args=[release.pk, attachment.pk])
    assert image_preview in page
    assert attachment_preview in page
    # No address of the files themselves: the storage's would point under /media/.
    assert settings.MEDIA_URL + "images/" not in page
    assert attachment.file.name not in page

    shown = clerk.get(image_preview)
    assert shown.status_code == 200
    assert shown["Content-Type"] == "image/jpeg"
    assert shown["Cache-Control"] == "private, no-store"
    assert body(shown)[:3] == b"\xff\xd8\xff"
    pdf = clerk.get(attachment_preview)
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert body(pdf)[:4] == b"%PDF"


def test_clerks_of_other_sections_cannot_preview_embargoed_files(clerk_client, scheduled):
    release, photo, attachment = scheduled
    librarian = clerk_client(groups=[LIBRARY_GROUP])
    assert librarian.get(reverse("core:image_preview", kwargs={"pk": photo.image.pk})).status_code == 403
    url = reverse("admin:press_pressrelease_attachment_preview", args=[release.pk, attachment.pk])
    assert librarian.get(url).status_code == 403


def test_at_the_embargo_time_the_page_shows_the_photo_through_the_checked_view_before_the_task_runs(client, scheduled):
    release, photo, _attachment = scheduled
    urls = rendition_urls(release, photo)
    with time_machine.travel(EMBARGO, tick=False):
        html = client.get(release.get_absolute_url()).content.decode()
        for url in urls:
            assert url in html
            response = client.get(url)
            assert response.status_code == 200, url
            assert response["Content-Type"] in ("image/webp", "image/jpeg")
            assert body(response)
    photo.image.refresh_from_db()
    assert photo.image.withheld


def test_publication_moves_the_photo_to_public_media_under_fresh_names(
    client, scheduled, django_capture_on_commit_callbacks
):
    release, photo, _attachment = scheduled
    private_names = file_names(photo.image)
    with time_machine.travel(EMBARGO, tick=False), django_capture_on_commit_callbacks(execute=True):
        assert releases_publish_due() == 1
    release.refresh_from_db()
    image = PublicImage.objects.get(pk=photo.image.pk)
    assert release.status == PressRelease.Status.PUBLISHED
    assert not image.withheld
    assert not set(file_names(image)) & set(private_names)
    for name in file_names(image):
        assert default_storage.exists(name), name
    for name in private_names:
        assert not storages["private"].exists(name), name

    with time_machine.travel(EMBARGO, tick=False):
        html = client.get(release.get_absolute_url()).content.decode()
    largest_jpeg = max((r for r in image.renditions if r["format"] == "jpg"), key=lambda r: r["width"])
    assert default_storage.url(largest_jpeg["name"]) in html
    assert 'alt="Scena w Parku Strzelnica"' in html


def test_publishing_by_hand_makes_the_photos_public_once_the_transition_commits(
    db, django_capture_on_commit_callbacks
):
    release = PressReleaseFactory(title="Nowa scena w Parku Strzelnica", status=PressRelease.Status.APPROVED)
    photo = ReleasePhotoFactory(release=release)
    assert photo.image.withheld
    with django_capture_on_commit_callbacks(execute=True):
        transition_perform(obj=release, name="publish", acting_user=None)
    photo.image.refresh_from_db()
    assert not photo.image.withheld
    assert default_storage.exists(photo.image.image.name)


def test_a_photo_added_to_a_public_release_is_public_at_once(db):
    photo = ReleasePhotoFactory()
    assert not photo.image.withheld
    assert default_storage.exists(photo.image.image.name)


def test_an_event_cannot_show_an_embargoed_photo(client, scheduled):
    _release, photo, _attachment = scheduled
    event = EventFactory(title="Jarmark na Placu")
    event.image = photo.image
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "image" in error.value.message_dict
    # Even if one got there, the event page renders no address of a withheld image.
    Event.objects.filter(pk=event.pk).update(image=photo.image)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "<picture>" not in html
    for stem in stems(photo.image):
        assert stem not in html


def test_a_social_post_of_the_release_keeps_its_photo_private(clerk_client, scheduled):
    release, photo, _attachment = scheduled
    post = social_post_create(acting_user=None, channel="facebook", text="Jarmark rusza!", release=release)
    post.image = photo.image
    post.full_clean()
    post.save()
    clerk = clerk_client(groups=[PRESS_GROUP])
    page = clerk.get(reverse("admin:press_socialpost_change", args=[post.pk])).content.decode()
    assert "Jarmark rusza!" in page
    assert settings.MEDIA_URL + "images/" not in page
    calendar = clerk.get(reverse("admin:press_socialpost_calendar")).content.decode()
    for stem in stems(photo.image):
        assert stem not in page
        assert stem not in calendar
    photo.image.refresh_from_db()
    assert photo.image.withheld


def test_the_migration_takes_photos_of_unpublished_releases_off_public_media(db, django_capture_on_commit_callbacks):
    migration = importlib.import_module("press.migrations.0005_withhold_embargoed_photos")
    draft = PressReleaseFactory(title="Remont sceny", status=PressRelease.Status.APPROVED)
    public = PressReleaseFactory(title="Koncert w Parku")
    # As stored before withheld photos existed: uploaded straight to public media.
    old = ReleasePhoto.objects.create(release=draft, image=stored_public_image(), author="A")
    shown = ReleasePhoto.objects.create(release=public, image=stored_public_image(), author="B")
    also_on_event = ReleasePhoto.objects.create(release=draft, image=stored_public_image(), author="C")
    EventFactory(title="Koncert", image=also_on_event.image)
    old_names = file_names(old.image)

    with django_capture_on_commit_callbacks(execute=True):
        migration.withhold(global_apps, None)

    old.image.refresh_from_db()
    assert old.image.withheld
    for name in old_names:
        assert not Path(settings.MEDIA_ROOT, name).exists(), name
    for name in file_names(old.image):
        assert storages["private"].exists(name), name
    shown.image.refresh_from_db()
    also_on_event.image.refresh_from_db()
    assert not shown.image.withheld
    assert default_storage.exists(shown.image.image.name)
    assert not also_on_event.image.withheld
    assert default_storage.exists(also_on_event.image.image.name)


def stored_public_image() -> PublicImage:
    return public_image_create(uploaded_file=jpeg_upload(), alt_text="Scena", acting_user=None)


@pytest.mark.parametrize("photos", [1, 4])
def test_the_release_page_query_count_does_not_grow_with_withheld_photos(
    client, scheduled, django_assert_num_queries, photos
):
    release = scheduled[0]
    for _ in range(photos - 1):
        ReleasePhotoFactory(release=release)
    with time_machine.travel(EMBARGO, tick=False):
        with django_assert_num_queries(PAGE_QUERIES):
            html = client.get(release.get_absolute_url()).content.decode()
    assert len(re.findall(r"<picture>", html)) == photos


PAGE_QUERIES = 9


def change_form_data(release, **photo_fields) -> dict:
    local = timezone.localtime(release.publish_at)
    data = {
        "title": release.title,
        "slug": release.slug,
        "lead": release.lead,
        "body": release.body,
        "district": "",
        "contact_name": "",
        "contact_email": "",
        "contact_phone": "",
        "title_en": "",
        "lead_en": "",
        "body_en": "",
        "publish_at_0": local.strftime("%Y-%m-%d"),
        "publish_at_1": local.strftime("%H:%M:%S"),
        "topics": [t.pk for t in release.topics.all()],
        **{
            f"{prefix}-{key}": value
            for prefix in (
                "attachments",
                "corrections",
                "distribution_log",
                "core-statuschange-content_type-object_id",
            )
            for key, value in {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0"}.items()
        },
        "photos-TOTAL_FORMS": "1",
        "photos-INITIAL_FORMS": "0",
        "photos-0-caption": "Lodowisko",
        "photos-0-author": "Jan Kowalski",
        "photos-0-licence": "press_use",
        "photos-0-position": "0",
    }
    data.update({f"photos-0-{name}": value for name, value in photo_fields.items()})
    return data


def test_a_photo_uploaded_in_the_admin_is_withheld_until_the_release_is_public(clerk_client, db):
    with time_machine.travel(datetime(2026, 12, 2, 15, 0, tzinfo=WARSAW), tick=False):
        release = PressReleaseFactory(title=TITLE, status=PressRelease.Status.SCHEDULED, publish_at=EMBARGO)
        clerk = clerk_client(groups=[PRESS_GROUP])
        url = reverse("admin:press_pressrelease_change", args=[release.pk])
        refused = clerk.post(url, change_form_data(release, upload=jpeg_upload(), alt_text=" "))
        assert refused.status_code == 200
        assert "Opisz, co przedstawia obraz" in refused.content.decode()
        assert not PublicImage.objects.exists()

        response = clerk.post(url, change_form_data(release, upload=jpeg_upload(), alt_text="Lodowisko na placu"))
        errors = re.findall(r'class="errorlist[^>]*>(.*?)</ul>', response.content.decode(), re.S)
        assert response.status_code == 302, errors
    photo = ReleasePhoto.objects.select_related("image").get(release=release)
    assert photo.image.withheld
    assert photo.image.alt_text == "Lodowisko na placu"
    assert photo.image.uploaded_by == clerk.clerk
    for name in file_names(photo.image):
        assert storages["private"].exists(name)
        assert not Path(settings.MEDIA_ROOT, name).exists()


def test_a_failed_move_leaves_the_release_published_and_the_next_timer_run_moves_the_photo(
    client, db, django_capture_on_commit_callbacks, monkeypatch
):
    release = PressReleaseFactory(title="Nowa scena w Parku Strzelnica", status=PressRelease.Status.APPROVED)
    photo = ReleasePhotoFactory(release=release)
    public_media = storages["default"]

    def disk_full(name, content):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(public_media, "_save", disk_full)
    with django_capture_on_commit_callbacks(execute=True):
        transition_perform(obj=release, name="publish", acting_user=None)
    assert release.status == PressRelease.Status.PUBLISHED
    photo.image.refresh_from_db()
    assert photo.image.withheld
    # Meanwhile the page still shows the photo, through the checked view.
    html = client.get(release.get_absolute_url()).content.decode()
    assert rendition_urls(release, photo)[0] in html

    monkeypatch.undo()
    releases_publish_due()
    photo.image.refresh_from_db()
    assert not photo.image.withheld
    assert default_storage.exists(photo.image.image.name)
