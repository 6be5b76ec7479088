"""How grants plug into the site shell: navigation, search, sitemap, roles, the Terminarz and the page cache."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import page_cache, roles, site_registry
from core.deadlines import register_deadline_source
from core.open_data import Column, Dataset, Distribution, register_dataset
from core.public_information import PublicInformation, register_public_information
from core.search import ranked_search
from core.sitemaps import sitemaps
from grants.models import GrantCall, GrantOffer
from grants.selectors import (
    grant_offer_deadlines,
    grant_report_deadlines,
    grant_settlement_deadlines,
    institution_subsidy_deadlines,
    small_grants_published,
)
from grants.sitemaps import GrantCallSitemap

site_registry.register_navigation(site_registry.NavigationItem("grants", _("Grants"), "grants:call_list", 30))
site_registry.register_search_provider(
    site_registry.SearchProvider(
        key="grants",
        title=_("Calls for offers"),
        search=lambda query: ranked_search(GrantCall.objects.public(), query),
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

# Calls with their cancellations and results, and small-grant offers under comment, are public information (u.d.p.p.
# art. 13 ust. 3, art. 18a, art. 15 ust. 2h–2j, art. 19a ust. 3; BIP regulation, DOMAIN.md §J.2).
register_public_information(
    PublicInformation(
        key="konkursy-dotacji",
        model="grants.grantcall",
        title=_("Calls for offers"),
        public=GrantCall.objects.public,
        public_when=~Q(status=GrantCall.Status.DRAFT),
        public_fields=(
            "title",
            "year",
            "task_type",
            "mode",
            "budget",
            "max_subsidy",
            "min_own_percent",
            "max_admin_percent",
            "implementation_from",
            "implementation_to",
            "offers_deadline",
            "selection_date",
            "rules",
            "previous_year_info",
            "published_bip_on",
            "published_board_on",
            "published_web_on",
            "status",
            "cancellation_reason",
            "results_published_at",
        ),
        published_field="published_bip_on",
        count_views=True,
    )
)
register_public_information(
    PublicInformation(
        key="male-granty",
        model="grants.grantoffer",
        title=_("Small grants"),
        public=small_grants_published,
        public_when=Q(kind=GrantOffer.Kind.SMALL_GRANT, published_on__isnull=False),
        public_fields=(
            "title",
            "organisation_name",
            "start_date",
            "end_date",
            "place",
            "requested_amount",
            "description",
            "published_on",
            "comments_until",
        ),
        published_field="published_on",
        url=lambda offer: reverse("grants:small_grant_detail", args=[offer.pk]),
        label=lambda offer: offer.title,
    )
)

# The results of the calls as open data (u.d.p.p. art. 15 ust. 2h–2j; core.open_data): the columns of
# dotacje/wyniki.csv and dotacje/wyniki.xlsx.
register_dataset(
    Dataset(
        key="wyniki-konkursow",
        title=_("Results of grant competitions"),
        description=_(
            "Every published result of the open competitions: the call, its year, the offeror, the task, the subsidy."
        ),
        frequency="IRREG",
        landing_url_name="grants:results",
        distributions=(Distribution("CSV", "grants:results_csv"), Distribution("XLSX", "grants:results_xlsx")),
        columns=(
            Column("Konkurs", _("Call")),
            Column("Rok", _("Year"), "integer"),
            Column("Oferent", _("Offeror")),
            Column("Zadanie", _("Task")),
            Column("Kwota dotacji (zł)", _("Subsidy (PLN)"), "number"),
        ),
        keywords=(_("grants"), _("NGOs"), "Ruda Śląska"),
        theme="GOVE",
        position=40,
    )
)
