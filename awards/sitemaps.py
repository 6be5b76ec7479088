from awards.models import AwardCall
from core.sitemaps import RecordSitemap


class AwardCallSitemap(RecordSitemap):
    """Every published call, open or archived: its page carries the rules and, later, the results."""

    changefreq = "weekly"

    def items(self):
        return AwardCall.objects.public().only("slug", "updated_at").order_by("pk")
