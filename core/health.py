"""Health of the portal, for the load balancer, monitoring and the operators (docs/operations.md, "Health").

Three endpoints, answered by `HealthCheckMiddleware` before any other middleware, so a probe needs no
allowed host name, no HTTPS, no session and no language:

- `/health/live/`  liveness: the process answers. Touches nothing else; a failure means "restart it".
- `/health/ready/` readiness of this node: the database answers, the cache stores and returns a value, both
  file storages (public media, private documents) are writable. The load balancer's check. Redis down while
  the cache falls back to per-process memory (core/cache.py) is "degraded": 200, the cache named as failing,
  because the node still serves and Redis is shared, so a 503 would take every node out of rotation at once.
- `/health/`       everything: the node's readiness (a degraded cache fails it), plus the outbox backlog
  (e-mails due long ago and not sent) and the task worker's last heartbeat. The monitoring's check. The last
  two concern the whole service, not this node, so the load balancer must not use this one: a stopped worker
  would take every node out of rotation.

Anyone gets the status code (200 or 503) and one word. Operators get every check by name with what it
found, as JSON: a request whose `X-Health-Token` header equals HEALTH_TOKEN, or one from an address in
HEALTH_ALLOWED_NETWORKS (this machine by default; behind nginx the address is the one nginx saw). Error
details name the kind of failure only (an exception class and its first line), never settings or data.
"""

import hmac
import ipaddress
import json
import logging
import os
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Count, Q
from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils import timezone

from core.cache import RedisUnreachable, RedisWithFallbackCache
from core.models import OutboxMessage, WorkerHeartbeat
from core.public_forms import client_ip

logger = logging.getLogger(__name__)

TOKEN_HEADER = "X-Health-Token"  # noqa: S105 - the name of a header, not a secret
# Storages whose directories the application must be able to write (STORAGES aliases).
WRITABLE_STORAGES = ("default", "private")
PROBE_DIRECTORY = "health-probe"
# Rows of workers that stopped this long ago are removed by the next heartbeat of any worker.
HEARTBEAT_KEEP = timedelta(days=7)


@dataclass(frozen=True)
class CheckResult:
    """What one check found: `ok` is None when it was not run (what it needs had failed).

    `degraded`: it failed, but the node still serves without it (the cache's per-process fallback).
    """

    name: str
    ok: bool | None
    detail: str
    degraded: bool = False


class Degraded(Exception):
    """A check failed, and the node works around it."""


def describe_error(error: BaseException) -> str:
    """The kind of a failure for an operator: the exception class and the first line of its message."""
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {message[:200]}" if message else type(error).__name__


def check_database() -> str:
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            (value,) = cursor.fetchone()
    except Exception:
        # A connection the server dropped would fail the next request too: start afresh.
        connection.close()
        raise
    if value != 1:
        raise RuntimeError("SELECT 1 did not return 1")
    return f"{connection.vendor} answers"


def check_cache() -> str:
    cache = caches["default"]
    if isinstance(cache, RedisWithFallbackCache):
        try:
            cache.ping()  # Redis itself, past the fallback
        except RedisUnreachable as error:
            raise Degraded(f"{describe_error(error.__cause__)}; per-process memory in use") from error
    key = f"health:{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex}"
    value = uuid.uuid4().hex
    cache.set(key, value, timeout=30)
    returned = cache.get(key)
    cache.delete(key)
    if returned != value:
        raise RuntimeError("a value stored in the cache did not come back")
    return "stores and returns a value"


def check_storage() -> str:
    for alias in WRITABLE_STORAGES:
        storage = storages[alias]
        name = storage.save(f"{PROBE_DIRECTORY}/{socket.gethostname()}-{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
        try:
            with storage.open(name) as probe:
                if probe.read() != b"ok":
                    raise RuntimeError(f"the {alias} storage returned other content than was written")
        finally:
            storage.delete(name)
    return "writable: " + ", ".join(WRITABLE_STORAGES)


def check_outbox() -> str:
    """Fails when an e-mail has been due for longer than HEALTH_OUTBOX_MAX_DELAY: nothing is sending.

    An SMTP outage alone does not fail it: each failed attempt sets the next one in the future (backoff),
    so the message is not overdue. It fails when neither the task worker nor the outbox timer runs.
    """
    limit = timezone.now() - settings.HEALTH_OUTBOX_MAX_DELAY
    due_long_ago = Q(next_attempt_at__lte=limit) | Q(next_attempt_at__isnull=True, created_at__lte=limit)
    counts = OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING).aggregate(
        waiting=Count("pk"), overdue=Count("pk", filter=due_long_ago), retrying=Count("pk", filter=Q(attempts__gt=0))
    )
    minutes = int(settings.HEALTH_OUTBOX_MAX_DELAY.total_seconds() // 60)
    detail = f"{counts['overdue']} due for more than {minutes} min, {counts['waiting']} waiting"
    detail += f" ({counts['retrying']} after a failed attempt)"
    if counts["overdue"]:
        raise RuntimeError(detail)
    return detail


def tasks_use_worker() -> bool:
    """Whether background tasks go to the database queue that `task_worker` works through."""
    return settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db.")


def check_worker() -> str:
    if not tasks_use_worker():
        return "not used: tasks run inside the request (DJANGO_TASKS_BACKEND)"
    now = timezone.now()
    silence = settings.HEALTH_WORKER_MAX_SILENCE
    latest = WorkerHeartbeat.objects.order_by("-beat_at").values_list("beat_at", flat=True).first()
    alive = WorkerHeartbeat.objects.filter(beat_at__gte=now - silence).count()
    if latest is None:
        raise RuntimeError("no task worker has ever written a heartbeat")
    age = int((now - latest).total_seconds())
    detail = f"last heartbeat {age} s ago, {alive} worker(s) within {int(silence.total_seconds())} s"
    if not alive:
        raise RuntimeError(detail)
    return detail


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[], str]
    # A check that reads the database is not run when the database check failed.
    needs_database: bool = False


