"""Long public lists at scale: no page deeper than core.pagination.MAX_PAGES, a Polish note instead, the same
number of queries on every page and at every volume, and a list page that stays light."""

import pytest
from django.utils import timezone

from core import pagination
from events.models import Venue
from tests.events.factories import bulk_events
from tests.press.factories import bulk_releases

EVENTS = "/wydarzenia/"
NEWSROOM = "/prasa/"
# The lists' query counts (tests/events/test_public_list.py, tests/press/test_newsroom_pages.py).
EVENT_LIST_QUERIES = 7
NEWSROOM_QUERIES = 8
NOTE = "Pokazujemy tylko pierwsze 3 stron tej listy"


@pytest.fixture
def three_pages(monkeypatch):
    monkeypatch.setattr(pagination, "MAX_PAGES", 3)


@pytest.fixture
def venue(db):
    return Venue.objects.create(name="Dom Kultury Bielszowice", street_address="ul. Kokota 170", postal_code="41-711")


@pytest.mark.parametrize(("path", "fill"), [(EVENTS, "events"), (NEWSROOM, "releases")])
def test_a_page_past_the_last_offered_one_is_the_last_with_a_note_to_narrow_the_filters(
    client, venue, three_pages, path, fill
):
    bulk_events(100, venue=venue) if fill == "events" else bulk_releases(100)
    body = client.get(path, {"page": "4000"}).content.decode()
    assert "Strona 3 z 3" in body
    assert "Ta lista nie ma dalszych stron: to strona 3, ostatnia, jaką pokazujemy." in body
    assert NOTE in body
    assert '<a href="#filters-heading">zawęź ją filtrami</a>' in body
    assert 'id="filters-heading"' in body
    assert 'rel="next"' not in body

    last = client.get(path, {"page": "3"}).content.decode()
    assert NOTE in last
    assert "Ta lista nie ma dalszych stron" not in last
    first = client.get(path).content.decode()
    assert NOTE not in first
    assert "Strona 1 z 3" in first


def test_a_list_that_fits_its_pages_has_no_note(client, venue, three_pages):
    bulk_events(60, venue=venue)  # exactly three pages of 20
    body = client.get(EVENTS, {"page": "9"}).content.decode()
    assert "Strona 3 z 3" in body
    assert NOTE not in body
    assert "Ta lista nie ma dalszych stron" not in body


@pytest.mark.parametrize("size", [30, 1500])
@pytest.mark.parametrize("page", ["1", "2", "75", "999999"])
def test_the_events_list_reads_the_same_queries_on_any_page_at_any_volume(
    client, venue, django_assert_num_queries, size, page
):
    bulk_events(size, venue=venue)
    with django_assert_num_queries(EVENT_LIST_QUERIES):
        response = client.get(EVENTS, {"page": page})
    assert response.status_code == 200


@pytest.mark.parametrize("size", [30, 1500])
@pytest.mark.parametrize("page", ["1", "2", "75", "999999"])
def test_the_newsroom_reads_the_same_queries_on_any_page_at_any_volume(
    client, db, django_assert_num_queries, size, page
):
    bulk_releases(size, publish_at=timezone.now() - timezone.timedelta(days=1))
    with django_assert_num_queries(NEWSROOM_QUERIES):
        response = client.get(NEWSROOM, {"page": page})
    assert response.status_code == 200


def test_the_events_list_page_weighs_at_most_60_kb(client, venue):
    """Page one of a calendar of 50 dates (20 shown), every row with the heaviest markup: a price range,
    every audience and every accessibility feature of the venue and the event."""
    Venue.objects.filter(pk=venue.pk).update(
        step_free_entry=True, accessible_toilet=True, induction_loop=True, quiet_space=True, disabled_parking=True
    )
    events = bulk_events(50, venue=venue)
    for event in events:
        for name in ("for_children", "for_youth", "for_seniors", "for_families"):
            setattr(event, name, True)
        event.sign_language_interpreter = event.audio_description = True
    type(events[0]).objects.bulk_update(
        events,
        ["for_children", "for_youth", "for_seniors", "for_families", "sign_language_interpreter", "audio_description"],
    )
    response = client.get(EVENTS)
    assert response.content.count(b'class="occurrence') >= 20
    assert len(response.content) <= 60 * 1024, len(response.content)
