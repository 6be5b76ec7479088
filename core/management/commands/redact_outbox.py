"""Clear the addresses, texts and links of old sent or failed e-mails from the outbox (core.mail.mail_redact_old).

Run daily with the retention purge (deploy/systemd/portal-purge.service). One run at a time across all nodes.
"""

from django.core.management.base import BaseCommand

from core.locks import single_run
from core.mail import FAILED_KEEP_DAYS, SENT_KEEP_DAYS, mail_redact_old


class Command(BaseCommand):
    help = (
        f"Clear the recipients, texts and headers of e-mails sent more than {SENT_KEEP_DAYS} days ago "
        f"or failed for good more than {FAILED_KEEP_DAYS} days ago."
    )

    @single_run("redact_outbox")
    def handle(self, *args, **options):
        self.stdout.write(f"Cleared {mail_redact_old()} old e-mail(s).")
