"""How the Economic Council plugs into the portal: its role group, navigation, sitemap and the page cache."""

from django.utils.translation import gettext_lazy as _

from core import page_cache, roles, site_registry
from core.sitemaps import sitemaps
from council.sitemaps import CouncilSittingSitemap

site_registry.register_navigation(
    site_registry.NavigationItem("council", _("Economic Council"), "council:council_index", 46)
)
sitemaps["council"] = CouncilSittingSitemap

# The council's secretariat (docs/council.md says why it is its own role group): members with their private contacts,
# sittings, invitations, minutes and opinions. The head of department sees them as every section's records.
roles.register_section_models(
    "council",
    {
        "council.councilterm": roles.FULL,
        "council.councilmember": roles.FULL,
        "council.councilsitting": roles.FULL,
        "council.councilinvitation": roles.VIEW,
        "council.councilopinion": roles.FULL,
    },
)

# The public pages show the term, the serving members, the sittings invited to and the published opinions.
page_cache.register_public_models(
    "council.councilterm", "council.councilmember", "council.councilsitting", "council.councilopinion"
)
