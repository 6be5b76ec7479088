"""The site search's stored document and its GIN index (core.search.search_column), on PostgreSQL only."""

from django.db import migrations

from core.search import search_column


class Migration(migrations.Migration):
    dependencies = [("press", "0008_search_index")]

    operations = [search_column("press_pressrelease", "pressrelease_search_idx", ["title", "lead", "body"])]
