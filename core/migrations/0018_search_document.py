"""The site search's stored document and its GIN index (core.search.search_column), on PostgreSQL only."""

from django.db import migrations

from core.search import search_column


class Migration(migrations.Migration):
    dependencies = [("core", "0017_public_record_views")]

    operations = [search_column("core_staticpage", "staticpage_search_idx", ["title", "lead", "body"])]
