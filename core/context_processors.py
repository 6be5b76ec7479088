from django.urls import translate_url
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from core import site_registry
from core.models import DepartmentProfile, StaticPage
from core.search import normalise_query


def site_shell(request):
    """Give every public page the navigation, the department's contacts, the footer's pages and links and the search
    phrase.

    The notices in force (`site_registry.register_site_notice`: the mourning ribbon) are read only when a page shows
    them, so the admin and e-mails pay nothing for them.

    The header's search box shows the phrase cleaned as the search itself reads it: a NUL or another control
    character from the address never reaches the page.
    """
    if request.path.startswith("/static/"):
        return {}
    return {
        "navigation": site_registry.navigation(),
        "department": DepartmentProfile.objects.order_by("pk").first(),
        "footer_pages": StaticPage.objects.published().filter(show_in_footer=True).only("title", "slug"),
        "site_notices": SimpleLazyObject(lambda: site_registry.site_notices(timezone.now())),
        "footer_links": site_registry.footer_links(),
        "search_query": normalise_query(request.GET.get("q", "")),
        "language_urls": {
            "pl": translate_url(request.path, "pl"),
            "en": translate_url(request.path, "en"),
        },
    }
