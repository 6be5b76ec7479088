"""Run axe-core over each type of public page and keep the results for the coordinator (accessibility.monitoring).

    manage.py check_accessibility [--base-url http://127.0.0.1:8000] [--only list:home --only record:events]

Needs Playwright (requirements/dev.txt) and Chromium (CHROMIUM_PATH, else /usr/bin/chromium) and a running site
at the base address (SITE_URL by default). Run by hand or by CI after a deployment; not a timer.
"""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accessibility import monitoring


class Command(BaseCommand):
    help = "Check each type of public page with axe-core and keep the results for the monitoring page."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default=settings.SITE_URL, help="The running site to check.")
        parser.add_argument("--only", action="append", default=[], help="Check only this page type (repeatable).")

    def handle(self, *args, base_url, only, **options):
        chromium = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
        if not os.access(chromium, os.X_OK):
            raise CommandError(f"Chromium not found at {chromium}: set CHROMIUM_PATH.")
        if not monitoring.axe_script().is_file():
            raise CommandError(f"axe-core not found at {monitoring.axe_script()}: set ACCESSIBILITY_AXE_SCRIPT.")
        pages = [page for page in monitoring.page_types() if not only or page.key in only]
        if not pages:
            raise CommandError("No page type to check.")
        results = monitoring.run_checks(base_url, pages, chromium_path=chromium)
        monitoring.store_results(results)
        failing = [result for result in results if result.error or result.violations or not result.fits_320]
        self.stdout.write(f"Checked {len(results)} page types; {len(failing)} with problems.")
        for result in failing:
            problem = result.error or f"{len(result.violations)} violations, fits 320 px: {result.fits_320}"
            self.stdout.write(f"  {result.page.key} {result.page.path}: {problem}")
