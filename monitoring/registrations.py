"""How media monitoring plugs into the portal: the press office's roles and the Terminarz. Nothing is public."""

from core import roles
from core.deadlines import register_deadline_source
from monitoring.selectors import correction_open_deadlines, mention_open_deadlines

roles.register_section_models(
    "press",
    {
        "monitoring.cityunit": roles.FULL,
        "monitoring.mediamention": roles.FULL,
        # A sprostowanie is a letter of the city: kept, never deleted.
        "monitoring.presscorrection": roles.EDIT,
        "monitoring.watchedhost": roles.FULL,
        "monitoring.monitoredsource": roles.FULL,
        "monitoring.keywordrule": roles.FULL,
        # Written by the fetcher only (monitoring.services.source_fetch).
        "monitoring.sourceitem": roles.VIEW,
        "monitoring.pressreview": roles.FULL,
    },
)

register_deadline_source("monitoring.corrections", correction_open_deadlines, model="monitoring.presscorrection")
register_deadline_source("monitoring.mentions", mention_open_deadlines, model="monitoring.mediamention")
