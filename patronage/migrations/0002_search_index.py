"""The GIN index of the site search's document (core.search.ranked_search), on PostgreSQL only."""

from django.db import migrations

from core.search import search_index


class Migration(migrations.Migration):
    dependencies = [("patronage", "0001_initial"), ("core", "0013_search_fold_function")]

    operations = [
        search_index(
            "patronage_patronageapplication",
            "patronageapplication_search_idx",
            ["event_name", "organiser_name", "venue"],
        )
    ]
