"""Archive the events whose every date has ended (events.services.events_archive_past). Idempotent.

Started daily by deploy/systemd/portal-archive-events.timer; one run at a time across all nodes (core.locks).
Archived events leave the calendar's lists and move to the archive (/wydarzenia/archiwum/); their pages stay.
The output is one summary line (no personal data).
"""

from django.core.management.base import BaseCommand

from core.locks import single_run
from events.services import events_archive_past


class Command(BaseCommand):
    help = "Archive published, cancelled or postponed events whose every date has ended (safe to run again)."

    @single_run("archive_past_events")
    def handle(self, *args, **options):
        archived = events_archive_past()
        self.stdout.write(f"Archived events: {archived}")
