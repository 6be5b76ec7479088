"""The social-media plan: idea → planned → approved → published with the post's URL; the admin month calendar."""

from datetime import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.models import StatusChange
from core.services import CaseWorkError, transition_perform
from press.models import SocialChannel, SocialPost
from press.services import PressError, social_post_create, social_post_mark_published
from tests.events.factories import EventFactory
from tests.press.factories import PRESS_GROUP, WARSAW, PressReleaseFactory, SocialPostFactory

POST_URL = "https://www.facebook.com/rudaslaska/posts/123"


def test_a_post_goes_from_idea_to_published_only_with_its_url(make_clerk):
    clerk = make_clerk(groups=[PRESS_GROUP])
    release = PressReleaseFactory()
    post = social_post_create(
        acting_user=clerk, channel=SocialChannel.INSTAGRAM, text="Dni Rudy już w piątek!", release=release
    )
    assert post.status == SocialPost.Status.IDEA
    with pytest.raises(PressError) as refusal:
        transition_perform(obj=post, name="plan", acting_user=clerk)
    assert refusal.value.code == "no_planned_at"
    post.planned_at = datetime(2026, 12, 4, 12, 0, tzinfo=WARSAW)
    post.save(update_fields=["planned_at"])
    for name in ("plan", "approve"):
        transition_perform(obj=post, name=name, acting_user=clerk)
    with pytest.raises(PressError) as refusal:
        transition_perform(obj=post, name="publish", acting_user=clerk)
    assert refusal.value.code == "no_post_url"
    with pytest.raises(ValidationError, match="Wpisz poprawny URL"):
        social_post_mark_published(post=post, post_url="nie-adres", acting_user=clerk)
    post.refresh_from_db()
    assert post.status == SocialPost.Status.APPROVED
    assert post.post_url == ""
    social_post_mark_published(post=post, post_url=POST_URL, acting_user=clerk)
    assert post.status == SocialPost.Status.PUBLISHED
    assert post.post_url == POST_URL
    assert post.published_at is not None
    actions = list(StatusChange.objects.filter(object_id=post.pk).values_list("action", flat=True))
    assert actions == ["press.social_post.plan", "press.social_post.approve", "press.social_post.publish"]


def test_a_post_cannot_be_marked_published_before_approval(db):
    post = SocialPostFactory()
    transition_perform(obj=post, name="plan", acting_user=None)
    with pytest.raises(CaseWorkError, match="„Oznacz jako opublikowany” nie jest możliwe"):
        social_post_mark_published(post=post, post_url=POST_URL, acting_user=None)
    post.refresh_from_db()
    assert post.status == SocialPost.Status.PLANNED
    assert post.post_url == ""


def test_the_calendar_shows_the_month_in_one_query_for_the_posts(clerk_client, django_assert_max_num_queries):
    client = clerk_client(groups=[PRESS_GROUP])
    event = EventFactory(title="Jarmark na Placu Jana Pawła II")
    SocialPostFactory(text="Jarmark startuje jutro", event=event)
    SocialPostFactory(planned_at=datetime(2026, 12, 31, 23, 30, tzinfo=WARSAW), channel=SocialChannel.TIKTOK)
    SocialPostFactory(planned_at=datetime(2027, 1, 1, 0, 30, tzinfo=WARSAW), text="Szczęśliwego Nowego Roku")
    url = reverse("admin:press_socialpost_calendar_month", args=[2026, 12])
    client.get(url)
    with django_assert_max_num_queries(8) as few:
        response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Jarmark startuje jutro" in page
    assert "TikTok" in page
    assert "Szczęśliwego Nowego Roku" not in page
    assert '<th scope="col">Poniedziałek</th>' in page
    assert '<time datetime="2026-12-31">31</time>' in page
    base = len(few.captured_queries)
    for day in range(1, 29):
        SocialPostFactory(planned_at=datetime(2026, 12, day, 9, 0, tzinfo=WARSAW), text=f"Post {day}")
    with django_assert_max_num_queries(base) as many:
        client.get(url)
    assert len(many.captured_queries) == base
    assert client.get(reverse("admin:press_socialpost_calendar_month", args=[2026, 13])).status_code == 302
    changelist = client.get(reverse("admin:press_socialpost_changelist")).content.decode()
    assert reverse("admin:press_socialpost_calendar") in changelist


def test_the_press_clerk_adds_a_post_in_the_admin(clerk_client):
    client = clerk_client(groups=[PRESS_GROUP])
    response = client.post(
        reverse("admin:press_socialpost_add"),
        {
            "channel": SocialChannel.YOUTUBE,
            "planned_at_0": "2026-12-05",
            "planned_at_1": "18:00",
            "text": "Relacja z koncertu",
            "image": "",
            "release": "",
            "event": "",
            "post_url": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    post = SocialPost.objects.get()
    assert post.created_by == client.clerk
    assert post.planned_at == datetime(2026, 12, 5, 18, 0, tzinfo=WARSAW)
