from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from core.sitemaps import RecordSitemap
from promotion.models import InvestmentSite, StrategicPlan


class InvestmentSiteSitemap(RecordSitemap):
    """The published investment sites' cards, in every language."""

    changefreq = "monthly"

    def items(self):
        return InvestmentSite.objects.published().order_by("pk")


class PromotionPagesSitemap(Sitemap):
    """The duty's public pages: the list of investment sites, the investor's inquiry form and the list of plans."""

    changefreq = "weekly"
    i18n = True
    alternates = True

    def items(self):
        return ["promotion:site_list", "promotion:inquiry_create", "promotion:plan_list"]

    def location(self, item):
        return reverse(item)


class StrategicPlanSitemap(RecordSitemap):
    """The published plans' summaries, in every language."""

    changefreq = "monthly"

    def items(self):
        return StrategicPlan.objects.published().order_by("pk")
