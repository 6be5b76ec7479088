"""A clerk's session ends 30 minutes after the last request and 9 hours after signing in, whichever comes first
(core.middleware.SessionLimitsMiddleware). Issue 13, point 10. The clock is frozen and moved (time-machine)."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

MORNING = datetime(2026, 12, 7, 7, 30, tzinfo=UTC)


@pytest.fixture
def clock():
    with time_machine.travel(MORNING, tick=False) as traveller:
        yield traveller


def admin_index(client):
    return client.get(reverse("admin:index"))


def test_the_limits_are_a_working_day_and_half_an_hour(settings):
    assert settings.SESSION_COOKIE_AGE == 9 * 3600
    assert settings.SESSION_IDLE_TIMEOUT == 30 * 60


def test_half_an_hour_without_a_request_signs_the_clerk_out(clock, clerk_client):
    client = clerk_client()
    assert admin_index(client).status_code == 200
    for _pause in range(4):  # two hours of work, a request every 29 minutes
        clock.shift(timedelta(minutes=29))
        assert admin_index(client).status_code == 200

    clock.shift(timedelta(minutes=30))
    response = admin_index(client)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert SESSION_KEY not in client.session
    page = client.get(response["Location"]).content.decode()
    assert "Wylogowano Cię po 30 minutach bezczynności. Zaloguj się ponownie." in page


def test_nine_hours_after_signing_in_the_session_ends_however_busy(clock, clerk_client):
    client = clerk_client()
    for _step in range(9 * 3 - 1):  # a request every 20 minutes until 8 h 40 min
        assert admin_index(client).status_code == 200
        clock.shift(timedelta(minutes=20))
    assert admin_index(client).status_code == 200

    clock.shift(timedelta(minutes=20))
    response = admin_index(client)

    assert response.status_code == 302
    assert SESSION_KEY not in client.session
    page = client.get(response["Location"]).content.decode()
    assert "Wylogowano Cię 9 godzin po zalogowaniu. Zaloguj się ponownie." in page


def test_anonymous_pages_do_not_open_the_session(client, db):
    """Public pages stay cacheable: no session read, so no `Vary: Cookie`."""
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="pl"' in response.content.decode()
    assert "Cookie" not in response.get("Vary", "")
