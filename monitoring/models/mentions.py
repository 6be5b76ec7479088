"""Media monitoring: mentions of the city in the media, what the press office does with them, and sprostowania.

DOMAIN.md §F.3 (Prawo prasowe art. 31a–33, after the Dz.U. 2012 poz. 1136 amendment) and §F.4 [K — practice].
A mention is entered by hand (print, radio, TV) or made from a watched source; the clerk sets its tone and what it
needs: nothing, an informal reply (the former statutory "odpowiedź" was abolished in 2012, so a reply is the
department's own and the medium may ignore it), informing the unit concerned with an answer due, or a sprostowanie.
A `PressCorrection` is the city's statutory correction of an untrue or inaccurate statement: it moves draft → sent
→ an outcome (published, late, altered, refused, no reaction) → a lawsuit or closed, through the kernel workflow.
Admin only: nothing here is public.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel
from core.workflow import Transition, Workflow
from monitoring import deadlines
from monitoring.deadlines import IssueInterval


class Medium(models.TextChoices):
    """The medium of a mention; it sets the publisher's deadline of a sprostowanie (Prawo prasowe art. 32 ust. 1)."""

    ONLINE = "online", _("online (electronic form of a title)")
    DAILY = "daily", _("daily newspaper")
    PERIODICAL = "periodical", _("periodical")
    RADIO = "radio", _("radio")
    TV = "tv", _("television")


BROADCAST_MEDIA = (Medium.RADIO, Medium.TV)


def correction_length(text: str) -> int:
    """The length of a text as a sprostowanie's limit counts it [K]: its characters, runs of white space as one."""
    return len(re.sub(r"\s+", " ", text or "").strip())


class CityUnit(TimeStampedModel):
    """A unit of the City Hall or a municipal institution a mention may concern, and where to inform it."""

    name = models.CharField(_("name"), max_length=200, unique=True, help_text=_("E.g. “Roads Department”."))
    email = models.EmailField(
        _("e-mail for the press office"), blank=True, help_text=_("Where the press office informs the unit.")
    )
    is_active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unit concerned")
        verbose_name_plural = _("units concerned")
        ordering = ["name"]

    def __str__(self):
        return self.name


