"""The GIN index of the site search's document (core.search.ranked_search), on PostgreSQL only."""

from django.db import migrations

from core.search import search_index


class Migration(migrations.Migration):
    dependencies = [("core", "0013_search_fold_function")]

    operations = [search_index("core_staticpage", "staticpage_search_idx", ['title', 'lead', 'body'])]
