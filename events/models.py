"""The city's public events calendar: events, their dates (occurrences), venues and organisers' submissions.

An event has one or more occurrences; residents browse occurrences (one row per date), so a festival
on three days appears three times and a cancelled date can be marked on its own. Public code reaches
events only through `Event.objects.published()` / `EventOccurrence.objects.public()`.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.districts import District
from core.fieldsets import Fieldset
from core.html import SanitisedHTMLField
from core.models import Case, PublicAttachment, PublicImage, TimeStampedModel
from core.money import MONEY_FIELD
from core.slugs import polish_slugify, unique_slug
from core.workflow import ApplicantChanges, Transition, Workflow


class Category(TimeStampedModel):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("address"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("event category")
        verbose_name_plural = _("event categories")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class Venue(TimeStampedModel):
    """A place where events happen, with what a person with a disability needs to know before coming."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address"), max_length=200, unique=True, blank=True)
    street_address = models.CharField(_("street and number"), max_length=200, help_text=_("E.g. ul. Niedurnego 69"))
    postal_code = models.CharField(_("postal code"), max_length=6, default="41-709")
    district = models.CharField(_("district"), max_length=20, choices=District)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    step_free_entry = models.BooleanField(_("step-free entry"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    induction_loop = models.BooleanField(_("induction loop"), default=False)
    quiet_space = models.BooleanField(_("quiet space"), default=False)
    disabled_parking = models.BooleanField(_("parking for disabled people"), default=False)
    accessibility_notes = models.TextField(_("accessibility notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = polish_slugify(self.name)[:200]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("events:venue_detail", kwargs={"slug": self.slug})


class EventQuerySet(models.QuerySet):
    def published(self, now=None):
        """Events residents may see: published (or cancelled/postponed, which stay visible and marked)."""
        now = now or timezone.now()
        return self.filter(status__in=Event.PUBLIC_STATUSES).filter(
            Q(publish_at__isnull=True) | Q(publish_at__lte=now)
        )


class Event(TimeStampedModel):
    """An event of the city's calendar: what, where, for whom, for how much, and how accessible."""

    #: The columns of the site search's document (core.search.ranked_search; its stored column on PostgreSQL).
    SEARCH_FIELDS = ("title", "lead", "organiser_name")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted by the organiser")
        PUBLISHED = "published", pgettext_lazy("event status", "published")
        CANCELLED = "cancelled", _("cancelled")
        POSTPONED = "postponed", _("postponed")
        ARCHIVED = "archived", _("archived")
        REJECTED = "rejected", _("rejected")

    class PriceKind(models.TextChoices):
        FREE = "free", _("free admission")
        PAID = "paid", _("paid admission")

    PUBLIC_STATUSES = (Status.PUBLISHED, Status.CANCELLED, Status.POSTPONED, Status.ARCHIVED)

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=220, unique=True, blank=True)
    lead = models.CharField(_("lead"), max_length=300, help_text=_("One sentence shown in lists."))
    description = SanitisedHTMLField(_("description"), blank=True)
    category = models.ForeignKey(Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="events")
    venue = models.ForeignKey(Venue, verbose_name=_("venue"), on_delete=models.PROTECT, related_name="events")
    for_children = models.BooleanField(_("for children"), default=False)
    for_youth = models.BooleanField(_("for youth"), default=False)
    for_seniors = models.BooleanField(_("for seniors"), default=False)
    for_families = models.BooleanField(_("for families"), default=False)
    organiser_name = models.CharField(_("organiser"), max_length=200)
    organiser_url = models.URLField(_("organiser's website"), blank=True)
    co_organised_by_city = models.BooleanField(_("co-organised by the city"), default=False)
    is_highlighted = models.BooleanField(
        _("highlight"),
        default=False,
        help_text=_("Shown first among the weekend's highlights on the home page."),
    )
    # A press photo under embargo (withheld) cannot be chosen: it has no public address until its release is
    # published, and the event page would show it before then. Once published, it may be reused.
    image = models.ForeignKey(
        PublicImage,
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"withheld": False},
    )
    image_credit = models.CharField(_("photo credit"), max_length=200, blank=True)
    price_kind = models.CharField(_("admission"), max_length=10, choices=PriceKind, default=PriceKind.FREE)
    price_from = models.DecimalField(_("price from (PLN)"), null=True, blank=True, **MONEY_FIELD)
    price_to = models.DecimalField(_("price to (PLN)"), null=True, blank=True, **MONEY_FIELD)
    ticket_url = models.URLField(_("tickets"), blank=True)
    registration_url = models.URLField(_("registration"), blank=True)
    capacity = models.PositiveIntegerField(_("number of places"), null=True, blank=True)
    sign_language_interpreter = models.BooleanField(_("Polish Sign Language interpreter"), default=False)
    audio_description = models.BooleanField(_("audio description"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT, editable=False)
    publish_at = models.DateTimeField(
        _("publish at"), null=True, blank=True, help_text=_("Leave empty to publish at once when approved.")
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    # Set by `events.services.event_mark_honorary_patronage` when the Prezydent's honorary patronage granted in
    # patronage/ names this event (DOMAIN.md §E.1: linked events appear in the calendar with the mark); never typed.
    honorary_patronage = models.BooleanField(
        _("under the honorary patronage of the Prezydent"), default=False, editable=False
    )
    # Written by `events.services.events_call_off` (a mourning, DOMAIN.md §F.6), shown on the event's page while it is
    # cancelled or postponed; a restored event drops it (`on_event_dates_change`).
    status_note = models.CharField(_("note for residents"), max_length=300, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords()

    workflow = Workflow(
        action_prefix="events.event",
        transitions=[
            Transition(
                "publish",
                source={Status.DRAFT, Status.SUBMITTED},
                target=Status.PUBLISHED,
                label=_("Publish"),
                effect="events.services.on_event_publish",
            ),
            Transition(
                "cancel",
                source={Status.PUBLISHED, Status.POSTPONED},
                target=Status.CANCELLED,
                label=_("Cancel the event"),
                note_required=True,
                effect="events.services.on_event_dates_change",
            ),
            Transition(
                "postpone",
                source={Status.PUBLISHED},
                target=Status.POSTPONED,
                label=_("Mark as postponed"),
                effect="events.services.on_event_dates_change",
            ),
            Transition(
                "restore",
                source={Status.CANCELLED, Status.POSTPONED},
                target=Status.PUBLISHED,
                label=_("Restore as published"),
                effect="events.services.on_event_dates_change",
            ),
            Transition("unpublish", source={Status.PUBLISHED}, target=Status.DRAFT, label=_("Withdraw to draft")),
            Transition(
                "reject",
                source={Status.SUBMITTED},
                target=Status.REJECTED,
                label=_("Reject the submission"),
                note_required=True,
                effect="events.services.on_event_reject",
            ),
            Transition(
                "archive",
                source={Status.PUBLISHED, Status.CANCELLED, Status.POSTPONED},
                target=Status.ARCHIVED,
                label=_("Archive"),
            ),
        ],
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(price_from__isnull=True)
                | Q(price_to__isnull=True)
                | Q(price_to__gte=models.F("price_from")),
                name="event_price_range_ordered",
            ),
        ]
        indexes = [models.Index(fields=["status", "publish_at"], name="event_status_publish_idx")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_event_slug(self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("events:event_detail", kwargs={"slug": self.slug})

    @property
    def is_free(self):
        return self.price_kind == self.PriceKind.FREE

    def clean(self):
        """Mirror the constraint event_price_range_ordered, so the clerk reads why instead of its name."""
        super().clean()
        if self.price_from is not None and self.price_to is not None and self.price_to < self.price_from:
            raise ValidationError({"price_to": _("The highest price must not be lower than the lowest.")})


def unique_event_slug(title: str) -> str:
    return unique_slug(Event.objects.all(), title, fallback="wydarzenie", route_name="events:event_detail")


MAX_OCCURRENCE_DAYS = 366


class EventOccurrenceQuerySet(models.QuerySet):
    def public(self, now=None):
        """Dates of events residents may see, with what every list shows fetched in the same query."""
        now = now or timezone.now()
        return (
            self.filter(
                event__status__in=Event.PUBLIC_STATUSES,
            )
            .filter(Q(event__publish_at__isnull=True) | Q(event__publish_at__lte=now))
            .select_related("event", "event__venue", "event__category", "event__image")
        )

    def upcoming(self, now=None):
        """Dates not over yet: ending (or, without an end, starting) now or later.

        The lower bound on the start lets the index on (starts_at, end) skip the calendar's history: no single
        date of an event (an exhibition at most) lasts longer than MAX_OCCURRENCE_DAYS. Within that year the
        index's second column, the end or else the start, tells the dates over from those still on without
        reading their rows (`occurrence_upcoming_idx`).
        """
        now = now or timezone.now()
        return self.alias(ends_or_starts_at=Coalesce("ends_at", "starts_at")).filter(
            starts_at__gte=now - timedelta(days=MAX_OCCURRENCE_DAYS), ends_or_starts_at__gte=now
        )


class EventOccurrence(TimeStampedModel):
    """One date of an event. A date can be cancelled or moved on its own; `sequence` counts its changes (iCal)."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("as planned")
        CANCELLED = "cancelled", pgettext_lazy("date status", "cancelled")
        MOVED = "moved", _("moved to another date")

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="occurrences")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.SCHEDULED)
    note = models.CharField(_("note"), max_length=200, blank=True, help_text=_("E.g. “moved from 12 June”."))
    sequence = models.PositiveIntegerField(default=0, editable=False)

    objects = EventOccurrenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("date of the event")
        verbose_name_plural = _("dates of the event")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="occurrence_end_after_start",
            ),
        ]
        indexes = [
            # The calendar's order, and which dates are not over yet (EventOccurrenceQuerySet.upcoming).
            models.Index(F("starts_at"), Coalesce("ends_at", "starts_at"), name="occurrence_upcoming_idx"),
        ]

    def __str__(self):
        return f"{self.event.title} — {timezone.localtime(self.starts_at):%d.%m.%Y %H:%M}"


class EventAttachment(PublicAttachment):
    """A document residents download from the event page: a programme, the rules of a contest, a leaflet.

    Served only while the event is public (core.models.attachments): the attachment of a draft or of an event
    scheduled for later has no public address.
    """

    parent_field = "event"
    download_url_name = "events:attachment_download"
    upload_dir = "events/attachments"

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="attachments")

    @classmethod
    def public_parents(cls):
        return Event.objects.published()


class EventSubmission(Case):
    """An organiser's request to publish an event ("Zgłoś wydarzenie"): a case with a mark and a tracking link.

    The submitted event is created as a draft in status "submitted" with everything the organiser told (dates,
    audience, admission, accessibility); the clerk accepts (publishes it, with the submitted image), asks for
    changes or rejects with a reason, and the organiser sees it on the tracking page.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("awaiting review")
        CHANGES_REQUESTED = "changes_requested", _("changes requested")
        ACCEPTED = "accepted", _("accepted and published")
        REJECTED = "rejected", _("rejected")

    CASE_KIND_DEFAULTS = {"unit": "KSP", "jrwa": "0430"}
    PERSONAL_DATA_FIELDS = ("contact_name", "contact_email", "contact_phone")
    APPLICANT_FIELDSETS = (
        Fieldset(
            _("Contact with the organiser"),
            PERSONAL_DATA_FIELDS,
            _("Not published: we use these details only to handle your submission."),
        ),
    )
    APPLICANT_NAME_FIELDS = ("event__organiser_name", "contact_name")
    APPLICANT_EMAIL_FIELD = "contact_email"
    CASE_OPENED_SUBJECT = _("Your event submission has been received — %(mark)s")

    event = models.OneToOneField(Event, verbose_name=_("event"), on_delete=models.PROTECT, related_name="submission")
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    # The organiser's image waits in private storage until the clerk accepts (then it becomes the event's image).
    image_document = models.ForeignKey(
        "core.PrivateDocument",
        verbose_name=_("submitted image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    image_alt_text = models.CharField(
        _("alternative text of the submitted image"),
        max_length=250,
        blank=True,
        help_text=_("Published with the image when the submission is accepted; correct it here if needed."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.SUBMITTED, editable=False)

    history = HistoricalRecords()

    workflow = Workflow(
        action_prefix="events.submission",
        transitions=[
            Transition(
                "accept",
                source={Status.SUBMITTED, Status.CHANGES_REQUESTED},
                target=Status.ACCEPTED,
                label=_("Accept and publish"),
                closes_case=True,
                effect="events.services.on_submission_accept",
                note_to_applicant=True,
                note_message="events.services.submission_message_accept",
            ),
            Transition(
                "request_changes",
                source={Status.SUBMITTED},
                target=Status.CHANGES_REQUESTED,
                label=_("Ask for changes"),
                note_required=True,
                note_to_applicant=True,
            ),
            Transition(
                "resubmit", source={Status.CHANGES_REQUESTED}, target=Status.SUBMITTED, label=_("Changes received")
            ),
            Transition(
                "reject",
                source={Status.SUBMITTED, Status.CHANGES_REQUESTED},
                target=Status.REJECTED,
                label=_("Reject"),
                closes_case=True,
                note_required=True,
                note_to_applicant=True,
                effect="events.services.on_submission_reject",
            ),
        ],
    )

    # While changes are asked for, the organiser changes the submission from the tracking page; sending it back
    # is the "resubmit" transition (core.applicant_changes).
    applicant_changes = ApplicantChanges(
        statuses={Status.CHANGES_REQUESTED}, resubmit="resubmit", form="events.forms.SubmissionChangesForm"
    )

    class Meta:
        verbose_name = _("event submission")
        verbose_name_plural = _("event submissions")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.case_mark}: {self.event.title}"

    def tracking_public_link(self) -> tuple[str, str] | None:
        """The accepted event's page in the public calendar, for the organiser's tracking page, while it is public."""
        if self.status != self.Status.ACCEPTED or not Event.objects.published().filter(pk=self.event_id).exists():
            return None
        return gettext("See your event in the city's calendar"), self.event.get_absolute_url()
