"""The GIN index of the site search's document (core.search.ranked_search), on PostgreSQL only."""

from django.db import migrations

from core.search import search_index


class Migration(migrations.Migration):
    dependencies = [("institutions", "0009_subsidy_constraint_messages"), ("core", "0013_search_fold_function")]

    operations = [search_index("institutions_culturalinstitution", "institution_search_idx", ['full_name', 'short_name', 'seat', 'address'])]
