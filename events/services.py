"""Every state change of the events calendar. Views, admin actions, commands and tests call these."""

import logging
from datetime import datetime, timedelta

from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import CaseMessage, PrivateDocument
from core.private_documents import document_attach_upload
from core.public_images import public_image_create
from core.services import CaseWorkError, case_message_add, transition_perform
from core.uploads import PDF, random_upload_name
from events.models import MAX_OCCURRENCE_DAYS, Event, EventAttachment, EventOccurrence, EventSubmission

MAX_OCCURRENCES_PER_RULE = 366
logger = logging.getLogger(__name__)


class EventError(CaseWorkError):
    """A refusal of the events calendar, with a translated message."""


def _check_duration(starts_at, ends_at) -> None:
    if ends_at is not None and ends_at < starts_at:
        raise EventError(_("The end must not be before the start."), code="end_before_start")
    if ends_at is not None and ends_at - starts_at > timedelta(days=MAX_OCCURRENCE_DAYS):
        raise EventError(
            _("One date may last at most a year; split a longer event into several dates."), code="too_long"
        )


def event_create(*, acting_user, occurrences: list[tuple[datetime, datetime | None]], **fields) -> Event:
    """Create an event (a draft unless `status` says otherwise) with its dates."""
    if not occurrences:
        raise EventError(_("An event needs at least one date."), code="no_dates")
    for starts_at, ends_at in occurrences:
        _check_duration(starts_at, ends_at)
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
    if duration is not None:
        _check_duration(first_start, first_start + duration)
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
    _check_duration(starts_at, ends_at)
    with transaction.atomic():
        locked = EventOccurrence.objects.select_for_update().get(pk=occurrence.pk)
        locked.starts_at, locked.ends_at = starts_at, ends_at
        locked.status = EventOccurrence.Status.MOVED
        locked.note = note[:200]
        locked.sequence += 1
        locked.save(update_fields=["starts_at", "ends_at", "status", "note", "sequence", "updated_at"])
    return locked


OPEN_SUBMISSION_STATUSES = (EventSubmission.Status.SUBMITTED, EventSubmission.Status.CHANGES_REQUESTED)


def _open_submission(event: Event) -> EventSubmission | None:
    """The organiser's submission of `event` still awaiting a decision, locked; None if none."""
    return (
        EventSubmission.objects.select_for_update()
        .filter(event_id=event.pk, status__in=OPEN_SUBMISSION_STATUSES)
        .first()
    )


def on_event_publish(event: Event, *, acting_user, note: str = "") -> None:
    """Effect of the "publish" transition: stamp the first publication time (RSS orders by it).

    A submitted event published straight from the event's panel closes its submission as accepted,
    so the organiser is told, exactly as when the clerk accepts the submission itself.
    """
    Event.objects.filter(pk=event.pk, published_at__isnull=True).update(published_at=timezone.now())
    submission = _open_submission(event)
    if submission is not None:
        transition_perform(obj=submission, name="accept", acting_user=acting_user, note=note)


def on_event_reject(event: Event, *, acting_user, note: str = "") -> None:
    """Effect of rejecting a submitted event from its panel: the submission is rejected with the same reason."""
    submission = _open_submission(event)
    if submission is not None:
        transition_perform(obj=submission, name="reject", acting_user=acting_user, note=note)


def on_event_dates_change(event: Event, *, acting_user, note: str = "") -> None:
    """Effect of cancelling, postponing or restoring an event: subscribed calendars must update every date.

    A restored event drops the note residents read while it was called off (`events_call_off`).
    """
    EventOccurrence.objects.filter(event=event).update(sequence=F("sequence") + 1, updated_at=timezone.now())
    if event.status == Event.Status.PUBLISHED and event.status_note:
        event.status_note = ""
        event.save(update_fields=["status_note", "updated_at"])


#: The moves `events_call_off` makes, by the name of the event's transition.
CALL_OFF_TRANSITIONS = ("cancel", "postpone")


def events_call_off(*, events, transition: str, note: str, acting_user) -> list[Event]:
    """Cancel or postpone chosen events at once with one note (a mourning, DOMAIN.md §F.6: entertainment events of
    the city's institutions are cancelled or held without their setting).

    Each event moves through its workflow (`transition_perform`: status history, SEQUENCE of every date raised, so
    subscribed calendars get STATUS:CANCELLED or TENTATIVE); the note is shown on the event's page; the organiser of
    a submitted event is told through the submission's case (a department message, announced by e-mail). All or
    nothing: one event that cannot move refuses the whole batch (CaseWorkError) and nothing is changed.
    """
    if transition not in CALL_OFF_TRANSITIONS:
        raise ValueError(transition)
    note = (note or "").strip()
    if not note:
        raise CaseWorkError(_("This action needs a note with the reason."), code="note_required")
    done = []
    with transaction.atomic():
        for event in events:
            transition_perform(obj=event, name=transition, acting_user=acting_user, note=note)
            event.status_note = note[:300]
            event.save(update_fields=["status_note", "updated_at"])
            submission = EventSubmission.objects.filter(event=event).first()
            if submission is not None:
                message = (
                    _("The event “%(title)s” has been cancelled. %(note)s")
                    if transition == "cancel"
                    else _("The event “%(title)s” has been postponed. %(note)s")
                ) % {"title": event.title, "note": note}
                case_message_add(
                    case=submission, body=message, author_kind=CaseMessage.Author.CLERK, acting_user=acting_user
                )
            done.append(event)
    return done


