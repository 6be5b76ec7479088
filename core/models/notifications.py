"""What the clerks' notifications remember (core.notifications): the private calendar links, the digests sent and
the deadlines reported to the head of department.

None of them is edited by a clerk in a form: services write them, so they keep no history.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models.base import TimeStampedModel


def feed_token_hash(token: str) -> str:
    """The SHA-256 of a calendar link's token: what the database keeps, so a copy of it opens no calendar."""
    return hashlib.sha256(token.encode()).hexdigest()


class DeadlineFeedQuerySet(models.QuerySet):
    def for_token(self, token: str) -> "DeadlineFeed | None":
        """The link whose token is `token`, of an active staff member; None for a revoked or unknown token."""
        return (
            self.select_related("user")
            .filter(token_hash=feed_token_hash(token), user__is_active=True, user__is_staff=True)
            .first()
        )


class DeadlineFeed(TimeStampedModel):
    """A clerk's private link to the iCalendar of their own deadlines, for the calendar on their phone or desk.

    Only the hash of the token is kept: the link is shown once, when it is made. Revoking deletes the row (the link
    then answers 404); making a new one replaces the hash, so the old link stops working at once.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("clerk"), on_delete=models.CASCADE, related_name="deadline_feed"
    )
    token_hash = models.CharField(_("hash of the token"), max_length=64, unique=True, editable=False)

    objects = DeadlineFeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendar link of deadlines")
        verbose_name_plural = _("calendar links of deadlines")
        ordering = ["user"]

    def __str__(self):
        return str(self.user)

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(32)


class DeadlineDigest(models.Model):
    """One clerk's morning digest of deadlines on one day: the row makes a second run that day send nothing."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("clerk"), on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField(_("day"))
    items = models.PositiveIntegerField(_("deadlines listed"))
    sent_at = models.DateTimeField(_("queued at"), auto_now_add=True)

    class Meta:
        verbose_name = _("digest of deadlines")
        verbose_name_plural = _("digests of deadlines")
        ordering = ["-day", "user"]
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="deadline_digest_once_a_day")]

    def __str__(self):
        return f"{self.user} {self.day}"


class DeadlineEscalation(models.Model):
    """An overdue deadline reported to the head of department: one row per deadline, so it is reported once.

    A deadline is known by its record's admin address, its rule and its due date (`key`, a hash of the three): a
    deadline moved to a new date is a new deadline and may be reported again when that one is overdue.
    """

    key = models.CharField(max_length=64, unique=True, editable=False)
    case_mark = models.CharField(_("case mark"), max_length=60, blank=True)
    section = models.CharField(_("section of the department"), max_length=30)
    due_date = models.DateField(_("due date"))
    escalated_at = models.DateTimeField(_("reported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("overdue deadline reported")
        verbose_name_plural = _("overdue deadlines reported")
        ordering = ["-escalated_at"]

    def __str__(self):
        return f"{self.case_mark or self.section} {self.due_date}"
