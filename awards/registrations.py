"""How scholarships and awards plug into the site shell: navigation, search, roles, the Terminarz, the page cache."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from awards.models import AwardCall
from awards.selectors import award_completion_deadlines
from awards.sitemaps import AwardCallSitemap
from core import page_cache, roles, site_registry
from core.deadlines import register_deadline_source
from core.public_information import PublicInformation, register_public_information
from core.search import ranked_search
from core.sitemaps import sitemaps

site_registry.register_navigation(
    site_registry.NavigationItem("awards", _("Scholarships and awards"), "awards:call_list", 35)
)
site_registry.register_search_provider(
    site_registry.SearchProvider(
        key="awards",
        title=_("Scholarships and awards"),
        search=lambda query: ranked_search(AwardCall.objects.public(), ["title", "rules"], query),
        position=35,
    )
)
register_deadline_source("awards.completions", award_completion_deadlines, model="awards.awardapplication")
# The section "Dotacje, stypendia i nagrody" (DOMAIN.md §C, §D) handles the calls and the cases.
roles.register_section_models(
    "grants",
    {
        "awards.awardcall": roles.FULL,
        "awards.awardcalldocument": roles.FULL,
        "awards.awardapplication": frozenset({"view", "change"}),
    },
)


def next_call_deadline(now):
    """The soonest deadline of a published call: then the call leaves the list of open calls."""
    return (
        AwardCall.objects.filter(is_published=True, deadline__gt=now)
        .order_by("deadline")
        .values_list("deadline", flat=True)
        .first()
    )


# Calls and their documents show on public pages, and so do the laureates of granted applications (the results).
page_cache.register_public_models("awards.awardcall", "awards.awardcalldocument", "awards.awardapplication")
page_cache.register_schedule(next_call_deadline)

# A published call for scholarships or awards is public information (u.o.p.d.k. art. 7a–7b; DOMAIN.md §D, §J.2).
register_public_information(
    PublicInformation(
        key="stypendia-i-nagrody",
        model="awards.awardcall",
        title=_("Scholarships and awards"),
        public=AwardCall.objects.public,
        public_when=Q(is_published=True),
        public_fields=("title", "kind", "year", "resolution", "deadline", "budget", "max_amount", "rules"),
    )
)
sitemaps["awards"] = AwardCallSitemap
