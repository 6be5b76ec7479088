"""The shared cache (Redis), with each process carrying on in its own memory while Redis cannot be reached.

Production points CACHE_URL at one Redis shared by every worker: the public forms' rate limits, the clerks'
login throttling (django-axes), the error-mail limits and a few short-lived page fragments live there. When
Redis stops answering, a plain Django Redis cache raises on every call and every public form and every clerk
sign-in ends in a server error. This backend answers from a per-process memory cache instead, so:

- the rate limits and the login lockout keep counting, per process: with N web workers a client gets up to N
  times the limit before every process refuses it, never an unlimited number;
- nothing is lost that matters: the cache holds counters and copies only, never data of record;
- after a failure Redis is not asked again for RETRY_SECONDS, so an unanswering Redis (a timeout, not a refused
  connection) costs one request at most SOCKET_TIMEOUT seconds per interval, not every request;
- each outage is logged once per process as a warning (`event=cache_unavailable`), and its end as
  `event=cache_available`; `/health/` fails and `/health/ready/` says "degraded" (core/health.py).

Why a fallback and not failing closed: docs/operations.md, "When Redis is down".
"""

import hashlib
import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import AuthenticationError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("core.cache")

# The failures that mean "Redis cannot be reached" (refused, reset, DNS, timeout, still loading its data).
# Anything else (a wrong password, a full memory) is a configuration fault and still raises.
UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
MISCONFIGURED = (AuthenticationError,)  # redis-py derives it from ConnectionError


class RedisUnreachable(Exception):
    """Redis cannot be reached; the cache serves from per-process memory. The cause is the redis-py error."""


RETRY_SECONDS = 10
# Time limits of a connection and of a command when CACHE_URL names none: Redis on another server that stops
# answering must not hold a request for the operating system's TCP timeout.
SOCKET_TIMEOUT = 2
FALLBACK_MAX_ENTRIES = 10_000

# Per process, shared by its threads (Django keeps one cache object per thread): monotonic time until which
# Redis at a location is not asked, by location digest.
_outages: dict[str, float] = {}
_outages_lock = threading.Lock()


class RedisWithFallbackCache(RedisCache):
    """Django's Redis cache that falls back to per-process memory while Redis cannot be reached."""

    def __init__(self, server, params):
        options = {"socket_connect_timeout": SOCKET_TIMEOUT, "socket_timeout": SOCKET_TIMEOUT}
        options.update(params.get("OPTIONS", {}))
        super().__init__(server, {**params, "OPTIONS": options})
        # A digest, not the location itself: the URL may hold Redis's password.
        self._location_id = hashlib.sha256(repr(self._servers).encode()).hexdigest()[:16]
        fallback_params = {key: value for key, value in params.items() if key not in ("OPTIONS", "LOCATION")}
        self._fallback = LocMemCache(
            f"redis-fallback-{self._location_id}",
            {**fallback_params, "OPTIONS": {"MAX_ENTRIES": FALLBACK_MAX_ENTRIES}},
        )

    def ping(self) -> None:
        """Ask Redis itself, past the fallback (for the health check).

        Raises RedisUnreachable when it cannot be reached, and any other error of Redis as it is.
        """
        try:
            self._cache.get_client(write=True).ping()
        except MISCONFIGURED:
            raise
        except UNREACHABLE as error:
            raise RedisUnreachable(str(error)) from error
        # Back: the next operation goes to Redis at once rather than after the rest of the pause.
        self._redis_answered()

    def degraded(self) -> bool:
        """Whether operations answer from per-process memory now (Redis failed less than RETRY_SECONDS ago)."""
        return self._redis_paused()

    def _redis_paused(self) -> bool:
        with _outages_lock:
            until = _outages.get(self._location_id)
        return until is not None and time.monotonic() < until

    def _redis_failed(self, error: Exception) -> None:
        with _outages_lock:
            ongoing = self._location_id in _outages
            _outages[self._location_id] = time.monotonic() + RETRY_SECONDS
        if not ongoing:
            logger.warning(
                "event=cache_unavailable error=%s fallback=per_process_memory retry_every=%ss",
                type(error).__name__,
                RETRY_SECONDS,
            )

    def _redis_answered(self) -> None:
        if self._location_id not in _outages:
            return
        with _outages_lock:
            ended = _outages.pop(self._location_id, None) is not None
        if ended:
            logger.info("event=cache_available")


def _with_fallback(name):
    redis_method = getattr(RedisCache, name)

    def method(self, *args, **kwargs):
        if not self._redis_paused():
            try:
                result = redis_method(self, *args, **kwargs)
            except MISCONFIGURED:
                raise
            except UNREACHABLE as error:
                self._redis_failed(error)
            else:
                self._redis_answered()
                return result
        return getattr(self._fallback, name)(*args, **kwargs)

    method.__name__ = name
    method.__qualname__ = f"RedisWithFallbackCache.{name}"
    method.__doc__ = redis_method.__doc__
    return method


# Every operation RedisCache implements itself; the rest of BaseCache (get_or_set, decr, the async variants, …)
# is built on these.
for _name in (
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "has_key",
    "incr",
    "set_many",
    "delete_many",
    "clear",
):
    setattr(RedisWithFallbackCache, _name, _with_fallback(_name))
