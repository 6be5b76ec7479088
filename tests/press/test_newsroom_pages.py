"""The public newsroom: list with filters, release page, feeds; bounded query counts; bad input never a 500."""

import json
import re
from datetime import timedelta

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.press.factories import (
    PressReleaseFactory,
    ReleaseAttachmentFactory,
    ReleasePhotoFactory,
    TopicFactory,
    bulk_releases,
)

LIST = "/prasa/"
# The site shell reads the department's card, the footer pages and the notices in force (mourning) on every page
# (3 queries).
# List: count, upcoming conferences, topics of the filter form, page of releases, their topics.
LIST_QUERIES = 8
# Page: release, topics, corrections, attachments, photos with images, related events.
PAGE_QUERIES = 9
FEED_QUERIES = 2  # releases, their topics
TOPIC_FEED_QUERIES = 3  # + the topic


def titles(response) -> list[str]:
    return re.findall(r'class="release-card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_list_shows_public_releases_newest_first_and_filters_by_topic_and_text(client, db):
    sport = TopicFactory(name="Sport")
    now = timezone.now()
    PressReleaseFactory(title="Bieg Barbórkowy", topics=[sport], publish_at=now - timedelta(hours=1))
    PressReleaseFactory(
        title="Wystawa w Muzeum Miejskim",
        topics=[TopicFactory()],
        lead="Familoki na fotografiach.",
        publish_at=now - timedelta(days=1),
    )
    assert titles(client.get(LIST)) == ["Bieg Barbórkowy", "Wystawa w Muzeum Miejskim"]
    assert titles(client.get(LIST, {"temat": "sport"})) == ["Bieg Barbórkowy"]
    assert titles(client.get(LIST, {"q": "familoków"})) == ["Wystawa w Muzeum Miejskim"]


@pytest.mark.parametrize(
    "query",
    [
        {"temat": "nie-ma-takiego"},
        {"od": "2026-13-45"},
        {"od": "99999-01-01"},
        {"od": "2026-05-01", "do": "2026-04-01"},
        {"dzielnica": "<script>"},
        {"q": "x" * 100_000},
        {"page": "-1"},
        {"page": "9999999999999999999999"},
        {"q": "\x00\x01"},
    ],
)
def test_nonsense_filters_are_a_message_never_a_500(client, db, query):
    PressReleaseFactory(title="Koncert kolęd")
    response = client.get(LIST, query)
    assert response.status_code == 200
    assert "Koncert kolęd" in response.content.decode()


def test_release_page_has_news_article_data_photos_and_attachments(client, db):
    release = PressReleaseFactory(title="Nowe murale na Wirku", topics=[TopicFactory()])
    photo = ReleasePhotoFactory(release=release, author="Anna Malinowska")
    attachment = ReleaseAttachmentFactory(release=release, title="Mapa murali")
    html = client.get(release.get_absolute_url()).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.+?)</script>', html, re.S).group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Nowe murale na Wirku"
    assert data["image"]
    assert "Anna Malinowska" in html
    assert reverse("press:photo_download", kwargs={"slug": release.slug, "pk": photo.pk}) in html
    assert reverse("press:attachment_download", kwargs={"slug": release.slug, "pk": attachment.pk}) in html
    assert "<script>" not in html.replace('<script type="application/ld+json">', "")
    download = client.get(reverse("press:photo_download", kwargs={"slug": release.slug, "pk": photo.pk}))
    assert download.status_code == 200
    assert download["Content-Type"] == "image/jpeg"
    assert b"".join(download.streaming_content)[:3] == b"\xff\xd8\xff"


def test_a_photo_is_reachable_only_under_its_own_release(client, db):
    release = PressReleaseFactory(title="A")
    other = PressReleaseFactory(title="B")
    photo = ReleasePhotoFactory(release=release)
    assert client.get(reverse("press:photo_download", kwargs={"slug": other.slug, "pk": photo.pk})).status_code == 404


@pytest.mark.parametrize("url_name", ["press:feed_rss", "press:feed_atom"])
def test_feeds_parse_without_warnings(client, db, url_name):
    PressReleaseFactory(
        title="Zażółć gęślą jaźń & <spółka>", topics=[TopicFactory()], lead="Tekst z \x0b znakiem sterującym."
    )
    parsed = feedparser.parse(client.get(reverse(url_name)).content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.entries[0].title == "Zażółć gęślą jaźń & <spółka>"
    assert [tag.term for tag in parsed.entries[0].tags] == ["Kultura"]


def test_topic_feed_of_an_unknown_topic_is_404(client, db):
    assert client.get(reverse("press:topic_feed_rss", kwargs={"topic": "brak"})).status_code == 404


@pytest.mark.parametrize("size", [20, 2000])
def test_list_query_count_does_not_grow(client, db, django_assert_num_queries, size):
    bulk_releases(size, topics=[TopicFactory()])
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(LIST)
    assert len(titles(response)) == 20
    assert response.context["page_obj"].paginator.count == size


@pytest.mark.parametrize("size", [20, 2000])
def test_page_query_count_does_not_grow(client, db, django_assert_num_queries, size):
    bulk_releases(size, topics=[TopicFactory()])
    with django_assert_num_queries(PAGE_QUERIES):
        assert client.get("/prasa/komunikat-5/").status_code == 200


@pytest.mark.parametrize("size", [20, 2000])
@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/prasa/rss/", FEED_QUERIES),
        ("/prasa/atom/", FEED_QUERIES),
        ("/prasa/tematy/kultura/rss/", TOPIC_FEED_QUERIES),
    ],
)
def test_feed_query_count_does_not_grow(client, db, django_assert_num_queries, size, url, queries):
    bulk_releases(size, topics=[TopicFactory()])
    with django_assert_num_queries(queries):
        response = client.get(url)
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0
    assert len(parsed.entries) == min(size, 50)


def test_print_stylesheet_is_linked(client, db):
    release = PressReleaseFactory()
    html = client.get(release.get_absolute_url()).content.decode()
    assert "press/press.css" in html
