"""Session and CSRF cookies carry the __Host- prefix in production (Secure, Path=/, no Domain), and plain names in
debug mode, where runserver speaks plain HTTP. Issue 13, point 10."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import CLERK_PASSWORD
from tests.core.test_clerk_auth import code_for
from tests.core.test_settings import PRODUCTION_ENV, run_manage

SHOW_COOKIE_SETTINGS = (
    "from django.conf import settings as s; "
    "print(s.SESSION_COOKIE_NAME, s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_PATH, s.SESSION_COOKIE_DOMAIN, "
    "s.CSRF_COOKIE_NAME, s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_PATH, s.CSRF_COOKIE_DOMAIN)"
)


def cookie_settings(**overrides):
    result = run_manage(
        "shell", "--no-imports", "-c", SHOW_COOKIE_SETTINGS, env_overrides={**PRODUCTION_ENV, **overrides}
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_production_cookies_have_the_host_prefix_and_what_it_requires():
    assert cookie_settings() == ["__Host-sessionid", "True", "/", "None", "__Host-csrftoken", "True", "/", "None"]


def test_debug_mode_over_plain_http_keeps_plain_names():
    assert cookie_settings(DJANGO_DEBUG="true") == [
        "sessionid",
        "False",
        "/",
        "None",
        "csrftoken",
        "False",
        "/",
        "None",
    ]


@pytest.fixture
def production_cookies(settings):
    settings.SESSION_COOKIE_NAME, settings.SESSION_COOKIE_SECURE = "__Host-sessionid", True
    settings.CSRF_COOKIE_NAME, settings.CSRF_COOKIE_SECURE = "__Host-csrftoken", True


def test_a_clerk_signs_in_over_https_with_host_prefixed_cookies(client, make_clerk, production_cookies):
    """What a browser checks before it keeps a __Host- cookie: Secure, Path=/, no Domain."""
    clerk = make_clerk(username="e.lis")
    login_page = client.get(reverse("admin:login"), secure=True)
    csrf = login_page.cookies["__Host-csrftoken"]

    response = client.post(
        reverse("admin:login"),
        {"username": "e.lis", "password": CLERK_PASSWORD, "otp_token": code_for(TOTPDevice.objects.get(user=clerk))},
        secure=True,
    )

    session = response.cookies["__Host-sessionid"]
    for cookie in (csrf, session):
        assert cookie["secure"] is True
        assert cookie["path"] == "/"
        assert cookie["domain"] == ""
    assert "sessionid" not in response.cookies
    assert client.get(reverse("admin:index"), secure=True).status_code == 200
