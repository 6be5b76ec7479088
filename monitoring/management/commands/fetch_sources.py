"""Fetch the monitored feeds and pages whose interval has passed (monitoring.services.sources_fetch_due).

Run every 15 minutes by portal-monitoring-fetch.timer, one run at a time across all nodes (core.locks). Only hosts
the press office configured are requested (monitoring.fetching). Idempotent: an item already kept is never kept
again, an unchanged page adds nothing. Prints one summary line.
"""

from django.core.management.base import BaseCommand

from core.locks import single_run
from monitoring.services import sources_fetch_due


class Command(BaseCommand):
    help = "Fetch the monitored feeds and watched pages that are due and make mentions of matching items."

    @single_run("fetch_sources")
    def handle(self, *args, **options):
        totals = sources_fetch_due()
        self.stdout.write(f"Fetched sources: {totals['sources']}, new mentions: {totals['mentions']}")
