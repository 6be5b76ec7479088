"""How mourning plugs into the portal: the ribbon on every public page, the moments kept pages change, and roles."""

from django.urls import reverse

from core import page_cache, roles, site_registry
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
