"""The site search's stored document and its GIN index (core.search.search_column), on PostgreSQL only."""

from django.db import migrations

from core.search import search_column


class Migration(migrations.Migration):
    dependencies = [("events", "0011_event_honorary_patronage")]

    operations = [search_column("events_event", "event_search_idx", ["title", "lead", "organiser_name"])]
