"""Open data and news feeds of the events calendar: RSS/Atom, JSON and CSV of the filtered list, and what every
list format shares (no drafts, a short 400 for nonsense filters, a query count that does not grow with rows).

The RSS/Atom feeds are read back with feedparser and xml.etree.
"""

import csv
import html
import io
import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from xml.etree import ElementTree

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from events.feeds import ROW_LIMIT, RSS_LIMIT
from events.ical import WARSAW
from events.models import Event
from events.services import occurrence_cancel
from tests.events.feed_data import HOST, LIST_ENDPOINTS, SITE, bulk_events, in_days, make_event

ATOM = "{http://www.w3.org/2005/Atom}"

pytestmark = pytest.mark.usefixtures("public_site_url")


# Drafts and bad requests
# ------------------------------------------------------------------------------


def test_drafts_and_unpublished_events_appear_in_no_feed(client, venue):
    make_event("Widoczne wydarzenie", venue=venue, published_at=timezone.now())
    hidden = [
        make_event("Szkic wydarzenia", venue=venue, status=Event.Status.DRAFT),
        make_event("Zgłoszone wydarzenie", venue=venue, status=Event.Status.SUBMITTED),
        make_event("Publikacja jutro", venue=venue, publish_at=timezone.now() + timedelta(days=1)),
    ]
    for name in LIST_ENDPOINTS:
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        body = response.content.decode("utf-8")
        assert "Widoczne wydarzenie" in body, name
        for event in hidden:
            assert event.title not in body, name
            assert event.slug not in body, name
    for event in hidden:
        assert client.get(reverse("events:event_ical", kwargs={"slug": event.slug})).status_code == 404


@pytest.mark.parametrize("name", LIST_ENDPOINTS)
@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("kategoria=nie-ma-takiej", "kategoria"),
        ("miejsce=nigdzie", "miejsce"),
        ("od=wczoraj", "od"),
        ("do=2026-02-30", "do"),
        ("od=99999-01-01", "od"),
        ("od=2026-05-10&do=2026-05-01", "do"),
        ("kiedy=kiedys", "kiedy"),
        ("dzielnica=warszawa", "dzielnica"),
        ("dla=kosmitow", "dla"),
        ("dostepnosc=teleport", "dostepnosc"),
        ("q=" + "x" * 101, "q"),
    ],
)
def test_a_nonsense_filter_is_a_400_with_a_short_reason(client, db, name, query, parameter):
    response = client.get(f"{reverse(name)}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.content.decode() == (
        f"Nieprawidłowe parametry filtrów: {parameter}.\nInvalid filter parameters: {parameter}.\n"
    )


@pytest.mark.parametrize("name", LIST_ENDPOINTS)
def test_ten_thousand_parameters_are_a_400(client, db, name):
    query = "&".join(f"p{number}=1" for number in range(10_000))
    response = client.get(f"{reverse(name)}?{query}")
    assert response.status_code == 400  # TooManyFieldsSent, a SuspiciousOperation: Django answers 400


@pytest.mark.parametrize("name", LIST_ENDPOINTS)
def test_control_characters_do_not_break_the_feeds(client, venue, name):
    make_event("Koncert\x0b w\x01 hali", venue=venue, lead="Opis\x08.")
    response = client.get(reverse(name) + "?q=koncert%01")
    assert response.status_code == 200
    if name in ("events:feed_rss", "events:feed_atom"):
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert [entry.title for entry in parsed.entries] == ["Koncert w hali"]


def test_unknown_parameters_are_ignored(client, venue):
    make_event(venue=venue)
    response = client.get(reverse("events:export_json") + "?utm_source=newsletter&fbclid=abc")
    assert response.status_code == 200
    assert response.json()["count"] == 1


# JSON and CSV
# ------------------------------------------------------------------------------


def open_data_event(venue):
    event = make_event(
        "Warsztaty, ceramika; dla dorosłych",
        venue=venue,
        category="warsztaty",
        lead="Toczenie na kole, szkliwienie.",
        price_kind=Event.PriceKind.PAID,
        price_from=Decimal("25.00"),
        price_to=Decimal("40.50"),
        sign_language_interpreter=True,
        organiser_name='=Pracownia "Glina"',
        dates=[(in_days(6, 17), in_days(6, 19, 30)), (in_days(13, 17), None)],
    )
    first, second = event.occurrences.order_by("starts_at")
    occurrence_cancel(occurrence=second, acting_user=None)
    return event, first, second


