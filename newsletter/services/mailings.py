"""Mailings to the subscribers: preparing the weekly digest, approving, sending in batches, progress.

A mailing goes out only after a clerk approved it (the workflow's "approve"), in batches of NEWSLETTER_BATCH_SIZE
subscribers every NEWSLETTER_BATCH_SECONDS: the rate the SMTP provider allows [K]. One batch is one transaction:
it locks the mailing, queues one outbox e-mail per subscriber (`core.mail.mail_enqueue`, each with the one-click
unsubscribe headers of RFC 8058) with its Delivery row, and moves `last_subscriber_id` past them. A worker killed
in the middle of a batch rolls the whole batch back, and the next run (the task, or the `send_newsletter` command
every minute) starts it again; a batch that committed is never queued again, and the unique (mailing, subscriber)
delivery row refuses a second mail to one address whatever happens. Only confirmed, not bouncing subscribers get
anything (`Subscriber.objects.receiving()`, RODO art. 6 ust. 1 lit. a with double opt-in, DOMAIN.md §F.5).

During a mourning (DOMAIN.md §F.6: "scheduled posts and mailings paused for review") a mailing that would go out in
the period, or a digest announcing a week in it, is flagged to the clerk (`mailings_in_mourning`); the batches of a
mailing approved before the mourning began wait until it ends, unless the clerk cancels the rest of the mailing. A
mailing the clerk approves during the mourning has been reviewed with the flag in view and goes out.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.template.defaultfilters import date as date_format
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from core.mail import mail_enqueue
from core.models import OutboxMessage
from core.services import CaseWorkError
from core.site import site_url
from mourning.services import period_covering, periods_overlapping
from newsletter.models import Delivery, Mailing, Subscriber
from newsletter.selectors import (
    DigestContent,
    digest_content,
    digest_for,
    everything_subscriber,
    next_week_start,
    week_bounds,
)
from newsletter.services.subscriptions import preferences_url, unsubscribe_headers, unsubscribe_url


# PREPARING
# ------------------------------------------------------------------------------
def digest_subject(week_start: date) -> str:
    """ "Co się dzieje w Rudzie Śląskiej: 14–20 grudnia" (the week in Polish)."""
    week_end = week_start + timedelta(days=6)
    with translation.override("pl"):
        if week_start.month == week_end.month:
            days = f"{week_start.day}–{date_format(week_end, 'j E')}"
        else:
            days = f"{date_format(week_start, 'j E')} – {date_format(week_end, 'j E')}"
        return gettext("What is on in Ruda Śląska: %(days)s") % {"days": days}


def digest_prepare(*, week_start: date | None = None, acting_user=None) -> Mailing:
    """Prepare the draft digest of the week starting `week_start` (default: the next Monday); return it.

    One digest per week (a unique constraint): a week that has one (not cancelled) gets that one back. The draft
    waits for a clerk to look at its preview and approve it; nothing is sent before.
    """
    week_start = week_start or next_week_start()
    digests = Mailing.objects.filter(kind=Mailing.Kind.DIGEST, week_start=week_start).exclude(
        status=Mailing.Status.CANCELLED
    )
    existing = digests.first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Mailing.objects.create(
                kind=Mailing.Kind.DIGEST,
                week_start=week_start,
                subject=digest_subject(week_start),
                created_by=acting_user if acting_user is not None and acting_user.is_authenticated else None,
            )
    except IntegrityError:
        # Prepared at the same moment by another run (the timer on a second node): the database kept one.
        return digests.get()


# APPROVING (workflow guard and effect)
# ------------------------------------------------------------------------------
def mailing_check_approve(mailing: Mailing, *, acting_user, note="") -> None:
    """A campaign needs its text; a digest cannot go out once its week is over."""
    if mailing.kind == Mailing.Kind.CAMPAIGN and not (mailing.body or "").strip():
        raise CaseWorkError(gettext("Write the text of the campaign before approving it."), code="empty_campaign")
    if mailing.kind == Mailing.Kind.DIGEST and mailing.week_start + timedelta(days=6) < timezone.localdate():
        raise CaseWorkError(gettext("The week of this digest is over: prepare a new one."), code="digest_past")


def mailing_check_cancel(mailing: Mailing, *, acting_user, note="") -> None:
    """A mailing whose every batch is queued has gone out: there is nothing left to cancel.

    An approved mailing still sending may be cancelled (its remaining batches are not queued): the clerk's answer
    to a mailing held by a mourning (DOMAIN.md §F.6).
    """
    if mailing.finished_at is not None:
        raise CaseWorkError(gettext("This mailing has already gone out to every subscriber."), code="mailing_sent")


def on_mailing_approve(mailing: Mailing, *, acting_user, note="") -> None:
    """Stamp who approved the mailing and start its first batch once the approval commits."""
    now = timezone.now()
    mailing.approved_by = acting_user if acting_user is not None and acting_user.is_authenticated else None
    mailing.approved_at = now
    mailing.next_batch_at = now
    mailing.save(update_fields=["approved_by", "approved_at", "next_batch_at"])
    from newsletter.tasks import send_mailing_batch

    mailing_id = mailing.pk
    transaction.on_commit(lambda: send_mailing_batch.enqueue(mailing_id), robust=True)


# SENDING
# ------------------------------------------------------------------------------
def batch_size() -> int:
    return settings.NEWSLETTER_BATCH_SIZE


def batch_interval() -> timedelta:
    return timedelta(seconds=settings.NEWSLETTER_BATCH_SECONDS)


def _mail_subscriber(mailing: Mailing, subscriber: Subscriber, content: DigestContent | None) -> Delivery:
    context = {
        "mailing": mailing,
        "site": site_url(""),
        "preferences_url": preferences_url(subscriber),
        "unsubscribe_url": unsubscribe_url(subscriber),
    }
    if mailing.kind == Mailing.Kind.DIGEST:
        part = digest_for(content, subscriber)
        if not part:
            return Delivery(mailing=mailing, subscriber=subscriber, skipped=True)
        context.update(digest=part, content=content)
    message = mail_enqueue(
        to=[subscriber.email],
        subject=mailing.subject,
        template=f"newsletter_{mailing.kind}",
        context=context,
        headers=unsubscribe_headers(subscriber),
    )
    return Delivery(mailing=mailing, subscriber=subscriber, message=message)


def mailing_send_batch(*, mailing_id: int, now=None, size: int | None = None) -> int:
    """Queue the next batch of an approved mailing in the outbox; return how many subscribers it took.

    Does nothing (returns 0) for a mailing that is not approved, has queued every batch, or whose next batch is
    not due at `now`. The batch: the next `size` receiving subscribers after `last_subscriber_id`, in id order;
    one outbox e-mail and one Delivery each (a digest that has nothing for a subscriber: a skipped Delivery, no
    e-mail). A batch smaller than `size` is the last one: `finished_at` is stamped.
    """
    now = now or timezone.now()
    size = size or batch_size()
    with transaction.atomic(), translation.override("pl"):
        mailing = Mailing.objects.select_for_update().filter(pk=mailing_id).first()
        if mailing is None or mailing.status != Mailing.Status.APPROVED or mailing.finished_at is not None:
            return 0
        if mailing.next_batch_at is not None and mailing.next_batch_at > now:
            return 0
        mourning = period_covering(now)
        if mourning is not None and (mailing.approved_at is None or mailing.approved_at < mourning.starts_at):
            # DOMAIN.md §F.6: approved before the mourning, the mailing waits for its end (or the clerk's cancel).
            mailing.next_batch_at = mourning.ends_at
            mailing.save(update_fields=["next_batch_at"])
            return 0
        subscribers = list(
            Subscriber.objects.receiving()
            .filter(pk__gt=mailing.last_subscriber_id)
            .order_by("pk")
            .prefetch_related("event_categories", "press_topics")[:size]
        )
        content = digest_content(mailing.week_start, now=now) if mailing.kind == Mailing.Kind.DIGEST else None
        deliveries = [_mail_subscriber(mailing, subscriber, content) for subscriber in subscribers]
        Delivery.objects.bulk_create(deliveries)
        if subscribers:
            mailing.last_subscriber_id = subscribers[-1].pk
        mailing.next_batch_at = now + batch_interval()
        if len(subscribers) < size:
            mailing.finished_at = now
            mailing.next_batch_at = None
        mailing.save(update_fields=["last_subscriber_id", "next_batch_at", "finished_at"])
    return len(subscribers)


def mailings_send_due(*, now=None) -> int:
    """Queue the due batch of every approved mailing still sending (the `send_newsletter` command); return how many
    subscribers were taken. Picks up a mailing whose task never ran or was interrupted."""
    now = now or timezone.now()
    due = Mailing.objects.filter(status=Mailing.Status.APPROVED, finished_at__isnull=True).filter(
        Q(next_batch_at__isnull=True) | Q(next_batch_at__lte=now)
    )
    return sum(mailing_send_batch(mailing_id=pk, now=now) for pk in due.values_list("pk", flat=True))


# MOURNING
# ------------------------------------------------------------------------------
def _moments_touched(mailing: Mailing, now: datetime) -> list[tuple[datetime, datetime]]:
    """The [start, end) spans a mailing still to go out touches: the moment it is sent (now, while it is a draft or
    its batches go on) and, for a digest, the week whose events it announces."""
    if mailing.status == Mailing.Status.CANCELLED or mailing.finished_at is not None:
        return []
    spans = [(now, now + timedelta(seconds=1))]
    if mailing.kind == Mailing.Kind.DIGEST and mailing.week_start is not None:
        spans.append(week_bounds(mailing.week_start))
    return spans


def mailings_in_mourning(mailings, *, now=None) -> dict:
    """The mourning period each mailing falls in, by the mailing's pk, for the clerk's flag (DOMAIN.md §F.6).

    A draft or a mailing still sending falls in a period that covers `now` (it would go out during the mourning);
    a digest also in one that shares a moment with its week (its events may be called off, its tone is wrong).
    Sent and cancelled mailings fall in none. One query (`mourning.services.periods_overlapping`) for any number
    of mailings, so the changelist's queries do not grow with its rows.
    """
    now = now or timezone.now()
    spans = {mailing.pk: _moments_touched(mailing, now) for mailing in mailings}
    every_span = [span for touched in spans.values() for span in touched]
    if not every_span:
        return {}
    periods = list(
        periods_overlapping(min(start for start, _end in every_span), max(end for _start, end in every_span))
    )
    found = {}
    for pk, touched in spans.items():
        for period in periods:
            if any(period.starts_at < end and period.ends_at > start for start, end in touched):
                found[pk] = period
                break
    return found


def mailing_mourning_period(mailing: Mailing, *, now=None):
    """The mourning period the mailing falls in (see `mailings_in_mourning`), or None."""
    return mailings_in_mourning([mailing], now=now).get(mailing.pk)


@dataclass(frozen=True)
class MailingProgress:
    """Where a mailing stands: e-mails sent, still waiting (in the outbox or not queued yet), failed for good."""

    sent: int
    pending: int
    failed: int
    skipped: int

    @property
    def total(self) -> int:
        return self.sent + self.pending + self.failed


def mailing_progress(mailing: Mailing) -> MailingProgress:
    """Count the mailing's e-mails in three queries, whatever the number of subscribers."""
    mailing = Mailing.objects.only("status", "finished_at", "last_subscriber_id").get(pk=mailing.pk)
    counts = mailing.deliveries.aggregate(
        queued=Count("pk", filter=Q(skipped=False)),
        sent=Count("pk", filter=Q(message__status=OutboxMessage.Status.SENT)),
        failed=Count("pk", filter=Q(message__status=OutboxMessage.Status.FAILED)),
        skipped=Count("pk", filter=Q(skipped=True)),
    )
    not_queued = 0
    if mailing.status != Mailing.Status.CANCELLED and mailing.finished_at is None:
        not_queued = Subscriber.objects.receiving().filter(pk__gt=mailing.last_subscriber_id).count()
    waiting = counts["queued"] - counts["sent"] - counts["failed"]
    return MailingProgress(
        sent=counts["sent"], pending=waiting + not_queued, failed=counts["failed"], skipped=counts["skipped"]
    )


def mailing_preview(mailing: Mailing, *, text: bool = False) -> str:
    """The mailing's e-mail (HTML, or its text part) as it would go out; a digest as a subscriber of every topic
    would get it this moment. Renders only: nothing is queued."""
    context = {
        "subject": mailing.subject,
        "mailing": mailing,
        "site": site_url(""),
        "preferences_url": site_url(reverse("newsletter:subscribe")),
        "unsubscribe_url": site_url(reverse("newsletter:subscribe")),
    }
    if mailing.kind == Mailing.Kind.DIGEST:
        content = digest_content(mailing.week_start)
        context.update(
            content=content, digest=digest_for(content, everything_subscriber(), category_ids=set(), topic_ids=set())
        )
    with translation.override("pl"):
        return render_to_string(f"mail/newsletter_{mailing.kind}.{'txt' if text else 'html'}", context)
