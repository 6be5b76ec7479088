"""Refuse UPDATE (and, on PostgreSQL, DELETE) of register entries in the database itself.

Rozporządzenie MKiDN z 26.01.2012 (Dz.U. 2012 poz. 189), § 2 and § 3 ust. 2–3: the register prevents changes
by anyone and a change is a new entry. The model, its queryset and the admin refuse updates and deletes; these
triggers also stop raw SQL. On SQLite only UPDATE is refused: Django's test flush empties tables with DELETE
there (PostgreSQL uses TRUNCATE, which row triggers do not see).
"""

from django.db import migrations

TABLE = "institutions_registerentry"

POSTGRES_FORWARD = f"""
CREATE OR REPLACE FUNCTION institutions_register_entry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'register entries are append-only (%)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER institutions_register_entry_no_update BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION institutions_register_entry_append_only();
"""
POSTGRES_BACKWARD = f"""
DROP TRIGGER IF EXISTS institutions_register_entry_no_update ON {TABLE};
DROP FUNCTION IF EXISTS institutions_register_entry_append_only();
"""
SQLITE_FORWARD = f"""
CREATE TRIGGER institutions_register_entry_no_update BEFORE UPDATE ON {TABLE}
BEGIN
    SELECT RAISE(ABORT, 'register entries are append-only (UPDATE)');
END;
"""
SQLITE_BACKWARD = "DROP TRIGGER IF EXISTS institutions_register_entry_no_update;"


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_FORWARD, params=None)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_FORWARD)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_BACKWARD, params=None)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("institutions", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
