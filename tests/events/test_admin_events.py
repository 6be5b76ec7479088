"""The clerks' admin of the calendar: bounded changelists, statuses only through services, duplicate, preview."""

from datetime import datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext

from core.models import StatusChange
from core.services import case_open
from events.models import Category, Event, EventOccurrence, EventSubmission, Venue
from events.services import event_create
from tests.events.factories import mck_venue
from tests.helpers import form_data

EVENTS_GROUP = "Wydarzenia i imprezy masowe"
OTHER_GROUP = "Biuro prasowe"
CHANGELISTS = [
    "/admin/events/event/",
    "/admin/events/venue/",
    "/admin/events/category/",
    "/admin/events/eventsubmission/",
]


@pytest.fixture
def venue(db):
    return mck_venue(step_free_entry=True)


def make_event(venue, n=1, *, starts=None, submitted=False, **fields):
    starts = starts or [timezone.now() + timedelta(days=7 + n)]
    event = event_create(
        acting_user=None,
        occurrences=[(start, start + timedelta(hours=2)) for start in starts],
        title=fields.pop("title", f"Koncert nr {n}"),
        lead="Wieczór marszów i walców.",
        category=Category.objects.get(slug="koncerty"),
        venue=venue,
        organiser_name=f"Organizator {n % 7}",
        status=Event.Status.SUBMITTED if submitted else Event.Status.DRAFT,
        **fields,
    )
    if submitted:
        case_open(
            case=EventSubmission(event=event, contact_name=f"Osoba {n}", contact_email=f"osoba{n}@example.pl"),
            title=f"Zgłoszenie wydarzenia: {event.title}",
        )
    return event


def change_url(event):
    return f"/admin/events/event/{event.pk}/change/"


# Changelists -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", CHANGELISTS)
def test_changelist_queries_do_not_grow_with_events(url, clerk_client, venue):
    """The same number of queries for 5 and for 100 events (and submissions) on the page."""
    client = clerk_client(groups=[EVENTS_GROUP])
    for n in range(5):
        make_event(venue, n, submitted=True)
    assert client.get(url).status_code == 200  # warm the per-process caches (content types, site)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for n in range(5, 100):
        make_event(
            Venue.objects.create(name=f"Sala {n}", street_address="ul. Główna 1", district="wirek"), n, submitted=True
        )
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.status_code == 200
    assert len(many) == len(few), [query["sql"] for query in many]
    if url == CHANGELISTS[0]:
        assert response.content.decode().count('class="action-select"') == 100


def test_event_changelist_filters_by_date_and_shows_the_first_date(clerk_client, venue):
    soon = timezone.now() + timedelta(days=2)
    later = timezone.now() + timedelta(days=400)
    make_event(venue, 1, starts=[later, soon], title="Festiwal Ogrodów")
    make_event(venue, 2, starts=[later], title="Jarmark Bożonarodzeniowy")
    client = clerk_client(groups=[EVENTS_GROUP])
    # Aware bounds, as the filter's own links give them.
    start = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=1), time.min))
    response = client.get(
        "/admin/events/event/",
        {"occurrences__starts_at__gte": str(start), "occurrences__starts_at__lt": str(start + timedelta(days=7))},
    )
    page = response.content.decode()
    assert "Festiwal Ogrodów" in page
    assert "Jarmark Bożonarodzeniowy" not in page
    event = response.context["cl"].result_list[0]
    assert event.first_starts_at == min(soon, later)


@pytest.mark.parametrize("url", [*CHANGELISTS, "/admin/events/event/add/"])
def test_a_clerk_of_another_section_is_refused(url, clerk_client, venue):
    assert clerk_client(groups=[OTHER_GROUP]).get(url).status_code == 403


# Statuses only through services ------------------------------------------------------------------------


def test_status_cannot_be_posted_in_the_change_form(clerk_client, venue):
    event = make_event(venue)
    client = clerk_client(groups=[EVENTS_GROUP])
    page = client.get(change_url(event))
    assert 'name="status"' not in page.content.decode()
    assert 'value="publish"' in page.content.decode()  # a transition button of the workflow panel
    data = form_data(page)
    assert "title" in data
    response = client.post(change_url(event), {**data, "title": "Nowy tytuł", "status": "published"})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Nowy tytuł"
    assert event.status == Event.Status.DRAFT
    assert not Event.objects.published().exists()


