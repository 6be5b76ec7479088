"""The site search's stored document and its GIN index (core.search.search_column), on PostgreSQL only."""

from django.db import migrations

from core.search import search_column


class Migration(migrations.Migration):
    dependencies = [("patronage", "0003_patronageapplication_calendar_event")]

    operations = [
        search_column(
            "patronage_patronageapplication",
            "patronageapplication_search_idx",
            ["event_name", "organiser_name", "venue"],
        )
    ]
