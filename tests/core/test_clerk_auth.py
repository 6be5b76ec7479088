"""Clerks' sign-in: the admin needs a second factor, failed logins are throttled, sign-ins are logged safely."""

import logging
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.management import CommandError, call_command
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils.html import escape
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP, totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.auth import ClerkLoginForm, new_backup_codes, new_totp_device, totp_secret
from core.public_forms import client_ip
from tests.conftest import CLERK_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
ADDRESS = "203.0.113.77"
USERNAME = "k.wisniewska"


def login_url():
    return reverse("admin:login")


def code_for(device):
    """The device's current code, as the clerk's authenticator app shows it."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def wrong_code_for(device):
    """Six digits that no time step within the device's tolerance accepts."""
    window = set()
    for offset in range(-device.tolerance, device.tolerance + 1):
        otp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        otp.time = otp.time + offset * device.step
        window.add(f"{otp.token():06d}")
    return next(code for code in (f"{n:06d}" for n in range(1_000_000)) if code not in window)


def sign_in(client, username, password, token="", address=ADDRESS):
    return client.post(
        login_url(),
        {"username": username, "password": password, "otp_token": token, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


def message(key):
    """A login form error as shown on the page (in Polish once translated; the English msgid until then)."""
    return escape(str(ClerkLoginForm.otp_error_messages[key]))


@pytest.fixture
def clerk(make_clerk):
    return make_clerk(username=USERNAME)


# The second factor -------------------------------------------------------------------------------------


def test_a_password_alone_never_opens_the_admin(client, make_clerk):
    """A clerk signed in with the password but no second factor is sent back to the login page."""
    clerk = make_clerk(username=USERNAME, with_device=False)
    client.force_login(clerk)  # a session from the password alone

    response = client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert response.url.startswith(login_url())
    login_page = client.get(response.url)
    assert login_page.status_code == 200
    assert login_page.resolver_match.url_name == "login"
    assert 'name="otp_token"' in login_page.content.decode()


def test_the_login_form_refuses_a_clerk_without_a_device(client, make_clerk):
    make_clerk(username=USERNAME, with_device=False)

    response = sign_in(client, USERNAME, CLERK_PASSWORD, token="123456")

    assert response.status_code == 200
    assert message("no_device") in response.content.decode()
    assert SESSION_KEY not in client.session


def test_the_login_form_asks_for_the_code(client, clerk):
    response = sign_in(client, USERNAME, CLERK_PASSWORD)

    assert response.status_code == 200
    assert message("token_required") in response.content.decode()
    assert SESSION_KEY not in client.session
    assert client.get(reverse("admin:index")).status_code == 302


def test_password_and_current_code_open_the_admin(client, clerk):
    device = TOTPDevice.objects.get(user=clerk)

    response = sign_in(client, USERNAME, CLERK_PASSWORD, token=code_for(device))

    assert response.status_code == 302
    assert response.url == reverse("admin:index")
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    index = client.get(reverse("admin:index"))
    assert index.status_code == 200
    assert index.resolver_match.url_name == "index"
    assert '<html lang="pl"' in index.content.decode()


def test_a_wrong_code_is_refused_with_a_message(client, clerk):
    device = TOTPDevice.objects.get(user=clerk)

    response = sign_in(client, USERNAME, CLERK_PASSWORD, token=wrong_code_for(device))

    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="pl"' in page
    assert message("invalid_token") in page
    assert SESSION_KEY not in client.session
    assert client.get(reverse("admin:index")).status_code == 302


def test_a_code_works_only_once(client, clerk):
    device = TOTPDevice.objects.get(user=clerk)
    code = code_for(device)
    assert sign_in(client, USERNAME, CLERK_PASSWORD, token=code).status_code == 302
    client.logout()

    response = sign_in(client, USERNAME, CLERK_PASSWORD, token=code)

    assert response.status_code == 200
    assert message("invalid_token") in response.content.decode()
    assert SESSION_KEY not in client.session


def test_a_backup_code_opens_the_admin_once(client, clerk):
    backup_code = new_backup_codes(clerk, 2)[0]

    assert sign_in(client, USERNAME, CLERK_PASSWORD, token=backup_code).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200
    client.logout()
    assert sign_in(client, USERNAME, CLERK_PASSWORD, token=backup_code).status_code == 200
    assert StaticDevice.objects.get(user=clerk).token_set.count() == 1


def test_a_reset_device_ends_the_sessions_it_verified(clerk_client):
    client = clerk_client()
    assert client.get(reverse("admin:index")).status_code == 200

    new_totp_device(client.clerk)

    assert client.get(reverse("admin:index")).status_code == 302


def test_the_login_page_is_polish_and_has_the_code_field(client, db):
    response = client.get(login_url())

    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="pl"' in page
    assert 'name="otp_token"' in page
    assert 'autocomplete="one-time-code"' in page


@override_settings(OTP_REQUIRED=False)
def test_with_the_requirement_off_the_password_is_enough(client, make_clerk):
    """The debug-mode newcomer path: DJANGO_OTP_REQUIRED=false (allowed only with DJANGO_DEBUG=true)."""
    make_clerk(username=USERNAME, with_device=False)

    login_page = client.get(login_url()).content.decode()
    assert 'name="password"' in login_page
    assert 'name="otp_token"' not in login_page
    response = sign_in(client, USERNAME, CLERK_PASSWORD)

    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


# Throttling --------------------------------------------------------------------------------------------


def test_the_sixth_wrong_password_in_a_row_gets_429_and_a_polish_page(client, clerk):
    device = TOTPDevice.objects.get(user=clerk)
    for _attempt in range(5):
        response = sign_in(client, USERNAME, "nie-to-haslo-123")
        assert response.status_code == 200
        assert [error.code for error in response.context["form"].non_field_errors().as_data()] == ["invalid_login"]

    response = sign_in(client, USERNAME, "nie-to-haslo-123")

    assert response.status_code == 429
    page = response.content.decode()
    assert 'data-lockout="login"' in page
    assert '<html lang="pl"' in page
    assert "Too many unsuccessful sign-in attempts" in page or "Zbyt wiele" in page
    # While locked, the right password and a right code are refused too.
    response = sign_in(client, USERNAME, CLERK_PASSWORD, token=code_for(device))
    assert response.status_code == 429
    assert SESSION_KEY not in client.session


def test_the_lock_is_per_user_and_address(client, make_clerk):
    clerk = make_clerk(username=USERNAME)
    colleague = make_clerk(username="j.kowalski")
    for _attempt in range(6):
        sign_in(client, USERNAME, "nie-to-haslo-123")
    assert sign_in(client, USERNAME, CLERK_PASSWORD).status_code == 429

    # A colleague behind the same City Hall address, and the clerk from another address, still get in.
    colleague_device = TOTPDevice.objects.get(user=colleague)
    assert sign_in(client, "j.kowalski", CLERK_PASSWORD, token=code_for(colleague_device)).status_code == 302
    client.logout()
    device = TOTPDevice.objects.get(user=clerk)
    assert sign_in(client, USERNAME, CLERK_PASSWORD, token=code_for(device), address="198.51.100.9").status_code == 302


def test_a_complete_sign_in_starts_the_count_again(client, clerk):
    device = TOTPDevice.objects.get(user=clerk)
    for _attempt in range(4):
        sign_in(client, USERNAME, "nie-to-haslo-123")
    assert sign_in(client, USERNAME, CLERK_PASSWORD, token=code_for(device)).status_code == 302
    client.logout()

    statuses = [sign_in(client, USERNAME, "nie-to-haslo-123").status_code for _attempt in range(6)]

    assert statuses == [200] * 5 + [429]


@override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"))
def test_behind_the_proxy_the_address_is_the_one_the_proxy_appended():
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.77")

    assert client_ip(request) == "203.0.113.77"


@override_settings(SECURE_PROXY_SSL_HEADER=None)
def test_without_the_proxy_forwarded_headers_are_ignored():
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.77", HTTP_X_FORWARDED_FOR="1.2.3.4")

    assert client_ip(request) == "203.0.113.77"


# The audit log -----------------------------------------------------------------------------------------


def test_sign_ins_failures_and_lockouts_are_logged_without_secrets(client, clerk, caplog):
    caplog.set_level(logging.DEBUG)
    for name in ("core.auth", "axes", "django_otp", "django.request", "django.security"):
        caplog.set_level(logging.DEBUG, logger=name)
    device = TOTPDevice.objects.get(user=clerk)
    secret_password = "Zupelnie-Tajne-Haslo-42"

    assert sign_in(client, USERNAME, CLERK_PASSWORD, token=code_for(device)).status_code == 302
    client.logout()
    sign_in(client, USERNAME, CLERK_PASSWORD, token=wrong_code_for(device))
    for _attempt in range(6):
        sign_in(client, USERNAME, secret_password)

    events = [record.getMessage() for record in caplog.records if record.name == "core.auth"]
    assert any(line.startswith(f"event=login user={clerk.pk} second_factor=totp") for line in events)
    assert any(line.startswith(f"event=otp_failed user={clerk.pk}") for line in events)
    assert sum(line.startswith("event=login_failed") for line in events) == 6
    assert any(line.startswith("event=lockout") for line in events)
    everything = caplog.text + "\n".join(str(record.args) for record in caplog.records)
    for secret in (secret_password, CLERK_PASSWORD, USERNAME, ADDRESS, device.key, totp_secret(device)):
        assert secret not in everything


def test_the_audit_receivers_are_connected_when_the_project_starts():
    """core.auth is imported at start-up (CoreConfig.ready), not only when a test imports it."""
    code = "import sys, django; django.setup(); print('core.auth' in sys.modules)"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    result = subprocess.run(  # noqa: S603 — fixed interpreter and arguments
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip() == "True", result.stderr


# Settings ----------------------------------------------------------------------------------------------


def read_otp_required(**overrides):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "culture_dept.settings",
            "DJANGO_SECRET_KEY": "x7#kq!2vL9@pR4tz&Wm8^nB3yH6cJ1eF5gD0sA-uQ+oI_rE*lK",
            "DJANGO_ALLOWED_HOSTS": "kultura.rudaslaska.pl",
            "DJANGO_ADMIN_URL": "urzad-7f3k/",
            **overrides,
        }
    )
    code = "import django; django.setup(); from django.conf import settings; print(settings.OTP_REQUIRED)"
    return subprocess.run(  # noqa: S603 — fixed interpreter and arguments
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_cannot_switch_the_second_factor_off():
    result = read_otp_required(DJANGO_OTP_REQUIRED="false")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_OTP_REQUIRED" in result.stderr


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({}, "True"),  # production: always
        ({"DJANGO_DEBUG": "true"}, "False"),  # a newcomer's `make run`
        ({"DJANGO_DEBUG": "true", "DJANGO_OTP_REQUIRED": "true"}, "True"),  # trying the real sign-in locally
    ],
)
def test_the_second_factor_is_required_by_default_outside_debug_mode(overrides, expected):
    result = read_otp_required(**overrides)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