def test_bulk_publish_goes_through_the_service(clerk_client, venue):
    events = [make_event(venue, n) for n in range(3)]
    client = clerk_client(groups=[EVENTS_GROUP])
    response = client.post(
        "/admin/events/event/",
        {"action": "transition_publish", "_selected_action": [event.pk for event in events]},
    )
    assert response.status_code == 302
    for event in events:
        event.refresh_from_db()
        assert event.status == Event.Status.PUBLISHED
        assert event.published_at is not None  # stamped by events.services.event_publish
        change = StatusChange.objects.get(object_id=event.pk, action="events.event.publish")
        assert (change.from_status, change.to_status, change.actor) == ("draft", "published", client.clerk)
        assert event.history.filter(status=Event.Status.PUBLISHED).exists()
    assert set(Event.objects.published()) == set(events)


def test_publish_button_stamps_the_publication_time(clerk_client, venue):
    event = make_event(venue)
    client = clerk_client(groups=[EVENTS_GROUP])
    client.post(f"/admin/events/event/{event.pk}/sprawa/", {"transition": "publish", "note": ""})
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED
    assert event.published_at is not None


def test_cancel_needs_a_note_and_is_no_bulk_action(clerk_client, venue):
    event = make_event(venue)
    client = clerk_client(groups=[EVENTS_GROUP])
    client.post(f"/admin/events/event/{event.pk}/sprawa/", {"transition": "publish"})
    actions = client.get("/admin/events/event/").context["action_form"].fields["action"].choices
    names = {name for name, _label in actions}
    assert {"transition_publish", "transition_archive", "duplicate"} <= names
    assert "transition_cancel" not in names
    response = client.post(f"/admin/events/event/{event.pk}/sprawa/", {"transition": "cancel"}, follow=True)
    assert "Ta czynność wymaga adnotacji z uzasadnieniem." in response.content.decode()
    client.post(f"/admin/events/event/{event.pk}/sprawa/", {"transition": "cancel", "note": "Burza."})
    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED


# Duplicate and preview ---------------------------------------------------------------------------------


def test_duplicate_makes_a_draft_with_the_dates_still_to_come(clerk_client, venue):
    past = timezone.now() - timedelta(days=30)
    future = timezone.now() + timedelta(days=30)
    cancelled = timezone.now() + timedelta(days=31)
    event = make_event(venue, starts=[past, future, cancelled], title="Industriada", co_organised_by_city=True)
    client = clerk_client(groups=[EVENTS_GROUP])
    client.post(f"/admin/events/event/{event.pk}/sprawa/", {"transition": "publish"})
    EventOccurrence.objects.filter(event=event, starts_at=cancelled).update(status=EventOccurrence.Status.CANCELLED)

    response = client.post("/admin/events/event/", {"action": "duplicate", "_selected_action": [event.pk]})

    copy = Event.objects.exclude(pk=event.pk).get()
    assert response.status_code == 302
    assert response["Location"] == change_url(copy)
    assert (copy.title, copy.status, copy.published_at) == ("Industriada", Event.Status.DRAFT, None)
    assert copy.slug != event.slug
    assert (copy.venue, copy.category, copy.co_organised_by_city) == (event.venue, event.category, True)
    assert copy.created_by == client.clerk
    assert list(copy.occurrences.values_list("starts_at", "status", "sequence")) == [
        (future, EventOccurrence.Status.SCHEDULED, 0)
    ]
    assert not hasattr(copy, "submission") or EventSubmission.objects.filter(event=copy).count() == 0
    assert copy not in Event.objects.published()


def test_preview_shows_a_draft_to_clerks_only(clerk_client, client, venue):
    event = make_event(venue, title="Noc Muzeów w Rudzie Śląskiej")
    url = f"/admin/events/event/{event.pk}/podglad/"

    response = clerk_client(groups=[EVENTS_GROUP]).get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Noc Muzeów w Rudzie Śląskiej" in page
    assert escape(gettext("PREVIEW — unpublished event")) in page
    assert venue.name in page
    assert f'href="{change_url(event)}"' in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]

    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert "/login/" in anonymous["Location"]
    assert clerk_client(groups=[OTHER_GROUP]).get(url).status_code == 403
    assert event not in Event.objects.published()


