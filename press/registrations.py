"""How the press office plugs into the site shell: navigation, home page, search, sitemap, roles and the page cache."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import page_cache, roles, site_registry
from core.deadlines import register_deadline_source
from core.open_data import Column, Dataset, Distribution, register_dataset
from core.search import ranked_search
from core.sitemaps import sitemaps
from press.models import PressConference, PressRelease
from press.selectors import letters_open_deadlines, releases_latest
from press.sitemaps import PressConferenceSitemap, PressReleaseSitemap

HOME_RELEASES_COUNT = 4


def latest_for_home(request):
    """The newest public releases; None (no block) when there are none. Not cached: an embargo ends on time."""
    releases = releases_latest(limit=HOME_RELEASES_COUNT, now=timezone.now())
    return {"releases": releases} if releases else None


def search_releases(query):
    """Public releases matching `query`; evaluated per search, so the embargo holds at that moment."""
    return ranked_search(PressRelease.objects.published().order_by("-publish_at", "-pk"), query)


site_registry.register_navigation(site_registry.NavigationItem("press", _("Press office"), "press:release_list", 30))
site_registry.register_home_section(
    site_registry.HomeSection(
        key="press",
        title=_("Latest press releases"),
        template="press/home_latest.html",
        get_context=latest_for_home,
        position=30,
    )
)
site_registry.register_search_provider(
    site_registry.SearchProvider(key="press", title=_("Press releases"), search=search_releases, position=30)
)
sitemaps["press_releases"] = PressReleaseSitemap
sitemaps["press_conferences"] = PressConferenceSitemap
register_deadline_source("press.letters", letters_open_deadlines, model="press.occasionalletter")
roles.register_section_models(
    "press",
    {
        "press.topic": roles.FULL,
        "press.pressrelease": roles.FULL,
        "press.pressreleasecorrection": roles.VIEW,
        "press.releasephoto": roles.FULL,
        "press.releaseattachment": roles.FULL,
        "press.mediaoutlet": roles.FULL,
        "press.medialist": roles.FULL,
        "press.mediacontact": roles.FULL,
        "press.distributionlogentry": roles.VIEW,
        "press.pressconference": roles.FULL,
        "press.accreditation": frozenset({"view", "change"}),
        "press.lettertemplate": roles.FULL,
        "press.occasionalletter": roles.FULL,
        # Versions are written by press.services.letter_version_add only, never edited.
        "press.occasionalletterversion": roles.VIEW,
        "press.socialpost": roles.FULL,
        # Releases show public images: the press office adds them.
        "core.publicimage": roles.EDIT,
    },
)


def next_embargo_or_conference_change(now):
    """The soonest time a newsroom page changes by the clock: a release's embargo ends (DOMAIN.md §F.1: a release
    is public the moment its `publish_at` comes), a conference's accreditation closes, or the conference begins."""
    embargo = (
        PressRelease.objects.filter(status__in=PressRelease.PUBLIC_STATUSES, publish_at__gt=now)
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )
    moments = [embargo] if embargo else []
    for starts_at, hours_before in PressConference.objects.filter(
        status__in=PressConference.PUBLIC_STATUSES, starts_at__gt=now
    ).values_list("starts_at", "accreditation_hours_before"):
        moments += [moment for moment in (starts_at - timedelta(hours=hours_before), starts_at) if moment > now]
    return min(moments, default=None)


page_cache.register_public_models(
    "press.pressrelease",
    "press.pressreleasecorrection",
    "press.releasephoto",
    "press.releaseattachment",
    "press.topic",
    "press.pressconference",
)
page_cache.register_schedule(next_embargo_or_conference_change)

# The releases as open data (core.open_data): the columns of prasa/dane.csv and of each release of dane.json.
register_dataset(
    Dataset(
        key="komunikaty",
        title=_("Press releases"),
        description=_("Public press releases of the city: title, lead, date of publication, topics and district."),
        frequency="DAILY",
        landing_url_name="press:release_list",
        distributions=(
            Distribution("CSV", "press:release_export_csv"),
            Distribution("JSON", "press:release_export_json"),
            Distribution("RSS", "press:feed_rss"),
            Distribution("ATOM", "press:feed_atom"),
        ),
        columns=(
            Column("id", _("Identifier of the release"), "integer"),
            Column("title", _("Title")),
            Column("url", _("Page of the release")),
            Column("lead", _("Lead")),
            Column("publish_at", _("Published"), "datetime"),
            Column("topics", _("Topics"), "array"),
            Column("district", _("District")),
            Column("corrected", _("Corrected"), "boolean"),
            Column("title_en", _("Title in English")),
        ),
        keywords=(_("press"), _("releases"), "Ruda Śląska"),
        position=20,
    )
)
