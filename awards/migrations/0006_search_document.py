"""The site search's stored document and its GIN index (core.search.search_column), on PostgreSQL only."""

from django.db import migrations

from core.search import search_column


class Migration(migrations.Migration):
    dependencies = [("awards", "0005_call_results_documents")]

    operations = [search_column("awards_awardcall", "awardcall_search_idx", ["title", "rules"])]
