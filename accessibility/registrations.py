"""How the duty plugs into the portal: roles, the footer, the dashboard's notice, the Terminarz and the page cache."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accessibility.models import AccessibilityDeclaration
from accessibility.selectors import (
    declaration_open_deadlines,
    demand_open_deadlines,
    report_open_deadlines,
    request_open_deadlines,
    stale_declarations_message,
)
from core import page_cache, roles, site_registry
from core.deadlines import register_deadline_source
from core.public_information import PublicInformation, register_public_information

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
        # The automated checks of the public pages (manage.py check_accessibility), read on the monitoring page.
        "accessibility.accessibilitycheck": roles.VIEW,
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

# The declaration of accessibility is public information (ustawa z 4.04.2019 art. 10; DOMAIN.md §G.4, §J.2): its page
# gets a metryczka and a register of changes of the declaration's own fields, from its first published version.
register_public_information(
    PublicInformation(
        key="deklaracja-dostepnosci",
        model="accessibility.accessibilitydeclaration",
        title=_("Accessibility statement"),
        public=AccessibilityDeclaration.objects.published,
        public_when=Q(is_published=True),
        public_fields=(
            "language",
            "entity_name",
            "scope",
            "site_name",
            "site_url",
            "published_on",
            "updated_on",
            "status",
            "noncompliance",
            "out_of_scope",
            "burden",
            "burden_assessment_url",
            "prepared_on",
            "reviewed_on",
            "method",
            "method_report_url",
            "facilitations",
            "shortcuts",
            "contact_person",
            "contact_email",
            "contact_phone",
            "architecture",
            "architecture_url",
            "communication",
            "pjm_online",
        ),
    )
)