def test_change_form_links_to_the_preview(clerk_client, venue):
    event = make_event(venue)
    page = clerk_client(groups=[EVENTS_GROUP]).get(change_url(event)).content.decode()
    assert f'href="/admin/events/event/{event.pk}/podglad/"' in page


# Dates in the inline -----------------------------------------------------------------------------------


def test_moving_a_date_in_the_inline_bumps_its_sequence(clerk_client, venue):
    event = make_event(venue)
    occurrence = event.occurrences.get()
    client = clerk_client(groups=[EVENTS_GROUP])
    data = form_data(client.get(change_url(event)))
    new_start = timezone.localtime(occurrence.starts_at + timedelta(days=1)).replace(
        hour=17, minute=30, second=0, microsecond=0
    )
    data["occurrences-0-starts_at_0"] = new_start.strftime("%d.%m.%Y")
    data["occurrences-0-starts_at_1"] = "17:30"
    data["occurrences-0-ends_at_0"] = new_start.strftime("%d.%m.%Y")
    data["occurrences-0-ends_at_1"] = "19:30"
    data["occurrences-0-note"] = "Przeniesione o jeden dzień."

    response = client.post(change_url(event), data)

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    occurrence.refresh_from_db()
    assert occurrence.starts_at == new_start
    assert occurrence.ends_at == new_start + timedelta(hours=2)
    assert (occurrence.sequence, occurrence.status) == (1, EventOccurrence.Status.MOVED)
    assert occurrence.note == "Przeniesione o jeden dzień."


def test_saving_without_changing_a_date_keeps_its_sequence(clerk_client, venue):
    event = make_event(venue)
    client = clerk_client(groups=[EVENTS_GROUP])
    data = form_data(client.get(change_url(event)))
    assert client.post(change_url(event), {**data, "lead": "Nowy lead."}).status_code == 302
    occurrence = event.occurrences.get()
    assert (occurrence.sequence, occurrence.status) == (0, EventOccurrence.Status.SCHEDULED)


def test_cancelling_a_date_in_the_inline_goes_through_the_service(clerk_client, venue):
    event = make_event(venue, starts=[timezone.now() + timedelta(days=3), timezone.now() + timedelta(days=4)])
    first, second = event.occurrences.order_by("starts_at")
    client = clerk_client(groups=[EVENTS_GROUP])
    data = form_data(client.get(change_url(event)))
    data["occurrences-0-cancel_date"] = "on"
    data["occurrences-0-note"] = "Choroba solisty."

    assert client.post(change_url(event), data).status_code == 302

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.sequence, first.note) == (EventOccurrence.Status.CANCELLED, 1, "Choroba solisty.")
    assert (second.status, second.sequence) == (EventOccurrence.Status.SCHEDULED, 0)


def test_a_date_of_a_published_event_cannot_be_deleted(clerk_client, venue):
    event = make_event(venue)
    client = clerk_client(groups=[EVENTS_GROUP])
    client.post(f"/admin/events/event/{event.pk}/sprawa/", {"transition": "publish"})
    data = form_data(client.get(change_url(event)))
    assert data["occurrences-0-id"] == str(event.occurrences.get().pk)  # the date is on the form, without a delete box
    assert "occurrences-0-DELETE" not in data
    client.post(change_url(event), {**data, "occurrences-0-DELETE": "on"})
    assert event.occurrences.count() == 1


def test_adding_an_event_needs_a_date(clerk_client, venue):
    client = clerk_client(groups=[EVENTS_GROUP])
    data = form_data(client.get("/admin/events/event/add/"))
    data.update(
        {
            "title": "Dni Rudy",
            "lead": "Trzy dni koncertów.",
            "category": str(Category.objects.get(slug="festyny-i-plenery").pk),
            "venue": str(venue.pk),
            "organiser_name": "Miasto Ruda Śląska",
            "price_kind": "free",
        }
    )
    response = client.post("/admin/events/event/add/", data)
    assert response.status_code == 200
    assert not Event.objects.exists()

    start = timezone.localtime() + timedelta(days=60)
    data["occurrences-0-starts_at_0"] = start.strftime("%d.%m.%Y")
    data["occurrences-0-starts_at_1"] = "16:00"
    response = client.post("/admin/events/event/add/", data)
    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.status, event.created_by, event.occurrences.count()) == (Event.Status.DRAFT, client.clerk, 1)