class MediaMention(TimeStampedModel):
    """One press, radio, TV or online material about the city (DOMAIN.md §F.4 [K])."""

    class Tone(models.TextChoices):
        POSITIVE = "positive", _("positive")
        NEUTRAL = "neutral", _("neutral")
        NEGATIVE = "negative", _("negative")

    class Action(models.TextChoices):
        NONE = "none", _("no action")
        REPLY = "reply", _("informal reply")
        INFORM_UNIT = "inform_unit", _("inform the unit concerned")
        CORRECTION = "correction", _("press correction")

    outlet = models.ForeignKey(
        "press.MediaOutlet", verbose_name=_("media outlet"), on_delete=models.PROTECT, related_name="mentions"
    )
    medium = models.CharField(_("medium"), max_length=20, choices=Medium, default=Medium.ONLINE)
    published_on = models.DateField(_("published on"), help_text=_("The date of the issue, page or broadcast."))
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("link"), max_length=1000, blank=True)
    excerpt = models.TextField(
        _("excerpt"), blank=True, help_text=_("The passage about the city, short enough to quote.")
    )
    topic = models.CharField(_("topic"), max_length=200, blank=True, help_text=_("E.g. “road works in Halemba”."))
    unit = models.ForeignKey(
        CityUnit,
        verbose_name=_("unit concerned"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mentions",
    )
    tone = models.CharField(_("tone"), max_length=20, choices=Tone, blank=True, help_text=_("Set by the clerk."))
    reach = models.PositiveIntegerField(
        _("reach"), null=True, blank=True, help_text=_("Readers, listeners or viewers, as the outlet states.")
    )
    action = models.CharField(_("action needed"), max_length=20, choices=Action, default=Action.NONE)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Informing the unit concerned (monitoring.services.mention_inform_unit).
    unit_informed_at = models.DateTimeField(_("unit informed at"), null=True, blank=True, editable=False)
    unit_answer_due = models.DateField(_("unit's answer due"), null=True, blank=True, editable=False)
    unit_answered_on = models.DateField(
        _("unit answered on"), null=True, blank=True, help_text=_("Ends the unit's clock in the Terminarz.")
    )
    # The informal reply (not a sprostowanie: the medium is free to publish it or not).
    reply_text = models.TextField(_("text of the reply"), blank=True)
    reply_sent_on = models.DateField(_("reply sent on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("media mention")
        verbose_name_plural = _("media mentions")
        ordering = ["-published_on", "-pk"]
        indexes = [
            models.Index(fields=["published_on"], name="monitoring_mention_date_idx"),
            models.Index(fields=["action", "published_on"], name="monitoring_mention_action_idx"),
        ]

    def __str__(self):
        return self.title

    def correction_latest(self):
        """The last day a sprostowanie of this material may be sent (Prawo prasowe art. 31a ust. 1)."""
        return deadlines.press_correction_request_latest(self.published_on)


class PressCorrection(TimeStampedModel):
    """The city's sprostowanie of an untrue or inaccurate statement in a press material (Prawo prasowe art. 31a).

    In writing, signed, sent by post or filed at the editorial office within 21 days of the material's
    publication, at most twice the length of the corrected fragment (art. 31a ust. 1 and 4); the publisher's
    deadline follows the medium (art. 32 ust. 1); a refusal comes with reasons (art. 33); the city may sue for
    publication within a year [K]. The material (outlet, medium, title, date) is the mention's.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("correction status", "draft")
        SENT = "sent", pgettext_lazy("correction status", "sent, awaiting publication")
        PUBLISHED = "published", pgettext_lazy("correction status", "published")
        PUBLISHED_LATE = "published_late", pgettext_lazy("correction status", "published late")
        PUBLISHED_ALTERED = "published_altered", pgettext_lazy("correction status", "published altered")
        REFUSED = "refused", pgettext_lazy("correction status", "refused")
        NO_REACTION = "no_reaction", pgettext_lazy("correction status", "no reaction")
        LAWSUIT = "lawsuit", pgettext_lazy("correction status", "action brought to court")
        CLOSED = "closed", pgettext_lazy("correction status", "closed")

    class Signatory(models.TextChoices):
        MAYOR = "mayor", _("the Mayor")
        AUTHORISED = "authorised", _("a person authorised by the Mayor")

    class Delivery(models.TextChoices):
        POST = "post", _("by post")
        IN_PERSON = "in_person", _("filed at the editorial office")

    # Outcomes after which the city may sue for publication (DOMAIN.md §F.3: refused, late or improperly published).
    ACTIONABLE_STATUSES = (Status.PUBLISHED_LATE, Status.PUBLISHED_ALTERED, Status.REFUSED, Status.NO_REACTION)
    OUTCOME_STATUSES = (Status.PUBLISHED, *ACTIONABLE_STATUSES)
    # What the clerk may still change in the text before it leaves the office.
    EDITABLE_STATUSES = (Status.DRAFT,)

    mention = models.ForeignKey(
        MediaMention, verbose_name=_("media mention"), on_delete=models.PROTECT, related_name="corrections"
    )
    reference = models.CharField(
        _("reference"), max_length=60, help_text=_("The reference of the letter, e.g. “KSP.0531.4.2026”.")
    )
    editor_in_chief = models.CharField(_("editor-in-chief"), max_length=200, help_text=_("E.g. “Anna Nowak”."))
    editorial_address = models.TextField(
        _("address of the editorial office"), help_text=_("Street, postcode and town, one per line.")
    )
    fragment = models.TextField(_("corrected fragment"), help_text=_("The untrue or inaccurate statement, quoted."))
    correction_text = models.TextField(
        _("text of the sprostowanie"), help_text=_("Facts only; at most twice the length of the fragment.")
    )
    signatory = models.CharField(_("signed by"), max_length=20, choices=Signatory, default=Signatory.MAYOR)
    mayor_name = models.CharField(
        _("name of the Mayor"),
        max_length=200,
        blank=True,
        help_text=_("When the Mayor signs, e.g. “Michał Pierończyk”."),
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("authorised person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The clerk who signs on the Mayor's behalf."),
    )
    delivery = models.CharField(_("sent how"), max_length=20, choices=Delivery, default=Delivery.POST)
    sent_on = models.DateField(
        _("sent on"),
        null=True,
        blank=True,
        help_text=_("The date of posting or filing; today when left empty at sending."),
    )
    received_on = models.DateField(
        _("received by the editor on"),
        null=True,
        blank=True,
        help_text=_("From the return receipt; the publisher's deadline counts from it."),
    )
    issue_interval = models.CharField(
        _("issues or broadcasts"),
        max_length=20,
        choices=IssueInterval,
        default=IssueInterval.WEEKLY,
        help_text=_("How often the periodical appears or the programme is broadcast."),
    )
    nearest_issue_on = models.DateField(
        _("nearest issue or broadcast"),
        null=True,
        blank=True,
        help_text=_("A periodical's nearest issue or the nearest analogous broadcast after receipt, if known."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT, editable=False)
    outcome_on = models.DateField(
        _("published or refused on"),
        null=True,
        blank=True,
        help_text=_("The date the outlet published the sprostowanie or wrote its refusal."),
    )
    refusal_reasons = models.TextField(_("reasons for the refusal"), blank=True, editable=False)
    lawsuit_filed_on = models.DateField(_("action brought on"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    history = HistoricalRecords()

    workflow = Workflow(
        action_prefix="monitoring.correction",
        transitions=[
            Transition(
                "send",
                source={Status.DRAFT},
                target=Status.SENT,
                label=_("Send the sprostowanie"),
                guard="monitoring.services.correction_check_send",
                effect="monitoring.services.on_correction_send",
            ),
            Transition(
                "record_published",
                source={Status.SENT},
                target=Status.PUBLISHED,
                label=_("Published on time and unaltered"),
                guard="monitoring.services.correction_check_record_published",
            ),
            Transition(
                "record_published_late",
                source={Status.SENT},
                target=Status.PUBLISHED_LATE,
                label=_("Published late"),
                guard="monitoring.services.correction_check_record_published_late",
            ),
            Transition(
                "record_published_altered",
                source={Status.SENT},
                target=Status.PUBLISHED_ALTERED,
                label=_("Published altered or with a comment"),
                guard="monitoring.services.correction_check_record_published_altered",
            ),
            Transition(
                "record_refused",
                source={Status.SENT},
                target=Status.REFUSED,
                label=_("Refused by the editor"),
                note_required=True,
                effect="monitoring.services.on_correction_record_refused",
            ),
            Transition(
                "record_no_reaction",
                source={Status.SENT},
                target=Status.NO_REACTION,
                label=_("No reaction by the deadline"),
                guard="monitoring.services.correction_check_record_no_reaction",
            ),
            Transition(
                "file_lawsuit",
                source=set(ACTIONABLE_STATUSES),
                target=Status.LAWSUIT,
                label=_("Action brought to court"),
                guard="monitoring.services.correction_check_file_lawsuit",
                effect="monitoring.services.on_correction_file_lawsuit",
            ),
            Transition(
                "close",
                source={*OUTCOME_STATUSES, Status.LAWSUIT},
                target=Status.CLOSED,
                label=_("Close"),
            ),
        ],
    )

    class Meta:
        verbose_name = _("press correction")
        verbose_name_plural = _("press corrections")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status"], name="monitoring_correction_st_idx")]

    def __str__(self):
        return self.reference

    # -- the statutory clocks ------------------------------------------------------------------------------------

    def send_latest(self):
        """The last day to send it (Prawo prasowe art. 31a ust. 1: 21 days from the material's publication)."""
        return self.mention.correction_latest()

    def length_allowed(self) -> int:
        """The longest text allowed (Prawo prasowe art. 31a ust. 4: twice the corrected fragment)."""
        return deadlines.press_correction_length_allowed(correction_length(self.fragment))

    def receipt_date(self):
        """When the editor received it: the return receipt's date, else the day it was filed in person."""
        if self.received_on:
            return self.received_on
        if self.delivery == self.Delivery.IN_PERSON:
            return self.sent_on
        return None

    def publisher_deadline(self):
        """The publisher's deadline per medium (Prawo prasowe art. 32 ust. 1 pkt 1–4); None until received."""
        received = self.receipt_date()
        if received is None:
            return None
        medium = self.mention.medium
        if medium == Medium.ONLINE:
            return deadlines.press_correction_online_publication_due(received)
        if medium == Medium.DAILY:
            return deadlines.press_correction_daily_publication_due(received)
        if medium == Medium.PERIODICAL:
            return deadlines.press_correction_periodical_publication_due(
                received, nearest_issue_on=self.nearest_issue_on, interval=self.issue_interval
            )
        return deadlines.press_correction_broadcast_publication_due(
            received, nearest_broadcast_on=self.nearest_issue_on, interval=self.issue_interval
        )

    def refusal_due(self):
        """The editor's written refusal is due within 7 days of receipt ([K] Prawo prasowe art. 33 ust. 3)."""
        received = self.receipt_date()
        return deadlines.press_correction_refusal_due(received) if received else None

    def lawsuit_latest(self):
        """The last day to sue for publication: a year from the material's publication ([K] DOMAIN.md §F.3)."""
        return deadlines.press_correction_lawsuit_latest(self.mention.published_on)

    # -- the rules a clerk is told about on the form -------------------------------------------------------------

    def sending_errors(self, *, sending_on=None) -> dict[str, list[str]]:
        """What Prawo prasowe art. 31a ust. 1 and 4 refuse in this sprostowanie before it is sent: {field: [message]}.

        The text at most twice the length of the corrected fragment; sent within 21 days of the publication (and
        not before it, nor in the future); signed by the Mayor or a person the Mayor authorised. `sending_on` is the
        day of sending when the clerk gave none (the day the workflow sends it).
        """
        errors: dict[str, list[str]] = {}
        sent_on = self.sent_on or sending_on
        if self.fragment and self.correction_text and correction_length(self.correction_text) > self.length_allowed():
            errors.setdefault("correction_text", []).append(
                gettext(
                    "A sprostowanie may be at most twice as long as the corrected fragment (Prawo prasowe art. 31a "
                    "ust. 4): at most %(allowed)d characters, this text has %(length)d."
                )
                % {"allowed": self.length_allowed(), "length": correction_length(self.correction_text)}
            )
        if self.mention_id and sent_on:
            latest = self.send_latest()
            if sent_on > latest:
                errors.setdefault("sent_on", []).append(
                    gettext(
                        "A sprostowanie must be sent within 21 days of the publication (Prawo prasowe art. 31a "
                        "ust. 1): at the latest on %(latest)s."
                    )
                    % {"latest": latest.strftime("%d.%m.%Y")}
                )
            if sent_on < self.mention.published_on:
                errors.setdefault("sent_on", []).append(
                    gettext("A sprostowanie cannot be sent before the publication.")
                )
            if sent_on > timezone.localdate():
                errors.setdefault("sent_on", []).append(gettext("The date of sending cannot be in the future."))
        if self.signatory == self.Signatory.MAYOR and not self.mayor_name.strip():
            errors.setdefault("mayor_name", []).append(gettext("Give the name of the Mayor who signs."))
        if self.signatory == self.Signatory.AUTHORISED and self.signed_by_id is None:
            errors.setdefault("signed_by", []).append(gettext("Choose the person authorised to sign."))
        return errors

    def receipt_errors(self) -> dict[str, list[str]]:
        """What cannot be true of the editor's receipt and the nearest issue: {field: [message]}."""
        errors: dict[str, list[str]] = {}
        if self.received_on and self.sent_on and self.received_on < self.sent_on:
            errors.setdefault("received_on", []).append(gettext("The editor cannot receive it before it was sent."))
        received = self.receipt_date()
        if self.nearest_issue_on and received and self.nearest_issue_on <= received:
            errors.setdefault("nearest_issue_on", []).append(
                gettext("The nearest issue or broadcast is one after the editor received the sprostowanie.")
            )
        if self.outcome_on and received and self.outcome_on < received:
            errors.setdefault("outcome_on", []).append(
                gettext("It cannot be published before the editor received it.")
            )
        return errors

    def clean(self):
        super().clean()
        errors = self.receipt_errors()
        if self.status == self.Status.DRAFT:
            errors.update(self.sending_errors())
        if errors:
            raise ValidationError(errors)


__all__ = ["BROADCAST_MEDIA", "CityUnit", "MediaMention", "Medium", "PressCorrection", "correction_length"]
