"""Campaigns go out in batches through the outbox, survive a worker stopped in the middle, and never mail one
address twice; bouncing addresses stop getting mail."""

from collections import Counter
from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.mail import mail_send_due
from core.models import OutboxMessage
from core.services import transition_perform
from newsletter.models import Delivery, Mailing, Subscriber
from newsletter.services import (
    mailing_progress,
    mailing_send_batch,
    mailings_send_due,
    subscriber_record_bounce,
)
from tests.newsletter.conftest import SITE_GROUP, make_subscriber

pytestmark = pytest.mark.django_db

SUBSCRIBERS = 10_000
BATCH = 1_000


class WorkerStopped(Exception):
    """The worker process killed in the middle of a batch."""


def many_subscribers(count: int) -> list[str]:
    now = timezone.now()
    Subscriber.objects.bulk_create(
        Subscriber(
            email=f"mieszkaniec{n:05d}@example.pl",
            status=Subscriber.Status.ACTIVE,
            consent_text="Wyrażam zgodę na newsletter.",
            consent_version=1,
            consent_given_at=now,
            confirmed_at=now,
        )
        for n in range(count)
    )
    return list(Subscriber.objects.values_list("email", flat=True))


def batch_then_worker_stops(campaign, now):
    """The worker queues a batch and is killed before its transaction commits."""
    with transaction.atomic():
        mailing_send_batch(mailing_id=campaign.pk, now=now)
        raise WorkerStopped


def approved_campaign(make_clerk, subject="Industriada 2026") -> Mailing:
    clerk = make_clerk(groups=[SITE_GROUP])
    campaign = Mailing.objects.create(subject=subject, body="<p>Zapraszamy na <strong>Industriadę</strong>.</p>")
    return transition_perform(obj=campaign, name="approve", acting_user=clerk)


def test_ten_thousand_subscribers_get_exactly_one_mail_each_across_a_worker_restart(make_clerk, settings):
    settings.NEWSLETTER_BATCH_SIZE = BATCH
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    addresses = many_subscribers(SUBSCRIBERS)
    campaign = approved_campaign(make_clerk)
    now = timezone.now()

    for _batch in range(3):
        assert mailing_send_batch(mailing_id=campaign.pk, now=now) == BATCH
        assert mailing_send_batch(mailing_id=campaign.pk, now=now) == 0  # the next batch waits for its minute
        now += timedelta(seconds=settings.NEWSLETTER_BATCH_SECONDS)
    with pytest.raises(WorkerStopped):
        batch_then_worker_stops(campaign, now)
    assert Delivery.objects.filter(mailing=campaign).count() == 3 * BATCH
    progress = mailing_progress(campaign)
    assert (progress.sent, progress.pending, progress.failed) == (0, SUBSCRIBERS, 0)

    # After the restart the timer's command carries on from the batch that was rolled back.
    while mailings_send_due(now=now):
        now += timedelta(seconds=settings.NEWSLETTER_BATCH_SECONDS)
    mailing_send_batch(mailing_id=campaign.pk, now=now + timedelta(days=1))

    campaign.refresh_from_db()
    assert campaign.finished_at is not None
    recipients = Counter(address for (to,) in OutboxMessage.objects.values_list("to") for address in to)
    assert set(recipients) == set(addresses)
    assert set(recipients.values()) == {1}
    assert Delivery.objects.filter(mailing=campaign, skipped=False).count() == SUBSCRIBERS
    message = OutboxMessage.objects.order_by("pk").first()
    assert message.subject == "Industriada 2026"
    assert "Zapraszamy na Industriadę." in message.body_text
    assert message.headers["List-Unsubscribe"].startswith("<http")

    assert mail_send_due(limit=50).sent == 50
    progress = mailing_progress(campaign)
    assert (progress.sent, progress.pending, progress.failed) == (50, SUBSCRIBERS - 50, 0)


def test_a_second_delivery_to_one_address_is_refused_by_the_database(make_clerk):
    subscriber = make_subscriber()
    campaign = approved_campaign(make_clerk)
    mailing_send_batch(mailing_id=campaign.pk)

    with pytest.raises(IntegrityError), transaction.atomic():
        Delivery.objects.create(mailing=campaign, subscriber=subscriber)


def test_a_campaign_without_text_cannot_be_approved(make_clerk):
    from core.services import CaseWorkError

    campaign = Mailing.objects.create(subject="Pusta kampania")
    with pytest.raises(CaseWorkError):
        transition_perform(obj=campaign, name="approve", acting_user=make_clerk(groups=[SITE_GROUP]))
    campaign.refresh_from_db()
    assert campaign.status == Mailing.Status.DRAFT


def test_repeated_hard_bounces_or_a_complaint_stop_the_mail(make_clerk):
    bouncing = make_subscriber("pelna.skrzynka@example.pl")
    complaining = make_subscriber("spam@example.pl")
    make_subscriber("czyta@example.pl")

    assert subscriber_record_bounce(email=bouncing.email, hard=False) is False
    assert subscriber_record_bounce(email=bouncing.email) is False
    assert subscriber_record_bounce(email=bouncing.email) is False
    assert subscriber_record_bounce(email="PELNA.SKRZYNKA@example.pl") is True
    assert subscriber_record_bounce(email=complaining.email, hard=False, complaint=True) is True
    OutboxMessage.objects.all().delete()
    campaign = approved_campaign(make_clerk)
    mailing_send_batch(mailing_id=campaign.pk)

    assert [message.to for message in OutboxMessage.objects.all()] == [["czyta@example.pl"]]
    bouncing.refresh_from_db()
    assert (bouncing.status, bouncing.hard_bounces) == (Subscriber.Status.BOUNCING, 3)
