"""Demo events (`seed_events`) and the daily archiving of past events (`archive_past_events`)."""

import io
import re
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from core.models import StatusChange
from events.management.commands.seed_events import SLUG_PREFIX
from events.models import Category, District, Event, EventOccurrence, EventSubmission, Venue
from events.services import event_create, event_publish
from meetings.services import CALENDAR_CATEGORY_SLUG as MEETINGS_CATEGORY_SLUG
from tests.events.factories import EventFactory, category


def seed(**options) -> str:
    out = io.StringIO()
    call_command("seed_events", "--allow-outside-debug", stdout=out, **options)
    return out.getvalue()


def archive() -> str:
    out = io.StringIO()
    call_command("archive_past_events", stdout=out)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------------------
# seed_events
# ---------------------------------------------------------------------------------------------------------
def check_creates_three_months_of_varied_events():
    now = timezone.now()
    demo = Event.objects.filter(slug__startswith=SLUG_PREFIX)
    upcoming = demo.filter(occurrences__starts_at__gte=now).distinct()
    assert demo.count() >= 300
    assert upcoming.count() >= 290
    dates = EventOccurrence.objects.filter(event__in=demo, starts_at__gte=now).order_by("starts_at")
    assert dates.first().starts_at < now + timedelta(days=3)  # something is on in the next days
    first_dates = [event.occurrences.order_by("starts_at").first().starts_at for event in upcoming]
    assert max(first_dates) > now + timedelta(days=75)  # ... and in the third month
    assert max(first_dates) < now + timedelta(days=105)
    # Every seeded category is used (the meetings' own category carries the meetings' announcements); free and
    # paid events, with prices for the paid ones.
    seeded = Category.objects.exclude(slug=MEETINGS_CATEGORY_SLUG)
    assert set(demo.values_list("category__slug", flat=True)) == set(seeded.values_list("slug", flat=True))
    assert demo.filter(price_kind=Event.PriceKind.FREE).count() > 50
    paid = demo.filter(price_kind=Event.PriceKind.PAID)
    assert paid.count() > 50
    assert not paid.filter(price_from__isnull=True).exists()
    # Audiences.
    for audience in ("for_children", "for_youth", "for_seniors", "for_families"):
        assert demo.filter(**{audience: True}).exists(), audience


def check_venues_are_the_city_institutions_in_their_districts():
    venues = {venue.slug: venue for venue in Venue.objects.all()}
    mck = venues["mck-im-henryka-bisty"]
    assert (mck.street_address, mck.postal_code, mck.district) == ("ul. Niedurnego 69", "41-709", District.NOWY_BYTOM)
    museum = venues["muzeum-miejskie"]
    assert (museum.name, museum.street_address, museum.district) == (
        "Muzeum Miejskie im. Maksymiliana Chroboka",
        "ul. Wolności 26",
        District.RUDA,
    )
    assert sum("MBP" in venue.name for venue in venues.values()) >= 6
    assert all(re.fullmatch(r"41-7\d\d", venue.postal_code) for venue in venues.values())
    assert len({venue.district for venue in venues.values()}) >= 9
    assert any(venue.step_free_entry and venue.induction_loop for venue in venues.values())
    assert any(venue.accessibility_notes for venue in venues.values())


def check_has_series_cancellations_postponements_and_submissions():
    demo = Event.objects.filter(slug__startswith=SLUG_PREFIX)
    series = demo.annotate(dates=Count("occurrences")).filter(dates__gte=4, category__slug="warsztaty")
    assert series.count() >= 10
    assert demo.filter(status=Event.Status.CANCELLED).count() >= 3
    assert demo.filter(status=Event.Status.POSTPONED).count() >= 3
    assert EventOccurrence.objects.filter(event__in=demo, status=EventOccurrence.Status.CANCELLED).count() >= 3
    assert demo.filter(status=Event.Status.ARCHIVED).count() >= 10
    submitted = demo.filter(status=Event.Status.SUBMITTED)
    assert submitted.count() >= 5
    assert EventSubmission.objects.filter(event__in=submitted).count() == submitted.count()
    assert demo.filter(status=Event.Status.PUBLISHED, publish_at__gt=timezone.now()).exists()


def check_changes_status_through_the_workflow_only():
    """Each public event was published by the workflow (one history row); drafts never reach the public."""
    event_type = ContentType.objects.get_for_model(Event)
    published_ids = set(
        StatusChange.objects.filter(content_type=event_type, action="events.event.publish").values_list(
            "object_id", flat=True
        )
    )
    public = Event.objects.filter(slug__startswith=SLUG_PREFIX).exclude(status=Event.Status.SUBMITTED)
    assert set(public.values_list("pk", flat=True)) <= published_ids
    for event in Event.objects.filter(status__in=[Event.Status.CANCELLED, Event.Status.POSTPONED]):
        assert StatusChange.objects.filter(content_type=event_type, object_id=event.pk, to_status=event.status)
    submitted = Event.objects.filter(status=Event.Status.SUBMITTED)
    assert not Event.objects.published().filter(pk__in=submitted).exists()
    assert not EventOccurrence.objects.public().filter(event__in=submitted).exists()


