"""Request and response rules every page shares."""

import re

from django.conf import settings
from django.http import Http404

# C0 controls (NUL, CR, LF, ESC…) and DEL, as they arrive percent-decoded in a path.
_PATH_CONTROL = re.compile("[\x00-\x1f\x7f]")


class RejectControlCharactersMiddleware:
    """A path with a control character in it is no page of the portal: 404 before any view or query.

    No route takes such a path (private tokens go through the `<token:…>` converter), but a `<str:…>`
    or `<path:…>` parameter would pass a NUL to the database, which PostgreSQL refuses with an error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _PATH_CONTROL.search(request.path_info):
            raise Http404
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """Send a Permissions-Policy that refuses every feature in PERMISSIONS_POLICY_DENIED (`camera=()`, …).

    Django has no setting for this header. A page that set its own policy keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DENIED)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.policy)
        return response
