"""Anonymise closed cases whose retention period has ended (DOMAIN.md §J.4). Dry run unless --apply.

Meant for a daily or monthly cron job. The output is one tab-separated line per case — model, case mark,
category, due date, outcome — and a summary; it never contains personal data. The exit status is 1 when
a case failed (the others are still processed; the next run retries the failed ones). One run at a time across
all nodes (core.locks): a second one, dry run or not, is skipped while another holds the lock.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from core.locks import single_run
from core.retention import (
    ANONYMISED,
    AWAITING_APPRAISAL,
    DEFAULT_BATCH_SIZE,
    FAILED,
    SKIPPED,
    WOULD_ANONYMISE,
    iter_purge_expired,
)

OUTCOME_TEXT = {
    WOULD_ANONYMISE: "would be anonymised (dry run)",
    ANONYMISED: "anonymised",
    AWAITING_APPRAISAL: "awaiting archive appraisal (BE: not destroyed)",
    SKIPPED: "skipped",
    FAILED: "FAILED",
}


class Command(BaseCommand):
    help = (
        "Anonymise closed cases whose retention period (archival category of their JRWA class) has ended. "
        "Dry run by default: lists what would be anonymised; --apply acts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--apply", action="store_true", help="Anonymise for real (default: dry run).")
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            help="Pretend today is this date (YYYY-MM-DD), e.g. to preview the next purge.",
        )
        parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="Cases read per query.")

    @single_run("purge_expired")
    def handle(self, *args, apply, today, batch_size, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1")
        counts = dict.fromkeys(OUTCOME_TEXT, 0)
        for outcome in iter_purge_expired(today=today, apply=apply, batch_size=batch_size):
            counts[outcome.status] += 1
            text = OUTCOME_TEXT[outcome.status]
            if outcome.detail:
                text = f"{text}: {outcome.detail}"
            line = "\t".join(
                [outcome.model_label, outcome.case_mark, outcome.category, outcome.due_date.isoformat(), text]
            )
            self.stdout.write(self.style.ERROR(line) if outcome.status == FAILED else line)
        summary = ", ".join(f"{OUTCOME_TEXT[status]}: {count}" for status, count in counts.items() if count)
        if not apply:
            self.stdout.write("Dry run, nothing changed. Run with --apply to anonymise.")
        self.stdout.write(f"Summary: {summary or 'nothing due'}.")
        if counts[FAILED]:
            raise CommandError(f"{counts[FAILED]} case(s) failed; see the log. The next run retries them.")
