from django.urls import translate_url

from core import site_registry
from core.models import DepartmentProfile, StaticPage


def site_shell(request):
    """Give every public page the navigation, the department's contacts and the footer pages."""
    if request.path.startswith("/static/"):
        return {}
    return {
        "navigation": site_registry.navigation(),
        "department": DepartmentProfile.objects.order_by("pk").first(),
        "footer_pages": StaticPage.objects.published().filter(show_in_footer=True).only("title", "slug"),
        "language_urls": {
            "pl": translate_url(request.path, "pl"),
            "en": translate_url(request.path, "en"),
        },
    }
