"""Where the portal's errors go: a self-hosted Sentry-compatible service, or the administrators' mailbox.

With SENTRY_DSN set, `sentry_init` starts sentry-sdk without personal data: `send_default_pii` off (its
successor `data_collection`: no user, cookies, bodies, query strings, SQL values or local variables), no
performance traces, and every event and breadcrumb passes `scrub_event`, which masks private-link tokens
(core.logging.PRIVATE_TOKEN_ROUTES: `/sprawy/<token>/`, …), PESEL numbers and e-mail addresses wherever they
appear and drops cookies, client addresses, the user and the secret headers.

Without it, `OutboxErrorMailHandler` mails ERROR log records (a 500 among them) to DJANGO_ADMINS through the
outbox, scrubbed the same way and rate-limited: one mail per kind of error per ERROR_MAIL_SAME_ERROR_INTERVAL,
at most ERROR_MAIL_MAX_PER_HOUR in all, so an outage does not bury the mailbox (the rest stays in the journal).
"""

import hashlib
import logging
import re
import socket
import sys
import threading
import time
import traceback
from datetime import timedelta

from core.logging import mask_private_tokens

# A PESEL is 11 digits; any run of exactly 11 digits standing alone is masked, a valid checksum or not (a typo is
# still personal data). Inside a longer word (a commit hash, an identifier) it is not a PESEL.
PESEL = re.compile(r"(?<![0-9A-Za-z])\d{11}(?![0-9A-Za-z])")
EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PESEL_MASK = "[PESEL]"
EMAIL_MASK = "[e-mail]"
# Request headers that carry secrets or identify the client: never sent.
DROPPED_HEADERS = {"cookie", "authorization", "x-health-token", "x-forwarded-for", "x-real-ip", "forwarded"}
# A value under a key containing one of these is replaced whole, whatever it looks like.
SECRET_KEYS = ("pesel", "password", "passwd", "secret", "token", "csrf", "session", "email", "e_mail", "phone")
FILTERED = "[Filtered]"

ERROR_MAIL_SAME_ERROR_INTERVAL = timedelta(minutes=15)
ERROR_MAIL_MAX_PER_HOUR = 10


def scrub_text(value: str) -> str:
    """`value` with tracking tokens, PESEL numbers and e-mail addresses masked."""
    value = mask_private_tokens(value)
    value = EMAIL_ADDRESS.sub(EMAIL_MASK, value)
    return PESEL.sub(PESEL_MASK, value)


def is_secret_key(key) -> bool:
    return isinstance(key, str) and any(secret in key.lower() for secret in SECRET_KEYS)


