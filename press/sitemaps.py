from django.contrib.sitemaps import Sitemap

from press.models import PressConference, PressRelease


class PressReleaseSitemap(Sitemap):
    """Public releases only: a release under embargo is not in the sitemap until its time."""

    changefreq = "weekly"
    i18n = True
    alternates = True
    limit = 5000

    def items(self):
        return PressRelease.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, release):
        return release.updated_at


class PressConferenceSitemap(Sitemap):
    changefreq = "weekly"
    i18n = True
    alternates = True

    def items(self):
        return PressConference.objects.public().only("slug", "updated_at").order_by("pk")

    def lastmod(self, conference):
        return conference.updated_at
