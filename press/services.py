"""Every state change of the press office. Views, admin actions, commands and tests call these.

Statuses change only through `core.services.transition_perform`. The workflow tables name their guards
`<entity>_check_<verb>` (may the move happen? run on the locked row before anything is written) and their effects
`on_<entity>_<verb>` (what follows the move, in the same transaction).
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from core.html import sanitise_html
from core.services import CaseWorkError, transition_perform
from press.models import PressRelease, PressReleaseCorrection

# [K] A release published by hand with an embargo time this far in the past is an archive entry
# (back-dated): it is not mailed to the media. Kept as a constant so the office can change it.
BACKDATE_TOLERANCE = timedelta(minutes=15)

logger = logging.getLogger(__name__)


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


def release_check_schedule(release: PressRelease, *, acting_user, note: str = "") -> None:
    """Guard of "schedule": the embargo time must be set and in the future (else the move is refused)."""
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


# Photos under embargo
# ------------------------------------------------------------------------------
# Decision (issue 13, point 11): a photo of a release that is not public is a *withheld* PublicImage — its
# original and renditions live in the private storage, outside MEDIA_ROOT, so no public address exists.
# While withheld it is shown only by views that check the release is public at that moment
# (press.views.photo_rendition / photo_download: the same query as the release page, so photos appear at
# the embargo second even before the publishing task runs) and to clerks by core's permission-checked
# preview. Once the release is published its images move to public media under fresh names: from then on
# they are ordinary public images (served by nginx, cacheable, and an event may reuse them).


def release_is_public(release: PressRelease, *, now=None) -> bool:
    """True when the public may see `release` at `now` (the newsroom's own query)."""
    return PressRelease.objects.published(now).filter(pk=release.pk).exists()


def release_photo_image_store(*, release: PressRelease, uploaded_file, alt_text: str, acting_user):
    """Store an uploaded photo for `release` as a PublicImage, withheld while the release is not public."""
    from core.public_images import public_image_create

    return public_image_create(
        uploaded_file=uploaded_file,
        alt_text=alt_text,
        acting_user=acting_user if acting_user is not None and acting_user.is_authenticated else None,
        withheld=not release_is_public(release),
    )


def release_photo_add(*, release: PressRelease, uploaded_file, alt_text: str, acting_user, **fields):
    """Add a photo to `release` from an upload (checked, re-encoded, without EXIF) and return it.

    While the release is not public the image is withheld: stored privately, with no public address, until
    the release is published (release_photos_publish). `fields` are the photo's caption, author, licence,
    image_rights_confirmed and position. Raises ValidationError for a bad file or a missing alt text.
    """
    from press.models import ReleasePhoto

    image = release_photo_image_store(
        release=release, uploaded_file=uploaded_file, alt_text=alt_text, acting_user=acting_user
    )
    photo = ReleasePhoto(release=release, image=image, **fields)
    photo.full_clean()
    photo.save()
    return photo


def release_photos_publish(release: PressRelease) -> int:
    """Move the withheld photos of a public release to public media (fresh names); return how many.

    Does nothing while the release is not public, so a rolled-back or premature call never exposes a photo.
    Idempotent: a photo already public is left alone.
    """
    from core.public_images import public_image_publish
    from press.models import ReleasePhoto

    if not release_is_public(release):
        return 0
    photos = ReleasePhoto.objects.filter(release=release, image__withheld=True).select_related("image")
    moved = 0
    for photo in photos:
        public_image_publish(photo.image)
        moved += 1
    return moved


def _photos_publish_after_commit(release: PressRelease) -> None:
    # After commit: files are not transactional, and a failed move only delays the public copies (the
    # release page keeps serving the photos through the checked view; releases_publish_due retries).
    # robust: the clerk's "Publish now" never ends in an error page because of a file; the error is logged.
    transaction.on_commit(lambda: release_photos_publish(release), robust=True)


def on_release_publish(release: PressRelease, *, acting_user, note: str = "") -> None:
    """Effect of "publish" (by hand, from approved): visible from now, or from a past `publish_at`.

    A release whose `publish_at` lies more than BACKDATE_TOLERANCE in the past is back-dated (an
    archive entry) and is not sent to the media. Otherwise the first publication mails the chosen
    media lists (press.distribution).
    """
    now = timezone.now()
    backdated = release.publish_at is not None and release.publish_at < now - BACKDATE_TOLERANCE
    _stamp_publication(release, now)
    _photos_publish_after_commit(release)
    if not backdated:
        _distribute(release)


def on_release_publish_scheduled(release: PressRelease, *, acting_user, note: str = "") -> None:
    """Effect of "publish_scheduled": the embargo has ended (or the clerk lifts it early); mail the media.

    An embargo was in the future when the release was scheduled, so it is never back-dated, even
    when the publishing task runs late.
    """
    _stamp_publication(release, timezone.now())
    _photos_publish_after_commit(release)
    _distribute(release)


def _distribute(release: PressRelease) -> None:
    # Imported here: distribution needs the media contacts, which import this module's error class.
    from press.distribution import release_distribute

    release_distribute(release)


def on_release_correct(release: PressRelease, *, acting_user, note: str = "") -> None:
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
    _withheld_photos_publish(now)
    return published


def _withheld_photos_publish(now) -> None:
    """Publish the photos still withheld of every public release (a move that failed after commit is retried)."""
    from press.models import ReleasePhoto

    pending = (
        PressRelease.objects.published(now)
        .filter(pk__in=ReleasePhoto.objects.filter(image__withheld=True).values("release_id"))
        .order_by("publish_at")
    )
    for release in pending:
        try:
            release_photos_publish(release)
        except OSError:
            logger.exception("event=release_photos_publish_failed release=%s", release.pk)


# Press conferences and accreditation
# ------------------------------------------------------------------------------


def on_conference_announce(conference, *, acting_user, note: str = "") -> None:
    """Effect of "announce": the page goes public and the invitation is mailed to the chosen media lists."""
    from press.distribution import conference_invite

    conference_invite(conference, acting_user=acting_user)


def accreditation_message_decide(accreditation, note: str) -> str:
    """What the journalist is told of the decision on an accreditation, the clerk's note after it.

    The kernel posts it to the tracking page and announces it by e-mail (the transition's `note_to_applicant`).
    """
    from press.models import Accreditation

    if accreditation.status == Accreditation.Status.ACCEPTED:
        body = _("Your accreditation has been accepted. Please bring your press card to the conference.")
    else:
        body = _("Your accreditation has been rejected.")
    return f"{body}\n\n{note}" if note else body


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


# Occasional letters and speeches
# ------------------------------------------------------------------------------


def letter_create(*, acting_user, template=None, text: str = "", **fields):
    """Register a request for a letter or speech; with a template or a text, also save its first version.

    The first version is `text`, or else the template's text; saving it starts the draft (status "draft").
    """
    from press.models import OccasionalLetter

    user = acting_user if acting_user is not None and acting_user.is_authenticated else None
    with transaction.atomic():
        letter = OccasionalLetter(created_by=user, template=template, **fields)
        letter.full_clean()
        letter.save()
        first_text = text or (template.text if template is not None else "")
        if first_text.strip():
            letter_version_add(letter=letter, text=first_text, acting_user=acting_user)
    return letter


def letter_version_add(*, letter, text: str, acting_user):
    """Save `text` as the next version of `letter` (never overwriting an earlier one) and return the version.

    Allowed while the letter is requested, a draft or in review; the first version of a requested letter
    starts the draft (transition "start_draft"). A text equal to the latest version saves nothing and
    returns the latest version. Raises PressError once the letter is approved, signed, sent or cancelled.
    """
    from press.models import OccasionalLetter, OccasionalLetterVersion

    # The version keeps the editor's HTML sanitised (core.html); an unchanged text is compared in that form.
    text = sanitise_html((text or "").strip()).strip()
    if not strip_tags(text).strip():
        raise PressError(_("The text of the letter is empty."), code="empty_text")
    with transaction.atomic():
        locked = OccasionalLetter.objects.select_for_update().get(pk=letter.pk)
        if locked.status not in OccasionalLetter.EDITABLE_STATUSES:
            raise PressError(
                _("The text cannot be changed once the letter is approved: return it to the author first."),
                code="letter_not_editable",
            )
        latest = locked.versions.order_by("-number").first()
        if latest is not None and latest.text == text:
            return latest
        version = OccasionalLetterVersion(
            letter=locked,
            number=(latest.number + 1) if latest else 1,
            text=text,
            author=acting_user if acting_user is not None and acting_user.is_authenticated else None,
        )
        version.full_clean()
        version.save()
        if locked.status == OccasionalLetter.Status.REQUESTED:
            transition_perform(obj=locked, name="start_draft", acting_user=acting_user)
    letter.refresh_from_db()
    return version


def letter_check_submit(letter, *, acting_user, note: str = "") -> None:
    """Guard of "submit": there must be a text to review."""
    if not letter.versions.exists():
        raise PressError(_("Write the text of the letter before sending it for review."), code="no_version")


def on_letter_approve(letter, *, acting_user, note: str = "") -> None:
    """Effect of "approve": the latest version becomes the approved one (shown in the admin and the archive)."""
    letter.approved_version = letter.versions.order_by("-number").first()
    letter.save(update_fields=["approved_version", "updated_at"])


def on_letter_return(letter, *, acting_user, note: str = "") -> None:
    """Effect of "return_to_draft": an approval no longer holds once the text may change again."""
    if letter.approved_version_id is not None:
        letter.approved_version = None
        letter.save(update_fields=["approved_version", "updated_at"])


def on_letter_send(letter, *, acting_user, note: str = "") -> None:
    """Effect of "send": stamp the time the letter left the office (or the speech was handed over)."""
    letter.sent_at = timezone.now()
    letter.save(update_fields=["sent_at", "updated_at"])


# Social-media plan (nothing is posted to a platform from here)
# ------------------------------------------------------------------------------


def social_post_create(*, acting_user, **fields):
    """Add a post to the plan as an idea."""
    from press.models import SocialPost

    post = SocialPost(created_by=acting_user if acting_user is not None and acting_user.is_authenticated else None)
    for name, value in fields.items():
        setattr(post, name, value)
    post.full_clean()
    post.save()
    return post


def social_post_mark_published(*, post, post_url: str, acting_user):
    """Record the address of a post the clerk published by hand on the platform, and mark it published.

    The URL is validated and saved in the same transaction as the transition "publish"; a refused
    transition (wrong status, no permission) leaves the URL unchanged. Raises ValidationError for a bad URL.
    """
    from django.core.validators import URLValidator

    from press.models import SocialPost

    post_url = (post_url or "").strip()
    URLValidator(schemes=["https"])(post_url)
    with transaction.atomic():
        locked = SocialPost.objects.select_for_update().get(pk=post.pk)
        locked.post_url = post_url
        locked.save(update_fields=["post_url", "updated_at"])
        transition_perform(obj=locked, name="publish", acting_user=acting_user)
    post.refresh_from_db()
    return post


def social_post_check_plan(post, *, acting_user, note: str = "") -> None:
    """Guard of "plan": a planned post needs its date and time."""
    if post.planned_at is None:
        raise PressError(_("Set the date and time of the post before planning it."), code="no_planned_at")


def social_post_check_publish(post, *, acting_user, note: str = "") -> None:
    """Guard of "publish": the address of the published post is required."""
    if not post.post_url:
        raise PressError(
            _("Enter the address of the published post before marking it as published."), code="no_post_url"
        )


def on_social_post_publish(post, *, acting_user, note: str = "") -> None:
    """Effect of "publish": stamp the time the published post was recorded."""
    post.published_at = timezone.now()
    post.save(update_fields=["published_at", "updated_at"])
