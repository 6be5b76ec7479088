"""Every state change of the meetings with residents. Views, admin actions, commands and tests call these."""

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core import page_cache
from core.services import CaseWorkError
from meetings.models import MeetingRegistration, ResidentMeeting

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