# The clerk_totp command --------------------------------------------------------------------------------


def test_clerk_totp_creates_a_device_and_prints_its_uri_once(make_clerk):
    clerk = make_clerk(username=USERNAME, with_device=False)
    out = StringIO()

    call_command("clerk_totp", USERNAME, stdout=out)

    device = TOTPDevice.objects.get(user=clerk)
    assert device.confirmed
    assert device.config_url in out.getvalue()
    assert totp_secret(device) in out.getvalue()
    with pytest.raises(CommandError, match="--reset"):
        call_command("clerk_totp", USERNAME, stdout=StringIO())


def test_clerk_totp_reset_replaces_the_key_and_issues_backup_codes(client, clerk):
    old_key = TOTPDevice.objects.get(user=clerk).key
    out = StringIO()

    call_command("clerk_totp", USERNAME, "--reset", "--backup-codes", "3", "--no-qr", stdout=out)

    device = TOTPDevice.objects.get(user=clerk)
    assert device.key != old_key
    codes = [token.token for token in StaticDevice.objects.get(user=clerk).token_set.all()]
    assert len(codes) == 3
    assert all(code in out.getvalue() for code in codes)
    assert sign_in(client, USERNAME, CLERK_PASSWORD, token=codes[0]).status_code == 302


def test_clerk_totp_refuses_an_unknown_user(db):
    with pytest.raises(CommandError, match="No user"):
        call_command("clerk_totp", "nikt", stdout=StringIO())
