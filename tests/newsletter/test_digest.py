"""The weekly digest: built from the week's published events and last week's releases, per subscriber's topics,
previewed and approved by a clerk before anything goes out."""

from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.districts import District
from core.models import OutboxMessage
from events.models import Event
from newsletter.models import Mailing
from newsletter.selectors import next_week_start
from newsletter.services import digest_prepare, mailing_progress, mailing_send_batch, subscriber_token
from tests.events.factories import EventFactory, VenueFactory, category
from tests.newsletter.conftest import SITE_GROUP, make_subscriber
from tests.press.factories import PressReleaseFactory, TopicFactory

pytestmark = pytest.mark.django_db


def in_week(week_start, day: int, hour: int = 18):
    return timezone.make_aware(datetime.combine(week_start + timedelta(days=day), time(hour)))


@pytest.fixture
def week():
    """Next week's content: a concert in Halemba, a play in Wirek, a draft, one release of this week."""
    week_start = next_week_start()
    concert = EventFactory(
        title="Koncert w Halembie",
        category=category("koncerty"),
        venue=VenueFactory(district=District.HALEMBA),
        dates=[(in_week(week_start, 1), in_week(week_start, 1, 20))],
    )
    play = EventFactory(
        title="Spektakl w Wirku",
        category=category("teatr"),
        venue=VenueFactory(district=District.WIREK),
        dates=[(in_week(week_start, 4), None)],
    )
    EventFactory(
        title="Szkic wydarzenia",
        status=Event.Status.DRAFT,
        dates=[(in_week(week_start, 2), None)],
    )
    EventFactory(title="Za dwa tygodnie", dates=[(in_week(week_start, 9), None)])
    release = PressReleaseFactory(
        title="Nowa sala w MCK",
        topics=[TopicFactory(name="Kultura")],
        publish_at=timezone.now() - timedelta(minutes=5),
    )
    return {"start": week_start, "concert": concert, "play": play, "release": release}


def approve(clerk_client, mailing):
    clerk = clerk_client(groups=[SITE_GROUP])
    url = reverse("admin:newsletter_mailing_workflow", args=[mailing.pk])
    response = clerk.post(url, {"transition": "approve", "note": ""})
    assert response.status_code == 302
    mailing.refresh_from_db()
    return clerk


def test_the_digest_goes_to_each_confirmed_subscriber_with_their_topics_only(week, clerk_client):
    everything = make_subscriber("wszystko@example.pl", grant_calls=True)
    halemba = make_subscriber(
        "halemba@example.pl", press_releases=False, event_categories=[category("koncerty")], districts=["halemba"]
    )
    make_subscriber("teatr@example.pl", events=True, press_releases=False, districts=["bielszowice"])
    make_subscriber("niepotwierdzony@example.pl", confirmed=False)
    OutboxMessage.objects.all().delete()
    digest = digest_prepare(week_start=week["start"])

    assert mailing_send_batch(mailing_id=digest.pk) == 0  # a draft sends nothing
    assert not OutboxMessage.objects.exists()
    approve(clerk_client, digest)
    assert digest.status == Mailing.Status.APPROVED
    mailing_send_batch(mailing_id=digest.pk)

    mails = {message.to[0]: message for message in OutboxMessage.objects.all()}
    assert sorted(mails) == ["halemba@example.pl", "wszystko@example.pl"]
    full = mails["wszystko@example.pl"]
    assert full.subject.startswith("Co się dzieje w Rudzie Śląskiej: ")
    for text in ("Koncert w Halembie", "Spektakl w Wirku", "Nowa sala w MCK"):
        assert text in full.body_text
        assert text in full.body_html
    for text in ("Szkic wydarzenia", "Za dwa tygodnie"):
        assert text not in full.body_text
    assert f"/newsletter/wypisz/{subscriber_token(everything)}/" in full.body_text
    assert full.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    only_halemba = mails["halemba@example.pl"].body_text
    assert "Koncert w Halembie" in only_halemba
    assert "Spektakl w Wirku" not in only_halemba
    assert "Nowa sala w MCK" not in only_halemba
    assert f"/newsletter/ustawienia/{subscriber_token(halemba)}/" in only_halemba
    progress = mailing_progress(digest)
    assert (progress.sent, progress.pending, progress.failed, progress.skipped) == (0, 2, 0, 1)
    digest.refresh_from_db()
    assert digest.finished_at is not None


def test_the_clerk_previews_the_digest_and_other_sections_cannot(week, clerk_client):
    digest = digest_prepare(week_start=week["start"])
    url = reverse("admin:newsletter_mailing_preview", args=[digest.pk])

    html = clerk_client(groups=[SITE_GROUP]).get(url)
    text = clerk_client(groups=[SITE_GROUP]).get(url + "?format=text")

    assert html.status_code == 200
    page = html.content.decode()
    assert '<html lang="pl">' in page
    assert "<h2>Wydarzenia nadchodzącego tygodnia</h2>" in page
    assert "Koncert w Halembie" in page
    assert "Nowa sala w MCK" in page
    assert text["Content-Type"].startswith("text/plain")
    assert "Spektakl w Wirku" in text.content.decode()
    assert clerk_client(groups=["Biblioteka urzędu"]).get(url).status_code == 403
    assert not OutboxMessage.objects.exists()


def test_one_digest_per_week_and_none_after_its_week(week, clerk_client):
    digest = digest_prepare(week_start=week["start"])
    assert digest_prepare(week_start=week["start"]) == digest

    old = digest_prepare(week_start=week["start"] - timedelta(days=14))
    clerk = clerk_client(groups=[SITE_GROUP])
    response = clerk.post(
        reverse("admin:newsletter_mailing_workflow", args=[old.pk]), {"transition": "approve", "note": ""}, follow=True
    )

    old.refresh_from_db()
    assert old.status == Mailing.Status.DRAFT
    assert "Tydzień tego przeglądu już minął" in response.content.decode()