NODE_CHECKS = (
    Check("database", check_database),
    Check("cache", check_cache),
    Check("storage", check_storage),
)
SERVICE_CHECKS = (
    Check("outbox", check_outbox, needs_database=True),
    Check("worker", check_worker, needs_database=True),
)


@dataclass(frozen=True)
class Endpoint:
    checks: tuple[Check, ...]
    # Whether a degraded check still answers 200 ("degraded"): for the load balancer, not for the monitoring.
    serves_degraded: bool = False


ENDPOINTS = {
    "/health/live/": Endpoint(()),
    "/health/ready/": Endpoint(NODE_CHECKS, serves_degraded=True),
    "/health/": Endpoint(NODE_CHECKS + SERVICE_CHECKS),
}


def run_checks(checks) -> list[CheckResult]:
    results = []
    database_ok = True
    for check in checks:
        if check.needs_database and not database_ok:
            results.append(CheckResult(check.name, None, "not checked: the database is unavailable"))
            continue
        try:
            detail = check.run()
        except Degraded as error:
            logger.warning("Health check %s degraded: %s", check.name, error)
            result = CheckResult(check.name, False, str(error), degraded=True)
        except Exception as error:
            # Operators see the kind of failure in the answer; the log keeps the whole story.
            logger.warning("Health check %s failed: %s", check.name, describe_error(error))
            result = CheckResult(check.name, False, describe_error(error))
        else:
            result = CheckResult(check.name, True, detail)
        if check.name == "database":
            database_ok = bool(result.ok)
        results.append(result)
    return results


def is_operator(request) -> bool:
    """A request carrying the operators' token, or coming from an allowed network."""
    token = settings.HEALTH_TOKEN
    sent = request.headers.get(TOKEN_HEADER, "")
    if token and sent and hmac.compare_digest(token.encode(), sent.encode()):
        return True
    try:
        address = ipaddress.ip_address(client_ip(request))
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(network, strict=False) for network in settings.HEALTH_ALLOWED_NETWORKS)


def health_response(request, endpoint: Endpoint) -> HttpResponse:
    results = run_checks(endpoint.checks)
    failing = [result.name for result in results if result.ok is False]
    degraded = [result.name for result in results if result.ok is False and result.degraded]
    serving = not failing or (endpoint.serves_degraded and failing == degraded)
    status = 200 if serving else 503
    word = "ok" if not failing else "degraded" if serving else "unavailable"
    if is_operator(request):
        body = {
            "status": "fail" if word == "unavailable" else word,
            "failing": failing,
            "degraded": degraded,
            "checks": {result.name: {"ok": result.ok, "detail": result.detail} for result in results},
        }
        response = HttpResponse(json.dumps(body, indent=2) + "\n", status=status, content_type="application/json")
    else:
        response = HttpResponse(f"{word}\n", status=status, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Vary"] = TOKEN_HEADER
    return response


class HealthCheckMiddleware:
    """Answers the health endpoints first, before host validation, HTTPS redirects, sessions or languages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        endpoint = ENDPOINTS.get(request.path_info)
        if endpoint is None:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return health_response(request, endpoint)


def worker_heartbeat(*, worker_id: str, started_at, now=None) -> WorkerHeartbeat:
    """Record that the task worker `worker_id` is alive now; forget workers silent for HEARTBEAT_KEEP."""
    now = now or timezone.now()
    heartbeat, _created = WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"beat_at": now},
        create_defaults={
            "beat_at": now,
            "started_at": started_at,
            "hostname": socket.gethostname(),
            "pid": os.getpid(),
        },
    )
    WorkerHeartbeat.objects.filter(beat_at__lt=now - HEARTBEAT_KEEP).delete()
    return heartbeat
