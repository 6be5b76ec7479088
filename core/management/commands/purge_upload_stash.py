"""Delete the files of public forms kept for a send that never came (core.uploads.stash), once they expire.

Started every 5 minutes by the portal-purge-uploads timer. Prints one line with what it removed; no file names.
"""

from django.core.management.base import BaseCommand
from django.template.defaultfilters import filesizeformat

from core.uploads.stash import purge_expired


class Command(BaseCommand):
    help = "Delete kept uploads of public forms older than UPLOAD_STASH_MAX_AGE seconds."

    def handle(self, *args, **options):
        files, size = purge_expired()
        self.stdout.write(f"upload stash: removed={files} bytes={size} ({filesizeformat(size)})")
