from core.sitemaps import RecordSitemap
from meetings.models import ResidentMeeting


class MeetingSitemap(RecordSitemap):
    changefreq = "weekly"

    def items(self):
        return ResidentMeeting.objects.public().only("slug", "updated_at").order_by("pk")
