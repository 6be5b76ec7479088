"""Send the due batches of approved mailings and delete addresses never confirmed (a timer, every minute).

Resumes a mailing whose worker stopped in the middle; a batch is never queued twice. See newsletter.services.
"""

from django.core.management.base import BaseCommand

from newsletter.services import mailings_send_due, subscribers_purge_unconfirmed


class Command(BaseCommand):
    help = "Queue the due batches of approved newsletter mailings and purge subscriptions never confirmed."

    def handle(self, *args, **options):
        taken = mailings_send_due()
        purged = subscribers_purge_unconfirmed()
        self.stdout.write(f"newsletter: {taken} subscribers queued, {purged} unconfirmed addresses deleted")
