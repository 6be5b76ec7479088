"""The public site's own address: absolute links for e-mails, feeds, calendars and structured data.

`SITE_URL` (from DJANGO_SITE_URL) is the one source; every app builds absolute links with `site_url(path)`.
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_url(path: str) -> str:
    """The absolute address of `path` on the public site (SITE_URL), as links in e-mails use it."""
    return settings.SITE_URL.rstrip("/") + path


def site_host() -> str:
    """The host name of SITE_URL, as calendar UIDs and feed ids use it ("localhost" when it has none)."""
    return urlsplit(settings.SITE_URL).hostname or "localhost"
