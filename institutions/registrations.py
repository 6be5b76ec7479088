"""How the register plugs into the site shell: navigation, search, sitemap, the Terminarz, the role group and the
page cache."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core import page_cache, roles, site_registry
from core.deadlines import register_deadline_source
from core.open_data import Column, Dataset, Distribution, register_dataset
from core.public_information import PublicInformation, register_public_information
from core.search import ranked_search
from core.sitemaps import sitemaps
from institutions import deadlines
from institutions.models import CulturalInstitution
from institutions.sitemaps import InstitutionSitemap, RegisterPagesSitemap

site_registry.register_navigation(
    site_registry.NavigationItem("institutions", _("Cultural institutions"), "institutions:institution_list", 30)
)
site_registry.register_search_provider(
    site_registry.SearchProvider(
        key="institutions",
        title=_("Register of cultural institutions"),
        search=lambda query: ranked_search(CulturalInstitution.objects.registered(), query),
        position=30,
    )
)
sitemaps["institutions"] = InstitutionSitemap
sitemaps["institutions_pages"] = RegisterPagesSitemap

register_deadline_source(
    "institutions.extract_requests", deadlines.extract_request_deadlines, model="institutions.extractrequest"
)
register_deadline_source(
    "institutions.director_terms", deadlines.director_term_deadlines, model="institutions.directorterm"
)
register_deadline_source("institutions.inspections", deadlines.inspection_deadlines, model="institutions.inspection")
register_deadline_source(
    "institutions.subsidies", deadlines.subsidy_deadlines, model="institutions.institutionsubsidy"
)
register_deadline_source(
    "institutions.reorganisations", deadlines.reorganisation_deadlines, model="institutions.reorganisationplan"
)

# Rozporządzenie MKiDN z 26.01.2012, § 2: only authorised persons make entries — "add" on the register entry is
# the register permission `institutions.add_registerentry` ("Can make entries in the register of cultural
# institutions"); change and delete permissions for entries do not exist at all.
roles.register_section_models(
    "institutions",
    {
        "institutions.culturalinstitution": roles.EDIT,
        "institutions.registerentry": frozenset({"view", "add"}),
        "institutions.legalact": roles.EDIT,
        "institutions.registrationdocument": roles.EDIT,
        "institutions.directorterm": roles.EDIT,
        "institutions.financialstatement": frozenset({"view", "add"}),
        "institutions.inspection": roles.EDIT,
        "institutions.institutionsubsidy": roles.EDIT,
        "institutions.reorganisationplan": roles.EDIT,
        "institutions.plannedinstitution": roles.FULL,
        "institutions.extractrequest": frozenset({"view", "change"}),
    },
)

# The register's book shows an institution's entries, documents, acts, directors and reorganisations; a request for
# an extract is a case and shows nowhere.
page_cache.register_public_models(whole_app="institutions", except_models=("institutions.extractrequest",))

# The register is public information from an institution's first entry on (rozporządzenie MKiDN, § 10 ust. 1; BIP
# regulation, DOMAIN.md §J.2): its columns get a metryczka and a register of changes.
register_public_information(
    PublicInformation(
        key="instytucje-kultury",
        model="institutions.culturalinstitution",
        title=_("Register of cultural institutions"),
        public=CulturalInstitution.objects.registered,
        public_when=Q(registered_on__isnull=False),
        public_fields=(
            "entry_no",
            "full_name",
            "short_name",
            "kind",
            "activity",
            "seat",
            "address",
            "organiser",
            "co_organiser",
            "regon",
            "director",
            "founding_act",
            "statute_act",
            "website",
            "registered_on",
            "last_entry_on",
            "struck_out_on",
        ),
    )
)

# The register as open data (rozporządzenie MKiDN, § 10 ust. 1: free access; core.open_data): the columns of
# rejestr-instytucji-kultury/dane.csv and of each institution of dane.json.
register_dataset(
    Dataset(
        key="rejestr-instytucji-kultury",
        title=_("Register of cultural institutions"),
        description=_("The municipal cultural institutions of Ruda Śląska: the register's columns for each of them."),
        frequency="IRREG",
        landing_url_name="institutions:institution_list",
        distributions=(
            Distribution("CSV", "institutions:register_csv"),
            Distribution("JSON", "institutions:register_json"),
        ),
        columns=(
            Column("numer_wpisu", _("Register entry number"), "integer"),
            Column("daty_wpisow", _("Dates of the entries"), description=_("ISO 8601 dates separated by spaces")),
            Column("pelna_nazwa", _("Full name")),
            Column("skrocona_nazwa", _("Short name")),
            Column("siedziba", _("Seat")),
            Column("adres", _("Address")),
            Column("organizator", _("Organiser")),
            Column("wspolorganizator", _("Co-organiser")),
            Column("akt_o_utworzeniu", _("Founding act")),
            Column("akt_o_nadaniu_statutu", _("Statute")),
            Column("wykreslona", _("Struck out of the register on"), "date"),
            Column("adres_strony", _("Page in the register")),
        ),
        keywords=(_("culture"), _("register"), "Ruda Śląska"),
        theme="GOVE",
        position=30,
    )
)
