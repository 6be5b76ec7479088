"""Press releases (komunikaty prasowe) of the city: workflow, embargo, corrections, photos and attachments.

DOMAIN.md §F.1 [K — practice]. A release is public when its status is one of PUBLIC_STATUSES *and* its
`publish_at` has come: the embargo holds in every public query, whether or not the background task that
stamps the publication (`press.services.releases_publish_due`) has run yet. Public code reaches releases
only through `PressRelease.objects.published(now)` (ARCHITECTURE: drafts never leak).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.districts import District
from core.html import SanitisedHTMLField
from core.models import PublicAttachment, PublicImage, TimeStampedModel
from core.slugs import unique_slug
from core.workflow import Transition, Workflow


class Topic(TimeStampedModel):
    """A subject of releases (culture, investments, sport…): a filter of the newsroom and a feed of its own."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("address"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("press topic")
        verbose_name_plural = _("press topics")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class PressReleaseQuerySet(models.QuerySet):
    def published(self, now=None):
        """Releases the public may see at `now`: approved for publication and past their embargo.

        A release scheduled for 10:00 is included from 10:00:00 on, even if the publishing task runs late.
        """
        now = now or timezone.now()
        return self.filter(status__in=PressRelease.PUBLIC_STATUSES, publish_at__isnull=False, publish_at__lte=now)


