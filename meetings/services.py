"""Every state change of the meetings with residents. Views, admin actions, commands and tests call these."""

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core import page_cache
from core.mail import mail_enqueue
from core.services import CaseWorkError
from core.site import site_url
from meetings.deadlines import request_answer_due
from meetings.models import MeetingRegistration, MeetingRequest, ResidentMeeting

#: [K] The category of the events calendar the meetings are announced in (created on the first announcement).
CALENDAR_CATEGORY_SLUG = "spotkania-z-mieszkancami"
CALENDAR_CATEGORY_NAME = "Spotkania z mieszkańcami"
#: [K] Who the calendar names as the organiser of a meeting.
CALENDAR_ORGANISER = "Prezydent Miasta Ruda Śląska"


class MeetingError(CaseWorkError):
    """A refusal of the meetings with residents, with a translated message."""


def meeting_publish(*, meeting: ResidentMeeting, acting_user) -> ResidentMeeting:
    """Publish a meeting on the portal and announce it in the events calendar (and so on the home page).

    DOMAIN.md §I.3: the dates of the Mayor's meetings are announced publicly on the website. The calendar gets the
    meeting's title, date and venue through `events.services` (only a meeting at a venue of the calendar can be
    announced there; one at another place is published on the meetings' pages only).
    """
    with transaction.atomic():
        locked = ResidentMeeting.objects.select_for_update().get(pk=meeting.pk)
        if locked.is_published:
            raise MeetingError(_("This meeting is already published."), code="already_published")
        locked.full_clean()
        locked.is_published = True
        locked.published_at = timezone.now()
        locked._history_user = acting_user  # the metryczka's "published by" (core.public_information)
        locked.save(update_fields=["is_published", "published_at", "updated_at"])
        if locked.venue_id and not locked.calendar_event_id:
            locked.calendar_event = _calendar_event_create(locked, acting_user=acting_user)
            locked.save(update_fields=["calendar_event", "updated_at"])
    meeting.refresh_from_db()
    return meeting


def _calendar_event_create(meeting: ResidentMeeting, *, acting_user):
    from events.models import Category
    from events.services import event_create, event_publish

    category, _created = Category.objects.get_or_create(
        slug=CALENDAR_CATEGORY_SLUG, defaults={"name": CALENDAR_CATEGORY_NAME, "position": 90}
    )
    event = event_create(
        acting_user=acting_user,
        occurrences=[(meeting.starts_at, meeting.ends_at)],
        title=meeting.title[:200],
        lead=(_("The Mayor's meeting: %(kind)s.") % {"kind": meeting.get_kind_display()})[:300],
        category=category,
        venue=meeting.venue,
        organiser_name=CALENDAR_ORGANISER,
        for_seniors=meeting.kind == "seniors_council",
        for_youth=meeting.kind == "youth_council",
        co_organised_by_city=True,
        capacity=meeting.capacity if meeting.registration_required else None,
    )
    # The section's clerk may not change the calendar's events: the meeting's publication (in its history) is the
    # act, and the calendar's event follows it as the system's step.
    return event_publish(event=event, acting_user=None)


def meeting_calendar_follow(*, meeting: ResidentMeeting, acting_user) -> None:
    """Carry a published meeting's new time to its event in the calendar (DOMAIN.md §I.3: the dates announced).

    The event's date is moved through `events.services.occurrence_move` (the calendar's entry keeps its UID and its
    SEQUENCE grows, so subscribed calendars follow), as the system's step: the section's clerk has no right over the
    calendar's events. A meeting without an event, or whose event already shows its time, is left as it is.
    """
    from events.models import EventOccurrence
    from events.services import occurrence_move

    if not meeting.calendar_event_id:
        return
    occurrence = EventOccurrence.objects.filter(event_id=meeting.calendar_event_id).order_by("starts_at", "pk").first()
    if occurrence is None or (occurrence.starts_at, occurrence.ends_at) == (meeting.starts_at, meeting.ends_at):
        return
    occurrence_move(
        occurrence=occurrence,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        acting_user=None,
        note=_("The meeting's time has changed."),
    )


