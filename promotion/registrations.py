"""How the duty plugs into the portal: roles, navigation, sitemap, page cache and the Terminarz."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core import page_cache, roles, site_registry
from core.deadlines import register_deadline_source
from core.open_data import Column, Dataset, Distribution, register_dataset
from core.public_information import PublicInformation, register_public_information
from core.sitemaps import sitemaps
from promotion.models import InvestmentSite, StrategicPlan
from promotion.selectors import inquiry_open_deadlines, production_task_open_deadlines
from promotion.sitemaps import InvestmentSiteSitemap, PromotionPagesSitemap, StrategicPlanSitemap

site_registry.register_navigation(
    site_registry.NavigationItem("promotion", _("Investment sites"), "promotion:site_list", 50)
)
site_registry.register_navigation(
    site_registry.NavigationItem("plans", _("Plans for culture and promotion"), "promotion:plan_list", 55)
)
sitemaps["investment_sites"] = InvestmentSiteSitemap
sitemaps["promotion_pages"] = PromotionPagesSitemap
sitemaps["strategic_plans"] = StrategicPlanSitemap

roles.register_section_models(
    "promotion",
    {
        "promotion.investmentsite": roles.FULL,
        "promotion.siteutility": roles.FULL,
        "promotion.sitetransport": roles.FULL,
        "promotion.sitephoto": roles.FULL,
        "promotion.investorinquiry": frozenset({"view", "change"}),
        "promotion.strategicplan": roles.FULL,
        "promotion.plangoal": roles.FULL,
        "promotion.planobjective": roles.FULL,
        "promotion.planaction": roles.FULL,
        "promotion.actionyear": roles.FULL,
        "promotion.productionkind": roles.FULL,
        "promotion.checklistitem": roles.FULL,
        "promotion.eventproduction": roles.FULL,
        "promotion.budgetline": roles.FULL,
        "promotion.productiontask": roles.FULL,
        "promotion.productionpartner": roles.FULL,
        # An own event's record links its calendar entry and its press release: the section finds and opens them.
        "events.event": roles.VIEW,
        "press.pressrelease": roles.VIEW,
        # The photos of a card are the kernel's public images, chosen (or added) from the card's inline.
        "core.publicimage": roles.EDIT,
    },
)
for section in roles.SECTIONS:
    if section.code != "promotion":
        roles.register_section_models(section.code, {"promotion.investorinquiry": roles.VIEW})

register_deadline_source("promotion.inquiries", inquiry_open_deadlines, model="promotion.investorinquiry")
register_deadline_source(
    "promotion.production_tasks", production_task_open_deadlines, model="promotion.productiontask"
)

# The list, the cards and their PDFs show the sites with their utilities, links and photos, the plans' pages their
# goals, objectives, actions and yearly values; an inquiry and an own event's production record show nowhere.
page_cache.register_public_models(
    "promotion.investmentsite",
    "promotion.siteutility",
    "promotion.sitetransport",
    "promotion.sitephoto",
    "promotion.strategicplan",
    "promotion.plangoal",
    "promotion.planobjective",
    "promotion.planaction",
    "promotion.actionyear",
)

# The published cards and the adopted plans are public information (BIP regulation, DOMAIN.md §I.2, §I.5, §J.2): each
# gets a metryczka and a register of changes of what its page shows, from the first version in which it was published.
register_public_information(
    PublicInformation(
        key="tereny-inwestycyjne",
        model="promotion.investmentsite",
        title=_("Investment sites"),
        public=InvestmentSite.objects.published,
        public_when=Q(is_published=True),
        public_fields=(
            "name",
            "district",
            "street",
            "plot_numbers",
            "latitude",
            "longitude",
            "description",
            "area_ha",
            "expansion_possible",
            "expansion_ha",
            "shape",
            "terrain",
            "current_use",
            "soil_class",
            "groundwater",
            "contamination",
            "flood_risk",
            "zoning_status",
            "permitted_use",
            "zoning_notes",
            "ownership",
            "price_per_m2",
            "price_total",
            "price_note",
            "in_economic_zone",
            "economic_zone",
            "road_access",
            "mining_damage",
            "power_lines",
            "protected_area",
            "restrictions",
            "map_url",
        ),
        count_views=True,
    )
)
register_public_information(
    PublicInformation(
        key="plany",
        model="promotion.strategicplan",
        title=_("Plans for culture and promotion"),
        public=StrategicPlan.objects.published,
        public_when=Q(is_published=True),
        public_fields=(
            "kind",
            "title",
            "first_year",
            "last_year",
            "adopting_act",
            "act_number",
            "adopted_on",
            "act_url",
            "summary",
        ),
        count_views=True,
    )
)

# The published cards as open data (core.open_data; DOMAIN.md §I.2): the columns of tereny-inwestycyjne/dane.csv
# (promotion.selectors.OPEN_DATA_COLUMNS), for investors' and the region's databases of sites.
register_dataset(
    Dataset(
        key="tereny-inwestycyjne",
        title=_("Investment sites"),
        description=_(
            "The city's investment sites on offer: location, plots, coordinates, area, zoning, owner, asking price, "
            "special economic zone, utilities and mining ground."
        ),
        frequency="IRREG",
        landing_url_name="promotion:site_list",
        distributions=(Distribution("CSV", "promotion:sites_csv"),),
        columns=(
            Column("nazwa", _("Name of the site")),
            Column("adres_strony", _("The site's card on the portal")),
            Column("dzielnica", _("District")),
            Column("lokalizacja", _("Location")),
            Column("dzialki", _("Cadastral plots")),
            Column("szerokosc_geograficzna", _("Latitude"), "number", _("WGS 84, decimal degrees")),
            Column("dlugosc_geograficzna", _("Longitude"), "number", _("WGS 84, decimal degrees")),
            Column("powierzchnia_ha", _("Total area (ha)"), "number"),
            Column("status_planu", _("Zoning plan status")),
            Column("przeznaczenie", _("Permitted use")),
            Column("wlasciciel", _("Owner")),
            Column("cena_za_m2_netto", _("Asking price per m² (net, PLN)"), "number"),
            Column("cena_calkowita_netto", _("Asking price in total (net, PLN)"), "number"),
            Column("specjalna_strefa_ekonomiczna", _("In a special economic zone"), "boolean"),
            Column("media", _("Utilities"), description=_("Separated by semicolons")),
            Column("teren_gorniczy", _("Mining ground")),
            Column("zaktualizowano", _("Last updated"), "datetime"),
        ),
        keywords=(_("investment sites"), _("economy"), "Ruda Śląska"),
        theme="ECON",
        position=60,
    )
)
