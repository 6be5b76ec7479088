"""The systemd units in deploy/ start commands that exist, and every timer starts a unit that exists."""

import re
from pathlib import Path

import pytest
from django.core.management import get_commands

SYSTEMD = Path(__file__).resolve().parents[2] / "deploy" / "systemd"
SERVICES = sorted(SYSTEMD.glob("*.service"))
COMMAND_SERVICES = [unit for unit in SERVICES if unit.name != "portal-web.service"]
TIMERS = sorted(SYSTEMD.glob("*.timer"))


def test_the_web_service_runs_gunicorn_with_the_projects_config():
    assert "gunicorn --config /srv/portal/current/gunicorn.conf.py" in (SYSTEMD / "portal-web.service").read_text()


@pytest.mark.parametrize("unit", COMMAND_SERVICES, ids=lambda path: path.name)
def test_each_service_runs_a_management_command_that_exists(unit):
    commands = re.findall(r"^ExecStart=.*manage\.py (\w+)", unit.read_text(), re.M)
    assert commands, f"{unit.name} starts no manage.py command"
    assert set(commands) <= set(get_commands()), f"{unit.name}: unknown command in {commands}"


@pytest.mark.parametrize("timer", TIMERS, ids=lambda path: path.name)
def test_each_timer_starts_a_service_of_this_directory(timer):
    (service,) = re.findall(r"^Unit=(\S+)$", timer.read_text(), re.M)
    assert (SYSTEMD / service).is_file()


def test_every_command_a_clerk_relies_on_daily_has_a_timer():
    started = {
        re.findall(r"manage\.py (\w+)", unit.read_text())[0] for unit in SERVICES if "manage.py" in unit.read_text()
    }
    assert {
        "send_outbox",
        "purge_expired",
        "archive_past_events",
        "publish_due_releases",
        "accept_silent_notifications",
        "purge_upload_stash",
        "send_deadline_notices",
        "library_daily",
    } <= started