def scrub(value):
    """`value` (an event, or any part of it) with every string scrubbed, keys included."""
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, dict):
        return {
            scrub(key): FILTERED
            if isinstance(key, str) and any(s in key.lower() for s in SECRET_KEYS)
            else scrub(item)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return type(value)(scrub(item) for item in value)
    return value


def scrub_event(event, hint=None):
    """sentry-sdk's before_send: the event without personal data, tokens or client identity."""
    event = scrub(event)
    event.pop("user", None)
    event.pop("server_name", None)
    request = event.get("request")
    if isinstance(request, dict):
        request.pop("cookies", None)
        request.pop("data", None)
        request.pop("env", None)
        headers = request.get("headers")
        if isinstance(headers, dict):
            request["headers"] = {name: item for name, item in headers.items() if name.lower() not in DROPPED_HEADERS}
    return event


def scrub_breadcrumb(crumb, hint=None):
    return scrub(crumb)


def sentry_init(*, dsn: str, environment: str, release: str | None = None, transport=None):
    """Start error tracking to the service at `dsn` (a self-hosted Sentry or a compatible one, e.g. GlitchTip).

    `transport` replaces the network connection (tests).
    """
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration
    from sentry_sdk.integrations.logging import LoggingIntegration

    options = {
        "dsn": dsn,
        "environment": environment,
        "release": release,
        # send_default_pii stays unset, i.e. off: sentry-sdk 2.7x deprecates the option in favour of
        # data_collection, which says the same per kind of data, and more strictly.
        "data_collection": {
            "user_info": False,
            "cookies": {"mode": "off"},
            "http_headers": {"request": {"mode": "denylist", "terms": sorted(DROPPED_HEADERS)}},
            "http_bodies": [],
            "url_query_params": {"mode": "off"},
            "graphql": {"document": False, "variables": False},
            "gen_ai": {"inputs": False, "outputs": False},
            "database_query_data": False,
            "queues": False,
            "stack_frame_variables": False,
        },
        "max_request_body_size": "never",
        "traces_sample_rate": 0.0,
        "before_send": scrub_event,
        "before_breadcrumb": scrub_breadcrumb,
        "integrations": [DjangoIntegration(), LoggingIntegration(level=logging.INFO, event_level=logging.ERROR)],
    }
    if transport is not None:
        options["transport"] = transport
    sentry_sdk.init(**options)


class _LocalLimiter:
    """The rate limit when the shared cache cannot be reached (Redis down): per process."""

    def __init__(self):
        self.lock = threading.Lock()
        self.last_sent: dict[str, float] = {}
        self.hour = 0
        self.sent_this_hour = 0

    def allow(self, signature: str, now: float) -> bool:
        with self.lock:
            if now - self.last_sent.get(signature, -1e12) < ERROR_MAIL_SAME_ERROR_INTERVAL.total_seconds():
                return False
            hour = int(now // 3600)
            if hour != self.hour:
                self.hour, self.sent_this_hour = hour, 0
            if self.sent_this_hour >= ERROR_MAIL_MAX_PER_HOUR:
                return False
            self.last_sent[signature] = now
            self.sent_this_hour += 1
            return True


_local_limiter = _LocalLimiter()
_emitting = threading.local()


def error_signature(record: logging.LogRecord) -> str:
    """What makes two errors "the same": where they were logged and the kind of exception."""
    kind = record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else ""
    return hashlib.sha256(f"{record.name}:{record.pathname}:{record.lineno}:{kind}".encode()).hexdigest()[:24]


def error_mail_allowed(signature: str, now: float | None = None) -> bool:
    """Count one error mail of kind `signature`; False when it is over the limits (shared by all processes)."""
    from django.core.cache import cache

    now = time.time() if now is None else now
    same_for = int(ERROR_MAIL_SAME_ERROR_INTERVAL.total_seconds())
    try:
        if not cache.add(f"error-mail:same:{signature}", 1, timeout=same_for):
            return False
        hour_key = f"error-mail:hour:{int(now // 3600)}"
        cache.add(hour_key, 0, timeout=3700)
        return cache.incr(hour_key) <= ERROR_MAIL_MAX_PER_HOUR
    except Exception:  # the cache (Redis) is down: limit per process instead of mailing every error
        return _local_limiter.allow(signature, now)


class OutboxErrorMailHandler(logging.Handler):
    """Mail ERROR records to settings.ADMINS through the outbox, scrubbed and rate-limited.

    Never raises and never recurses: a failure to queue the mail (the database is down) is written to stderr in
    one line, and the record itself still reaches the other handlers (the journal).
    """

    def __init__(self):
        super().__init__(level=logging.ERROR)

    def emit(self, record):
        if getattr(_emitting, "active", False):
            return
        _emitting.active = True
        try:
            self._send(record)
        except Exception as error:
            sys.stderr.write(f"Error mail not queued: {type(error).__name__}\n")
        finally:
            _emitting.active = False

    def _send(self, record):
        from django.conf import settings
        from django.utils import timezone, translation

        from core.mail import mail_enqueue

        if not settings.ADMINS or not error_mail_allowed(error_signature(record)):
            return
        request = getattr(record, "request", None)
        exception = ""
        trace = ""
        if record.exc_info and record.exc_info[0]:
            exception = scrub_text("".join(traceback.format_exception_only(*record.exc_info[:2])).strip())
            trace = scrub_text("".join(traceback.format_exception(*record.exc_info)))
        context = {
            "when": timezone.localtime(),
            "host": socket.gethostname(),
            "logger": record.name,
            "level": record.levelname,
            "message": scrub_text(record.getMessage())[:2000],
            "request_line": f"{request.method} {scrub_text(request.path)}" if request is not None else "",
            "exception": exception[:2000],
            "traceback": trace[-20000:],
            "minutes": int(ERROR_MAIL_SAME_ERROR_INTERVAL.total_seconds() // 60),
            "per_hour": ERROR_MAIL_MAX_PER_HOUR,
        }
        with translation.override(settings.LANGUAGE_CODE):
            subject = f"[portal] {record.levelname}: {exception.splitlines()[-1] if exception else context['message']}"
            mail_enqueue(to=list(settings.ADMINS), subject=subject, template="error_report", context=context)
