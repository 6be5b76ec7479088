"""Sources fetched on a schedule from configured hosts only, served locally on 127.0.0.1 (never the internet)."""

import io
from datetime import date as D

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from monitoring.fetching import FetchRefused, fetch
from monitoring.models import KeywordRule, MediaMention, Medium, MonitoredSource, SourceItem, WatchedHost
from tests.monitoring.factories import make_outlet, make_unit

pytestmark = pytest.mark.django_db

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wiadomości Rudzkie</title><link>http://127.0.0.1/</link><description>d</description>
<item><guid>wr-1</guid><title>Nowe rondo w Rudzie Śląskiej</title><link>http://127.0.0.1/rondo</link>
<description>&lt;p&gt;Radni przyjęli plan. Prezydenta Miasta zapytaliśmy o koszty.&lt;/p&gt;</description>
<pubDate>Mon, 09 Mar 2026 08:00:00 +0100</pubDate></item>
<item><guid>wr-2</guid><title>Pogoda na weekend</title><link>http://127.0.0.1/pogoda</link>
<description>Słonecznie w całym regionie.</description><pubDate>Mon, 09 Mar 2026 09:00:00 +0100</pubDate></item>
<item><guid>wr-3</guid><title>Koncert w MCK</title><link>http://127.0.0.1/koncert</link>
<description>Miejskie Centrum Kultury zaprasza w sobotę.</description>
<pubDate>Tue, 10 Mar 2026 09:00:00 +0100</pubDate></item>
</channel></rss>"""

PAGE = """<!DOCTYPE html><html lang="pl"><head><title>Aktualności</title><script>var x = "Ruda Śląska";</script></head>
<body><nav>Menu</nav><h1>Aktualności</h1><p>Remont drogi w Zabrzu.</p><p>Festyn w Gliwicach.</p></body></html>"""
PAGE_CHANGED = PAGE.replace(
    "<p>Festyn w Gliwicach.</p>", "<p>Festyn w Gliwicach.</p><p>Basen w Rudzie Śląskiej zamknięty do marca.</p>"
)


@pytest.fixture
def configured(local_site):
    """127.0.0.1 is a watched host without a rate limit; rules for the city and the culture centre."""
    WatchedHost.objects.create(host="127.0.0.1", min_interval_seconds=0)
    culture = make_unit(name="Miejskie Centrum Kultury", email="mck@example.pl")
    KeywordRule.objects.create(name="Miasto", terms="Rud* Śląsk*\nPrezydent* Miast*", topic="miasto")
    KeywordRule.objects.create(name="MCK", terms="Miejsk* Centr* Kultur*\nMCK", topic="kultura", unit=culture)
    KeywordRule.objects.create(name="Wyłączona", terms="Pogod*", is_active=False)
    return local_site


def add_source(site, path, kind, **fields):
    return MonitoredSource.objects.create(
        name=f"Źródło {path}", kind=kind, url=site.url(path), outlet=make_outlet(), medium=Medium.ONLINE, **fields
    )


def fetch_due():
    out = io.StringIO()
    call_command("fetch_sources", stdout=out)
    return out.getvalue()


def test_the_scheduled_fetch_makes_mentions_of_matching_entries_only(configured):
    configured.serve("/rss.xml", FEED, content_type="application/rss+xml; charset=utf-8", ETag='"v1"')
    source = add_source(configured, "/rss.xml", MonitoredSource.Kind.FEED)
    assert "new mentions: 2" in fetch_due()
    mentions = {mention.title: mention for mention in MediaMention.objects.select_related("unit")}
    assert set(mentions) == {"Nowe rondo w Rudzie Śląskiej", "Koncert w MCK"}
    rondo = mentions["Nowe rondo w Rudzie Śląskiej"]
    assert (rondo.url, rondo.published_on, rondo.topic, rondo.medium) == (
        "http://127.0.0.1/rondo",
        D(2026, 3, 9),
        "miasto",
        Medium.ONLINE,
    )
    assert "Prezydenta Miasta" in rondo.excerpt
    assert "<p>" not in rondo.excerpt
    assert mentions["Koncert w MCK"].unit.name == "Miejskie Centrum Kultury"
    assert SourceItem.objects.filter(source=source).count() == 3  # the weather is kept, and matched nothing

    # Not due yet: nothing is requested; due again: a conditional request, answered 304, creates nothing.
    requests_before = len(configured.requests)
    fetch_due()
    assert len(configured.requests) == requests_before
    MonitoredSource.objects.filter(pk=source.pk).update(last_fetched_at=None)
    assert "new mentions: 0" in fetch_due()
    assert configured.requests[-1][1]["If-None-Match"] == '"v1"'
    assert MediaMention.objects.count() == 2


def test_a_watched_page_keeps_only_its_new_text_and_an_unchanged_page_creates_nothing(configured):
    configured.serve("/aktualnosci", PAGE)
    source = add_source(configured, "/aktualnosci", MonitoredSource.Kind.PAGE)
    fetch_due()
    assert not MediaMention.objects.exists()  # nothing about the city; the script's text is not page text
    first = SourceItem.objects.get(source=source)
    assert first.text == "Aktualności\nRemont drogi w Zabrzu.\nFestyn w Gliwicach."

    configured.serve("/aktualnosci", PAGE_CHANGED)
    MonitoredSource.objects.filter(pk=source.pk).update(last_fetched_at=None)
    fetch_due()
    mention = MediaMention.objects.get()
    assert mention.excerpt == "Basen w Rudzie Śląskiej zamknięty do marca."
    item = SourceItem.objects.get(mention=mention)
    assert item.text == "Basen w Rudzie Śląskiej zamknięty do marca."
    assert "+Basen w Rudzie Śląskiej zamknięty do marca." in item.diff

    # The same page again (no ETag, so it is downloaded): no new text, no item, no mention.
    MonitoredSource.objects.filter(pk=source.pk).update(last_fetched_at=None)
    fetch_due()
    assert configured.paths_requested().count("/aktualnosci") == 3
    assert (SourceItem.objects.filter(source=source).count(), MediaMention.objects.count()) == (2, 1)


def test_a_host_nobody_configured_is_never_requested(configured):
    configured.serve("/rss.xml", FEED, content_type="application/rss+xml")
    # "localhost" reaches the same server, but is not a watched host.
    with pytest.raises(FetchRefused):
        fetch(configured.url("/rss.xml", host="localhost"))
    with pytest.raises(ValidationError):
        MonitoredSource(
            name="Obce", url=configured.url("/rss.xml", host="localhost"), outlet=make_outlet()
        ).full_clean()
    stray = add_source(configured, "/rss.xml", MonitoredSource.Kind.FEED)
    MonitoredSource.objects.filter(pk=stray.pk).update(url=configured.url("/rss.xml", host="localhost"))
    WatchedHost.objects.filter(host="127.0.0.1").update(is_active=False)
    fetch_due()
    assert configured.requests == []
    assert "Odmowa" in MonitoredSource.objects.get(pk=stray.pk).last_result
    with pytest.raises(FetchRefused):
        fetch(configured.url("/rss.xml"))  # a host switched off is not allowed either
    assert configured.requests == []


def test_a_redirect_to_a_host_nobody_configured_is_not_followed(configured):
    configured.serve("/rss.xml", FEED, content_type="application/rss+xml")
    configured.serve("/przeniesione", "", status=302, Location=configured.url("/rss.xml", host="localhost"))
    configured.serve("/tutaj", "", status=301, Location=configured.url("/rss.xml"))
    with pytest.raises(FetchRefused):
        fetch(configured.url("/przeniesione"))
    assert configured.paths_requested() == ["/przeniesione"]
    source = add_source(configured, "/przeniesione", MonitoredSource.Kind.FEED)
    fetch_due()
    assert configured.paths_requested() == ["/przeniesione", "/przeniesione"]
    assert "przekierowanie" in MonitoredSource.objects.get(pk=source.pk).last_result
    assert not MediaMention.objects.exists()
    # A redirect within the watched hosts is followed.
    assert b"Wiadomo" in fetch(configured.url("/tutaj")).body


def test_each_host_is_asked_no_more_often_than_its_rate(configured):
    WatchedHost.objects.filter(host="127.0.0.1").update(min_interval_seconds=3600)
    configured.serve("/a.xml", FEED, content_type="application/rss+xml")
    configured.serve("/b", PAGE)
    add_source(configured, "/a.xml", MonitoredSource.Kind.FEED)
    add_source(configured, "/b", MonitoredSource.Kind.PAGE)
    fetch_due()
    assert len(configured.requests) == 1
    fetch_due()
    assert len(configured.requests) == 1
