"""Publish the scheduled press releases whose embargo has ended (press.services.releases_publish_due).

Run every minute by portal-publish-releases.timer, one run at a time across all nodes (core.locks).
Idempotent: a second run finds nothing to do. The public pages never wait for it: they show a release from its
embargo time on; this run stamps the publication and mails the media lists. Prints one summary line (no
personal data).
"""

from django.core.management.base import BaseCommand

from core.locks import single_run
from press.services import releases_publish_due


class Command(BaseCommand):
    help = "Publish scheduled press releases whose embargo has ended and send them to the media (safe to repeat)."

    @single_run("publish_due_releases")
    def handle(self, *args, **options):
        self.stdout.write(f"Published press releases: {releases_publish_due()}")
