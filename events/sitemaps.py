from core.sitemaps import RecordSitemap
from events.models import Event, Venue


class EventSitemap(RecordSitemap):
    changefreq = "daily"
    limit = 5000

    def items(self):
        return Event.objects.published().only("slug", "updated_at").order_by("pk")


class VenueSitemap(RecordSitemap):
    changefreq = "monthly"

    def items(self):
        return Venue.objects.only("slug", "updated_at").order_by("pk")
