"""How the duty plugs into the portal: roles, navigation, search, sitemap and the Terminarz."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core import page_cache, roles, site_registry
from core.deadlines import register_deadline_source
from core.public_information import PublicInformation, register_public_information
from core.search import ranked_search
from core.sitemaps import sitemaps
from patronage.models import PatronageApplication
from patronage.selectors import application_open_deadlines, symbol_request_open_deadlines
from patronage.sitemaps import PatronagePagesSitemap

site_registry.register_navigation(
    site_registry.NavigationItem("patronage", _("Patronage and city symbols"), "patronage:overview", 40)
)
site_registry.register_search_provider(
    site_registry.SearchProvider(
        key="patronage",
        title=_("Register of honorary patronages"),
        search=lambda query: ranked_search(PatronageApplication.objects.in_register(), query),
        position=40,
    )
)
sitemaps["patronage_pages"] = PatronagePagesSitemap

PATRONAGE_MODELS = ("patronage.patronageapplication", "patronage.symboluserequest")
# Only the patronage group decides (its "change" runs the workflow); every other section may read the cases.
roles.register_section_models(
    "patronage",
    {
        "patronage.patronageapplication": frozenset({"view", "change"}),
        "patronage.symboluserequest": frozenset({"view", "change"}),
        "patronage.symbolmisusereport": roles.EDIT,
        "patronage.fileset": roles.FULL,
        "patronage.filesetfile": roles.FULL,
    },
)
# The patronage clerk names the granted event in the city's calendar (its mark), so may look the events up.
roles.register_section_models("patronage", {"events.event": roles.VIEW})
for section in roles.SECTIONS:
    if section.code != "patronage":
        roles.register_section_models(section.code, dict.fromkeys(PATRONAGE_MODELS, roles.VIEW))

register_deadline_source("patronage.applications", application_open_deadlines, model="patronage.patronageapplication")
register_deadline_source(
    "patronage.symbol_requests", symbol_request_open_deadlines, model="patronage.symboluserequest"
)

# The register shows granted patronages, the patronage and symbols pages the approved files; a symbols request, a
# misuse report and their histories show nowhere.
page_cache.register_public_models("patronage.patronageapplication", "patronage.fileset", "patronage.filesetfile")

# The register of granted patronages is public information (DOMAIN.md §E.1, §J.2): each line gets a metryczka and a
# register of changes of what the register shows, never the applicant's contacts.
register_public_information(
    PublicInformation(
        key="patronaty",
        model="patronage.patronageapplication",
        title=_("Register of granted patronages"),
        public=PatronageApplication.objects.in_register,
        public_when=Q(status__in=PatronageApplication.GRANTED_STATUSES, publish_in_register=True),
        public_fields=("event_name", "organiser_name", "starts_on", "ends_on", "venue", "case_mark"),
        label=lambda application: application.event_name,
    )
)
