"""Time a newsletter campaign queued to `--subscribers` subscribers in batches, with the worker stopped once.

A fresh SQLite database (or DATABASE_URL) is migrated, the subscribers are stored confirmed, an editor approves a
campaign, and its batches of `--batch` are queued as the `send_newsletter` timer would queue them, one minute
apart; in the middle, one batch is rolled back as if the worker had been killed. It prints the time per batch
(median and slowest), the database queries of a full batch and the e-mails queued per second, then checks that
each address has exactly one e-mail in the outbox. Sending through SMTP is the outbox's own work and is not timed
here. See docs/newsletter.md.
"""

import argparse
import collections
import logging
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import bench_database  # noqa: E402


class WorkerStopped(Exception):
    pass


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "culture_dept.settings")
    os.environ.setdefault("DJANGO_DEBUG", "true")
    # The e-mails stay queued in the outbox (no worker runs): queuing is what is timed.
    os.environ.setdefault("DJANGO_TASKS_BACKEND", "django.tasks.backends.dummy.DummyBackend")
    bench_database("newsletter")

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection, reset_queries, transaction
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from core.models import OutboxMessage
    from core.roles import sync_roles
    from core.services import transition_perform
    from newsletter.models import Mailing, Subscriber
    from newsletter.services import mailing_send_batch

    logging.disable(logging.INFO)
    call_command("migrate", verbosity=0)
    sync_roles()
    now = timezone.now()
    Subscriber.objects.bulk_create(
        (
            Subscriber(
                email=f"mieszkaniec{n:06d}@example.pl",
                status=Subscriber.Status.ACTIVE,
                consent_text="Wyrażam zgodę na newsletter.",
                consent_version=1,
                consent_given_at=now,
                confirmed_at=now,
            )
            for n in range(args.subscribers)
        ),
        batch_size=2000,
    )
    editor = get_user_model().objects.create_superuser("redaktor.bench")
    campaign = Mailing.objects.create(
        subject="Industriada 2026", body="<p>Zapraszamy na <strong>Industriadę</strong>.</p>"
    )
    # The approval's task would queue the first batch on commit; the bench queues every batch itself, timed.
    Mailing.objects.filter(pk=campaign.pk).update(next_batch_at=now + timedelta(days=3650))
    transition_perform(obj=campaign, name="approve", acting_user=editor)
    Mailing.objects.filter(pk=campaign.pk).update(next_batch_at=now)

    timings = []
    queries = []
    stopped = False
    started = time.perf_counter()
    while True:
        if not stopped and len(timings) == args.subscribers // args.batch // 2:
            stopped = True
            try:
                with transaction.atomic():
                    mailing_send_batch(mailing_id=campaign.pk, now=now, size=args.batch)
                    raise WorkerStopped
            except WorkerStopped:
                pass
        reset_queries()  # the query log keeps 9,000 entries: counting across its end would read 0
        begin = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            taken = mailing_send_batch(mailing_id=campaign.pk, now=now, size=args.batch)
        timings.append((time.perf_counter() - begin) * 1000)
        if taken == args.batch:
            queries.append(len(captured))
        now += timedelta(minutes=1)
        if taken < args.batch:
            break
    total = time.perf_counter() - started

    recipients = collections.Counter(address for (to,) in OutboxMessage.objects.values_list("to") for address in to)
    assert len(recipients) == args.subscribers, len(recipients)
    assert set(recipients.values()) == {1}, "an address got more than one e-mail"
    print(f"{args.subscribers} subscribers, batches of {args.batch} ({connection.vendor}), one worker stop")
    print(f"batches: {len(timings)}, median {statistics.median(timings):.0f} ms, slowest {max(timings):.0f} ms")
    print(f"queries per full batch: {min(queries)}–{max(queries)}")
    print(f"queued {args.subscribers / total:.0f} e-mails per second; each address exactly one e-mail")


if __name__ == "__main__":
    main()
