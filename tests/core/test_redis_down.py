"""Redis down: public forms and the clerks' sign-in keep working, the limits keep counting per process, the
operators are told (core/cache.py, core/health.py, docs/operations.md "When Redis is down"). Issue 13, point 12.

Redis is an outside service: it is "down" here because the cache points at a port nothing listens on.
"""

import json
import logging
import socket

import pytest
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.models import Feedback
from tests.conftest import CLERK_PASSWORD
from tests.core.test_clerk_auth import code_for, sign_in
from tests.core.test_settings import PRODUCTION_ENV, run_manage
from tests.helpers import public_form_data

OUTSIDE = {"HTTP_X_FORWARDED_FOR": "203.0.113.7"}
USERNAME = "m.nowak"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_down(settings):
    """The production cache (CACHE_URL=redis://…, culture_dept/settings.py) with nothing listening.

    A new port per test is a new location: its own per-process memory and its own outage, as a fresh process.
    """
    location = f"redis://127.0.0.1:{closed_port()}/0"
    settings.CACHES = {
        "default": {"BACKEND": "core.cache.RedisWithFallbackCache", "LOCATION": location},
        "pages": {"BACKEND": "core.cache.RedisWithFallbackCache", "LOCATION": location, "KEY_PREFIX": "pages"},
    }
    # Axes keeps the cache it was started with; start it again, as a process started with this CACHE_URL would.
    AxesProxyHandler.implementation = None
    yield
    caches["default"].clear()
    caches["pages"].clear()
    AxesProxyHandler.implementation = None


def test_production_settings_give_redis_the_fallback():
    """CACHE_URL=redis://… selects the cache that falls back (the one the fixture above points at a closed port)."""
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    result = run_manage("shell", "--no-imports", "-c", code, env_overrides=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "core.cache.RedisWithFallbackCache"


@pytest.mark.django_db
def test_a_public_form_is_accepted_and_its_rate_limit_still_counts(client, redis_down, caplog):
    caplog.set_level(logging.INFO, logger="core.cache")
    limit = settings.PUBLIC_FORM_RATE_LIMIT

    statuses = [
        client.post("/opinia/", public_form_data(message=f"Opinia {n}"), **OUTSIDE).status_code
        for n in range(limit + 1)
    ]

    assert statuses == [302] * limit + [429]
    assert Feedback.objects.count() == limit
    # One warning for the operators, not one per request.
    warnings = [r.getMessage() for r in caplog.records if r.name == "core.cache" and r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert warnings[0].startswith("event=cache_unavailable error=ConnectionError")


@pytest.mark.django_db
def test_a_clerk_signs_in_and_the_lockout_still_counts(client, make_clerk, redis_down):
    clerk = make_clerk(username=USERNAME)
    device = TOTPDevice.objects.get(user=clerk)

    response = sign_in(client, USERNAME, CLERK_PASSWORD, token=code_for(device))

    assert response.status_code == 302
    assert response.url == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200
    client.logout()
    statuses = [sign_in(client, USERNAME, "nie-to-haslo-123").status_code for _attempt in range(6)]
    assert statuses == [200] * 5 + [429]


@pytest.mark.django_db
def test_readiness_says_degraded_and_the_full_check_fails(client, redis_down):
    """The node still serves, so the load balancer keeps it; the monitoring's check fails and names the cache."""
    public = client.get("/health/ready/", **OUTSIDE)
    assert public.status_code == 200
    assert public.content == b"degraded\n"

    ready = json.loads(client.get("/health/ready/").content)
    assert ready["status"] == "degraded"
    assert ready["failing"] == ready["degraded"] == ["cache"]
    assert ready["checks"]["cache"]["detail"].startswith("ConnectionError")
    assert ready["checks"]["cache"]["detail"].endswith("per-process memory in use")

    full = client.get("/health/")
    assert full.status_code == 503
    assert json.loads(full.content)["status"] == "fail"
    assert client.get("/health/", **OUTSIDE).content == b"unavailable\n"


@pytest.mark.django_db
def test_public_pages_are_rendered_for_every_reader_while_the_page_cache_stands_aside(client, redis_down, settings):
    """Each process would keep pages in its own memory, where another's commit cannot end them: none are kept."""
    settings.PAGE_CACHE_ENABLED = True
    client.get("/wydarzenia/")

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/wydarzenia/")

    assert response.status_code == 200
    assert len(queries) > 0
