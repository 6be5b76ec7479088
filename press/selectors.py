"""Reads of the public newsroom: which releases and conferences the public sees, in a fixed number of queries.

Every function starts from `PressRelease.objects.published(now)` or `PressConference.objects.public()`,
so a draft, an unapproved release or one still under embargo never reaches a public page, feed, sitemap,
search result, home page, photo or attachment download.
"""

from datetime import datetime

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from events.models import Event
from press.models import PressConference, PressRelease, ReleasePhoto, Topic


def releases_public(*, now: datetime | None = None) -> QuerySet[PressRelease]:
    """Return releases the public may see at `now`, newest first, with their topics prefetched."""
    return (
        PressRelease.objects.published(now)
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("position", "name")))
        .order_by("-publish_at", "-pk")
    )


def releases_latest(*, limit: int, now: datetime | None = None) -> list[PressRelease]:
    """Return the `limit` newest public releases (home page), in one query."""
    return list(PressRelease.objects.published(now).order_by("-publish_at", "-pk")[:limit])


def release_get_published_or_404(slug: str, *, now: datetime | None = None) -> PressRelease:
    """Return the public release under `slug` with what its page shows prefetched; else Http404."""
    queryset = PressRelease.objects.published(now).prefetch_related(
        "topics",
        "corrections",
        "attachments",
        Prefetch("photos", queryset=ReleasePhoto.objects.select_related("image")),
        Prefetch("related_events", queryset=Event.objects.published(now).order_by("title")),
    )
    return get_object_or_404(queryset, slug=slug[:220])


def conferences_public() -> QuerySet[PressConference]:
    """Return conferences the public may see, the latest first."""
    return PressConference.objects.public().order_by("-starts_at", "-pk")


def conference_get_public_or_404(slug: str) -> PressConference:
    """Return the public conference under `slug` (its post-conference release only if that is public); else 404."""
    return get_object_or_404(PressConference.objects.public().select_related("release"), slug=slug[:220])


def conference_release(conference: PressConference, *, now: datetime | None = None) -> PressRelease | None:
    """The conference's release, only if the public may see it now."""
    if conference.release_id is None:
        return None
    return PressRelease.objects.published(now).filter(pk=conference.release_id).first()


def letters_open_deadlines():
    """Dates needed of letters and speeches not yet sent, for the Terminarz (one query).

    A letter is not a case: the clerk who registered the request prepares it, so they are its handler ("Moje").
    """
    from django.urls import reverse
    from django.utils.translation import gettext

    from core.deadlines import OpenDeadline
    from press.models import OccasionalLetter

    letters = OccasionalLetter.objects.filter(status__in=OccasionalLetter.OPEN_STATUSES).only(
        "pk", "kind", "occasion", "needed_on", "created_by"
    )
    for letter in letters:
        yield OpenDeadline(
            due_date=letter.needed_on,
            title=f"{letter.get_kind_display()}: {letter.occasion[:70]}",
            case_mark="",
            url=reverse("admin:press_occasionalletter_change", args=[letter.pk]),
            section="press",
            handler_id=letter.created_by_id,
            rule=gettext("date needed by the requester"),
        )
