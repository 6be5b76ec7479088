"""PostgreSQL's unaccent extension and the fold function of the site search's documents (core.search)."""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

from core.search import CREATE_FOLD_FUNCTION, DROP_FOLD_FUNCTION


def create_fold_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_FOLD_FUNCTION)


def drop_fold_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_FOLD_FUNCTION)


class Migration(migrations.Migration):
    dependencies = [("core", "0012_caseregisterentry_fill_handler")]

    operations = [
        UnaccentExtension(),  # does nothing on SQLite
        migrations.RunPython(create_fold_function, drop_fold_function),
    ]
