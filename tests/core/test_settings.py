"""Settings behave safely: production mode passes the deploy check, secrets have no defaults."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "culture_dept.settings",
    "DJANGO_SECRET_KEY": "x7#kq!2vL9@pR4tz&Wm8^nB3yH6cJ1eF5gD0sA-uQ+oI_rE*lK",
    "DJANGO_ALLOWED_HOSTS": "kultura.rudaslaska.pl",
    "DJANGO_ADMIN_URL": "urzad-7f3k/",
    "SMTP_URL": "smtp+tls://portal:secret@smtp.rudaslaska.pl:587",
    "CACHE_URL": "rediscache://127.0.0.1:6379/1",
    "DATABASE_URL": "postgres://portal@127.0.0.1:5432/portal",
    "DJANGO_TASKS_BACKEND": "django_tasks_db.backend.DatabaseBackend",
    "DJANGO_SITE_URL": "https://kultura.rudaslaska.pl",
    "DJANGO_ADMINS": "it@rudaslaska.pl",
    "DJANGO_FIELD_ENCRYPTION_KEYS": "cHJvZHVjdGlvbi1saWtlLWtleS1mb3ItdGVzdHMtMDA=",
    "DJANGO_STAMP_DUTY_ACCOUNT_NUMBER": "39 1111 2222 3333 4444 5555 6666",
}


def run_manage(*args, env_overrides, drop=()):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_") and key not in drop}
    env.update(env_overrides)
    return subprocess.run(  # noqa: S603 — fixed interpreter and arguments
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_deploy_check_passes_with_production_settings():
    """`check --deploy` in production mode reports no issue at all."""
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_fails_without_the_key_of_the_personal_data_encrypted_at_rest():
    """Production without DJANGO_FIELD_ENCRYPTION_KEYS could store no PESEL: `check --deploy` fails (core.E010)."""
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "DJANGO_FIELD_ENCRYPTION_KEYS"}
    result = run_manage("check", "--deploy", env_overrides=env)
    assert result.returncode != 0
    assert "core.E010" in result.stdout + result.stderr


def test_deploy_check_warns_about_development_defaults():
    """Production left on SQLite, in-request tasks or a localhost SITE_URL is reported by the deploy check."""
    env = {
        k: v
        for k, v in PRODUCTION_ENV.items()
        if k not in ("DATABASE_URL", "DJANGO_TASKS_BACKEND", "DJANGO_SITE_URL", "DJANGO_ADMINS")
    }
    result = run_manage("check", "--deploy", env_overrides=env, drop=("DATABASE_URL",))
    for code in ("core.W010", "core.W011", "core.W012", "core.W013"):
        assert code in result.stdout + result.stderr


@pytest.mark.parametrize("account", [None, "39 1111 2222 3333 4444 5555 6667", "04 0000 0000 0000 0000 0000 0000"])
def test_deploy_check_warns_without_a_real_account_for_the_stamp_duty(account):
    """Forms would show no account, a mistyped one or debug mode's made-up one: the deploy check says so."""
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "DJANGO_STAMP_DUTY_ACCOUNT_NUMBER"}
    if account is not None:
        env["DJANGO_STAMP_DUTY_ACCOUNT_NUMBER"] = account
    result = run_manage("check", "--deploy", env_overrides=env)
    assert "core.W020" in result.stdout + result.stderr


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ADMIN_URL"])
def test_production_start_fails_without_a_secret(missing):
    """A secret left unset stops production start-up with ImproperlyConfigured, never a default."""
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = run_manage("check", env_overrides=env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_debug_is_off_unless_asked_for():
    """Without DJANGO_DEBUG the portal runs in production mode."""
    result = run_manage(
        "shell", "-c", "from django.conf import settings; print(settings.DEBUG)", env_overrides=PRODUCTION_ENV
    )
    assert result.stdout.strip().endswith("False"), result.stderr


def test_newcomer_default_database_is_sqlite_under_var():
    """With DATABASE_URL unset the database is an SQLite file under var/."""
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; d = settings.DATABASES['default']; print(d['ENGINE'], d['NAME'])",
        env_overrides={"DJANGO_DEBUG": "true"},
        drop=("DATABASE_URL",),
    )
    assert "sqlite3" in result.stdout, result.stderr
    assert str(ROOT / "var") in result.stdout
