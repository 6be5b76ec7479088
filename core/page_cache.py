"""The anonymous page cache: a public page rendered once is served to every anonymous reader from the shared cache.

A public page is the same for every reader without a session: the events list, an event, a release, the register,
the grant calls. `AnonymousPageCacheMiddleware` keeps each such response (status, headers and body) in the cache
named by PAGE_CACHE_ALIAS (Redis in production, shared by every worker and node) and serves it again without a
view, a template or a query. What decides a page is in its key: the scheme, the host, the language (Polish at "/",
English under "/en/", both from the path: LocaleMiddleware reads no header or cookie for a path of the site) and
the path with its query string. The design, what is never cached and the nginx side: docs/page-cache.md.

Invalidation has two halves:

- **Changes.** Apps register the models their public pages show (`register_public_models`); any save or delete of
  one, or a change of its many-to-many links, bumps the site-wide generation when the transaction commits (not
  before: a page rendered between the write and the commit would be kept under the new generation with the old
  data). The generation is part of every key, so every page is rendered afresh after a publication, a
  cancellation, an edit, a new register entry. Writes that bypass signals (`QuerySet.update()`) call
  `bump_generation()` themselves or rely on the lifetime below.
- **Time.** Apps register when their pages change by the clock alone (`register_schedule`): a release's embargo,
  an event scheduled for later, a call's deadline. The soonest such moment bounds every entry's lifetime, and the
  first request after it bumps the generation, so an embargoed release shows the moment its embargo passes. Local
  midnight is one such moment ("today", "this weekend"). Everything else that moves with the clock (a date of an
  event that has ended) shows for at most PAGE_CACHE_SECONDS.

Never cached nor served from the cache: a request other than GET or HEAD, a request with a session or messages
cookie (a signed-in clerk, a visitor with a flash message) or an Authorization header, a private link (every route
of core.logging.PRIVATE_TOKEN_ROUTES), the admin, and any response that is not a plain 200, sets a cookie, says
`private`, `no-store` or `no-cache`, varies on anything but the language, used the CSRF token (a form), touched the
session, or put the CSP nonce in its HTML.
"""

import hashlib
import logging
import re
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_max_age, patch_cache_control
from django.utils.translation import get_language

from core.logging import LANGUAGE_PREFIX, PRIVATE_TOKEN_ROUTES
from core.public_information import carry_view

logger = logging.getLogger("core.page_cache")

GENERATION_KEY = "page-cache:generation"
SCHEDULE_KEY = "page-cache:schedule"
ENTRY_KEY_PREFIX = "page-cache:page:"
# A query string longer than this is nobody's link: it is served, not kept (no cache filled with junk parameters).
MAX_QUERY_STRING = 512
# The one header a public page may vary on: the language, which the path decides (LocaleMiddleware adds it to
# the Polish pages at "/" although it reads no Accept-Language there).
ALLOWED_VARY = {"accept-language"}
REFUSING_CACHE_CONTROL = {"private", "no-store", "no-cache"}
_HEADER_LIST = re.compile(r"\s*,\s*")

_public_models: set[str] = set()
_public_apps: dict[str, frozenset[str]] = {}
_schedules: list[Callable[[datetime], datetime | None]] = []


# REGISTRY
# ------------------------------------------------------------------------------
def register_public_models(*labels: str, whole_app: str | None = None, except_models: tuple[str, ...] = ()) -> None:
    """Declare the models whose saves and deletes change public pages ("events.event", lower case).

    `whole_app="grants"` registers every model of an app at once (its history models included), except the
    `except_models` that public pages never show (drafts saved while someone types).
    """
    _public_models.update(label.lower() for label in labels)
    if whole_app:
        _public_apps[whole_app] = frozenset(label.lower() for label in except_models)


def register_schedule(next_change: Callable[[datetime], datetime | None]) -> None:
    """Declare when public pages change by the clock alone: `next_change(now)` returns the soonest moment after
    `now` at which something appears or goes (an embargo, a scheduled publication, a deadline), or None."""
    _schedules.append(next_change)


