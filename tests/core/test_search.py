"""Site search and the calendar's text filter: every letter's case is ignored, Polish ones included."""

import pytest
from django.urls import reverse

from core.search import text_search
from events.models import Event
from tests.events.factories import EventFactory, VenueFactory, at


@pytest.fixture
def festival(db):
    return EventFactory(
        title="Śląskie Święto Żuru w Łaźni",
        lead="Konkurs zup.",
        venue=VenueFactory(name="Dom Kultury Bielszowice"),
        dates=[(at(5), None)],
    )


@pytest.mark.parametrize("query", ["śląskie", "ŚLĄSKIE", "święto żuru", "ŁAŹNI", "Żur"])
def test_text_search_ignores_the_case_of_polish_letters(festival, query):
    assert list(text_search(Event.objects.all(), ["title", "lead"], query)) == [festival]


def test_text_search_does_not_treat_like_wildcards_as_wildcards(festival):
    assert list(text_search(Event.objects.all(), ["title"], "Ś%u")) == []
    assert list(text_search(Event.objects.all(), ["title"], "____")) == []


@pytest.mark.parametrize("query", ["ŚLĄSKIE", "łaźnia", "żur"])
def test_the_calendar_text_filter_and_the_site_search_find_polish_words_in_any_case(client, festival, query):
    listed = client.get(reverse("events:occurrence_list"), {"q": query}).content.decode()
    assert festival.title in listed
    assert festival.title in client.get(reverse("core:search"), {"q": query}).content.decode()
