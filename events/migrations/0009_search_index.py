"""The GIN index of the site search's document (core.search.ranked_search), on PostgreSQL only."""

from django.db import migrations

from core.search import search_index


class Migration(migrations.Migration):
    dependencies = [("events", "0008_public_attachment"), ("core", "0013_search_fold_function")]

    operations = [search_index("events_event", "event_search_idx", ['title', 'lead', 'organiser_name'])]
