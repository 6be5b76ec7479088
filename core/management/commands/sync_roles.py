from django.core.management.base import BaseCommand

from core.roles import sync_roles


class Command(BaseCommand):
    help = "Create or update the clerk role groups and their permissions (idempotent)."

    def handle(self, *args, **options):
        for name in sync_roles():
            self.stdout.write(name)
