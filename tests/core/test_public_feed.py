"""`core.feeds.PublicFeed`: the base of the portal's RSS and Atom feeds (events, press releases)."""

from datetime import UTC, datetime
from types import SimpleNamespace

from django.test import RequestFactory
from django.utils import feedgenerator

from core.feeds import TAG_YEAR, PublicFeed

PUBLISHED = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
CHANGED = datetime(2026, 11, 3, 12, 0, tzinfo=UTC)


def item(pk, *, title, lead, updated_at):
    return SimpleNamespace(
        pk=pk,
        title=title,
        lead=lead,
        published_at=PUBLISHED,
        updated_at=updated_at,
        get_absolute_url=lambda: f"/wiadomosci/{pk}/",
    )


class NewsFeed(PublicFeed):
    title = "Wiadomości"
    link = "https://kultura.example.pl/wiadomosci/"
    description = "Wiadomości wydziału."
    guid_prefix = "wiadomosc"
    cache_seconds = 120

    def items(self):
        return [
            item(7, title="Koncert\x0b w parku <b>", lead="Wstęp wolny & bez biletów\x1f", updated_at=CHANGED),
            item(8, title="Wystawa", lead="Otwarcie.", updated_at=datetime(2026, 1, 1, tzinfo=UTC)),
        ]

    def item_pubdate(self, item):
        return item.published_at


class NewsAtomFeed(NewsFeed):
    feed_type = feedgenerator.Atom1Feed


def fetch(feed_class, settings):
    settings.SITE_URL = "https://kultura.example.pl"
    return feed_class()(RequestFactory().get("/wiadomosci/rss/"))


def test_a_feed_is_public_for_its_cache_time_and_open_to_other_sites(settings):
    response = fetch(NewsFeed, settings)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=120"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_items_carry_safe_text_an_absolute_link_a_lasting_tag_and_their_last_change(settings):
    rss = fetch(NewsFeed, settings).content.decode()
    assert "<title>Koncert w parku &lt;b&gt;</title>" in rss
    assert "<description>Wstęp wolny &amp;amp; bez biletów</description>" in rss
    assert "<link>https://kultura.example.pl/wiadomosci/7/</link>" in rss
    assert f'<guid isPermaLink="false">tag:kultura.example.pl,{TAG_YEAR}:wiadomosc-7</guid>' in rss
    assert "<language>pl</language>" in rss
    atom = fetch(NewsAtomFeed, settings).content.decode()
    # The later of the publication and the last change; never before the publication.
    assert "<updated>2026-11-03T12:00:00+00:00</updated>" in atom
    assert "<published>2026-11-02T09:00:00+00:00</published>" in atom
    assert atom.count("<updated>2026-11-02T09:00:00+00:00</updated>") == 1
    assert f"<id>tag:kultura.example.pl,{TAG_YEAR}:wiadomosc-8</id>" in atom
