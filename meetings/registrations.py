"""How the meetings with residents plug into the portal: roles, navigation, sitemap and the page cache."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core import page_cache, roles, site_registry
from core.deadlines import register_deadline_source
from core.public_information import PublicInformation, register_public_information
from core.sitemaps import sitemaps
from meetings.models import ResidentMeeting
from meetings.selectors import next_meeting_change, request_open_deadlines
from meetings.sitemaps import MeetingSitemap

site_registry.register_navigation(
    site_registry.NavigationItem("meetings", _("Meetings with residents"), "meetings:meeting_list", 45)
)
sitemaps["meetings"] = MeetingSitemap

# "Promocja i gospodarka" serves the Mayor's meetings and the Economic Council (docs/meetings.md says why).
roles.register_section_models(
    "promotion",
    {
        "meetings.residentmeeting": roles.FULL,
        "meetings.meetingregistration": roles.FULL,
        "meetings.meetingphoto": roles.FULL,
        "meetings.meetingrequest": roles.FULL,
    },
)
register_deadline_source("meetings.requests", request_open_deadlines, model="meetings.meetingrequest")

# A meeting's page shows the meeting, its photos and the summary of its requests; registrations only as the number of
# places left, which the registration service bumps itself. The attendance list shows nowhere.
page_cache.register_public_models("meetings.residentmeeting", "meetings.meetingphoto", "meetings.meetingrequest")
page_cache.register_schedule(next_meeting_change)

# A published meeting is public information (DOMAIN.md §I.3, §J.2): its page gets a metryczka and a register of
# changes of what it shows (never the attendance, which is internal), published when the clerk published it.
register_public_information(
    PublicInformation(
        key="spotkania-z-mieszkancami",
        model="meetings.residentmeeting",
        title=_("Meetings with residents"),
        public=ResidentMeeting.objects.public,
        public_when=Q(is_published=True),
        public_fields=(
            "kind",
            "title",
            "starts_at",
            "ends_at",
            "venue",
            "place",
            "district",
            "topics",
            "accessibility",
            "registration_required",
            "capacity",
            "minutes",
        ),
        published_field="published_at",
        count_views=True,
    )
)