def event_publish(*, event: Event, acting_user) -> Event:
    """Publish an event (visible now, or from its `publish_at`); the transition stamps published_at."""
    transition_perform(obj=event, name="publish", acting_user=acting_user)
    event.refresh_from_db(fields=["status", "published_at"])
    return event


def events_archive_past(*, now=None) -> int:
    """Archive published, cancelled or postponed events whose every date has ended (idempotent)."""
    now = now or timezone.now()
    cutoff = now - timedelta(hours=12)
    # A date is over when its end (or, without an end, its start) has passed: a running exhibition stays.
    still_running = EventOccurrence.objects.filter(event=OuterRef("pk")).filter(
        Q(ends_at__gte=cutoff) | Q(ends_at__isnull=True, starts_at__gte=cutoff)
    )
    candidates = Event.objects.filter(
        status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED, Event.Status.POSTPONED]
    ).exclude(Exists(still_running))
    archived = 0
    for event in candidates.iterator():
        transition_perform(obj=event, name="archive", acting_user=None)
        archived += 1
    return archived


def submission_prepare(
    *,
    submission: EventSubmission,
    event_fields: dict,
    occurrences: list[tuple[datetime, datetime | None]],
    image=None,
    image_alt_text: str = "",
) -> EventSubmission:
    """Create the submitted event with its dates and tie the organiser's (unsaved) submission to it.

    Runs in the transaction that opens the case (`core.public_cases.PublicCaseCreateView.build_case`), so a
    double submit that loses takes its event back with it. The event waits in status "submitted", seen by
    nobody but the clerks. The alternative text is kept only with an image. Raises EventError for bad dates.
    """
    event = event_create(acting_user=None, occurrences=occurrences, status=Event.Status.SUBMITTED, **event_fields)
    submission.event = event
    submission.image_alt_text = (image_alt_text or "").strip() if image else ""
    return submission


def submission_received(*, submission: EventSubmission, image=None) -> None:
    """Finish receiving an opened submission: keep its image privately.

    Runs in the transaction that opens the case (`core.services.case_open(on_open=...)`), which then sends the
    organiser the case mark and the private link (the model's CASE_OPENED_SUBJECT).
    """
    if image:
        submission_image_attach(submission=submission, image=image)


def submission_image_attach(*, submission: EventSubmission, image) -> PrivateDocument:
    """Keep the organiser's image (a validated upload) with the case, privately, until the clerk accepts it.

    It is one of the applicant's documents of the case (downloadable from the tracking page and by the clerk);
    a later image replaces it as the one to publish, the earlier stays in the case's documents.
    """
    document = document_attach_upload(case=submission, upload=image, description=_("Image of the event"))
    submission.image_document = document
    submission.save(update_fields=["image_document", "updated_at"])
    return document


def submission_changes_apply(
    *,
    submission: EventSubmission,
    event_fields: dict,
    occurrences: list[tuple[datetime, datetime | None]],
    contact: dict,
    image=None,
    image_alt_text: str = "",
) -> EventSubmission:
    """Write the organiser's changed submission: the event's fields and dates, the contact, a new image.

    Called by `core.applicant_changes.case_changes_send` (the case is locked, the transaction open; the kernel
    keeps both versions and hands the case back to the clerk). The event is still a submitted draft nobody
    has seen, so its dates are replaced as a whole. A new image is kept privately like the first one (which
    stays among the case's documents). Raises EventError for a date that is too long.
    """
    if not occurrences:
        raise EventError(_("An event needs at least one date."), code="no_dates")
    for starts_at, ends_at in occurrences:
        _check_duration(starts_at, ends_at)
    event = Event.objects.select_for_update().get(pk=submission.event_id)
    for name, value in event_fields.items():
        setattr(event, name, value)
    event.full_clean()
    event._change_reason = _("Changes sent by the applicant.")
    event.save(update_fields=[*event_fields, "updated_at"])
    EventOccurrence.objects.filter(event=event).delete()
    EventOccurrence.objects.bulk_create(
        EventOccurrence(event=event, starts_at=starts_at, ends_at=ends_at) for starts_at, ends_at in occurrences
    )
    for name, value in contact.items():
        setattr(submission, name, value)
    submission.image_alt_text = image_alt_text
    submission.full_clean(exclude=["register_entry", "event", "image_document"])
    submission._change_reason = _("Changes sent by the applicant.")
    submission.save(update_fields=[*contact, "image_alt_text", "updated_at"])
    if image:
        submission_image_attach(submission=submission, image=image)
    return submission