def test_json_export(client, venue):
    event, first, second = open_data_event(venue)
    response = client.get(reverse("events:export_json"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'inline; filename="wydarzenia-ruda-slaska.json"'
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(response.content.decode("utf-8"))
    assert "Warsztaty, ceramika" in response.content.decode("utf-8")  # UTF-8, not \u escapes
    assert datetime.fromisoformat(data["generated_at"]).utcoffset() is not None
    assert data["count"] == 2
    assert data["truncated"] is False
    assert data["limit"] == ROW_LIMIT
    item = data["items"][0]
    assert item == {
        "id": first.pk,
        "event_slug": event.slug,
        "title": "Warsztaty, ceramika; dla dorosłych",
        "lead": "Toczenie na kole, szkliwienie.",
        "category": "Warsztaty",
        "category_slug": "warsztaty",
        "start": first.starts_at.astimezone(WARSAW).isoformat(),
        "end": first.ends_at.astimezone(WARSAW).isoformat(),
        "status": "scheduled",
        "venue_name": "Dom Kultury „Bykowina”",
        "street_address": "ul. Niedurnego 69",
        "postal_code": "41-709",
        "district": "Bykowina",
        "district_code": "bykowina",
        "latitude": 50.255123,
        "longitude": 18.855456,
        "free": False,
        "price_from": 25.0,
        "price_to": 40.5,
        "organiser": '=Pracownia "Glina"',
        "url": f"{SITE}/wydarzenia/{event.slug}/",
        "step_free_entry": True,
        "accessible_toilet": False,
        "induction_loop": True,
        "quiet_space": False,
        "disabled_parking": False,
        "sign_language_interpreter": True,
        "audio_description": False,
    }
    assert datetime.fromisoformat(item["start"]) == first.starts_at
    assert item["start"][-6:] in ("+01:00", "+02:00")
    assert data["items"][1]["id"] == second.pk
    assert data["items"][1]["status"] == "cancelled"
    assert data["items"][1]["end"] is None


def test_csv_export(client, venue):
    event, first, second = open_data_event(venue)
    response = client.get(reverse("events:export_csv") + "?kategoria=warsztaty")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8; header=present"
    assert response["Content-Disposition"] == 'attachment; filename="wydarzenia-ruda-slaska.csv"'
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.content.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    text = response.content.decode("utf-8-sig")
    assert text.endswith("\r\n")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [row["id"] for row in rows] == [str(first.pk), str(second.pk)]
    row = rows[0]
    assert row["title"] == "Warsztaty, ceramika; dla dorosłych"
    assert row["start"] == first.starts_at.astimezone(WARSAW).isoformat()
    assert row["free"] == "false"
    assert row["price_from"] == "25.0"
    assert row["latitude"] == "50.255123"
    assert row["step_free_entry"] == "true"
    assert row["url"] == f"{SITE}/wydarzenia/{event.slug}/"
    assert row["organiser"] == '\'=Pracownia "Glina"'  # not a formula in a spreadsheet
    assert rows[1]["status"] == "cancelled"
    assert rows[1]["end"] == ""
    assert '"Warsztaty, ceramika; dla dorosłych"' in text  # RFC 4180 quoting


def test_json_and_csv_are_capped(client, venue):
    bulk_events(ROW_LIMIT + 5, venue)
    data = client.get(reverse("events:export_json")).json()
    assert data["count"] == ROW_LIMIT
    assert data["truncated"] is True
    starts = [item["start"] for item in data["items"]]
    assert starts == sorted(starts)
    response = client.get(reverse("events:export_csv"))
    assert response.content.decode("utf-8-sig").count("\r\n") == ROW_LIMIT + 1


# RSS and Atom
# ------------------------------------------------------------------------------


def rss_events(venue):
    now = timezone.now()
    older = make_event("Starsze wydarzenie", venue=venue, category="wystawy")
    newer = make_event("Rock & Roll, „Śląsk” — zażółć", venue=venue, lead="Koncert <na żywo> & więcej.")
    Event.objects.filter(pk=older.pk).update(published_at=now - timedelta(days=2))
    Event.objects.filter(pk=newer.pk).update(published_at=now - timedelta(hours=1))
    return older, newer


def test_rss_feed(client, venue):
    older, newer = rss_events(venue)
    response = client.get(reverse("events:feed_rss"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert parsed.feed.language == "pl"
    assert parsed.feed.title == "Nowe wydarzenia — Ruda Śląska"
    assert parsed.feed.link == f"{SITE}/wydarzenia/"
    assert [entry.title for entry in parsed.entries] == [newer.title, older.title]
    entry = parsed.entries[0]
    assert entry.link == f"{SITE}{newer.get_absolute_url()}"
    assert entry.id == f"tag:{HOST},2026:wydarzenie-{newer.pk}"
    assert entry.guidislink is False
    assert [tag.term for tag in entry.tags] == ["Koncerty"]
    newer.refresh_from_db()
    assert datetime(*entry.published_parsed[:6], tzinfo=UTC) == newer.published_at.replace(microsecond=0)

    channel = ElementTree.fromstring(response.content).find("channel")  # noqa: S314 — our own response
    for tag in ("title", "link", "description", "language", "lastBuildDate"):
        assert channel.findtext(tag), tag
    assert channel.find(f"{ATOM}link[@rel='self']").get("href") == f"{SITE}/wydarzenia/rss/"
    for item in channel.findall("item"):
        for tag in ("title", "link", "description", "guid", "pubDate", "category"):
            assert item.findtext(tag), tag
    first = channel.find("item")
    assert first.findtext("title") == "Rock & Roll, „Śląsk” — zażółć"
    # The description of RSS (and the summary of Atom) is HTML: the plain-text lead is escaped once more.
    assert first.findtext("description") == "Koncert &lt;na żywo&gt; &amp; więcej."
    assert html.unescape(parsed.entries[0].summary) == "Koncert <na żywo> & więcej."
    assert first.find("guid").get("isPermaLink") == "false"


def test_atom_feed(client, venue):
    older, newer = rss_events(venue)
    response = client.get(reverse("events:feed_atom"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert [entry.title for entry in parsed.entries] == [newer.title, older.title]
    assert html.unescape(parsed.entries[0].summary) == "Koncert <na żywo> & więcej."

    feed = ElementTree.fromstring(response.content)  # noqa: S314 — our own response
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "pl"
    for tag in ("id", "title", "updated"):
        assert feed.findtext(f"{ATOM}{tag}"), tag
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Wydział Kultury UM Ruda Śląska"
    for entry in feed.findall(f"{ATOM}entry"):
        for tag in ("id", "title", "updated", "published", "summary"):
            assert entry.findtext(f"{ATOM}{tag}"), tag
        assert entry.find(f"{ATOM}link").get("href").startswith(f"{SITE}/wydarzenia/")
    assert feed.find(f"{ATOM}entry/{ATOM}title").text == newer.title


def test_rss_honours_filters_and_scheduled_publication(client, venue):
    older, newer = rss_events(venue)
    response = client.get(reverse("events:feed_rss") + "?kategoria=wystawy")
    parsed = feedparser.parse(response.content)
    assert [entry.title for entry in parsed.entries] == [older.title]
    assert parsed.feed.title == "Nowe wydarzenia — Ruda Śląska: Wystawy"
    assert parsed.feed.link == f"{SITE}/wydarzenia/?kategoria=wystawy"

    # Approved a week ago to appear an hour ago: it is new as of an hour ago, not a week.
    now = timezone.now()
    scheduled = make_event("Zaplanowana publikacja", venue=venue)
    Event.objects.filter(pk=scheduled.pk).update(
        published_at=now - timedelta(days=7), publish_at=now - timedelta(minutes=30)
    )
    parsed = feedparser.parse(client.get(reverse("events:feed_rss")).content)
    assert [entry.title for entry in parsed.entries] == [scheduled.title, newer.title, older.title]


def test_rss_has_the_newest_fifty(client, venue):
    bulk_events(RSS_LIMIT + 10, venue)
    parsed = feedparser.parse(client.get(reverse("events:feed_rss")).content)
    assert len(parsed.entries) == RSS_LIMIT
    assert parsed.entries[0].title == f"Wydarzenie {RSS_LIMIT + 9}"


# Queries
# ------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [20, 2000])
@pytest.mark.parametrize(
    ("name", "query", "queries"),
    [
        ("events:feed_ical", "", 1),
        ("events:feed_ical", "?kategoria=koncerty&miejsce=dom-kultury-bykowina", 3),
        ("events:export_json", "", 1),
        ("events:export_csv", "", 1),
        ("events:feed_rss", "", 1),
        ("events:feed_rss", "?kategoria=koncerty", 2),
        ("events:feed_atom", "", 1),
    ],
)
def test_feeds_cost_the_same_queries_for_20_and_2000_events(
    client, venue, django_assert_num_queries, count, name, query, queries
):
    bulk_events(count, venue)
    with django_assert_num_queries(queries):
        response = client.get(reverse(name) + query)
    assert response.status_code == 200