# Submissions -------------------------------------------------------------------------------------------


def test_submissions_cannot_be_added_by_hand_and_link_to_their_event(clerk_client, venue):
    event = make_event(venue, submitted=True)
    submission = EventSubmission.objects.get()
    client = clerk_client(groups=[EVENTS_GROUP])
    assert client.get("/admin/events/eventsubmission/add/").status_code == 403
    page = client.get(f"/admin/events/eventsubmission/{submission.pk}/change/").content.decode()
    assert change_url(event) in page
    assert 'value="accept"' in page
    assert 'name="contact_email"' not in page  # the organiser's data is shown, not edited
    changelist = client.get("/admin/events/eventsubmission/", {"q": event.title}).content.decode()
    assert submission.case_mark in changelist


def test_submission_history_cannot_be_reverted(clerk_client, venue):
    make_event(venue, submitted=True)
    submission = EventSubmission.objects.get()
    version = submission.history.earliest("history_date")
    client = clerk_client(groups=[EVENTS_GROUP])
    url = f"/admin/events/eventsubmission/{submission.pk}/history/{version.history_id}/"
    assert client.post(url, {"handler": ""}).status_code == 403


def test_repeating_the_first_date_adds_separate_dates(clerk_client, django_capture_on_commit_callbacks):
    """A clerk turns a Tuesday workshop into ten weekly dates from the event form."""
    from datetime import timedelta

    from django.utils import timezone

    from events.models import Category, Event, Venue
    from events.services import event_create

    start = timezone.now().replace(microsecond=0) + timedelta(days=3)
    venue = Venue.objects.create(name="Filia nr 1 MBP", street_address="ul. Kaczmarka 2", district="halemba")
    event = event_create(
        acting_user=None,
        occurrences=[(start, start + timedelta(hours=2))],
        title="Warsztaty ceramiczne",
        lead="Dla dorosłych.",
        category=Category.objects.get(slug="warsztaty"),
        venue=venue,
        organiser_name="MBP",
    )
    client = clerk_client(groups=["Wydarzenia i imprezy masowe"])
    page = client.get(f"/admin/events/event/{event.pk}/change/")
    form = page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name not in ("image",)}
    data.update({"repeat_frequency": "WEEKLY", "repeat_count": "9", "category": event.category_id, "venue": venue.pk})
    for inline_admin in page.context["inline_admin_formsets"]:
        management = inline_admin.formset.management_form
        data.update({f"{inline_admin.formset.prefix}-{key}": value for key, value in management.initial.items()})
    inline = page.context["inline_admin_formsets"][0].formset
    occurrence = event.occurrences.get()
    data.update(
        {
            f"{inline.prefix}-0-id": occurrence.pk,
            f"{inline.prefix}-0-event": event.pk,
            f"{inline.prefix}-0-starts_at_0": timezone.localtime(occurrence.starts_at).strftime("%Y-%m-%d"),
            f"{inline.prefix}-0-starts_at_1": timezone.localtime(occurrence.starts_at).strftime("%H:%M:%S"),
            f"{inline.prefix}-0-ends_at_0": timezone.localtime(occurrence.ends_at).strftime("%Y-%m-%d"),
            f"{inline.prefix}-0-ends_at_1": timezone.localtime(occurrence.ends_at).strftime("%H:%M:%S"),
        }
    )
    response = client.post(f"/admin/events/event/{event.pk}/change/", data)
    assert response.status_code == 302
    starts = list(Event.objects.get(pk=event.pk).occurrences.order_by("starts_at").values_list("starts_at", flat=True))
    assert len(starts) == 10
    assert all(timezone.localtime(later).time() == timezone.localtime(starts[0]).time() for later in starts)
