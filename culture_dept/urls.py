from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from core.security_txt import security_txt
from core.sitemaps import sitemaps
from core.views import robots_txt

# The admin stays outside i18n_patterns: clerks always get Polish. Public pages are Polish at "/"
# and English under "/en/", so the language switch is a plain link and sets no cookie.
urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="django.contrib.sitemaps.views.sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
]
urlpatterns += i18n_patterns(
    path("", include("events.urls")),
    path("", include("institutions.urls")),
    path("", include("mass_events.urls")),
    path("", include("patronage.urls")),
    path("", include("press.urls")),
    path("", include("grants.urls")),
    path("", include("library.urls")),
    path("", include("awards.urls")),
    path("", include("promotion.urls")),
    path("", include("newsletter.urls")),
    path("", include("mourning.urls")),
    path("", include("accessibility.urls")),
    path("", include("meetings.urls")),
    path("", include("council.urls")),
    path("", include("core.urls")),
    prefix_default_language=False,
)
# `make run` (DEBUG): runserver serves the public media too (event images, published press photos), so demo data
# shows with its pictures. Without DEBUG this adds nothing: nginx serves MEDIA_ROOT (docs/deployment.md).
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
