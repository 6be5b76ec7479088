"""Run axe-core over each type of public page and keep the results for the coordinator (accessibility.monitoring).

    manage.py check_accessibility [--base-url http://127.0.0.1:8000] [--only list:home --only record:events]

Runs where the browser tests run (tests/e2e/site_check.py drives the browser): it needs Playwright
(requirements/dev.txt), Chromium (CHROMIUM_PATH, else /usr/bin/chromium) and a running site at the base address
(SITE_URL by default). Run by hand or by CI after a deployment, with the database the monitoring page reads; not a
timer, and not inside the production image, which holds no test tool.
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
        try:
            from tests.e2e.site_check import run_checks
        except ImportError as missing:
            raise CommandError(
                "The check runs where the browser tests run: install requirements/dev.txt beside the tests folder."
            ) from missing
        pages = [page for page in monitoring.page_types() if not only or page.key in only]
        if not pages:
            raise CommandError("No page type to check.")
        results = run_checks(base_url, pages, chromium_path=chromium)
        monitoring.store_results(results)
        failing = [result for result in results if result.error or result.violations or not result.fits_320]
        self.stdout.write(f"Checked {len(results)} page types; {len(failing)} with problems.")
        for result in failing:
            problem = result.error or f"{len(result.violations)} violations, fits 320 px: {result.fits_320}"
            self.stdout.write(f"  {result.page.key} {result.page.path}: {problem}")
