"""A granted patronage marks its event in the city's calendar "Patronat Prezydenta Miasta" (DOMAIN.md §E.1)."""

import pytest
from django.urls import reverse

from events.models import Event
from tests.events.factories import EventFactory
from tests.helpers import form_fields, workflow
from tests.patronage.factories import make_application, make_granted

pytestmark = pytest.mark.django_db

MARK = "Patronat Prezydenta Miasta"


def change_calendar_event(clerk, application, event):
    """Name `event` (or none) as the application's calendar event in the admin's change form, as the clerk does."""
    url = reverse("admin:patronage_patronageapplication_change", args=[application.pk])
    data = form_fields(clerk.get(url).content.decode(), form_id="patronageapplication_form")
    data["calendar_event"] = str(event.pk) if event else ""
    response = clerk.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_granting_a_patronage_marks_its_event_on_the_event_page_and_in_the_list(client, clerk):
    marked, other = EventFactory(title="Festiwal Pieśni Śląskiej"), EventFactory(title="Koncert bez patronatu")
    application = make_application(calendar_event=marked)
    assert MARK not in client.get(marked.get_absolute_url()).content.decode()

    workflow(clerk, application, "grant")

    assert MARK in client.get(marked.get_absolute_url()).content.decode()
    assert MARK not in client.get(other.get_absolute_url()).content.decode()
    listing = client.get(reverse("events:occurrence_list")).content.decode()
    assert listing.count(MARK) == 1
    assert listing.index("Festiwal Pieśni Śląskiej") < listing.index(MARK)


def test_an_application_not_granted_leaves_its_event_unmarked(client, clerk):
    event = EventFactory()
    application = make_application(calendar_event=event)
    workflow(clerk, application, "refuse", note="Wydarzenie komercyjne.")
    assert MARK not in client.get(event.get_absolute_url()).content.decode()


def test_the_clerk_moves_the_mark_to_another_event_and_a_second_patronage_keeps_the_first(clerk):
    first, second = EventFactory(), EventFactory()
    application = make_granted(clerk=clerk.clerk)
    change_calendar_event(clerk, application, first)
    assert Event.objects.get(pk=first.pk).honorary_patronage is True

    change_calendar_event(clerk, application, second)
    assert Event.objects.get(pk=first.pk).honorary_patronage is False
    assert Event.objects.get(pk=second.pk).honorary_patronage is True

    make_granted(clerk=clerk.clerk, calendar_event=second)
    change_calendar_event(clerk, application, None)
    assert Event.objects.get(pk=second.pk).honorary_patronage is True, "another granted patronage still names it"


def test_the_patronage_clerk_finds_the_event_by_its_title(clerk):
    application = make_granted(clerk=clerk.clerk)
    EventFactory(title="Industriada w Wirku")
    response = clerk.get(
        reverse("admin:autocomplete"),
        {
            "term": "Industriada",
            "app_label": "patronage",
            "model_name": "patronageapplication",
            "field_name": "calendar_event",
        },
    )
    assert response.status_code == 200
    assert [row["text"] for row in response.json()["results"]] == ["Industriada w Wirku"]
    assert application.calendar_event is None
