"""Prepare the draft of next week's digest "Co się dzieje w Rudzie Śląskiej" (a timer, once a week).

The draft waits for an editor's preview and approval in the admin ("Wysyłki newslettera"); nothing is sent here.
One run at a time across all nodes (core.locks); one digest per week is also a unique constraint.
"""

from django.core.management.base import BaseCommand

from core.locks import single_run
from newsletter.services import digest_prepare


class Command(BaseCommand):
    help = "Prepare the draft digest of next week (nothing is sent before an editor approves it)."

    @single_run("prepare_digest")
    def handle(self, *args, **options):
        digest = digest_prepare()
        self.stdout.write(f"newsletter: draft digest {digest.pk} of the week from {digest.week_start}")
