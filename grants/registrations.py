"""How grants plug into the site shell: navigation, search, sitemap, roles, the Terminarz and the page cache."""

from django.utils.translation import gettext_lazy as _

from core import page_cache, roles, site_registry
from core.deadlines import register_deadline_source
from core.search import ranked_search
from core.sitemaps import sitemaps
from grants.models import GrantCall
from grants.selectors import (
    grant_offer_deadlines,
    grant_report_deadlines,
    grant_settlement_deadlines,
    institution_subsidy_deadlines,
)
from grants.sitemaps import GrantCallSitemap

site_registry.register_navigation(site_registry.NavigationItem("grants", _("Grants"), "grants:call_list", 30))
site_registry.register_search_provider(
    site_registry.SearchProvider(
        key="grants",
        title=_("Calls for offers"),
        search=lambda query: ranked_search(GrantCall.objects.public(), ["title", "task_type"], query),
        position=30,
    )
)
sitemaps["grants"] = GrantCallSitemap
register_deadline_source("grants.offers", grant_offer_deadlines, model="grants.grantoffer")
register_deadline_source("grants.reports", grant_report_deadlines, model="grants.grantreport")
register_deadline_source("grants.settlements", grant_settlement_deadlines, model="grants.grantsettlement")
register_deadline_source(
    "grants.institution_subsidies", institution_subsidy_deadlines, model="institutions.institutionsubsidy"
)
roles.register_section_models(
    "grants",
    {
        "grants.grantcall": roles.EDIT,
        "grants.callcriterion": roles.FULL,
        "grants.calldocument": roles.FULL,
        "grants.grantoffer": frozenset({"view", "change"}),
        "grants.offercostline": roles.VIEW,
        "grants.offeraction": roles.VIEW,
        "grants.offerresult": roles.VIEW,
        "grants.committeemember": roles.FULL,
        "grants.offerassignment": roles.FULL,
        "grants.meritscore": roles.VIEW,
        "grants.grantagreement": roles.EDIT,
        "grants.agreementtranche": roles.VIEW,
        "grants.grantreport": roles.EDIT,
        "grants.grantcontrol": roles.EDIT,
        "grants.grantsettlement": roles.EDIT,
        "grants.taxarrearsinterestrate": roles.FULL,
        "grants.yearplan": roles.FULL,
        "grants.externalsmallgrant": roles.FULL,
        "grants.smallgrantcomment": frozenset({"view", "change"}),
        # Subsidies to the city's own institutions (DOMAIN.md §C.4) are kept where the register keeps them;
        # the grants section prepares and settles them there, and picks the institution from the register.
        "institutions.institutionsubsidy": roles.EDIT,
        "institutions.culturalinstitution": roles.VIEW,
    },
)


def next_offers_deadline(now):
    """The soonest deadline for offers of a published call: then the call moves from the open list to the archive."""
    return (
        GrantCall.objects.filter(status=GrantCall.Status.PUBLISHED, offers_deadline__gt=now)
        .order_by("offers_deadline")
        .values_list("offers_deadline", flat=True)
        .first()
    )


# Calls, results, small grants and settlements all show on public pages; a draft offer is saved while its author
# types and shows nowhere.
page_cache.register_public_models(whole_app="grants", except_models=("grants.offerdraft",))
page_cache.register_schedule(next_offers_deadline)
