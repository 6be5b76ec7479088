"""Each working morning: every clerk's digest of their deadlines, and overdue deadlines reported to the head.

Started by portal-deadline-notices.timer on weekdays; on a statutory day off it does nothing (the next working
morning's digest lists what was due meanwhile as overdue). Idempotent: a clerk gets one digest a day and a
deadline is reported once, so a second run sends nothing new. One run at a time across all nodes (core.locks).
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.deadlines import is_working_day
from core.locks import single_run
from core.notifications import deadline_digests_send, deadline_escalations_send


class Command(BaseCommand):
    help = "Queue the clerks' morning digests of deadlines and report overdue deadlines to the head of department."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="The day to run for, YYYY-MM-DD (default: today in Europe/Warsaw).")

    @single_run("send_deadline_notices")
    def handle(self, *args, **options):
        try:
            today = date.fromisoformat(options["date"]) if options.get("date") else timezone.localdate()
        except ValueError as error:
            raise CommandError(f"--date: {error}") from error
        if not is_working_day(today):
            self.stdout.write(f"{today}: not a working day, nothing sent.")
            return
        digests = deadline_digests_send(today=today)
        escalated = deadline_escalations_send(today=today)
        self.stdout.write(f"{today}: digests={digests} escalated={escalated}")
