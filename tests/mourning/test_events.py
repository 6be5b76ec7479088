"""Events during a mourning (DOMAIN.md §F.6): the clerk's screen lists the events in the period, entertainment of
the city's institutions first, and calls the chosen ones off in bulk with one note through the calendar's services.
"""

from datetime import timedelta

import icalendar
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.models import CaseMessage
from core.services import transition_perform
from events.filters import when_range
from events.models import Category, Event, EventSubmission
from mourning.selectors import events_in_period
from tests.events.factories import EventFactory, at, mck_venue
from tests.helpers import public_form_data
from tests.mourning.factories import local_midnight, make_period

EVENTS_GROUP = "Wydarzenia i imprezy masowe"
PRESS_GROUP = "Biuro prasowe"
SITE_GROUP = "Redakcja portalu"
NOTE = "W związku z żałobą w mieście wydarzenie odwołano. Bilety zwraca kasa MCK."

pytestmark = pytest.mark.django_db


def in_period_event(title, *, day=14, hour=18, slug="koncerty", **fields):
    return EventFactory(
        title=title, category=Category.objects.get(slug=slug), dates=[(at(day, hour), at(day, hour + 2))], **fields
    )


@pytest.fixture
def venue():
    return mck_venue()


@pytest.fixture
def period():
    return make_period(starts_at=local_midnight(13), ends_at=local_midnight(16))


@pytest.fixture
def submitted_event(client, venue):
    """A concert an organiser submitted through the public form and the clerk accepted: a case with an e-mail."""
    start = timezone.localtime(at(14, 17))
    fields = {
        "title": "Koncert Orkiestry Dętej KWK Halemba",
        "lead": "Wieczór marszów i walców.",
        "description": "Zagra 40 muzyków.",
        "category": Category.objects.get(slug="koncerty").pk,
        "organiser_name": "Stowarzyszenie Przyjaciół Halemby",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "venue": venue.pk,
        "admission": "free",
        "ticket_url": "",
        "contact_name": "Anna Nowak",
        "contact_email": "anna.nowak@example.pl",
        "contact_phone": "+48 32 244 90 00",
    }
    assert client.post("/wydarzenia/zglos/", public_form_data(**fields)).status_code == 302
    submission = EventSubmission.objects.get()
    transition_perform(obj=submission, name="accept", acting_user=None)
    return Event.objects.get(pk=submission.event_id)


@pytest.fixture
def events(period, submitted_event, venue):
    return {
        "city_concert": in_period_event("Koncert Barbórkowy MCK", co_organised_by_city=True, venue=venue),
        "theatre": in_period_event("Spektakl „Balladyna”", day=15, slug="teatr", venue=venue),
        "submitted": submitted_event,
        "lecture": in_period_event(
            "Wykład o historii Halemby", slug="spotkania-i-wyklady", co_organised_by_city=True, venue=venue
        ),
        "after": in_period_event("Koncert po żałobie", day=20, venue=venue),
    }


def screen(period):
    return reverse("admin:mourning_mourningperiod_events", args=[period.pk])


def test_the_screen_lists_the_events_in_the_period_entertainment_of_the_city_first(period, events):
    listed = [event.title for event in events_in_period(period)]

    assert listed == [
        "Koncert Barbórkowy MCK",
        "Koncert Orkiestry Dętej KWK Halemba",
        "Spektakl „Balladyna”",
        "Wykład o historii Halemby",
    ]


