"""The Mayor's meetings with residents and groups (DOMAIN.md §I.3): the schedule, registrations, minutes, photos.

A meeting is published by the section's clerk; residents read its page (date, place, topics, accessibility), may
register while places remain, and find the minutes and photos there afterwards. Who registered and who came stays
internal (DOMAIN.md §I.3: attendance lists are not public).
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.districts import District
from core.html import SanitisedHTMLField
from core.models import InformationClause, PublicImage, TimeStampedModel
from core.slugs import unique_slug

#: [K] A meeting stays among the upcoming ones for this long after its start (it is probably still going on).
MEETING_LISTED_AS_UPCOMING_HOURS = 3


class MeetingKind(models.TextChoices):
    """Who the Mayor meets (DOMAIN.md §I.3; both councils exist in Ruda Śląska)."""

    DISTRICT = "district", _("district meeting with residents")
    SENIORS_COUNCIL = "seniors_council", _("Seniors' Council")
    YOUTH_COUNCIL = "youth_council", _("Youth Council")
    NGOS = "ngos", _("non-governmental organisations")
    BUSINESS = "business", _("entrepreneurs")


class ResidentMeetingQuerySet(models.QuerySet):
    def public(self):
        """Meetings residents may see: published ones."""
        return self.filter(is_published=True)

    def upcoming(self, now=None):
        return self.filter(starts_at__gte=(now or timezone.now()) - timedelta(hours=MEETING_LISTED_AS_UPCOMING_HOURS))

    def past(self, now=None):
        return self.filter(starts_at__lt=(now or timezone.now()) - timedelta(hours=MEETING_LISTED_AS_UPCOMING_HOURS))


class ResidentMeeting(TimeStampedModel):
    """A meeting of the Mayor with residents or a group: when, where, about what, how accessible, who may come."""

    kind = models.CharField(_("kind of meeting"), max_length=20, choices=MeetingKind)
    title = models.CharField(_("title"), max_length=200, help_text=_("E.g. “Meeting with the residents of Halemba”."))
    slug = models.SlugField(_("address"), max_length=220, unique=True, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    venue = models.ForeignKey(
        "events.Venue",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("A venue of the events calendar; needed to announce the meeting in the calendar."),
    )
    place = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_("Only when the place is not a venue of the calendar, e.g. “Szkoła Podstawowa nr 3, aula”."),
    )
    district = models.CharField(_("district"), max_length=20, choices=District, blank=True)
    topics = SanitisedHTMLField(_("topics"), blank=True)
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("E.g. “Step-free entry from the courtyard; a Polish Sign Language interpreter on request”."),
    )
    registration_required = models.BooleanField(
        _("registration"), default=False, help_text=_("Residents sign up on the meeting's page.")
    )
    capacity = models.PositiveIntegerField(
        _("number of places"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registered_count = models.PositiveIntegerField(_("registered"), default=0, editable=False)
    attendance_estimate = models.PositiveIntegerField(
        _("attendance (estimate)"), null=True, blank=True, help_text=_("Internal: how many people came.")
    )
    minutes = SanitisedHTMLField(_("minutes"), blank=True, help_text=_("Published on the page after the meeting."))
    is_published = models.BooleanField(_("published"), default=False, editable=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    calendar_event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event in the calendar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    ical_sequence = models.PositiveIntegerField(default=0, editable=False)

    objects = ResidentMeetingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting with residents")
        verbose_name_plural = _("meetings with residents")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=F("starts_at")), name="meeting_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(registered_count__lte=F("capacity")),
                name="meeting_registrations_within_capacity",
            ),
        ]
        indexes = [models.Index(fields=["is_published", "starts_at"], name="meeting_public_idx")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            stamp = timezone.localtime(self.starts_at).strftime("%Y-%m-%d") if self.starts_at else ""
            self.slug = unique_slug(
                ResidentMeeting.objects.exclude(pk=self.pk),
                f"{self.title} {stamp}",
                fallback="spotkanie",
                max_length=210,
                route_name="meetings:meeting_detail",
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:meeting_detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.ends_at and self.starts_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The end must not be before the start.")})
        if not self.venue_id and not self.place:
            raise ValidationError({"place": _("Choose a venue or enter the place.")})
        if self.capacity is not None and self.capacity < self.registered_count:
            raise ValidationError(
                {"capacity": _("%(count)s people have already registered.") % {"count": self.registered_count}}
            )

    @property
    def where(self) -> str:
        return self.place or (str(self.venue) if self.venue_id else "")

    @property
    def places_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.registered_count, 0)

    def accepts_registrations(self, now=None) -> bool:
        """Open while the meeting is published, has not started and has places left."""
        return (
            self.is_published
            and self.registration_required
            and self.starts_at > (now or timezone.now())
            and (self.capacity is None or self.registered_count < self.capacity)
        )

    def is_over(self, now=None) -> bool:
        return (self.ends_at or self.starts_at) < (now or timezone.now())


class MeetingRegistration(TimeStampedModel):
    """A resident's sign-up for a meeting, and (internal) whether they came: the attendance list."""

    meeting = models.ForeignKey(
        ResidentMeeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="registrations"
    )
    full_name = models.CharField(_("first name and surname"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    needs = models.TextField(
        _("needs"),
        blank=True,
        max_length=1000,
        help_text=_("E.g. a Polish Sign Language interpreter, a place for a wheelchair, an induction loop."),
    )
    attended = models.BooleanField(_("attended"), default=False)
    info_clause = models.ForeignKey(
        InformationClause,
        verbose_name=_("information clause shown"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("registration for a meeting")
        verbose_name_plural = _("registrations for meetings")
        ordering = ["meeting", "created_at"]

    def __str__(self):
        return self.full_name


class MeetingPhoto(TimeStampedModel):
    """A photo of the meeting, shown on its page once the meeting is over."""

    meeting = models.ForeignKey(
        ResidentMeeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ForeignKey(
        PublicImage,
        verbose_name=_("image"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"withheld": False},
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("photo of a meeting")
        verbose_name_plural = _("photos of meetings")
        ordering = ["meeting", "position", "pk"]

    def __str__(self):
        return self.image.alt_text


class MeetingRequest(TimeStampedModel):
    """A request (wniosek) a resident raised at a meeting, assigned to a unit of the City Hall to answer in a month.

    k.p.a. Dział VIII (art. 241–247) [K, DOMAIN.md §I.3]: the answer is due one month after the meeting
    (`meetings.deadlines.request_answer_due`); it is sent to the resident when they left an e-mail address. The public
    summary of the meeting shows the request and its answer, never who raised it or their contact data.
    """

    meeting = models.ForeignKey(
        ResidentMeeting, verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="requests"
    )
    raised_by = models.CharField(
        _("raised by"), max_length=200, help_text=_("The resident or the organisation, e.g. “Jan Kowalski”.")
    )
    contact_email = models.EmailField(
        _("resident's e-mail"), blank=True, help_text=_("If given, the answer is e-mailed to the resident.")
    )
    text = models.TextField(_("request"))
    unit = models.ForeignKey(
        "core.OrganisationalUnit",
        verbose_name=_("unit of the City Hall"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The unit that prepares the answer."),
    )
    raised_on = models.DateField(_("raised on"), editable=False)
    answer_due = models.DateField(_("answer due"), editable=False)
    answer = models.TextField(_("answer"), blank=True, editable=False)
    answered_on = models.DateField(_("answered on"), null=True, blank=True, editable=False)
    answer_sent_at = models.DateTimeField(_("answer e-mailed at"), null=True, blank=True, editable=False)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answer recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("request raised at a meeting")
        verbose_name_plural = _("requests raised at meetings")
        ordering = ["meeting", "pk"]
        indexes = [models.Index(fields=["answered_on", "answer_due"], name="meeting_request_open_idx")]

    def __str__(self):
        return self.text[:80]
