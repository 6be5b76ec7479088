"""How mass-event permits and notifications plug into the portal: roles, navigation and the Terminarz."""

from django.utils.translation import gettext_lazy as _

from core import roles, site_registry
from core.deadlines import register_deadline_source
from mass_events.selectors import notification_open_deadlines, permit_open_deadlines

site_registry.register_navigation(
    site_registry.NavigationItem("mass_events", _("Mass events"), "mass_events:overview", 15)
)
roles.register_section_models(
    "events",
    {
        "mass_events.masseventpermitapplication": frozenset({"view", "change"}),
        "mass_events.masseventopinion": roles.EDIT,
        "mass_events.eventnotification": frozenset({"view", "change"}),
    },
)
register_deadline_source("mass_events.permits", permit_open_deadlines, model="mass_events.masseventpermitapplication")
register_deadline_source(
    "mass_events.notifications", notification_open_deadlines, model="mass_events.eventnotification"
)
