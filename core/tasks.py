"""Background tasks of the portal (django.tasks): sending the e-mails waiting in the outbox.

`send_outbox_message` is enqueued after the transaction that created the OutboxMessage commits
(see core.mail.mail_enqueue). It is idempotent: it locks the row, sends only a PENDING row that is
due, and marks it SENT in the same transaction, so a second run (a repeated task, the
`send_outbox` command running at the same moment) sends nothing. A failed delivery never raises:
it is recorded on the row and retried later by `send_outbox` with exponential backoff.

Personal data never reaches the logs: log lines and `last_error` name the message id and the kind
of error, never the recipients, the subject or the body.
"""

import logging
import re
from datetime import UTC, datetime, timedelta

from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction
from django.tasks import task
from django.utils import timezone

from core.models import OutboxMessage
from core.site import site_host

logger = logging.getLogger(__name__)

MAILER_ALIAS = "default"
# Wait after the 1st, 2nd, … failed attempt; the last value repeats. About 41 hours in all.
RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=15),
    timedelta(hours=1),
    timedelta(hours=4),
    timedelta(hours=12),
    timedelta(hours=24),
)
# After this many failed attempts the message is FAILED for good (a clerk can see it in the admin).
MAX_ATTEMPTS = 8

# Outcomes of one call of outbox_message_send.
SENT = "sent"
RETRY = "retry"  # the attempt failed, another one is scheduled
FAILED = "failed"  # the attempt failed and it was the last one
SKIPPED = "skipped"  # already sent or failed, not due yet, locked by another worker, or gone

_EMAIL_ADDRESS = re.compile(r"[^\s<>()\[\]\"',;:@]+@[^\s<>()\[\]\"',;:@]+")


def retry_delay(attempts: int) -> timedelta:
    """The wait before the next attempt after `attempts` failed ones (attempts >= 1)."""
    return RETRY_DELAYS[min(max(attempts, 1), len(RETRY_DELAYS)) - 1]


def message_id_header(message: OutboxMessage) -> str:
    """A Message-ID that is the same for every attempt of one outbox row.

    A retry after a lost SMTP reply (the server took the mail but the answer never came) carries
    the same id, so the receiving side can recognise the duplicate. The creation time keeps it
    unique if row ids ever start again from 1 (a new database).
    """
    domain = site_host()
    created = message.created_at.astimezone(UTC).strftime("%Y%m%d%H%M%S")
    return f"<outbox.{message.pk}.{created}@{domain}>"


def error_summary(error: BaseException) -> str:
    """Describe a delivery failure without personal data: the exception class and a code only.

    The text of SMTP replies and of SMTPRecipientsRefused names the recipients, so it is left out.
    """
    parts = [type(error).__name__]
    smtp_code = getattr(error, "smtp_code", None)
    if smtp_code:
        parts.append(str(smtp_code))
    elif isinstance(error, OSError):
        if error.errno:
            parts.append(f"errno {error.errno}")
        if error.strerror:
            parts.append(str(error.strerror))
    text = " ".join(parts)
    return _EMAIL_ADDRESS.sub("[address]", text)[:500]


def _deliver(message: OutboxMessage) -> None:
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body_text,
        to=list(message.to),
        headers={
            **(message.headers or {}),
            "Message-ID": message_id_header(message),
            # RFC 3834: an automatic message; out-of-office robots should not answer it.
            "Auto-Submitted": "auto-generated",
        },
    )
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    email.send(using=MAILER_ALIAS)


def outbox_message_send(message_id: int, *, now: datetime | None = None) -> str:
    """Send one outbox message if it is PENDING and due at `now`; return SENT, RETRY, FAILED or SKIPPED.

    The row stays locked while the mail is handed to the SMTP server, so two workers never send
    it twice (PostgreSQL; SQLite has no row locks and serialises writers instead). Never raises
    on a delivery failure.
    """
    now = now or timezone.now()
    with transaction.atomic():
        rows = OutboxMessage.objects.filter(pk=message_id).order_by()
        if connection.features.has_select_for_update_skip_locked:
            # Another worker holds the row: it is sending it right now, leave it.
            rows = rows.select_for_update(skip_locked=True)
        else:
            rows = rows.select_for_update()
        message = next(iter(rows), None)
        if message is None or message.status != OutboxMessage.Status.PENDING:
            return SKIPPED
        if message.next_attempt_at is not None and message.next_attempt_at > now:
            return SKIPPED
        message.attempts += 1
        try:
            _deliver(message)
        except Exception as error:  # any delivery failure is recorded on the row, never raised
            message.last_error = error_summary(error)
            if message.attempts >= MAX_ATTEMPTS:
                message.status = OutboxMessage.Status.FAILED
                message.next_attempt_at = None
                outcome = FAILED
                logger.warning("Outbox message %s failed for good after %s attempts.", message.pk, message.attempts)
            else:
                message.next_attempt_at = now + retry_delay(message.attempts)
                outcome = RETRY
                logger.info(
                    "Outbox message %s: attempt %s failed (%s), next at %s.",
                    message.pk,
                    message.attempts,
                    message.last_error,
                    message.next_attempt_at.isoformat(),
                )
        else:
            message.status = OutboxMessage.Status.SENT
            message.sent_at = now
            message.next_attempt_at = None
            message.last_error = ""
            outcome = SENT
        message.save(update_fields=["status", "attempts", "next_attempt_at", "last_error", "sent_at"])
    return outcome


@task()
def send_outbox_message(message_id: int) -> str:
    """Send the outbox message `message_id` now if it is still waiting (idempotent)."""
    return outbox_message_send(message_id)
