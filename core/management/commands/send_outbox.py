"""Send every e-mail of the outbox that is due: run every minute by a systemd timer or cron.

It retries failed deliveries when their backoff has passed and picks up messages whose task never
ran (the task worker was down), so after an outage one run sends everything that waited.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from core.mail import mail_send_due


class Command(BaseCommand):
    help = "Send the e-mails waiting in the outbox whose time has come; print sent / retrying / failed / waiting."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size", type=int, default=100, help="Messages taken from the database at a time (default 100)."
        )

    def handle(self, *args, batch_size, verbosity, **options):
        if batch_size < 1:
            batch_size = 1
        # One clock for the whole run: a message that fails now is due again only later, so the
        # loop ends even while the SMTP server is down.
        now = timezone.now()
        sent = retrying = failed = 0
        while True:
            run = mail_send_due(now=now, limit=batch_size)
            sent += run.sent
            retrying += run.retrying
            failed += run.failed
            waiting = run.waiting
            # Stop when the batch was not full, or when every message in it was skipped (held by
            # another worker), so a busy concurrent worker cannot keep this loop spinning.
            if run.attempted + run.skipped < batch_size or run.attempted == 0:
                break
        if verbosity >= 1:
            self.stdout.write(f"outbox: sent={sent} retrying={retrying} failed={failed} waiting={waiting}")
