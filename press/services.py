"""Every state change of the press office. Views, admin actions, commands and tests call these.

Statuses change only through `core.services.transition_perform`; the functions named like
`release_published` are the workflow's effects (run in the transition's transaction).
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.services import CaseWorkError, transition_perform
from press.models import PressRelease, PressReleaseCorrection

# [K] A release published by hand with an embargo time this far in the past is an archive entry
# (back-dated): it is not mailed to the media. Kept as a constant so the office can change it.
BACKDATE_TOLERANCE = timedelta(minutes=15)


class PressError(CaseWorkError):
    """A refusal of the press office, with a translated message a clerk can read."""


def release_create(*, acting_user, topics=(), **fields) -> PressRelease:
    """Create a press release as a draft (or in the status given, for imports and tests)."""
    with transaction.atomic():
        release = PressRelease(
            created_by=acting_user if acting_user and acting_user.is_authenticated else None, **fields
        )
        release.full_clean(exclude=["slug"])
        release.save()
        if topics:
            release.topics.set(topics)
    return release


def release_transition(*, release: PressRelease, name: str, acting_user, note: str = "") -> PressRelease:
    """Move a release along its workflow (core.services.transition_perform) and return it refreshed."""
    transition_perform(obj=release, name=name, acting_user=acting_user, note=note)
    release.refresh_from_db()
    return release


def release_scheduled(release: PressRelease, *, acting_user, note: str = "") -> None:
    """Effect of "schedule": the embargo time must be set and in the future (else the move is refused)."""
    if release.publish_at is None or release.publish_at <= timezone.now():
        raise PressError(
            _("Set the embargo time (publish at) in the future before scheduling the release."), code="no_embargo"
        )


def _stamp_publication(release: PressRelease, now) -> list[str]:
    changed = []
    if release.publish_at is None or release.publish_at > now:
        release.publish_at = now
        changed.append("publish_at")
    if release.published_at is None:
        release.published_at = now
        changed.append("published_at")
    if changed:
        release.save(update_fields=changed)
    return changed


def release_published(release: PressRelease, *, acting_user, note: str = "") -> None:
    """Effect of "publish" (by hand, from approved): visible from now, or from a past `publish_at`.

    A release whose `publish_at` lies more than BACKDATE_TOLERANCE in the past is back-dated (an
    archive entry) and is not sent to the media. Otherwise the first publication mails the chosen
    media lists (press.distribution).
    """
    now = timezone.now()
    backdated = release.publish_at is not None and release.publish_at < now - BACKDATE_TOLERANCE
    _stamp_publication(release, now)
    if not backdated:
        _distribute(release)


def release_published_on_schedule(release: PressRelease, *, acting_user, note: str = "") -> None:
    """Effect of "publish_scheduled": the embargo has ended (or the clerk lifts it early); mail the media.

    An embargo was in the future when the release was scheduled, so it is never back-dated, even
    when the publishing task runs late.
    """
    _stamp_publication(release, timezone.now())
    _distribute(release)


def _distribute(release: PressRelease) -> None:
    # Imported here: distribution needs the media contacts, which import this module's error class.
    from press.distribution import release_distribute

    release_distribute(release)


def release_corrected(release: PressRelease, *, acting_user, note: str = "") -> None:
    """Effect of "correct": add a visible, dated correction note with the clerk's text."""
    PressReleaseCorrection.objects.create(
        release=release,
        note=note,
        created_by=acting_user if acting_user is not None and acting_user.is_authenticated else None,
    )


def releases_publish_due(*, now=None) -> int:
    """Publish every scheduled release whose embargo has ended at `now`; return how many (idempotent).

    Run every minute (`manage.py publish_due_releases`, or the `publish_due_releases` task). The public
    pages do not wait for it: they show a scheduled release from its `publish_at` on (PressRelease
    .objects.published). This run stamps the publication and sends the release to the media.
    """
    now = now or timezone.now()
    due = PressRelease.objects.filter(status=PressRelease.Status.SCHEDULED, publish_at__lte=now).order_by("publish_at")
    published = 0
    for release in due.iterator():
        try:
            transition_perform(obj=release, name="publish_scheduled", acting_user=None)
        except CaseWorkError:
            # Moved by a clerk or a concurrent run in the meantime: nothing to do.
            continue
        published += 1
    return published


# Press conferences and accreditation
# ------------------------------------------------------------------------------


def conference_announced(conference, *, acting_user, note: str = "") -> None:
    """Effect of "announce": the page goes public and the invitation is mailed to the chosen media lists."""
    from press.distribution import conference_invite

    conference_invite(conference, acting_user=acting_user)


def accreditation_decided(accreditation, *, acting_user, note: str = "") -> None:
    """Effect of accepting or rejecting an accreditation: the journalist is told on the tracking page and by e-mail.

    The e-mail carries only the case mark and the private link (core.services.case_message_add).
    """
    from core.models import CaseMessage
    from core.services import case_message_add
    from press.models import Accreditation

    if accreditation.status == Accreditation.Status.ACCEPTED:
        body = _("Your accreditation has been accepted. Please bring your press card to the conference.")
    else:
        body = _("Your accreditation has been rejected.")
    if note:
        body = f"{body}\n\n{note}"
    case_message_add(case=accreditation, body=body, author_kind=CaseMessage.Author.CLERK, acting_user=acting_user)


# Media contacts
# ------------------------------------------------------------------------------


def contact_unsubscribe(*, contact, now=None) -> bool:
    """Stop mailing `contact` (RODO art. 21 objection / art. 7 ust. 3 withdrawal); False if already done.

    The contact stays in the register (so a later import does not add it again) but is never mailed.
    """
    from press.models import MediaContact

    now = now or timezone.now()
    updated = MediaContact.objects.filter(pk=contact.pk, unsubscribed_at__isnull=True).update(
        unsubscribed_at=now, updated_at=now
    )
    return bool(updated)
