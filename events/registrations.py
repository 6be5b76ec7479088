"""How the events calendar plugs into the site shell: navigation, home page, search, sitemap, roles and the page
cache."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import page_cache, roles, site_registry
from core.search import ranked_search
from core.sitemaps import sitemaps
from events.models import Event
from events.selectors import occurrences_upcoming, weekend_highlights
from events.sitemaps import EventSitemap, VenueSitemap

HOME_UPCOMING_COUNT = 6
HOME_WEEKEND_COUNT = 4
# The home page's blocks are the same for everyone: read the calendar once a minute, not on every view.
HOME_CACHE_SECONDS = 60


def upcoming_for_home(request):
    occurrences = occurrences_upcoming()[:HOME_UPCOMING_COUNT]
    return {"occurrences": list(occurrences), "now": timezone.now()}


def weekend_for_home(request):
    """This weekend's highlights; None (no block on the home page) when nothing is on."""
    now = timezone.now()
    occurrences = weekend_highlights(limit=HOME_WEEKEND_COUNT, now=now)
    return {"occurrences": occurrences, "now": now} if occurrences else None


site_registry.register_navigation(site_registry.NavigationItem("events", _("Events"), "events:occurrence_list", 10))
site_registry.register_home_section(
    site_registry.HomeSection(
        key="events",
        title=_("Coming up in Ruda Śląska"),
        template="events/home_upcoming.html",
        get_context=upcoming_for_home,
        position=10,
        cache_seconds=HOME_CACHE_SECONDS,
    )
)
site_registry.register_home_section(
    site_registry.HomeSection(
        key="weekend",
        title=_("This weekend"),
        template="events/home_weekend.html",
        get_context=weekend_for_home,
        position=20,
        cache_seconds=HOME_CACHE_SECONDS,
    )
)
site_registry.register_search_provider(
    site_registry.SearchProvider(
        key="events",
        title=_("Events"),
        search=lambda query: ranked_search(Event.objects.published(), ["title", "lead", "organiser_name"], query),
        position=10,
    )
)
sitemaps["events"] = EventSitemap
sitemaps["venues"] = VenueSitemap
roles.register_section_models(
    "events",
    {
        "events.event": roles.FULL,
        "events.eventoccurrence": roles.FULL,
        "events.eventattachment": roles.FULL,
        "events.venue": roles.FULL,
        "events.category": roles.FULL,
        "events.eventsubmission": frozenset({"view", "change"}),
        # Events show public images: the section picks and adds them.
        "core.publicimage": roles.EDIT,
    },
)


def next_scheduled_publication(now):
    """The soonest time an event published ahead of time (`publish_at`) appears on the calendar."""
    return (
        Event.objects.filter(status__in=Event.PUBLIC_STATUSES, publish_at__gt=now)
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )


page_cache.register_public_models(
    "events.event", "events.eventoccurrence", "events.eventattachment", "events.venue", "events.category"
)
page_cache.register_schedule(next_scheduled_publication)
