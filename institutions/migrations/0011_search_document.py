"""The site search's stored document and its GIN index (core.search.search_column), on PostgreSQL only."""

from django.db import migrations

from core.search import search_column


class Migration(migrations.Migration):
    dependencies = [("institutions", "0010_search_index")]

    operations = [
        search_column(
            "institutions_culturalinstitution",
            "institution_search_idx",
            ["full_name", "short_name", "seat", "address"],
        )
    ]
