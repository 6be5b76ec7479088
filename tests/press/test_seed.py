"""The press office's demo content: a newsroom with recent releases and one under embargo, loaded once."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from core.models import PublicImage, StatusChange
from press.models import (
    Accreditation,
    MediaContact,
    MediaList,
    MediaOutlet,
    PressConference,
    PressRelease,
    ReleasePhoto,
)


def test_demo_releases_fill_the_newsroom_keep_one_under_embargo_and_load_once(client, db):
    call_command("seed_press", "--allow-outside-debug", stdout=io.StringIO())
    call_command("seed_press", "--allow-outside-debug", stdout=io.StringIO())
    assert PressRelease.objects.count() == 6
    page = client.get(reverse("press:release_list")).content.decode()
    assert "Jarmark bożonarodzeniowy" in page
    assert "Gala Kultury 2026" not in page
    embargoed = PressRelease.objects.get(title__startswith="Gala Kultury 2026")
    assert embargoed.status == PressRelease.Status.SCHEDULED
    assert client.get(embargoed.get_absolute_url()).status_code == 404
    assert all(release.slug.startswith("demo-") for release in PressRelease.objects.all())


def test_demo_press_office_has_media_lists_photos_and_conferences_with_accreditations_and_loads_once(client, db):
    """A newcomer sees photos on releases, media lists, and a conference open for accreditation and one held."""
    call_command("seed_press", "--allow-outside-debug", stdout=io.StringIO())
    counts = [
        model.objects.count()
        for model in (PressConference, Accreditation, MediaContact, MediaList, MediaOutlet, ReleasePhoto, PublicImage)
    ]
    call_command("seed_press", "--allow-outside-debug", stdout=io.StringIO())
    assert [
        model.objects.count()
        for model in (PressConference, Accreditation, MediaContact, MediaList, MediaOutlet, ReleasePhoto, PublicImage)
    ] == counts
    assert counts[2:5] == [6, 3, 5]
    assert all(email.endswith("example.pl") for email in MediaContact.objects.values_list("email", flat=True))
    assert all(contact.lists.exists() for contact in MediaContact.objects.all())

    upcoming = PressConference.objects.get(status=PressConference.Status.ANNOUNCED)
    assert upcoming.accreditation_open()
    assert client.get(reverse("press:accreditation_create", args=[upcoming.slug])).status_code == 200
    assert set(upcoming.accreditations.values_list("status", flat=True)) == {
        Accreditation.Status.REQUESTED,
        Accreditation.Status.ACCEPTED,
        Accreditation.Status.REJECTED,
    }
    held = PressConference.objects.get(status=PressConference.Status.HELD)
    assert held.starts_at < timezone.now()
    assert held.release.status == PressRelease.Status.PUBLISHED
    assert set(held.accreditations.values_list("status", flat=True)) == {
        Accreditation.Status.ACCEPTED,
        Accreditation.Status.REJECTED,
    }
    # Opened as cases and decided through the workflow: a case mark and the history of each decision.
    for accreditation in Accreditation.objects.all():
        assert accreditation.case_mark
        history = StatusChange.objects.filter(object_id=accreditation.pk, to_status__in=Accreditation.Status.values)
        decided = accreditation.status != Accreditation.Status.REQUESTED
        assert history.count() == 1 + decided
        if decided:
            assert history.filter(action__in=("press.accreditation.accept", "press.accreditation.reject")).exists()

    photos = ReleasePhoto.objects.select_related("release", "image")
    assert photos.count() == 3
    for photo in photos:
        assert not photo.image.withheld
        assert photo.image.alt_text.startswith("Plansza z napisem")
        assert {rendition["format"] for rendition in photo.image.renditions} == {"webp", "jpg"}
        page = client.get(photo.release.get_absolute_url()).content.decode()
        assert photo.image.alt_text in page


def test_seed_press_refuses_without_debug(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--allow-outside-debug"):
        call_command("seed_press", stdout=io.StringIO())
    assert not PressConference.objects.exists()
    assert not MediaContact.objects.exists()
