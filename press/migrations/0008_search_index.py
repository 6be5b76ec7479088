"""The GIN index of the site search's document (core.search.ranked_search), on PostgreSQL only."""

from django.db import migrations

from core.search import search_index


class Migration(migrations.Migration):
    dependencies = [("press", "0007_rich_text"), ("core", "0013_search_fold_function")]

    operations = [search_index("press_pressrelease", "pressrelease_search_idx", ['title', 'lead', 'body'])]
