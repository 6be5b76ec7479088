"""The City Hall library's daily job (library.services.library_daily_run): reservations not picked up by their
last day pass to the next employee in the queue, then every borrower gets the reminder owed today (before the due
date, on it, and every few days after it), through the outbox.

Run every morning by portal-library-daily.timer, one run at a time across all nodes (core.locks). Idempotent: each
reminder is recorded with its number, so a second run the same day sends nothing. Prints one summary line (no
personal data).
"""

from django.core.management.base import BaseCommand

from core.locks import single_run
from library.services import library_daily_run


class Command(BaseCommand):
    help = "Expire uncollected library reservations and send the loan reminders owed today (safe to repeat)."

    @single_run("library_daily")
    def handle(self, *args, **options):
        done = library_daily_run()
        self.stdout.write(f"Library: reservations expired {done['expired']}, reminders queued {done['reminders']}")