def meeting_register(
    *, meeting: ResidentMeeting, full_name: str, email: str = "", phone: str = "", needs: str = "", info_clause=None
) -> MeetingRegistration:
    """Sign a resident up for a meeting while it takes registrations and a place is left.

    The place is taken by one conditional UPDATE (registered_count + 1 where still below the capacity), so two
    residents sending the form at once never get the last place both: the one whose update finds no row is told
    the meeting is full (a refusal, never a 5xx). The database's check constraint holds the same rule.
    """
    now = timezone.now()
    with transaction.atomic():
        taken = (
            ResidentMeeting.objects.public()
            .filter(pk=meeting.pk, registration_required=True, starts_at__gt=now)
            .filter(Q(capacity__isnull=True) | Q(registered_count__lt=F("capacity")))
            .update(registered_count=F("registered_count") + 1, updated_at=now)
        )
        if not taken:
            raise MeetingError(_("Registration for this meeting is closed: all places are taken."), code="full")
        registration = MeetingRegistration.objects.create(
            meeting_id=meeting.pk,
            full_name=full_name,
            email=email,
            phone=phone,
            needs=needs,
            info_clause=info_clause,
        )
        # The page shows the places left; the update above bypassed the model's save signals.
        transaction.on_commit(page_cache.bump_generation)
    return registration


def request_record(
    *, meeting: ResidentMeeting, raised_by: str, text: str, unit, contact_email: str = "", acting_user
) -> MeetingRequest:
    """Record a request (wniosek) a resident raised at a meeting, assigned to a unit, with its answer due date.

    k.p.a. Dział VIII [K, DOMAIN.md §I.3]: the answer is due within one month of the meeting
    (`meetings.deadlines.request_answer_due`), a clock in the Terminarz until it is answered. Refuses a request for a
    meeting that has not started yet.
    """
    if meeting.starts_at > timezone.now():
        raise MeetingError(_("A request can be recorded once the meeting has taken place."), code="not_held")
    raised_on = timezone.localdate(meeting.starts_at)
    request = MeetingRequest(
        meeting=meeting,
        raised_by=raised_by,
        contact_email=contact_email,
        text=text,
        unit=unit,
        raised_on=raised_on,
        answer_due=request_answer_due(raised_on),
    )
    request._history_user = acting_user
    with transaction.atomic():
        request.full_clean()
        request.save()
    return request


def request_answer(*, request: MeetingRequest, answer: str, acting_user) -> MeetingRequest:
    """Record the unit's answer to a request and, when the resident left an e-mail address, send it to them.

    k.p.a. art. 244 § 1 and art. 245 [K, DOMAIN.md §I.3]: the resident is told how the request was dealt with. The
    e-mail goes through the outbox in the same transaction; the answer ends the Terminarz's clock and shows in the
    meeting's public summary. Refuses an empty answer and a request already answered.
    """
    answer = (answer or "").strip()
    if not answer:
        raise MeetingError(_("Enter the answer."), code="empty_answer")
    with transaction.atomic():
        locked = (
            MeetingRequest.objects.select_for_update(of=("self",)).select_related("meeting", "unit").get(pk=request.pk)
        )
        if locked.answered_on:
            raise MeetingError(_("This request has already been answered."), code="already_answered")
        locked.answer = answer
        locked.answered_on = timezone.localdate()
        locked.answered_by = acting_user if acting_user and acting_user.is_authenticated else None
        fields = ["answer", "answered_on", "answered_by", "updated_at"]
        if locked.contact_email:
            mail_enqueue(
                to=[locked.contact_email],
                subject=_("Answer to your request from the meeting: %(meeting)s") % {"meeting": locked.meeting.title},
                template="meeting_request_answer",
                context={
                    "request": locked,
                    "meeting": locked.meeting,
                    "meeting_url": site_url(locked.meeting.get_absolute_url()),
                },
            )
            locked.answer_sent_at = timezone.now()
            fields.append("answer_sent_at")
        locked._history_user = acting_user
        locked.save(update_fields=fields)
    request.refresh_from_db()
    return request
