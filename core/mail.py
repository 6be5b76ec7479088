"""Outgoing e-mail through the transactional outbox.

Code that wants to send an e-mail calls `mail_enqueue` inside the transaction that changes the
record the mail is about. The rendered message is stored as an OutboxMessage row in that same
transaction, and sending is scheduled only once it commits: a committed record always has its
mail waiting, a rolled-back one sends nothing. The task `core.tasks.send_outbox_message` sends
it; a failure is retried with backoff by `mail_send_due` (the `send_outbox` command, run every
minute in production), which also picks up rows whose task never ran (a worker outage).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from core.models import OutboxMessage
from core.tasks import FAILED, RETRY, SENT, outbox_message_send, send_outbox_message

SUBJECT_MAX_LENGTH = OutboxMessage._meta.get_field("subject").max_length


def mail_enqueue(
    *, to: list[str], subject: str, template: str, context: dict, headers: dict[str, str] | None = None
) -> OutboxMessage:
    """Render `mail/<template>.txt` and `.html` with `context` and queue the e-mail to `to`.

    Renders in the active language; the templates also get `subject` (the HTML <title>). `headers` are
    extra headers of this message (a newsletter's List-Unsubscribe). The row is created in the current
    transaction and the sending task is enqueued on commit. Raises ValueError when `to` has no address
    or a header holds a line break.
    """
    recipients = [address.strip() for address in to if address and address.strip()]
    if not recipients:
        raise ValueError("An e-mail needs at least one recipient.")
    headers = {str(name): str(value) for name, value in (headers or {}).items()}
    if any("\n" in text or "\r" in text for item in headers.items() for text in item):
        raise ValueError("A header cannot hold a line break.")
    # Headers cannot hold line breaks; collapse all whitespace of the subject.
    subject = " ".join(str(subject).split())[:SUBJECT_MAX_LENGTH]
    context = {"subject": subject, **context}
    body_text = render_to_string(f"mail/{template}.txt", context).strip() + "\n"
    body_html = render_to_string(f"mail/{template}.html", context).strip() + "\n"
    message = OutboxMessage.objects.create(
        to=recipients,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        headers=headers,
        status=OutboxMessage.Status.PENDING,
    )
    message_id = message.pk
    # robust: a failure to enqueue (the task queue is down) must not turn a committed request into
    # an error page; the row stays PENDING and `send_outbox` sends it.
    transaction.on_commit(lambda: send_outbox_message.enqueue(message_id), robust=True)
    return message


@dataclass(frozen=True)
class OutboxRun:
    """What one `mail_send_due` run did, and how many messages still wait afterwards."""

    sent: int = 0
    retrying: int = 0
    failed: int = 0
    skipped: int = 0
    waiting: int = 0

    @property
    def attempted(self) -> int:
        return self.sent + self.retrying + self.failed


def due_messages(now):
    """PENDING outbox rows whose next attempt is due at `now` (or that were never tried), oldest first."""
    return OutboxMessage.objects.filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now), status=OutboxMessage.Status.PENDING
    ).order_by("created_at", "pk")


def mail_send_due(now=None, limit: int = 100) -> OutboxRun:
    """Send up to `limit` PENDING messages that are due at `now` (default: the current time).

    Each message is sent and marked in its own transaction (see core.tasks.outbox_message_send),
    so a message sent by a concurrent task is not sent again.
    """
    now = now or timezone.now()
    ids = list(due_messages(now).values_list("pk", flat=True)[:limit])
    outcomes = [outbox_message_send(pk, now=now) for pk in ids]
    return OutboxRun(
        sent=outcomes.count(SENT),
        retrying=outcomes.count(RETRY),
        failed=outcomes.count(FAILED),
        skipped=len(outcomes) - outcomes.count(SENT) - outcomes.count(RETRY) - outcomes.count(FAILED),
        waiting=OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING).count(),
    )


#: [K] How long a sent e-mail keeps its addresses, text and links (tracking links are private tokens): long
#: enough for a clerk to answer "did the applicant get it?" from the outbox, then only the fact stays.
SENT_KEEP_DAYS = 30
#: [K] A message that failed for good is kept longer, for the clerk who has to reach the person another way.
FAILED_KEEP_DAYS = 90


def mail_redact_old(now=None) -> int:
    """Clear the recipients, texts and headers of e-mails sent more than SENT_KEEP_DAYS ago and of e-mails that
    failed for good more than FAILED_KEEP_DAYS ago; return how many were cleared.

    RODO art. 5 ust. 1 lit. c and e (data minimisation, storage limitation; DOMAIN.md §J.3): the outbox holds
    addresses and the private tracking links of every applicant. The row itself stays, with its subject, status
    and dates, so the records that point at it (a newsletter's deliveries, a release's distribution log) still
    count what was sent. A waiting e-mail is never touched.
    """
    now = now or timezone.now()
    old = Q(status=OutboxMessage.Status.SENT, sent_at__lt=now - timedelta(days=SENT_KEEP_DAYS)) | Q(
        status=OutboxMessage.Status.FAILED, created_at__lt=now - timedelta(days=FAILED_KEEP_DAYS)
    )
    return (
        OutboxMessage.objects.filter(old)
        .exclude(to=[])
        .update(to=[], body_text="", body_html="", headers={}, last_error="")
    )
