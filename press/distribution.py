"""Sending releases and conference invitations to media lists through the outbox, with a per-contact unsubscribe.

Every e-mail goes through `core.mail.mail_enqueue` in the transaction of the publication, one message per
contact (deduplicated across lists), so each carries the contact's own unsubscribe link. A contact who
unsubscribed is never mailed (RODO art. 21 objection, art. 7 ust. 3 withdrawal of consent); each message is
logged in DistributionLogEntry. The unsubscribe token is signed and names only the contact's id: no e-mail
address in the URL or the logs.
"""

from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from core.mail import mail_enqueue
from core.site import site_url
from press.models import DistributionLogEntry, MediaContact, PressConference, PressRelease

UNSUBSCRIBE_SALT = "press.unsubscribe"


def unsubscribe_token(contact: MediaContact) -> str:
    return signing.dumps(contact.pk, salt=UNSUBSCRIBE_SALT, compress=True)


def contact_from_token(token: str) -> MediaContact | None:
    """The contact a signed unsubscribe token names, or None for a forged, damaged or stale token."""
    if len(token) > 200:
        return None
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return MediaContact.objects.filter(pk=pk).first()


def _recipients(media_lists) -> list[tuple[MediaContact, object]]:
    """(contact, first list it is on) for every mailable contact of `media_lists`, each contact once."""
    chosen: dict[int, tuple[MediaContact, object]] = {}
    for media_list in media_lists:
        for contact in media_list.contacts.mailable().order_by("pk"):
            chosen.setdefault(contact.pk, (contact, media_list))
    return list(chosen.values())


def _send(*, contacts, subject: str, template: str, context: dict, log: dict, acting_user=None) -> int:
    sent = 0
    # The media get Polish: the office's releases are Polish documents.
    with translation.override("pl"):
        for contact, media_list in contacts:
            unsubscribe_url = site_url(reverse("press:unsubscribe", kwargs={"token": unsubscribe_token(contact)}))
            message = mail_enqueue(
                to=[contact.email],
                subject=subject,
                template=template,
                context={**context, "unsubscribe_url": unsubscribe_url},
            )
            DistributionLogEntry.objects.create(
                contact=contact,
                media_list=media_list,
                message=message,
                created_by=acting_user if acting_user is not None and acting_user.is_authenticated else None,
                **log,
            )
            sent += 1
    return sent


def _mail_lists_once(record, *, sent_field: str, subject, template: str, context: dict, log: dict, acting_user=None):
    """Mail `record` (a locked release or conference) to the mailable contacts of its media lists, unless
    `sent_field` is stamped already; then stamp it. `subject` takes the record's title; return how many."""
    if getattr(record, sent_field) is not None:
        return 0
    with translation.override("pl"):
        subject = str(subject) % {"title": record.title}
    sent = _send(
        contacts=_recipients(record.media_lists.all()),
        subject=subject,
        template=template,
        context=context,
        log=log,
        acting_user=acting_user,
    )
    setattr(record, sent_field, timezone.now())
    record.save(update_fields=[sent_field])
    return sent


def release_distribute(release: PressRelease) -> int:
    """Mail a just-published release to every mailable contact of its media lists, once; return how many.

    Runs in the publication's transaction (a workflow effect). A release already distributed is not
    sent again (a correction or a re-publication mails nobody).
    """
    release = PressRelease.objects.select_for_update().get(pk=release.pk)
    return _mail_lists_once(
        release,
        sent_field="distributed_at",
        subject=gettext_lazy("Press release: %(title)s"),
        template="press_release",
        context={"release": release, "release_url": site_url(release.get_absolute_url())},
        log={"release": release},
    )


def conference_invite(conference: PressConference, *, acting_user=None) -> int:
    """Mail the invitation to a just-announced conference to its media lists, once; return how many."""
    conference = PressConference.objects.select_for_update().get(pk=conference.pk)
    accreditation_url = reverse("press:accreditation_create", kwargs={"slug": conference.slug})
    return _mail_lists_once(
        conference,
        sent_field="invitation_sent_at",
        subject=gettext_lazy("Invitation to a press conference: %(title)s"),
        template="press_conference_invitation",
        context={
            "conference": conference,
            "conference_url": site_url(conference.get_absolute_url()),
            "accreditation_url": site_url(accreditation_url) if conference.accreditation_required else "",
        },
        log={"conference": conference},
        acting_user=acting_user,
    )