def _submission_image_publish(submission: EventSubmission, event: Event, *, acting_user) -> None:
    """Make the submission's private image the event's public image (re-encoded renditions, alt text).

    Only when the event has no image yet (a clerk's choice wins) and the alternative text is there (WCAG 1.1.1).
    An image that cannot be read any more is left out: accepting the event never fails because of it.
    """
    document = submission.image_document
    alt_text = submission.image_alt_text.strip()
    if document is None or event.image_id or not alt_text:
        return
    try:
        with document.file.open("rb") as handle:
            content = handle.read()
        image = public_image_create(
            uploaded_file=ContentFile(content, name=document.original_name or "obraz"),
            alt_text=alt_text,
            acting_user=acting_user,
        )
    except (OSError, ValidationError):
        logger.warning("event=submission_image_not_published submission=%s", submission.pk)
        return
    event.image = image
    event.save(update_fields=["image", "updated_at"])


def on_submission_accept(submission: EventSubmission, *, acting_user, note: str = "") -> None:
    """Effect of accepting a submission: publish its event with the submitted image (the kernel then tells the
    organiser, `submission_message_accept`)."""
    event = Event.objects.select_for_update().get(pk=submission.event_id)
    _submission_image_publish(submission, event, acting_user=acting_user)
    if event.status in (Event.Status.DRAFT, Event.Status.SUBMITTED):
        transition_perform(obj=event, name="publish", acting_user=None)


def submission_message_accept(submission: EventSubmission, note: str) -> str:
    """The organiser's message when the submission is accepted: the event is published, then the clerk's note."""
    body = _("Your event has been accepted and published in the city's calendar.")
    return f"{body}\n\n{note}" if note else body


def on_submission_reject(submission: EventSubmission, *, acting_user, note: str = "") -> None:
    """Effect of rejecting a submission: the event is marked rejected.

    The event leaves the clerks' "submitted" queue (it was never public and never becomes so). The reason goes to
    the organiser through the transition's note_to_applicant flag.
    """
    event = Event.objects.select_for_update().get(pk=submission.event_id)
    if event.status == Event.Status.SUBMITTED:
        transition_perform(obj=event, name="reject", acting_user=acting_user, note=note)


def event_duplicate(*, event: Event, acting_user, now=None) -> Event:
    """Copy an event as a new draft, under a new address, with those of its dates that are still to come.

    For events that come back (next year's festival, another season of a series). Cancelled dates are
    left out; a moved date is copied as planned at its new time. The copy has no submission, no
    publication time and no dates in the past; the clerk checks it and publishes it. Attachments are
    copied as files of their own.
    """
    now = now or timezone.now()
    values = {
        field.attname: getattr(event, field.attname)
        for field in Event._meta.concrete_fields
        if field.editable and not field.primary_key and field.name not in ("slug", "publish_at")
    }
    with transaction.atomic():
        copy = Event(
            **values,
            status=Event.Status.DRAFT,
            created_by=acting_user if acting_user and acting_user.is_authenticated else None,
        )
        copy.save()
        EventOccurrence.objects.bulk_create(
            EventOccurrence(event=copy, starts_at=occurrence.starts_at, ends_at=occurrence.ends_at)
            for occurrence in event.occurrences.filter(starts_at__gt=now).exclude(
                status=EventOccurrence.Status.CANCELLED
            )
        )
        for attachment in event.attachments.all():
            _attachment_copy(attachment, event=copy)
    return copy


def _attachment_copy(attachment: EventAttachment, *, event: Event) -> EventAttachment | None:
    """Copy an attachment to `event` under a new file name (deleting one event's file leaves the other's)."""
    try:
        with attachment.file.open("rb") as handle:
            content = handle.read()
    except FileNotFoundError:
        return None
    copy = EventAttachment(
        event=event,
        title=attachment.title,
        position=attachment.position,
        original_name=attachment.original_name,
        mime_type=attachment.mime_type,
    )
    copy.file.save(random_upload_name(PDF), ContentFile(content), save=False)
    copy.save()
    return copy


def event_mark_honorary_patronage(*, event_id: int, granted: bool) -> None:
    """Show or drop the "Patronat Prezydenta Miasta" mark of an event in the calendar.

    DOMAIN.md §E.1: events under the Prezydent's honorary patronage appear in the calendar with the mark. The
    patronage app calls this when a granted patronage names the event, or stops naming it; the event's own history
    records the change and the public pages are refreshed (a save, so the page cache's generation moves).
    """
    with transaction.atomic():
        event = Event.objects.select_for_update().filter(pk=event_id).first()
        if event is None or event.honorary_patronage == granted:
            return
        event.honorary_patronage = granted
        event.save(update_fields=["honorary_patronage", "updated_at"])
