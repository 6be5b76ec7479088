"""The bare Django ceiling: one view returning two bytes, no middleware, no database, no templates.

Served by the same gunicorn and gunicorn.conf.py as the portal (`gunicorn bench.ceiling.app:application`), it
measures what gunicorn plus Django's request handling cost on this machine at best: every page's ratio in
bench/pages.py is its requests per second divided by this one's (docs/performance.md).
"""

from django.conf import settings

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="bench-ceiling-only-0123456789abcdefghijklmnopqrstuvwxyz-0123456789",  # noqa: S106
        ALLOWED_HOSTS=["*"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
        DATABASES={},
        TEMPLATES=[],
        USE_I18N=False,
        LOGGING_CONFIG=None,
    )

import django  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402

django.setup()


def ok(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("", ok)]

application = get_wsgi_application()
