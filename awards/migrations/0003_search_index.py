"""The GIN index of the site search's document (core.search.ranked_search), on PostgreSQL only."""

from django.db import migrations

from core.search import search_index


class Migration(migrations.Migration):
    dependencies = [("awards", "0002_application_information_clause"), ("core", "0013_search_fold_function")]

    operations = [search_index("awards_awardcall", "awardcall_search_idx", ["title", "rules"])]
