"""Every state change of the events calendar. Views, admin actions, commands and tests call these."""

from datetime import datetime, timedelta

from dateutil.rrule import rrulestr
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import CaseMessage
from core.services import CaseWorkError, case_message_add, transition_perform
from events.models import Event, EventOccurrence, EventSubmission

MAX_OCCURRENCES_PER_RULE = 366


class EventError(CaseWorkError):
    """A refusal of the events calendar, with a translated message."""


def event_create(*, acting_user, occurrences: list[tuple[datetime, datetime | None]], **fields) -> Event:
    """Create an event (a draft unless `status` says otherwise) with its dates."""
    if not occurrences:
        raise EventError(_("An event needs at least one date."), code="no_dates")
    with transaction.atomic():
        event = Event(created_by=acting_user if acting_user and acting_user.is_authenticated else None, **fields)
        event.full_clean()
        event.save()
        EventOccurrence.objects.bulk_create(
            EventOccurrence(event=event, starts_at=starts_at, ends_at=ends_at) for starts_at, ends_at in occurrences
        )
    return event


def occurrences_from_rule(
    *, event: Event, first_start: datetime, duration: timedelta | None, rule: str, acting_user
) -> list[EventOccurrence]:
    """Expand an RFC 5545 recurrence rule (e.g. "FREQ=WEEKLY;BYDAY=TU;COUNT=10") into occurrences of `event`.

    Each generated date is an ordinary occurrence that can later be cancelled or moved on its own.
    Refuses rules without an end (COUNT or UNTIL) and rules giving more than 366 dates.
    """
    rule = (rule or "").strip().upper().removeprefix("RRULE:")
    if "COUNT=" not in rule and "UNTIL=" not in rule:
        raise EventError(_("A repeating event needs an end: a number of dates or a last date."), code="endless_rule")
    try:
        local_start = timezone.localtime(first_start).replace(tzinfo=None)
        starts = list(rrulestr(rule, dtstart=local_start))[: MAX_OCCURRENCES_PER_RULE + 1]
    except (ValueError, TypeError) as error:
        raise EventError(_("The repetition rule is not valid."), code="bad_rule") from error
    if len(starts) > MAX_OCCURRENCES_PER_RULE:
        raise EventError(_("A repetition may give at most 366 dates."), code="too_many_dates")
    zone = timezone.get_current_timezone()
    with transaction.atomic():
        return EventOccurrence.objects.bulk_create(
            EventOccurrence(
                event=event,
                starts_at=timezone.make_aware(start, zone),
                ends_at=timezone.make_aware(start, zone) + duration if duration else None,
            )
            for start in starts
        )


def occurrence_cancel(*, occurrence: EventOccurrence, acting_user, note: str = "") -> EventOccurrence:
    """Cancel one date of an event; calendars that subscribed get STATUS:CANCELLED with a higher SEQUENCE."""
    with transaction.atomic():
        locked = EventOccurrence.objects.select_for_update().get(pk=occurrence.pk)
        locked.status = EventOccurrence.Status.CANCELLED
        locked.note = note[:200]
        locked.sequence += 1
        locked.save(update_fields=["status", "note", "sequence", "updated_at"])
    return locked


def occurrence_move(
    *, occurrence: EventOccurrence, starts_at: datetime, ends_at: datetime | None, acting_user, note: str = ""
) -> EventOccurrence:
    """Move one date of an event to another time; the same calendar entry (UID) is updated, SEQUENCE grows."""
    if ends_at is not None and ends_at < starts_at:
        raise EventError(_("The end must not be before the start."), code="end_before_start")
    with transaction.atomic():
        locked = EventOccurrence.objects.select_for_update().get(pk=occurrence.pk)
        locked.starts_at, locked.ends_at = starts_at, ends_at
        locked.status = EventOccurrence.Status.MOVED
        locked.note = note[:200]
        locked.sequence += 1
        locked.save(update_fields=["starts_at", "ends_at", "status", "note", "sequence", "updated_at"])
    return locked


def event_publish(*, event: Event, acting_user) -> Event:
    """Publish an event (now, or at its `publish_at`); stamps published_at."""
    with transaction.atomic():
        transition_perform(obj=event, name="publish", acting_user=acting_user)
        Event.objects.filter(pk=event.pk, published_at__isnull=True).update(published_at=timezone.now())
    event.refresh_from_db(fields=["status", "published_at"])
    return event


def events_archive_past(*, now=None) -> int:
    """Archive published, cancelled or postponed events whose every date has ended (idempotent)."""
    now = now or timezone.now()
    candidates = Event.objects.filter(
        status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED, Event.Status.POSTPONED]
    ).exclude(occurrences__starts_at__gte=now - timedelta(hours=12))
    archived = 0
    for event in candidates.iterator():
        transition_perform(obj=event, name="archive", acting_user=None)
        archived += 1
    return archived


def submission_accepted(submission: EventSubmission, *, acting_user, note: str = "") -> None:
    """Effect of accepting a submission: publish its event and tell the organiser (workflow effect)."""
    event = Event.objects.select_for_update().get(pk=submission.event_id)
    if event.status in (Event.Status.DRAFT, Event.Status.SUBMITTED):
        transition_perform(obj=event, name="publish", acting_user=None)
        Event.objects.filter(pk=event.pk, published_at__isnull=True).update(published_at=timezone.now())
    body = _("Your event has been accepted and published in the city's calendar.")
    if note:
        body = f"{body}\n\n{note}"
    case_message_add(case=submission, body=body, author_kind=CaseMessage.Author.CLERK, acting_user=acting_user)


def submission_note_to_organiser(submission: EventSubmission, *, acting_user, note: str = "") -> None:
    """Effect of asking for changes or rejecting: the clerk's reason goes to the organiser (workflow effect)."""
    case_message_add(case=submission, body=note, author_kind=CaseMessage.Author.CLERK, acting_user=acting_user)
