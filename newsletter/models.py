"""Residents' newsletter: subscribers with double opt-in and their topics (DOMAIN.md §F.5, §J.3).

Consent is the legal basis (RODO art. 6 ust. 1 lit. a): each subscriber keeps the wording and the version of the
consent they gave and when, and receives nothing but the confirmation until they confirm the address (double
opt-in). Withdrawing the consent (unsubscribing) deletes the subscriber's row (RODO art. 7 ust. 3, art. 17 ust. 1
lit. b); an address never confirmed is deleted after `UNCONFIRMED_KEEP_DAYS`. No token is stored: the private links
are signed (`newsletter.services.subscriber_token`), and a new `link_key` revokes every link given so far.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.districts import District
from core.html import SanitisedHTMLField
from core.models import OutboxMessage, TimeStampedModel
from core.workflow import Transition, Workflow

#: [K] Days an address that never confirmed its subscription is kept before the purge deletes it.
UNCONFIRMED_KEEP_DAYS = 7
#: [K] Days a confirmation link stays valid.
CONFIRMATION_LINK_DAYS = 7
#: [K] Hard bounces (or one complaint) after which an address is marked as bouncing and no longer mailed.
HARD_BOUNCES_TO_STOP = 3


def new_link_key() -> int:
    return secrets.randbelow(2**31 - 1) + 1


class SubscriberQuerySet(models.QuerySet):
    def receiving(self):
        """Subscribers mailings may go to: confirmed and not bouncing. An unconfirmed address is never here."""
        return self.filter(status=Subscriber.Status.ACTIVE)

    def wanting_events(self):
        return self.receiving().filter(events=True)


class Subscriber(TimeStampedModel):
    """One e-mail address on the newsletter, with the consent it gave and the topics it wants."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        ACTIVE = "active", _("subscribed")
        BOUNCING = "bouncing", _("bouncing, not mailed")

    email = models.EmailField(_("e-mail"), unique=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PENDING, editable=False)
    consent_text = models.TextField(_("wording of the consent"), editable=False)
    consent_version = models.PositiveSmallIntegerField(_("version of the consent"), editable=False)
    consent_given_at = models.DateTimeField(_("consent given at"), editable=False)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True, editable=False)
    # Part of every signed link: a new key revokes the links given so far, and a row that reuses a deleted
    # subscriber's id (SQLite may) is never opened by that subscriber's old links.
    link_key = models.PositiveIntegerField(_("key of the private links"), default=new_link_key, editable=False)

    events = models.BooleanField(_("events"), default=True)
    event_categories = models.ManyToManyField(
        "events.Category",
        verbose_name=_("event categories"),
        blank=True,
        related_name="+",
        help_text=_("None chosen: every category."),
    )
    districts = models.JSONField(
        _("districts"), default=list, blank=True, help_text=_("Districts of the events; none chosen: every district.")
    )
    press_releases = models.BooleanField(_("press releases"), default=True)
    press_topics = models.ManyToManyField(
        "press.Topic",
        verbose_name=_("press topics"),
        blank=True,
        related_name="+",
        help_text=_("None chosen: every topic."),
    )
    grant_calls = models.BooleanField(_("calls for grant offers"), default=False)
    meetings = models.BooleanField(_("meetings with residents"), default=False)

    hard_bounces = models.PositiveSmallIntegerField(_("hard bounces"), default=0, editable=False)
    bouncing_since = models.DateTimeField(_("bouncing since"), null=True, blank=True, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="nl_subscriber_status_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="active") | Q(confirmed_at__isnull=False), name="newsletter_active_confirmed"
            )
        ]

    def __str__(self):
        return self.email

    def district_labels(self) -> list[str]:
        labels = dict(District.choices)
        return [str(labels[code]) for code in self.districts if code in labels]


class Mailing(TimeStampedModel):
    """One mailing to the subscribers: the weekly digest built from the portal's content, or a clerk's campaign.

    A clerk writes (a campaign) or prepares (a digest) it as a draft, looks at the preview and approves it; only
    then it goes out, in batches of NEWSLETTER_BATCH_SIZE every NEWSLETTER_BATCH_SECONDS through the outbox.
    `last_subscriber_id` is how far the batches have come, so a sending interrupted anywhere resumes where it
    stopped, and the unique (mailing, subscriber) delivery row makes a second mail to one address impossible.
    """

    class Kind(models.TextChoices):
        DIGEST = "digest", _("weekly digest")
        CAMPAIGN = "campaign", _("campaign")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        APPROVED = "approved", _("approved for sending")
        CANCELLED = "cancelled", _("cancelled")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.CAMPAIGN)
    subject = models.CharField(_("subject"), max_length=200)
    body = SanitisedHTMLField(
        _("text"),
        blank=True,
        help_text=_("A campaign's text; in a digest, an optional word of introduction above the news."),
    )
    week_start = models.DateField(
        _("first day of the week"),
        null=True,
        blank=True,
        help_text=_("A digest: the week whose events it announces (the releases are those of the week before)."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("prepared by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True, editable=False)
    last_subscriber_id = models.PositiveBigIntegerField(_("batches reached subscriber no."), default=0, editable=False)
    next_batch_at = models.DateTimeField(_("next batch at"), null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(_("every batch queued at"), null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["last_subscriber_id", "next_batch_at"])

    workflow = Workflow(
        action_prefix="newsletter.mailing",
        transitions=[
            Transition(
                "approve",
                source={Status.DRAFT},
                target=Status.APPROVED,
                label=_("Approve and send"),
                guard="newsletter.services.mailing_check_approve",
                effect="newsletter.services.on_mailing_approve",
            ),
            Transition(
                "cancel",
                source={Status.DRAFT, Status.APPROVED},
                target=Status.CANCELLED,
                label=_("Cancel the mailing"),
                guard="newsletter.services.mailing_check_cancel",
            ),
        ],
    )

    class Meta:
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="digest") | Q(week_start__isnull=False), name="newsletter_digest_has_week"
            ),
            models.UniqueConstraint(
                fields=["week_start"],
                condition=Q(kind="digest") & ~Q(status="cancelled"),
                name="newsletter_one_digest_per_week",
            ),
        ]

    def __str__(self):
        return self.subject

    def get_preview_url(self):
        return reverse("admin:newsletter_mailing_preview", args=[self.pk])


class Delivery(models.Model):
    """One subscriber's mail of one mailing: at most one per address (the unique constraint), never a second.

    `skipped` marks a subscriber the digest had nothing for. The row outlives an unsubscribed subscriber (the
    link is cleared), so the mailing's counts stay right; the address itself is only in the outbox's message.
    """

    mailing = models.ForeignKey(
        Mailing, verbose_name=_("mailing"), on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("subscriber"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="deliveries",
    )
    message = models.ForeignKey(
        OutboxMessage, verbose_name=_("e-mail"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    skipped = models.BooleanField(_("nothing to send"), default=False)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["mailing", "subscriber"], name="newsletter_one_delivery_per_address")
        ]

    def __str__(self):
        return str(self.pk)
