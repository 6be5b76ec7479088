"""How scholarships and awards plug into the site shell: navigation, search, roles, the Terminarz, the page cache."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from awards.models import AwardApplication, AwardCall
from awards.selectors import award_completion_deadlines, scholarship_report_deadlines
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
        search=lambda query: ranked_search(AwardCall.objects.public(), query),
        position=35,
    )
)
register_deadline_source("awards.completions", award_completion_deadlines, model="awards.awardapplication")
register_deadline_source("awards.reports", scholarship_report_deadlines, model="awards.awardapplication")
# The section "Dotacje, stypendia i nagrody" (DOMAIN.md §C, §D) handles the calls and the cases.
roles.register_section_models(
    "grants",
    {
        "awards.awardresolution": roles.FULL,
        "awards.awardcall": roles.FULL,
        "awards.awardcalldocument": roles.FULL,
        "awards.awardapplication": frozenset({"view", "change"}),
        # The contract's payment schedule, typed by the clerk as an inline of the application.
        "awards.scholarshippayment": roles.FULL,
        # The committee (core.committee): the clerks appoint it and assign applications; members score in their
        # own panel, so the scores are only read here (as grants' committee).
        "awards.awardcommitteemember": roles.FULL,
        "awards.awardcommittee": roles.FULL,
        "awards.awardassignment": roles.FULL,
        "awards.awardscore": roles.VIEW,
        "awards.awardinterview": roles.FULL,
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
# The resolution's number, caps and fields of art show on its calls' pages.
page_cache.register_public_models(
    "awards.awardresolution", "awards.awardcall", "awards.awardcalldocument", "awards.awardapplication"
)
page_cache.register_schedule(next_call_deadline)

# A published call for scholarships or awards is public information (u.o.p.d.k. art. 7a–7b; DOMAIN.md §D, §J.2).
register_public_information(
    PublicInformation(
        key="stypendia-i-nagrody",
        model="awards.awardcall",
        title=_("Scholarships and awards"),
        public=AwardCall.objects.public,
        public_when=Q(is_published=True),
        public_fields=(
            "title",
            "kind",
            "year",
            "council_resolution",
            "resolution",
            "deadline",
            "budget",
            "max_amount",
            "rules",
        ),
        count_views=True,
    )
)


def published_laureates():
    """The laureates residents see in a call's results (awards.selectors.call_results): granted in a call whose
    results are published, and not anonymised by retention."""
    return AwardApplication.objects.filter(
        status__in=AwardApplication.GRANTED_STATUSES, call__results_published=True, anonymised_at__isnull=True
    ).select_related("call")


def laureate_fields(laureate: AwardApplication) -> tuple[str, ...]:
    """The results show the amount only where the council's resolution lets it be published (DOMAIN.md §D)."""
    fields = ("candidate_name", "field_of_art", "category", "award_form", "granted_amount")
    return fields if laureate.call.results_show_amounts else fields[:-1]


# A published laureate is public information (u.o.p.d.k. art. 7a–7b, the results in the BIP; DOMAIN.md §D, §J.2): its
# line of the results gets a register of changes of what the line shows, never the application's other data.
register_public_information(
    PublicInformation(
        key="laureaci",
        model="awards.awardapplication",
        title=_("Laureates of scholarships and awards"),
        public=published_laureates,
        public_when=Q(status__in=AwardApplication.GRANTED_STATUSES, call__results_published=True),
        public_fields=("candidate_name", "field_of_art", "category", "award_form", "granted_amount"),
        url=lambda laureate: f"{laureate.call.get_absolute_url()}#results-heading",
        label=lambda laureate: laureate.candidate_name,
        shown_fields=laureate_fields,
    )
)
sitemaps["awards"] = AwardCallSitemap
