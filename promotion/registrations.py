"""How the duty plugs into the portal: roles, navigation, sitemap, page cache and the Terminarz."""

from django.utils.translation import gettext_lazy as _

from core import page_cache, roles, site_registry
from core.deadlines import register_deadline_source
from core.sitemaps import sitemaps
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
