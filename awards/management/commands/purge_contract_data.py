"""Clear the scholars' PESEL and bank accounts kept past their time (awards.services.contract_data_purge).

Meant for the same timer as `purge_expired`: the scholarship cases are category A (JRWA 5230) and stay, so the
retention purge never reaches their contract data. Prints the number of cases cleared, never a value. One run at a time
across all nodes (core.locks).
"""

import datetime

from django.core.management.base import BaseCommand

from awards.services import CONTRACT_DATA_KEEP_YEARS, contract_data_purge
from core.locks import single_run


class Command(BaseCommand):
    help = (
        f"Clear the PESEL and bank account of scholarship cases closed {CONTRACT_DATA_KEEP_YEARS} full years ago "
        "or more."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--today", type=datetime.date.fromisoformat, help="Pretend today is this date (YYYY-MM-DD)."
        )

    @single_run("purge_contract_data")
    def handle(self, *args, today, **options):
        cleared = contract_data_purge(today=today)
        self.stdout.write(f"awards.awardapplication: {cleared}")
