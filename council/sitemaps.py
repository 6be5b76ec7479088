from django.urls import reverse

from core.sitemaps import RecordSitemap
from council.models import CouncilSitting


class CouncilSittingSitemap(RecordSitemap):
    changefreq = "monthly"

    def items(self):
        return CouncilSitting.objects.public().only("pk", "updated_at").order_by("pk")

    def location(self, sitting):
        return reverse("council:sitting_detail", kwargs={"pk": sitting.pk})
