"""The portal's URLs with the admin under a path no page would contain by chance (test_hidden_admin_path.py)."""

from django.contrib import admin
from django.urls import URLResolver, path

from culture_dept import urls

ADMIN_URL = "urzednicy-q7x2k9/"

urlpatterns = [
    path(ADMIN_URL, admin.site.urls),
    *(pattern for pattern in urls.urlpatterns if getattr(pattern, "namespace", None) != "admin"),
]
assert len(urlpatterns) == len(urls.urlpatterns), "the admin entry of culture_dept.urls was not replaced"
assert not any(isinstance(p, URLResolver) and p.namespace == "admin" for p in urls.urlpatterns[1:])
handler400 = urls.handler400
handler403 = urls.handler403
handler404 = urls.handler404
handler500 = urls.handler500
