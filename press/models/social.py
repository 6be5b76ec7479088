"""The social-media plan of the city: posts planned per channel, approved and marked as published.

Issue #6 item 7, DOMAIN.md §I.5 (promotion calendar). Nothing is posted to any platform automatically:
the portal holds no platform credentials and calls no platform API. A clerk publishes the post by hand on
the platform and then records its address ("mark as published" needs `post_url`).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import PublicImage, TimeStampedModel
from core.workflow import Transition, Workflow


class SocialChannel(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    INSTAGRAM = "instagram", "Instagram"
    YOUTUBE = "youtube", "YouTube"
    X = "x", "X"
    LINKEDIN = "linkedin", "LinkedIn"
    TIKTOK = "tiktok", "TikTok"
    OTHER = "other", _("other channel")


class SocialPost(TimeStampedModel):
    """A post of the plan: channel, planned time, text, optional image and a link to a release or an event."""

    class Status(models.TextChoices):
        IDEA = "idea", _("idea")
        PLANNED = "planned", pgettext_lazy("post status", "planned")
        APPROVED = "approved", pgettext_lazy("post status", "approved")
        PUBLISHED = "published", pgettext_lazy("post status", "published")
        DROPPED = "dropped", pgettext_lazy("post status", "dropped")

    channel = models.CharField(_("channel"), max_length=20, choices=SocialChannel)
    planned_at = models.DateTimeField(
        _("planned for"), null=True, blank=True, help_text=_("Needed to plan the post; an idea may have none yet.")
    )
    text = models.TextField(_("text of the post"))
    image = models.ForeignKey(
        PublicImage, verbose_name=_("image"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    release = models.ForeignKey(
        "press.PressRelease",
        verbose_name=_("press release"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="social_posts",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="social_posts",
    )
    post_url = models.URLField(
        _("address of the published post"),
        max_length=500,
        blank=True,
        help_text=_("Copy it from the platform after publishing, e.g. https://www.facebook.com/…"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.IDEA, editable=False)
    published_at = models.DateTimeField(_("marked as published at"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    workflow = Workflow(
        action_prefix="press.social_post",
        transitions=[
            Transition(
                "plan",
                source={Status.IDEA},
                target=Status.PLANNED,
                label=_("Plan"),
                guard="press.services.social_post_check_plan",
            ),
            Transition("approve", source={Status.PLANNED}, target=Status.APPROVED, label=_("Approve")),
            Transition(
                "return_to_plan",
                source={Status.APPROVED},
                target=Status.PLANNED,
                label=_("Return for changes"),
                note_required=True,
            ),
            Transition(
                "publish",
                source={Status.APPROVED},
                target=Status.PUBLISHED,
                label=_("Mark as published"),
                guard="press.services.social_post_check_publish",
                effect="press.services.on_social_post_publish",
            ),
            Transition(
                "drop",
                source={Status.IDEA, Status.PLANNED, Status.APPROVED},
                target=Status.DROPPED,
                label=_("Drop"),
                note_required=True,
            ),
        ],
    )

    class Meta:
        verbose_name = _("social-media post")
        verbose_name_plural = _("social-media plan")
        ordering = ["planned_at", "pk"]
        indexes = [models.Index(fields=["planned_at"], name="press_social_planned_idx")]

    def __str__(self):
        return f"{self.get_channel_display()}: {self.text[:60]}"


__all__ = ["SocialChannel", "SocialPost"]