def is_public_model(model) -> bool:
    meta = model._meta
    if meta.label_lower in _public_models:
        return True
    excluded = _public_apps.get(meta.app_label)
    return excluded is not None and meta.label_lower not in excluded


def next_local_midnight(now: datetime) -> datetime:
    """Pages that say "today" or "this weekend" change at midnight in Ruda Śląska."""
    tomorrow = timezone.localtime(now).date() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, datetime.min.time()))


register_schedule(next_local_midnight)


# GENERATION
# ------------------------------------------------------------------------------
def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def generation() -> int:
    """The current site-wide generation; a lost one (evicted, Redis emptied) starts again at a random number, so
    no page kept under an older generation comes back."""
    cache = page_cache()
    current = cache.get(GENERATION_KEY)
    if current is None:
        cache.add(GENERATION_KEY, secrets.randbits(48), timeout=None)
        current = cache.get(GENERATION_KEY)
    return current


def bump_generation() -> None:
    """Make every kept page stale at once (after a commit that changed what public pages show)."""
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet: the first one is new anyway
        cache.add(GENERATION_KEY, secrets.randbits(48), timeout=None)


def _bump_on_commit(sender, instance=None, action=None, **kwargs):
    if action is not None and not action.startswith("post_"):  # m2m_changed: once, after the links changed
        return
    model = type(instance) if instance is not None else sender
    if is_public_model(model) or is_public_model(sender):
        transaction.on_commit(bump_generation, using=kwargs.get("using"))


def connect_signals() -> None:
    """Connect the receivers once (CoreConfig.ready): one set lookup per save of any model."""
    post_save.connect(_bump_on_commit, dispatch_uid="core.page_cache.save")
    post_delete.connect(_bump_on_commit, dispatch_uid="core.page_cache.delete")
    m2m_changed.connect(_bump_on_commit, dispatch_uid="core.page_cache.m2m")


def next_scheduled_change(now: datetime) -> datetime:
    """The soonest registered moment after `now` when a public page changes by the clock."""
    moments = [moment for schedule in _schedules if (moment := schedule(now)) is not None and moment > now]
    return min(moments)


def current_state(now: datetime) -> tuple[int, float]:
    """(generation, Unix time until which a page kept now stays right), bumping the generation when a scheduled
    moment has passed. The schedule is read from the database only when the generation changed."""
    cache = page_cache()
    found = cache.get_many([GENERATION_KEY, SCHEDULE_KEY])
    current = found.get(GENERATION_KEY)
    if current is None:
        current = generation()
    schedule = found.get(SCHEDULE_KEY)
    now_ts = now.timestamp()
    if schedule is not None and schedule[0] == current and schedule[1] <= now_ts:
        if not cache.add(f"{SCHEDULE_KEY}:passed:{current}", 1, timeout=60):
            # Another request is bumping it: this one serves nothing kept and keeps nothing (the moment has passed).
            return current, schedule[1]
        bump_generation()
        current = generation()
        schedule = None
    if schedule is None or schedule[0] != current:
        # Tagged with the generation read before the queries: a commit in between makes the next request ask again.
        schedule = (current, next_scheduled_change(now).timestamp())
        cache.set(SCHEDULE_KEY, schedule, timeout=None)
    return current, schedule[1]


# MIDDLEWARE
# ------------------------------------------------------------------------------
def _private_path_regex():
    # The whole prefix, the fixed pages beside the tokens too ("sprawy/przyjeto/"): nothing there is worth the risk.
    routes = "|".join(re.escape(prefix) for prefix in PRIVATE_TOKEN_ROUTES)
    return re.compile(rf"^{LANGUAGE_PREFIX}/(?:{routes})")


_PRIVATE_PATH = _private_path_regex()


def request_may_use_cache(request) -> bool:
    """Whether the request is an anonymous reader's plain read of a public page."""
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
        return False
    path = request.path_info
    if _PRIVATE_PATH.match(path) or path.startswith("/" + settings.ADMIN_URL):
        return False
    return True