def check_is_idempotent():
    """A second run (`make run` seeds every time) creates nothing."""
    counts = (
        Event.objects.count(),
        EventOccurrence.objects.count(),
        Venue.objects.count(),
        StatusChange.objects.count(),
    )
    out = seed()
    assert "nic nie dodano" in out
    assert counts == (
        Event.objects.count(),
        EventOccurrence.objects.count(),
        Venue.objects.count(),
        StatusChange.objects.count(),
    )


def check_no_two_events_share_a_venue_at_the_same_time():
    """A hall holds one concert at a time: no two demo dates at one venue overlap (running exhibitions aside)."""
    dates = EventOccurrence.objects.filter(event__slug__startswith=SLUG_PREFIX).exclude(
        status=EventOccurrence.Status.CANCELLED
    )
    by_venue = {}
    for venue, start, end, title in dates.values_list("event__venue", "starts_at", "ends_at", "event__title"):
        if end is None or end - start < timedelta(days=1):
            by_venue.setdefault(venue, []).append((start, end or start + timedelta(hours=2), title))
    clashes = []
    for slots in by_venue.values():
        slots.sort()
        clashes += [(a, b) for a, b in zip(slots, slots[1:], strict=False) if b[0] < a[1]]
    assert clashes == []


def test_seed_demo_seeds_a_realistic_calendar_once(db):
    """`seed_demo` (what `make run` calls) seeds the events; one seed, several checks (it takes seconds)."""
    call_command("seed_demo", "--allow-outside-debug", stdout=io.StringIO())
    check_creates_three_months_of_varied_events()
    check_venues_are_the_city_institutions_in_their_districts()
    check_has_series_cancellations_postponements_and_submissions()
    check_changes_status_through_the_workflow_only()
    check_no_two_events_share_a_venue_at_the_same_time()
    check_is_idempotent()


def test_seed_tops_up_to_a_larger_count_and_no_further(db):
    seed(count=12, past=2)
    assert Event.objects.filter(slug__startswith=SLUG_PREFIX).count() == 14
    seed(count=20, past=2)
    assert Event.objects.filter(slug__startswith=SLUG_PREFIX).count() == 22
    seed(count=20, past=2)
    assert Event.objects.filter(slug__startswith=SLUG_PREFIX).count() == 22


# ---------------------------------------------------------------------------------------------------------
# archive_past_events
# ---------------------------------------------------------------------------------------------------------
@pytest.fixture
def venue(db):
    return Venue.objects.create(name="Stacja Biblioteka – MBP", street_address="ul. Dworcowa 33", district="chebzie")


def make_event(venue, title, *starts, publish=True):
    event = event_create(
        acting_user=None,
        occurrences=[(start, start + timedelta(hours=2)) for start in starts],
        title=title,
        lead="Spotkanie w bibliotece.",
        category=Category.objects.get(slug="spotkania-i-wyklady"),
        venue=venue,
        organiser_name="Miejska Biblioteka Publiczna w Rudzie Śląskiej",
    )
    if publish:
        event_publish(event=event, acting_user=None)
    return event


def test_archive_moves_past_events_only_and_a_second_run_changes_nothing(venue):
    now = timezone.now()
    past = make_event(venue, "Spotkanie autorskie w zeszłym tygodniu", now - timedelta(days=7))
    series_over = make_event(venue, "Cykl zakończony", now - timedelta(days=14), now - timedelta(days=2))
    future = make_event(venue, "Spotkanie za tydzień", now + timedelta(days=7))
    series_going_on = make_event(venue, "Cykl w trakcie", now - timedelta(days=7), now + timedelta(days=7))
    past_draft = make_event(venue, "Szkic, który nie wyszedł", now - timedelta(days=7), publish=False)

    assert archive().strip() == "Archived events: 2"

    statuses = {event.title: event.status for event in Event.objects.all()}
    assert statuses == {
        past.title: Event.Status.ARCHIVED,
        series_over.title: Event.Status.ARCHIVED,
        future.title: Event.Status.PUBLISHED,
        series_going_on.title: Event.Status.PUBLISHED,
        past_draft.title: Event.Status.DRAFT,
    }
    history = StatusChange.objects.filter(action="events.event.archive")
    assert set(history.values_list("object_id", flat=True)) == {past.pk, series_over.pk}

    changes = StatusChange.objects.count()
    assert archive().strip() == "Archived events: 0"
    assert StatusChange.objects.count() == changes
    assert {event.title: event.status for event in Event.objects.all()} == statuses


def test_archived_events_stay_public_but_leave_the_upcoming_list(venue):
    past = make_event(venue, "Wieczór poezji", timezone.now() - timedelta(days=3))
    archive()
    assert Event.objects.published().filter(pk=past.pk).exists()  # the archive page still shows it
    assert not EventOccurrence.objects.public().upcoming().filter(event=past).exists()


def test_a_running_exhibition_is_not_archived(venue):
    now = timezone.now()
    event = EventFactory(
        title="Wystawa „Ślady przemysłu”",
        lead="Fotografia.",
        category=category("wystawy"),
        venue=venue,
        organiser_name="MCK im. Henryka Bisty",
        dates=[(now - timedelta(days=10), now + timedelta(days=20))],
    )
    archive()
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED
