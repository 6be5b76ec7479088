"""How mourning plugs into the portal: the ribbon on every public page, the moments kept pages change, and roles."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import page_cache, roles, site_registry
from core.public_information import PublicInformation, register_public_information
from mourning.models import MourningPeriod
from mourning.services import next_change, period_covering

# The class site.css turns sober with (static/css/site.css, "Mourning").
PAGE_CLASS = "is-mourning"


def ribbon_notice(now):
    """The black ribbon of every public page while a mourning period is in force (DOMAIN.md §F.6)."""
    period = period_covering(now)
    if period is None:
        return None
    return site_registry.SiteNotice(
        key="mourning",
        template="mourning/ribbon.html",
        context={"period": period, "url": reverse("mourning:announcement", kwargs={"pk": period.pk})},
        page_class=PAGE_CLASS,
    )


site_registry.register_site_notice("mourning", ribbon_notice)
# Every page changes when a period starts or ends, and when a clerk edits one.
page_cache.register_schedule(next_change)
page_cache.register_public_models("mourning.mourningperiod")

# The portal's editors declare the periods; the sections whose work the mourning changes (events, press) read them.
roles.register_section_models("site", {"mourning.mourningperiod": roles.FULL})
for section_code in ("events", "press", "promotion"):
    roles.register_section_models(section_code, {"mourning.mourningperiod": roles.VIEW})


def periods_announced():
    """The periods whose announcement residents see: from their start on (AnnouncementView)."""
    return MourningPeriod.objects.filter(starts_at__lte=timezone.now())


# The announcement of a mourning repeats a public act (DOMAIN.md §F.6, §J.2): it gets a metryczka and a register of
# changes; it is published at the period's start, when its page appears.
register_public_information(
    PublicInformation(
        key="zaloba",
        model="mourning.mourningperiod",
        title=_("Mourning"),
        public=periods_announced,
        public_fields=(
            "kind",
            "reason",
            "starts_at",
            "ends_at",
            "act_number",
            "act_date",
            "act_url",
            "announcement",
            "condolence_book_place",
            "condolence_book_hours",
        ),
        published_field="starts_at",
    )
)