def test_bulk_cancellation_of_three_events_reaches_the_calendar_their_pages_and_the_organiser(
    clerk_client, period, events
):
    clerk = clerk_client(groups=[EVENTS_GROUP])
    chosen = [events["city_concert"], events["theatre"], events["submitted"]]

    response = clerk.post(
        screen(period), {"events": [event.pk for event in chosen], "transition": "cancel", "note": NOTE}
    )

    assert response.status_code == 302
    assert "3 wydarzenia odwołano." in clerk.get(response["Location"]).content.decode()
    calendar = icalendar.Calendar.from_ical(clerk.get("/wydarzenia/kalendarz.ics?kategoria=koncerty").content)
    statuses = {str(vevent["SUMMARY"]): str(vevent["STATUS"]) for vevent in calendar.walk("VEVENT")}
    assert statuses == {
        "ODWOŁANE: Koncert Barbórkowy MCK": "CANCELLED",
        "ODWOŁANE: Koncert Orkiestry Dętej KWK Halemba": "CANCELLED",
        "Koncert po żałobie": "CONFIRMED",
    }
    for event in chosen:
        page = clerk.get(event.get_absolute_url()).content.decode()
        assert "To wydarzenie zostało odwołane." in page
        assert NOTE in page
    for untouched in (events["lecture"], events["after"]):
        untouched.refresh_from_db()
        assert untouched.status == Event.Status.PUBLISHED
        assert untouched.status_note == ""
    told = CaseMessage.objects.filter(
        object_id=events["submitted"].submission.pk, author_kind=CaseMessage.Author.CLERK, body__contains=NOTE
    ).get()
    assert "Wydarzenie „Koncert Orkiestry Dętej KWK Halemba” zostało odwołane." in told.body


def test_an_event_outside_the_period_cannot_be_chosen(clerk_client, period, events):
    clerk = clerk_client(groups=[EVENTS_GROUP])

    response = clerk.post(screen(period), {"events": [events["after"].pk], "transition": "cancel", "note": NOTE})

    assert response.status_code == 200
    events["after"].refresh_from_db()
    assert events["after"].status == Event.Status.PUBLISHED


def test_postponing_marks_the_dates_tentative_and_a_restored_event_drops_the_note(clerk_client, period, events):
    clerk = clerk_client(groups=[EVENTS_GROUP])
    theatre = events["theatre"]

    clerk.post(screen(period), {"events": [theatre.pk], "transition": "postpone", "note": NOTE})

    calendar = icalendar.Calendar.from_ical(clerk.get("/wydarzenia/kalendarz.ics?kategoria=teatr").content)
    assert [str(vevent["STATUS"]) for vevent in calendar.walk("VEVENT")] == ["TENTATIVE"]
    assert NOTE in str(next(iter(calendar.walk("VEVENT")))["DESCRIPTION"])
    transition_perform(obj=theatre, name="restore", acting_user=None)
    theatre.refresh_from_db()
    assert theatre.status_note == ""
    assert NOTE not in clerk.get(theatre.get_absolute_url()).content.decode()


def test_a_note_is_required(clerk_client, period, events):
    clerk = clerk_client(groups=[EVENTS_GROUP])

    response = clerk.post(screen(period), {"events": [events["theatre"].pk], "transition": "cancel", "note": ""})

    assert response.status_code == 200
    events["theatre"].refresh_from_db()
    assert events["theatre"].status == Event.Status.PUBLISHED


@pytest.mark.parametrize(("group", "status"), [(EVENTS_GROUP, 200), (PRESS_GROUP, 403), (SITE_GROUP, 403)])
def test_only_the_events_section_may_call_events_off(clerk_client, period, group, status):
    assert clerk_client(groups=[group]).get(screen(period)).status_code == status


def test_an_anonymous_reader_is_sent_to_sign_in(client, period):
    response = client.get(screen(period))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_screen_reads_the_same_number_of_queries_for_3_and_30_events(clerk_client, period):
    clerk = clerk_client(groups=[EVENTS_GROUP])
    counts = []
    for total in (3, 30):
        while Event.objects.count() < total:
            in_period_event(f"Koncert {Event.objects.count()}")
        clerk.get(screen(period))  # warm what is cached per process
        with CaptureQueriesContext(connection) as queries:
            assert clerk.get(screen(period)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_weekend_highlights_step_aside_during_a_mourning(client):
    start, end = when_range("weekend")
    saturday_morning = start + timedelta(hours=10)
    EventFactory(
        title="Jarmark bożonarodzeniowy",
        is_highlighted=True,
        dates=[(saturday_morning, saturday_morning + timedelta(hours=2))],
    )
    cache.clear()
    assert 'id="home-weekend"' in client.get("/").content.decode()

    make_period(starts_at=local_midnight(-1), ends_at=local_midnight(30))
    cache.clear()
    assert 'id="home-weekend"' not in client.get("/").content.decode()
