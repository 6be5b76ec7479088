from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from core.sitemaps import RecordSitemap
from institutions.models import CulturalInstitution


class RegisterPagesSitemap(Sitemap):
    changefreq = "weekly"
    i18n = True
    alternates = True

    def items(self):
        return ["institutions:institution_list", "institutions:extract_request_create"]

    def location(self, item):
        return reverse(item)


class InstitutionSitemap(RecordSitemap):
    changefreq = "weekly"

    def items(self):
        return CulturalInstitution.objects.registered().only("entry_no", "updated_at").order_by("entry_no")
