"""Jobs that timers start on every node run one at a time: a database lock, not a convention (core.locks).

On PostgreSQL (CI) the lock is an advisory lock on a connection of its own; on SQLite a file lock. Either way a
second run while the first holds the lock does nothing, says so and ends normally.
"""

import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from core.locks import lock_key, run_lock
from events.models import Event
from tests.events.test_seed_and_archive import make_event, venue  # noqa: F401 - the fixture

SYSTEMD = Path(__file__).resolve().parents[2] / "deploy" / "systemd"
# Safe to run on every node at the same moment: each message is sent under its own row lock; an expired kept
# upload already deleted by another node is skipped.
# send_newsletter takes each mailing's row under a lock, so every node may run it (newsletter.services).
RUN_EVERYWHERE = {"send_outbox", "task_worker", "purge_upload_stash", "send_newsletter"}


def timer_commands() -> set[str]:
    """The manage.py commands that the timers of deploy/systemd start."""
    commands = set()
    for timer in SYSTEMD.glob("*.timer"):
        (service,) = re.findall(r"^Unit=(\S+)$", timer.read_text(), re.M)
        commands |= set(re.findall(r"^ExecStart=.*manage\.py (\w+)", (SYSTEMD / service).read_text(), re.M))
    return commands


RUN_ONCE = sorted(timer_commands() - RUN_EVERYWHERE)


def run(command, *args) -> str:
    out = io.StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_a_held_lock_is_refused_to_a_second_taker_and_free_again_after():
    with run_lock("nightly-job") as first:
        assert first is True
        with run_lock("nightly-job") as second:
            assert second is False
        with run_lock("another-job") as other:
            assert other is True
    with run_lock("nightly-job") as again:
        assert again is True


# serialized_rollback: the flush after it then skips post_migrate, so a later test restoring the migrations' data
# (also serialized) finds an empty database.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_lock_outlives_the_jobs_own_connection():
    """The job may commit, close and reconnect: the lock lives on a connection of its own."""
    with run_lock("nightly-job"):
        connection.close()
        with run_lock("nightly-job") as second:
            assert second is False


def test_lock_keys_are_stable_64_bit_numbers():
    assert lock_key("purge_expired") == lock_key("purge_expired")
    assert lock_key("purge_expired") != lock_key("archive_past_events")
    assert -(2**63) <= lock_key("purge_expired") < 2**63


def test_every_timer_job_is_either_locked_or_known_to_be_safe_everywhere():
    assert set(RUN_ONCE) == {
        "archive_past_events",
        "publish_due_releases",
        "accept_silent_notifications",
        "purge_expired",
        "purge_contract_data",
        "redact_outbox",
        "send_deadline_notices",
        "library_daily",
        "fetch_sources",
        "prepare_digest",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("command", RUN_ONCE)
def test_a_timer_job_skips_while_another_run_holds_its_lock(command):
    args = ["--apply"] if command == "purge_expired" else []
    with run_lock(command):
        output = run(command, *args)
    assert output.strip() == f"Skipped: another run of {command} holds the lock (on this or another node)."
    assert "Skipped" not in run(command, *args)


def test_a_skipped_archive_run_archives_nothing(venue):  # noqa: F811
    past = make_event(venue, "Spotkanie autorskie w zeszłym tygodniu", timezone.now() - timedelta(days=7))
    with run_lock("archive_past_events"):
        run("archive_past_events")
    past.refresh_from_db()
    assert past.status == Event.Status.PUBLISHED
    assert run("archive_past_events").strip() == "Archived events: 1"