def made_for_this_reader(request) -> bool:
    """Whether the response holds something of this reader: a form's CSRF token (of their cookie), something of
    their session (a message, a kept upload) or the CSP nonce in its HTML."""
    if request.META.get("CSRF_COOKIE_USED"):
        return True
    session = getattr(request, "session", None)
    if session is not None and session.accessed:
        return True
    return bool(getattr(request, "_csp_nonce", None))


def response_may_be_kept(request, response) -> bool:
    """Whether the response is the same for every anonymous reader and carries nothing of this request."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or getattr(response, "page_cache_exempt", False) or made_for_this_reader(request):
        return False
    cache_control = {part.split("=")[0].lower() for part in _HEADER_LIST.split(response.get("Cache-Control", ""))}
    if cache_control & REFUSING_CACHE_CONTROL or get_max_age(response) == 0:
        return False
    vary = {header.lower() for header in _HEADER_LIST.split(response.get("Vary", "").strip()) if header}
    if vary - ALLOWED_VARY:
        return False
    return len(response.content) <= settings.PAGE_CACHE_MAX_BYTES


def _degraded(cache) -> bool:
    """Redis cannot be reached and each process answers from its own memory (core/cache.py): a commit in one process
    would not reach the generation the others read, so no page is kept or served until Redis is back."""
    degraded = getattr(cache, "degraded", None)
    return degraded is not None and degraded()


def entry_key(request, current_generation: int) -> str:
    identity = "\n".join(
        (
            str(current_generation),
            request.scheme,
            request.get_host(),
            get_language() or "",
            request.get_full_path(),
        )
    )
    return ENTRY_KEY_PREFIX + hashlib.sha256(identity.encode()).hexdigest()


class AnonymousPageCacheMiddleware:
    """Serve anonymous readers' public pages from the shared cache, and keep the ones that may be kept.

    Sits after LocaleMiddleware (the language is known) and before CSRF, authentication and messages: a page
    from the cache costs neither. SecurityMiddleware, PermissionsPolicyMiddleware and the CSP middleware sit
    outside it, so every response from the cache gets the same security headers as a fresh one; the CSP is
    built afresh for it, and as no kept page used the nonce, it has none (docs/page-cache.md).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cache = page_cache()
        if not settings.PAGE_CACHE_ENABLED or not request_may_use_cache(request) or _degraded(cache):
            return self._mark(self._private_if_personal(request, self.get_response(request)), "bypass")
        now = timezone.now()
        current_generation, valid_until = current_state(now)
        key = entry_key(request, current_generation)
        entry = cache.get(key) if valid_until > now.timestamp() else None
        if entry is not None:
            headers, content = entry
            response = HttpResponse(content, status=200)
            for name, value in headers:
                response.headers[name] = value
            return self._mark(response, "hit")
        response = self.get_response(request)
        carry_view(request, response)  # the kept page still counts each view (core.public_information)
        lifetime = min(settings.PAGE_CACHE_SECONDS, int(valid_until - now.timestamp()))
        if lifetime > 0 and response_may_be_kept(request, response) and not _degraded(cache):
            cache.set(key, (list(response.items()), response.content), timeout=lifetime)
            return self._mark(response, "miss")
        return self._mark(self._private_if_personal(request, response), "bypass")

    @staticmethod
    def _private_if_personal(request, response):
        """A page made for one reader says so to every cache on the way (nginx, a proxy): a page with a form sets
        no cookie on a returning reader's visit, and without this header a shared cache could keep it, token and
        all, for the next reader."""
        if made_for_this_reader(request):
            patch_cache_control(response, private=True)
        return response

    @staticmethod
    def _mark(response, outcome: str):
        # Hits and misses are told in debug mode only: in production the header would tell who else reads what.
        if settings.DEBUG:
            response.headers["X-Page-Cache"] = outcome
        return response
