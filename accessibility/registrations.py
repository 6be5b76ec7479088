"""How the duty plugs into the portal: roles, the footer, the Terminarz and the page cache."""

from django.utils.translation import gettext_lazy as _

from accessibility.selectors import demand_open_deadlines, request_open_deadlines
from core import roles, site_registry
from core.deadlines import register_deadline_source

site_registry.register_footer_link(
    site_registry.NavigationItem("accessibility", _("Accessibility"), "accessibility:overview", 20)
)

CASE_MODELS = ("accessibility.accessibilityrequest", "accessibility.digitalaccessibilitydemand")
# Only the coordinator's section answers (its "change" runs the workflow); the head of department reads them.
roles.register_section_models("accessibility", dict.fromkeys(CASE_MODELS, frozenset({"view", "change"})))

register_deadline_source("accessibility.requests", request_open_deadlines, model="accessibility.accessibilityrequest")
register_deadline_source(
    "accessibility.demands", demand_open_deadlines, model="accessibility.digitalaccessibilitydemand"
)
