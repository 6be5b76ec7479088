"""Where apps plug into the site shell: main navigation, the footer's links, home-page sections, site search, the
notices every public page's header carries while they are in force (mourning), and the links and notices every
signed-in employee finds on the admin's dashboard.

`core` imports no app: each app registers its entries in its AppConfig.ready().
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import QuerySet
from django.utils.functional import Promise


@dataclass(frozen=True)
class NavigationItem:
    key: str
    label: str | Promise
    url_name: str
    position: int = 100


@dataclass(frozen=True)
class HomeSection:
    """A block of the home page: `template` is rendered with the dict returned by `get_context(request)`.

    `get_context` returning None leaves the block out of the page (nothing to show today). With
    `cache_seconds`, its result is kept in the cache for that long per language: for blocks that are the
    same for every visitor and cost a query over a large table (the calendar's next dates).
    """

    key: str
    title: str | Promise
    template: str
    get_context: Callable[..., dict | None] = field(default=lambda request: {})
    position: int = 100
    cache_seconds: int = 0


@dataclass(frozen=True)
class SearchProvider:
    """A part of the site search: `search(query)` returns a queryset of objects with get_absolute_url().

    The queryset is ordered best match first (core.search.ranked_search) and is sliced by the search page,
    never counted whole.
    """

    key: str
    title: str | Promise
    search: Callable[[str], QuerySet]
    position: int = 100


@dataclass(frozen=True)
class StaffLink:
    """A page for every signed-in employee, clerk or not (the City Hall library's catalogue), linked from the admin's
    dashboard, where an employee lands after signing in."""

    key: str
    label: str | Promise
    url_name: str
    position: int = 100


@dataclass(frozen=True)
class SiteNotice:
    """A notice every public page carries while it is in force (the mourning ribbon): `template` is rendered in the
    header with `context`, and `page_class` goes on the page's <body> (a sober colour scheme from site.css).

    The source that gives it registers the moments it appears and goes with `core.page_cache.register_schedule`,
    so kept pages change exactly then.
    """

    key: str
    template: str
    context: dict = field(default_factory=dict)
    page_class: str = ""


@dataclass(frozen=True)
class DashboardNotice:
    """A warning at the top of the clerks' dashboard (a declaration of accessibility past its yearly review).

    `message(today)` returns the sentence, or None when there is nothing to say; it is shown, linked to `url_name`,
    to a clerk who has `permission` ("app_label.codename") and costs its own queries only for them.
    """

    key: str
    permission: str
    message: Callable[[date], str | None]
    url_name: str
    position: int = 100


_navigation: dict[str, NavigationItem] = {}
# Links every public page's footer carries (a page the law wants reachable from every page: the declaration of
# accessibility, ustawa z 4.04.2019 art. 10), after the footer's static pages.
_footer_links: dict[str, NavigationItem] = {}
_staff_links: dict[str, StaffLink] = {}
_dashboard_notices: dict[str, DashboardNotice] = {}
_home_sections: dict[str, HomeSection] = {}
_search_providers: dict[str, SearchProvider] = {}
_site_notice_sources: dict[str, Callable[[datetime], SiteNotice | None]] = {}


def register_navigation(item: NavigationItem) -> None:
    _navigation[item.key] = item


def register_footer_link(item: NavigationItem) -> None:
    _footer_links[item.key] = item


def footer_links() -> list[NavigationItem]:
    return sorted(_footer_links.values(), key=lambda item: (item.position, item.key))


def register_dashboard_notice(notice: DashboardNotice) -> None:
    _dashboard_notices[notice.key] = notice


def dashboard_notices() -> list[DashboardNotice]:
    return sorted(_dashboard_notices.values(), key=lambda item: (item.position, item.key))


def register_staff_link(link: StaffLink) -> None:
    _staff_links[link.key] = link


def staff_links() -> list[StaffLink]:
    return sorted(_staff_links.values(), key=lambda item: (item.position, item.key))


def register_home_section(section: HomeSection) -> None:
    _home_sections[section.key] = section


def register_search_provider(provider: SearchProvider) -> None:
    _search_providers[provider.key] = provider


def register_site_notice(key: str, source: Callable[[datetime], SiteNotice | None]) -> None:
    """Declare a notice of every public page: `source(now)` returns the notice in force at `now`, or None."""
    _site_notice_sources[key] = source


def site_notices(now: datetime) -> list[SiteNotice]:
    """The notices in force at `now`, in the order of their keys (one query per registered source)."""
    found = (source(now) for _key, source in sorted(_site_notice_sources.items()))
    return [notice for notice in found if notice is not None]


def navigation() -> list[NavigationItem]:
    return sorted(_navigation.values(), key=lambda item: (item.position, item.key))


def home_sections() -> list[HomeSection]:
    return sorted(_home_sections.values(), key=lambda item: (item.position, item.key))


def search_providers() -> list[SearchProvider]:
    return sorted(_search_providers.values(), key=lambda item: (item.position, item.key))


def register_core_entries() -> None:
    """Register the shell's own entries: the department page, static pages and their search."""
    from django.db.models import Q
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _

    from core.models import DepartmentProfile, StaticPage
    from core.public_information import PublicInformation, register_public_information
    from core.search import ranked_search

    register_navigation(NavigationItem("home", _("Home"), "core:home", position=0))
    register_navigation(NavigationItem("department", _("About the department"), "core:department", position=90))
    register_home_section(
        HomeSection(
            key="department",
            title=_("The department"),
            template="core/home_department.html",
            position=900,
        )
    )
    register_search_provider(
        SearchProvider(
            key="pages",
            title=_("Information pages"),
            search=lambda query: ranked_search(StaticPage.objects.published(), query),
            position=900,
        )
    )
    register_public_information(
        PublicInformation(
            key="wydzial",
            model="core.departmentprofile",
            title=_("About the department"),
            public=DepartmentProfile.objects.all,
            public_fields=(
                "name",
                "head_title",
                "head_name",
                "address",
                "room",
                "phone",
                "other_phones",
                "email",
                "office_hours",
                "introduction",
            ),
            url=lambda profile: reverse("core:department"),
        )
    )
    register_public_information(
        PublicInformation(
            key="strony",
            model="core.staticpage",
            title=_("Information pages"),
            public=StaticPage.objects.published,
            public_when=Q(is_published=True),
            public_fields=("title", "lead", "body"),
        )
    )
