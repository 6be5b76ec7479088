"""Services of the events calendar: dates, repetition, cancelling and moving, publishing, drafts never leak."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from core.models import StatusChange
from core.services import CaseWorkError, transition_perform
from events.models import Category, Event, EventOccurrence
from events.services import (
    EventError,
    event_create,
    event_publish,
    occurrence_cancel,
    occurrence_move,
    occurrences_from_rule,
)
from tests.events.factories import mck_venue

WARSAW = ZoneInfo("Europe/Warsaw")


@pytest.fixture
def venue(db):
    return mck_venue()


def make_event(venue, **fields):
    start = fields.pop("start", timezone.now() + timedelta(days=7))
    return event_create(
        acting_user=None,
        occurrences=[(start, start + timedelta(hours=2))],
        title=fields.pop("title", "Koncert Orkiestry Dętej KWK Halemba"),
        lead="Wieczór marszów i walców.",
        category=Category.objects.get(slug="koncerty"),
        venue=venue,
        organiser_name="MCK im. Henryka Bisty",
        **fields,
    )


def test_slug_keeps_polish_letters_and_is_unique(venue):
    first = make_event(venue, title="Łódzkie Święto Światła")
    second = make_event(venue, title="Łódzkie Święto Światła")
    assert (first.slug, second.slug) == ("lodzkie-swieto-swiatla", "lodzkie-swieto-swiatla-2")


def test_an_event_needs_a_date(venue):
    with pytest.raises(EventError, match="musi mieć co najmniej jeden termin"):
        event_create(acting_user=None, occurrences=[], title="Bez daty", lead="x", category_id=1, venue=venue)
    assert not Event.objects.exists()


def test_weekly_rule_becomes_separate_dates_in_local_time_across_dst(venue):
    """A Tuesday 18:00 workshop stays at 18:00 Warsaw time before and after the October clock change."""
    event = make_event(venue)
    first = datetime(2026, 10, 13, 18, 0, tzinfo=WARSAW)
    created = occurrences_from_rule(
        event=event, first_start=first, duration=timedelta(hours=2), rule="FREQ=WEEKLY;COUNT=4", acting_user=None
    )
    local = [timezone.localtime(o.starts_at, WARSAW) for o in created]
    assert [(d.month, d.day, d.hour) for d in local] == [(10, 13, 18), (10, 20, 18), (10, 27, 18), (11, 3, 18)]


@pytest.mark.parametrize(
    ("rule", "reason"),
    [
        ("FREQ=WEEKLY", "musi mieć określone zakończenie"),
        ("FREQ=DAILY;COUNT=400", "może utworzyć najwyżej 366 terminów"),
        ("to nie jest reguła;COUNT=2", "Reguła powtarzania jest nieprawidłowa"),
    ],
    ids=["endless", "huge", "broken"],
)
def test_endless_huge_or_broken_rules_are_refused(venue, rule, reason):
    event = make_event(venue)
    with pytest.raises(EventError, match=reason):
        occurrences_from_rule(event=event, first_start=timezone.now(), duration=None, rule=rule, acting_user=None)
    assert event.occurrences.count() == 1


def test_cancelling_and_moving_a_date_bump_its_sequence(venue):
    event = make_event(venue)
    occurrence = event.occurrences.get()
    cancelled = occurrence_cancel(occurrence=occurrence, acting_user=None, note="Choroba solisty")
    assert (cancelled.status, cancelled.sequence) == (EventOccurrence.Status.CANCELLED, 1)
    new_start = occurrence.starts_at + timedelta(days=7)
    moved = occurrence_move(occurrence=cancelled, starts_at=new_start, ends_at=None, acting_user=None)
    assert (moved.pk, moved.status, moved.sequence, moved.starts_at) == (
        occurrence.pk,
        EventOccurrence.Status.MOVED,
        2,
        new_start,
    )
    with pytest.raises(EventError, match="Data zakończenia nie może być wcześniejsza"):
        occurrence_move(
            occurrence=moved, starts_at=new_start, ends_at=new_start - timedelta(hours=1), acting_user=None
        )


def test_drafts_never_leak_and_publishing_is_recorded(venue):
    event = make_event(venue)
    assert not Event.objects.published().exists()
    assert not EventOccurrence.objects.public().exists()
    event_publish(event=event, acting_user=None)
    assert list(Event.objects.published()) == [event]
    assert event.published_at is not None
    assert StatusChange.objects.filter(object_id=event.pk, action="events.event.publish").count() == 1


def test_scheduled_publication_waits_for_its_time(venue):
    event = make_event(venue, publish_at=timezone.now() + timedelta(days=1))
    event_publish(event=event, acting_user=None)
    assert not Event.objects.published().exists()
    assert Event.objects.published(now=timezone.now() + timedelta(days=2)).exists()


def test_cancelling_an_event_needs_a_reason_and_keeps_it_public_and_marked(venue):
    event = make_event(venue)
    event_publish(event=event, acting_user=None)
    with pytest.raises(CaseWorkError, match="wymaga adnotacji z uzasadnieniem"):
        transition_perform(obj=event, name="cancel", acting_user=None)
    transition_perform(obj=event, name="cancel", acting_user=None, note="Złe warunki pogodowe")
    assert Event.objects.published().get().status == Event.Status.CANCELLED


def test_price_range_must_be_ordered(venue):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Najwyższa cena nie może być niższa od najniższej") as refusal:
        make_event(venue, price_kind=Event.PriceKind.PAID, price_from=50, price_to=20)
    assert list(refusal.value.message_dict) == ["price_to"]


def test_cancelling_a_whole_event_bumps_every_date_for_subscribed_calendars(venue):
    event = make_event(venue)
    event_publish(event=event, acting_user=None)
    transition_perform(obj=event, name="cancel", acting_user=None, note="Odwołane")
    assert list(event.occurrences.values_list("sequence", flat=True)) == [1]
