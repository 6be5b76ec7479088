"""How the events calendar plugs into the site shell: navigation, home page, search, sitemap, roles and the page
cache."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import page_cache, roles, site_registry
from core.open_data import Column, Dataset, Distribution, register_dataset
from core.search import ranked_search
from core.sitemaps import sitemaps
from events.models import Event
from events.selectors import occurrences_upcoming, weekend_highlights
from events.sitemaps import EventSitemap, VenueSitemap
from mourning.services import period_covering

HOME_UPCOMING_COUNT = 6
HOME_WEEKEND_COUNT = 4
# The home page's blocks are the same for everyone: read the calendar once a minute, not on every view.
HOME_CACHE_SECONDS = 60


def upcoming_for_home(request):
    occurrences = occurrences_upcoming()[:HOME_UPCOMING_COUNT]
    return {"occurrences": list(occurrences), "now": timezone.now()}


def weekend_for_home(request):
    """This weekend's highlights; None (no block on the home page) when nothing is on, or during a mourning: the
    weekend's entertainment steps aside while the ribbon is on every page (DOMAIN.md §F.6)."""
    now = timezone.now()
    if period_covering(now) is not None:
        return None
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
        search=lambda query: ranked_search(Event.objects.published(), query),
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

# The calendar as open data (core.open_data): the columns of wydarzenia/dane.csv and of each item of dane.json.
register_dataset(
    Dataset(
        key="wydarzenia",
        title=_("Calendar of events"),
        description=_("Dates of cultural events in Ruda Śląska: what, when, where, admission and accessibility."),
        frequency="DAILY",
        landing_url_name="events:occurrence_list",
        distributions=(
            Distribution("CSV", "events:export_csv"),
            Distribution("JSON", "events:export_json"),
            Distribution("ICS", "events:feed_ical"),
            Distribution("RSS", "events:feed_rss"),
            Distribution("ATOM", "events:feed_atom"),
        ),
        columns=(
            Column("id", _("Identifier of the date"), "integer"),
            Column("event_slug", _("Address of the event")),
            Column("title", _("Title")),
            Column("lead", _("Lead")),
            Column("category", _("Category")),
            Column("category_slug", _("Code of the category")),
            Column("start", _("Start"), "datetime"),
            Column("end", _("End"), "datetime"),
            Column("status", _("Status"), description=_("scheduled, moved, cancelled or postponed")),
            Column("venue_name", _("Venue")),
            Column("street_address", _("Street and number")),
            Column("postal_code", _("Postal code")),
            Column("district", _("District")),
            Column("district_code", _("Code of the district")),
            Column("latitude", _("Latitude"), "number"),
            Column("longitude", _("Longitude"), "number"),
            Column("free", _("Free admission"), "boolean"),
            Column("price_from", _("Price from (PLN)"), "number"),
            Column("price_to", _("Price to (PLN)"), "number"),
            Column("organiser", _("Organiser")),
            Column("url", _("Page of the event")),
            Column("step_free_entry", _("Step-free entry"), "boolean"),
            Column("accessible_toilet", _("Accessible toilet"), "boolean"),
            Column("induction_loop", _("Induction loop"), "boolean"),
            Column("quiet_space", _("Quiet space"), "boolean"),
            Column("disabled_parking", _("Parking for disabled people"), "boolean"),
            Column("sign_language_interpreter", _("Sign language interpreter"), "boolean"),
            Column("audio_description", _("Audio description"), "boolean"),
        ),
        keywords=(_("culture"), _("events"), "Ruda Śląska"),
        position=10,
    )
)
