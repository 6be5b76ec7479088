from core.sitemaps import RecordSitemap
from press.models import PressConference, PressRelease


class PressReleaseSitemap(RecordSitemap):
    """Public releases only: a release under embargo is not in the sitemap until its time."""

    changefreq = "weekly"
    limit = 5000

    def items(self):
        return PressRelease.objects.published().only("slug", "updated_at").order_by("pk")


class PressConferenceSitemap(RecordSitemap):
    changefreq = "weekly"

    def items(self):
        return PressConference.objects.public().only("slug", "updated_at").order_by("pk")
