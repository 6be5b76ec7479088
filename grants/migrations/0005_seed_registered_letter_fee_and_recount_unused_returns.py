"""Seed the registered-letter fee behind the minimum interest, and recount the unused parts' return deadlines.

o.p. art. 54 § 1 pkt 5: interest not exceeding three times the designated operator's fee for treating a letter as
a registered one is not charged. The fee of 2,90 zł (so 8,70 zł of interest) is the Poczta Polska price list from
1 February 2014 (uchwała nr 4/2014 Zarządu Poczty Polskiej S.A. of 17 January 2014, as municipal notices quote it);
a later tariff is a new row a clerk adds [K: to be checked against the operator's current price list].

Settlements still open had their unused part's deadline counted from the end of the task; u.f.p. art. 251 ust. 3
counts it from the use deadline set in the agreement (ust. 1: 31 January for a use deadline of 31 December). The
arithmetic is repeated here, not imported from grants.rules, so that this migration keeps its meaning.
"""

import datetime
from decimal import Decimal

from django.db import migrations

from core.deadlines import add_calendar_days, shift_to_working_day

FEES = [(datetime.date(2014, 2, 1), Decimal("2.90"), "Cennik Poczty Polskiej S.A. od 1.02.2014 (uchwała nr 4/2014)")]


def unused_return_due(use_deadline):
    if (use_deadline.month, use_deadline.day) == (12, 31):
        return shift_to_working_day(datetime.date(use_deadline.year + 1, 1, 31))
    return shift_to_working_day(add_calendar_days(use_deadline, 15))


def forwards(apps, schema_editor):
    Fee = apps.get_model("grants", "RegisteredLetterFee")
    for valid_from, fee, source in FEES:
        Fee.objects.get_or_create(valid_from=valid_from, defaults={"fee": fee, "source": source})
    Settlement = apps.get_model("grants", "GrantSettlement")
    open_settlements = Settlement.objects.filter(
        settled_at__isnull=True, returned_on__isnull=True, unused_amount__gt=0
    ).select_related("agreement")
    for settlement in open_settlements:
        settlement.unused_return_due = unused_return_due(settlement.agreement.use_deadline)
        settlement.save(update_fields=["unused_return_due"])


def backwards(apps, schema_editor):
    apps.get_model("grants", "RegisteredLetterFee").objects.filter(valid_from__in=[row[0] for row in FEES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("grants", "0004_registered_letter_fee_and_use_deadline_help"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
