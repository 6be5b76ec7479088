"""Close as accepted every notification whose ban deadline has passed (u.o.p.d.k. art. 36 ust. 1). Run daily.

Started by portal-silent-notifications.timer; one run at a time across all nodes (core.locks).
"""

from django.core.management.base import BaseCommand

from core.locks import single_run
from mass_events.services.notifications import notifications_accept_silently


class Command(BaseCommand):
    help = "Accept silently the event notifications whose ban deadline has passed (idempotent)."

    @single_run("accept_silent_notifications")
    def handle(self, *args, **options):
        count = notifications_accept_silently()
        self.stdout.write(f"{count} notification(s) accepted silently.")
