"""Every 429 says when to try again: Retry-After on the public forms' rate limit, the clerks' login lockout and
nginx's own limit. Issue 13, point 10."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from django.conf import settings

from tests.core.test_clerk_auth import USERNAME, sign_in
from tests.core.test_settings import PRODUCTION_ENV, run_manage
from tests.helpers import public_form_data

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_the_public_forms_429_names_the_seconds_until_the_window_ends(client):
    window = settings.PUBLIC_FORM_RATE_WINDOW
    window_start = datetime.fromtimestamp((datetime(2026, 12, 7, 10, tzinfo=UTC).timestamp() // window) * window, UTC)
    with time_machine.travel(window_start + timedelta(seconds=100), tick=False):
        statuses = []
        for n in range(settings.PUBLIC_FORM_RATE_LIMIT + 1):
            response = client.post("/opinia/", public_form_data(message=f"Opinia {n}"))
            statuses.append(response.status_code)

    assert statuses[-1] == 429
    assert response["Retry-After"] == str(window - 100)


def test_the_login_lockout_names_the_cool_off(client, make_clerk):
    make_clerk(username=USERNAME)
    for _attempt in range(6):
        response = sign_in(client, USERNAME, "nie-to-haslo-123")

    assert response.status_code == 429
    assert response["Retry-After"] == str(int(settings.AXES_COOLOFF_TIME.total_seconds()))


def test_nginx_answers_its_own_429_with_retry_after():
    conf = (ROOT / "deploy/nginx/portal.conf").read_text()
    assert "error_page 429 @portal_too_many_requests;" in conf
    location = conf.split("location @portal_too_many_requests {", 1)[1].split("}", 1)[0]
    assert "add_header Retry-After 60 always;" in location
    assert "return 429" in location


def test_the_documented_cool_off_variable_sets_the_lockout_and_its_retry_after():
    """DJANGO_LOGIN_COOLOFF_MINUTES (docs/deployment.md) is read, so Retry-After follows what the operator set."""
    code = "from django.conf import settings; print(int(settings.AXES_COOLOFF_TIME.total_seconds()))"
    result = run_manage(
        "shell", "--no-imports", "-c", code, env_overrides={**PRODUCTION_ENV, "DJANGO_LOGIN_COOLOFF_MINUTES": "30"}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1800"
