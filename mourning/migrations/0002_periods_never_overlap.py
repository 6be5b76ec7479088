"""Refuse overlapping mourning periods in the database itself, on PostgreSQL (DOMAIN.md §F.6: no overlap).

An exclusion constraint on the half-open range [starts_at, ends_at): two periods may touch (one ends at midnight, the
next starts then) but never share a moment. GiST handles ranges without any extension. SQLite has no such
constraint: there `MourningPeriod.clean()` is the guard, as it is for the clerk everywhere.
"""

from django.db import migrations

POSTGRES_FORWARD = """
ALTER TABLE mourning_mourningperiod ADD CONSTRAINT mourning_period_no_overlap
    EXCLUDE USING gist (tstzrange(starts_at, ends_at, '[)') WITH &&);
"""
POSTGRES_BACKWARD = "ALTER TABLE mourning_mourningperiod DROP CONSTRAINT IF EXISTS mourning_period_no_overlap;"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [("mourning", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
