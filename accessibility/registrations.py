"""How the duty plugs into the portal: roles, the footer, the dashboard's notice, the Terminarz and the page cache."""

from django.utils.translation import gettext_lazy as _

from accessibility.selectors import (
    declaration_open_deadlines,
    demand_open_deadlines,
    report_open_deadlines,
    request_open_deadlines,
    stale_declarations_message,
)
from core import page_cache, roles, site_registry
from core.deadlines import register_deadline_source

# Ustawa z 4.04.2019 art. 10 ust. 1: the declaration is reachable from every page; DOMAIN.md §G.4 [K]: by the text
# "Deklaracja dostępności".
site_registry.register_footer_link(
    site_registry.NavigationItem(
        "accessibility_declaration", _("Accessibility statement"), "accessibility:declaration", 10
    )
)
site_registry.register_dashboard_notice(
    site_registry.DashboardNotice(
        key="accessibility.declaration_review",
        permission="accessibility.view_accessibilitydeclaration",
        message=stale_declarations_message,
        url_name="admin:accessibility_accessibilitydeclaration_changelist",
    )
)
site_registry.register_footer_link(
    site_registry.NavigationItem("accessibility", _("Accessibility"), "accessibility:overview", 20)
)

CASE_MODELS = ("accessibility.accessibilityrequest", "accessibility.digitalaccessibilitydemand")
# Only the coordinator's section answers (its "change" runs the workflow); the head of department reads them.
roles.register_section_models("accessibility", dict.fromkeys(CASE_MODELS, frozenset({"view", "change"})))
roles.register_section_models(
    "accessibility",
    {
        **dict.fromkeys(
            (
                "accessibility.accessibilitydeclaration",
                "accessibility.declarationapp",
                "accessibility.actionplan",
                "accessibility.actionplanmeasure",
                "accessibility.accessibilityreport",
                "accessibility.reportbuilding",
            ),
            roles.FULL,
        ),
        # The City Hall's buildings are venues: the declaration and the report choose them.
        "events.venue": roles.VIEW,
    },
)

register_deadline_source("accessibility.requests", request_open_deadlines, model="accessibility.accessibilityrequest")
register_deadline_source(
    "accessibility.demands", demand_open_deadlines, model="accessibility.digitalaccessibilitydemand"
)
register_deadline_source(
    "accessibility.declaration", declaration_open_deadlines, model="accessibility.accessibilitydeclaration"
)
register_deadline_source("accessibility.report", report_open_deadlines, model="accessibility.accessibilityreport")

# The declaration page shows the declaration, its applications and the buildings' venues (events registers those).
page_cache.register_public_models("accessibility.accessibilitydeclaration", "accessibility.declarationapp")
