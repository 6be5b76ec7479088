"""Request and response rules every page shares."""

import logging
import re
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import Http404
from django.utils.translation import ngettext

logger = logging.getLogger("core.auth")

# Unix times kept in a signed-in session: when the person signed in, and their last request (to the minute).
SESSION_STARTED_KEY = "_auth_started_at"
SESSION_SEEN_KEY = "_auth_seen_at"
# The last request is written at most once a minute, not on every request.
SESSION_SEEN_RESOLUTION = 60

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


def session_limits_start(session) -> None:
    """Start the clock of a new sign-in (core.auth's user_logged_in receiver)."""
    now = int(time.time())
    session[SESSION_STARTED_KEY] = now
    session[SESSION_SEEN_KEY] = now


class SessionLimitsMiddleware:
    """Sign a person out SESSION_IDLE_TIMEOUT after their last request or SESSION_COOKIE_AGE after signing in.

    Django's own session expiry is sliding only when the session is saved on every request, and never absolute: a
    clerk who works on would stay signed in for ever, and SESSION_COOKIE_AGE alone (14 days by default) keeps a
    forgotten session on a shared office computer alive for weeks. Sessions without a start time (from before
    these limits) end at once. Requests without a session cookie are not looked at, so anonymous pages stay
    free of `Vary: Cookie`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            self._check(request)
        return self.get_response(request)

    def _check(self, request):
        session = request.session
        now = int(time.time())
        started = session.get(SESSION_STARTED_KEY)
        seen = session.get(SESSION_SEEN_KEY, started)
        if started is None or now - started >= settings.SESSION_COOKIE_AGE:
            reason = "absolute"
        elif now - seen >= settings.SESSION_IDLE_TIMEOUT:
            reason = "idle"
        else:
            if now - seen >= SESSION_SEEN_RESOLUTION:
                session[SESSION_SEEN_KEY] = now
            return
        user_id = request.user.pk
        logout(request)
        logger.info("event=session_expired user=%s reason=%s", user_id, reason)
        if reason == "idle":
            minutes = settings.SESSION_IDLE_TIMEOUT // 60
            text = ngettext(
                "You were signed out after %(minutes)d minute without activity. Sign in again.",
                "You were signed out after %(minutes)d minutes without activity. Sign in again.",
                minutes,
            ) % {"minutes": minutes}
        else:
            hours = settings.SESSION_COOKIE_AGE // 3600
            text = ngettext(
                "You were signed out %(hours)d hour after signing in. Sign in again.",
                "You were signed out %(hours)d hours after signing in. Sign in again.",
                hours,
            ) % {"hours": hours}
        messages.info(request, text)


class RetryAfterMiddleware:
    """Every 429 of the portal says when to try again (Retry-After, RFC 9110 section 10.2.3).

    The seconds come from the limit that refused the request: the rest of the public forms' window
    (`request.rate_limit_retry_after`, set by core.public_forms.rate_limit_exceeded) or the login cool-off (set
    by core.auth.lockout_response itself); a 429 from elsewhere gets the whole window.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 429 and "Retry-After" not in response:
            retry_after = getattr(request, "rate_limit_retry_after", settings.PUBLIC_FORM_RATE_WINDOW)
            response["Retry-After"] = str(retry_after)
        return response
