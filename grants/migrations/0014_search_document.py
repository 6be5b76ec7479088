"""The site search's stored document and its GIN index (core.search.search_column), on PostgreSQL only."""

from django.db import migrations

from core.search import search_column


class Migration(migrations.Migration):
    dependencies = [("grants", "0013_search_index")]

    operations = [search_column("grants_grantcall", "grantcall_search_idx", ["title", "task_type"])]
