"""A release scheduled for 10:00 is invisible everywhere public at 09:59 and visible at 10:00.

The clock is frozen (time_machine, tick=False) and the publishing task is NOT run: the embargo holds
because every public query filters on `publish_at <= now`, whether or not the task is late.
"""

from datetime import datetime

import feedparser
import time_machine
from django.urls import reverse

from core.models import OutboxMessage
from press.models import PressRelease
from press.services import releases_publish_due
from tests.helpers import close_response
from tests.press.factories import BEFORE, EMBARGO, WARSAW, MediaListFactory
from tests.press.factories import EMBARGOED_TITLE as TITLE

SEARCH_WORD = "Jarmark"


def _body(response) -> str:
    if response.streaming:
        content = b"".join(response.streaming_content)
        close_response(response)
        return content.decode("utf-8", errors="replace")
    return response.content.decode()


def surfaces(release, photo, attachment):
    """Every public place a release can appear: (name, url, what shows it is there)."""
    return [
        ("list", reverse("press:release_list"), TITLE),
        ("list filtered by topic", reverse("press:release_list") + "?temat=kultura", TITLE),
        ("release page", release.get_absolute_url(), None),
        ("rss", reverse("press:feed_rss"), TITLE),
        ("atom", reverse("press:feed_atom"), TITLE),
        ("topic rss", reverse("press:topic_feed_rss", kwargs={"topic": "kultura"}), TITLE),
        ("topic atom", reverse("press:topic_feed_atom", kwargs={"topic": "kultura"}), TITLE),
        ("sitemap", "/sitemap.xml", release.get_absolute_url()),
        ("open data json", reverse("press:release_export_json"), TITLE),
        ("open data csv", reverse("press:release_export_csv"), TITLE),
        ("site search", reverse("core:search") + f"?q={SEARCH_WORD}", TITLE),
        ("home page", reverse("core:home"), TITLE),
        ("english home page", "/en/", TITLE),
        ("photo download", reverse("press:photo_download", kwargs={"slug": release.slug, "pk": photo.pk}), None),
        (
            "attachment download",
            reverse("press:attachment_download", kwargs={"slug": release.slug, "pk": attachment.pk}),
            None,
        ),
    ]


def test_invisible_everywhere_public_at_0959(client, scheduled):
    with time_machine.travel(BEFORE, tick=False):
        for name, url, marker in surfaces(*scheduled):
            response = client.get(url)
            if marker is None:
                assert response.status_code == 404, name
                close_response(response) if response.streaming else None
            else:
                assert response.status_code == 200, name
                assert marker not in _body(response), name


def test_visible_everywhere_public_at_1000_even_before_the_task_runs(client, scheduled):
    release = scheduled[0]
    with time_machine.travel(EMBARGO, tick=False):
        for name, url, marker in surfaces(*scheduled):
            response = client.get(url)
            assert response.status_code == 200, name
            body = _body(response)
            if marker is not None:
                assert marker in body, name
    release.refresh_from_db()
    assert release.status == PressRelease.Status.SCHEDULED


def test_feed_entry_is_dated_at_the_embargo_time(client, scheduled):
    with time_machine.travel(EMBARGO, tick=False):
        parsed = feedparser.parse(client.get(reverse("press:feed_atom")).content)
    assert parsed.bozo == 0
    assert parsed.entries[0].title == TITLE
    assert parsed.entries[0].published_parsed[:5] == (2026, 12, 3, 9, 0)  # 10:00 Warsaw = 09:00 UTC


def test_the_task_publishes_at_the_embargo_time_and_sends_the_release_once(scheduled):
    release = scheduled[0]
    release.media_lists.add(MediaListFactory(emails=("a@gazeta.pl", "b@radio.pl")))
    with time_machine.travel(BEFORE, tick=False):
        assert releases_publish_due() == 0
    release.refresh_from_db()
    assert release.status == PressRelease.Status.SCHEDULED
    assert release.distribution_log.count() == 0
    with time_machine.travel(EMBARGO, tick=False):
        assert releases_publish_due() == 1
        assert releases_publish_due() == 0
    release.refresh_from_db()
    assert release.status == PressRelease.Status.PUBLISHED
    assert release.published_at == EMBARGO
    assert release.publish_at == EMBARGO
    assert sorted(entry.contact.email for entry in release.distribution_log.all()) == ["a@gazeta.pl", "b@radio.pl"]
    assert sorted(message.to[0] for message in OutboxMessage.objects.all()) == ["a@gazeta.pl", "b@radio.pl"]


def test_a_late_task_still_mails_the_media(scheduled):
    release = scheduled[0]
    release.media_lists.add(MediaListFactory(emails=("a@gazeta.pl",)))
    with time_machine.travel(datetime(2026, 12, 3, 14, 0, tzinfo=WARSAW), tick=False):
        releases_publish_due()
    assert [message.to for message in OutboxMessage.objects.all()] == [["a@gazeta.pl"]]


def test_the_command_publishes_due_releases(scheduled):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    with time_machine.travel(EMBARGO, tick=False):
        call_command("publish_due_releases", stdout=out)
    assert "1" in out.getvalue()
