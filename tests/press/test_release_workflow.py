"""The release workflow: review, approval, schedule, publication, corrections, withdrawal; who may do it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import StatusChange
from core.services import CaseWorkError, transition_perform
from press.models import PressRelease
from press.services import release_create
from tests.press.factories import PRESS_GROUP, PressReleaseFactory


def test_draft_goes_through_review_and_approval_to_publication(make_clerk, client):
    clerk = make_clerk(groups=[PRESS_GROUP])
    release = release_create(acting_user=clerk, title="Nowy sezon w MCK", lead="Premiery jesieni.")
    assert client.get(f"/prasa/{release.slug}/").status_code == 404
    with pytest.raises(CaseWorkError, match="„Opublikuj teraz” nie jest możliwe"):
        transition_perform(obj=release, name="publish", acting_user=clerk)
    for name in ("submit", "approve"):
        transition_perform(obj=release, name=name, acting_user=clerk)
        assert client.get(f"/prasa/{release.slug}/").status_code == 404
    transition_perform(obj=release, name="publish", acting_user=clerk)
    assert release.status == PressRelease.Status.PUBLISHED
    assert release.published_at is not None
    assert release.publish_at == release.published_at
    assert client.get(f"/prasa/{release.slug}/").status_code == 200
    actions = list(StatusChange.objects.filter(object_id=release.pk).values_list("action", flat=True))
    assert actions == ["press.release.submit", "press.release.approve", "press.release.publish"]


def test_scheduling_needs_an_embargo_time_in_the_future(db):
    release = PressReleaseFactory(status=PressRelease.Status.APPROVED)
    with pytest.raises(CaseWorkError) as refusal:
        transition_perform(obj=release, name="schedule", acting_user=None)
    assert refusal.value.code == "no_embargo"
    release.refresh_from_db()
    assert release.status == PressRelease.Status.APPROVED
    release.publish_at = timezone.now() + timedelta(hours=2)
    release.save(update_fields=["publish_at"])
    transition_perform(obj=release, name="schedule", acting_user=None)
    assert release.status == PressRelease.Status.SCHEDULED


def test_a_correction_is_a_visible_dated_note_and_needs_a_text(client, db):
    release = PressReleaseFactory()
    with pytest.raises(CaseWorkError, match="wymaga adnotacji z uzasadnieniem"):
        transition_perform(obj=release, name="correct", acting_user=None, note="")
    transition_perform(obj=release, name="correct", acting_user=None, note="Koncert zacznie się o 19:00.")
    assert release.status == PressRelease.Status.CORRECTED
    html = client.get(release.get_absolute_url()).content.decode()
    assert "Koncert zacznie się o 19:00." in html
    assert 'id="corrections-heading"' in html


def test_a_withdrawn_release_leaves_the_public_pages(client, db):
    release = PressReleaseFactory()
    transition_perform(obj=release, name="withdraw", acting_user=None, note="Błędne dane.")
    assert client.get(release.get_absolute_url()).status_code == 404
    listing = client.get("/prasa/").content.decode()
    assert "Biuro prasowe" in listing
    assert release.title not in listing


def test_the_press_clerk_adds_a_release_in_the_admin(clerk_client):
    client = clerk_client(groups=[PRESS_GROUP])
    response = client.post(
        reverse("admin:press_pressrelease_add"),
        {
            "title": "Łódź ratunkowa dla Halemby",
            "slug": "",
            "lead": "Nowy sprzęt dla ratowników.",
            "body": '<p onclick="x()">Tekst</p><script>alert(1)</script>',
            "district": "halemba",
            "contact_name": "Biuro prasowe",
            "contact_email": "prasa@rudaslaska.pl",
            "contact_phone": "",
            "title_en": "",
            "lead_en": "",
            "body_en": "",
            "publish_at_0": "",
            "publish_at_1": "",
            **{
                f"{prefix}-{key}": value
                for prefix in ("photos", "attachments", "corrections", "distribution_log")
                for key, value in {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0"}.items()
            },
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    release = PressRelease.objects.get()
    assert release.slug == "lodz-ratunkowa-dla-halemby"
    assert release.body == "<p>Tekst</p>"
    assert release.created_by == client.clerk
    assert release.status == PressRelease.Status.DRAFT