class PressRelease(TimeStampedModel):
    """A press release: lead, sanitised body, embargo, topics, district, contact person, optional English version."""

    #: The columns of the site search's document (core.search.ranked_search; its stored column on PostgreSQL).
    SEARCH_FIELDS = ("title", "lead", "body")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        IN_REVIEW = "in_review", _("in review")
        APPROVED = "approved", _("approved")
        SCHEDULED = "scheduled", _("scheduled (under embargo)")
        PUBLISHED = "published", pgettext_lazy("release status", "published")
        CORRECTED = "corrected", _("published with a correction")
        WITHDRAWN = "withdrawn", _("withdrawn")

    # SCHEDULED is public once publish_at has come: the embargo is enforced by the query, not by the task.
    PUBLIC_STATUSES = (Status.SCHEDULED, Status.PUBLISHED, Status.CORRECTED)

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=220, unique=True, blank=True)
    lead = models.CharField(_("lead"), max_length=400, help_text=_("One or two sentences shown in lists and feeds."))
    body = SanitisedHTMLField(_("text"), blank=True)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    lead_en = models.CharField(_("lead in English"), max_length=400, blank=True)
    body_en = SanitisedHTMLField(_("text in English"), blank=True)
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="releases")
    district = models.CharField(_("district"), max_length=20, choices=District, blank=True)
    related_events = models.ManyToManyField(
        "events.Event", verbose_name=_("related events"), blank=True, related_name="press_releases"
    )
    contact_name = models.CharField(
        _("contact person"), max_length=200, blank=True, help_text=_("E.g. Anna Nowak, press office.")
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True, help_text=_("An office address, e.g. prasa@…"))
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    media_lists = models.ManyToManyField(
        "press.MediaList",
        verbose_name=_("send to media lists"),
        blank=True,
        related_name="releases",
        help_text=_("On first publication the release is e-mailed to every contact of these lists."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT, editable=False)
    publish_at = models.DateTimeField(
        _("publish at (embargo)"),
        null=True,
        blank=True,
        help_text=_("The release stays hidden everywhere until this moment. Empty: published when approved."),
    )
    published_at = models.DateTimeField(_("first published at"), null=True, blank=True, editable=False)
    distributed_at = models.DateTimeField(_("sent to the media at"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = PressReleaseQuerySet.as_manager()
    history = HistoricalRecords()

    workflow = Workflow(
        action_prefix="press.release",
        transitions=[
            Transition("submit", source={Status.DRAFT}, target=Status.IN_REVIEW, label=_("Send for review")),
            Transition(
                "return_to_draft",
                source={Status.IN_REVIEW, Status.APPROVED},
                target=Status.DRAFT,
                label=_("Return to the author"),
                note_required=True,
            ),
            Transition("approve", source={Status.IN_REVIEW}, target=Status.APPROVED, label=_("Approve")),
            Transition(
                "schedule",
                source={Status.APPROVED},
                target=Status.SCHEDULED,
                label=_("Schedule for the embargo time"),
                guard="press.services.release_check_schedule",
            ),
            Transition(
                "unschedule", source={Status.SCHEDULED}, target=Status.APPROVED, label=_("Cancel the schedule")
            ),
            Transition(
                "publish",
                source={Status.APPROVED},
                target=Status.PUBLISHED,
                label=_("Publish now"),
                effect="press.services.on_release_publish",
            ),
            Transition(
                "publish_scheduled",
                source={Status.SCHEDULED},
                target=Status.PUBLISHED,
                label=_("Lift the embargo and publish"),
                effect="press.services.on_release_publish_scheduled",
            ),
            Transition(
                "correct",
                source={Status.PUBLISHED, Status.CORRECTED},
                target=Status.CORRECTED,
                label=_("Add a correction"),
                note_required=True,
                effect="press.services.on_release_correct",
            ),
            Transition(
                "withdraw",
                source={Status.APPROVED, Status.SCHEDULED, Status.PUBLISHED, Status.CORRECTED},
                target=Status.WITHDRAWN,
                label=_("Withdraw"),
                note_required=True,
            ),
        ],
    )

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        ordering = ["-publish_at", "-pk"]
        indexes = [models.Index(fields=["status", "publish_at"], name="press_release_public_idx")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_release_slug(self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("press:release_detail", kwargs={"slug": self.slug})

    @property
    def is_corrected(self):
        return self.status == self.Status.CORRECTED


def unique_release_slug(title: str) -> str:
    return unique_slug(PressRelease.objects.all(), title, fallback="komunikat", route_name="press:release_detail")


class PressReleaseCorrection(models.Model):
    """A dated correction note shown on the release page (written by the "correct" transition only)."""

    release = models.ForeignKey(
        PressRelease, verbose_name=_("press release"), on_delete=models.CASCADE, related_name="corrections"
    )
    note = models.TextField(_("correction"))
    created_at = models.DateTimeField(_("corrected at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("correction of a press release")
        verbose_name_plural = _("corrections of press releases")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.note[:60]


class PhotoLicence(models.TextChoices):
    CC_BY = "cc_by_4", _("CC BY 4.0 — free use with the author's name")
    PRESS_USE = "press_use", _("free use in media coverage of the city, with the author's name")
    CITY = "city", _("City of Ruda Śląska — all rights reserved")


class ReleasePhoto(models.Model):
    """A photo of a release for journalists: renditions on the page, the original (without EXIF) to download.

    Photos of people need the person's consent unless a public figure or a crowd (art. 81 ustawy
    o prawie autorskim i prawach pokrewnych) and a basis under RODO art. 6 (DOMAIN.md §F.1) [K]: the
    clerk confirms it with `image_rights_confirmed`. Served only while the release is public: uploaded while
    the release is not, its image is withheld (private storage, no public address) until the release is
    published (press.services.release_photo_add, release_photos_publish).
    """

    release = models.ForeignKey(
        PressRelease, verbose_name=_("press release"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ForeignKey(PublicImage, verbose_name=_("image"), on_delete=models.PROTECT, related_name="+")
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    author = models.CharField(_("author of the photo"), max_length=200)
    licence = models.CharField(_("licence"), max_length=20, choices=PhotoLicence, default=PhotoLicence.PRESS_USE)
    image_rights_confirmed = models.BooleanField(
        _("image rights confirmed"),
        default=False,
        help_text=_(
            "People shown have agreed, or they are public figures or part of a crowd (art. 81 of the copyright act)."
        ),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.caption or str(self.image_id)


class ReleaseAttachment(PublicAttachment):
    """A PDF journalists download with a release; served only while the release is public (core.models.attachments)."""

    parent_field = "release"
    download_url_name = "press:attachment_download"
    upload_dir = "press/attachments"

    release = models.ForeignKey(
        PressRelease, verbose_name=_("press release"), on_delete=models.CASCADE, related_name="attachments"
    )

    @classmethod
    def public_parents(cls):
        return PressRelease.objects.published()


__all__ = [
    "PhotoLicence",
    "PressRelease",
    "PressReleaseCorrection",
    "ReleaseAttachment",
    "ReleasePhoto",
    "Topic",
]
