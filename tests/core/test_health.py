"""Health endpoints: status for anyone, the failing part named only for operators (core/health.py).

The test client's address is 127.0.0.1, an operator's by default; a request "from the Internet" carries the
address nginx would append (X-Forwarded-For), as behind the production proxy.
"""

import json
import socket
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.core.files.storage import storages
from django.core.management import call_command
from django.utils import timezone

from core.health import worker_heartbeat
from core.models import OutboxMessage, WorkerHeartbeat

OUTSIDE = {"HTTP_X_FORWARDED_FOR": "203.0.113.7"}
TOKEN = "health-token-for-the-operators-0123456789"


def operator_view(response):
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


@pytest.fixture
def with_token(settings):
    settings.HEALTH_TOKEN = TOKEN
    return {"HTTP_X_HEALTH_TOKEN": TOKEN}


@pytest.fixture
def database_worker(settings):
    """Tasks go to django-tasks-db's queue, as in production: the worker's heartbeat is checked."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_liveness_answers_without_touching_the_database(client):
    """No django_db mark: a query would fail this test."""
    response = client.get("/health/live/", **OUTSIDE)
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_everything_up_is_200_with_one_word_for_the_public(client):
    response = client.get("/health/", **OUTSIDE)
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"].startswith("text/plain")


@pytest.mark.django_db
def test_operators_on_this_machine_see_every_check(client):
    response = client.get("/health/")
    assert response.status_code == 200
    body = operator_view(response)
    assert body["status"] == "ok"
    assert body["failing"] == []
    assert set(body["checks"]) == {"database", "cache", "storage", "outbox", "worker"}
    assert all(check["ok"] for check in body["checks"].values())


@pytest.mark.django_db
def test_readiness_of_a_node_checks_database_cache_and_storage_only(client):
    body = operator_view(client.get("/health/ready/"))
    assert set(body["checks"]) == {"database", "cache", "storage"}


@pytest.mark.django_db
def test_the_token_opens_the_details_from_outside_and_a_wrong_one_does_not(client, with_token):
    assert operator_view(client.get("/health/", **OUTSIDE, **with_token))["status"] == "ok"
    wrong = client.get("/health/", **OUTSIDE, HTTP_X_HEALTH_TOKEN=TOKEN + "x")
    assert wrong.content == b"ok\n"


@pytest.mark.django_db
def test_a_forged_forwarded_address_does_not_make_an_operator(client):
    """nginx appends the real client to X-Forwarded-For; an address the client put before it counts for nothing."""
    response = client.get("/health/", HTTP_X_FORWARDED_FOR="127.0.0.1, 203.0.113.7")
    assert response.content == b"ok\n"


@pytest.mark.django_db
def test_allowed_networks_are_configurable(client, settings):
    settings.HEALTH_ALLOWED_NETWORKS = ["203.0.113.0/24"]
    assert operator_view(client.get("/health/", **OUTSIDE))["status"] == "ok"
    assert client.get("/health/").content == b"ok\n"


def test_probes_need_no_allowed_host_name(client):
    """A load balancer asks by the node's address, not by the portal's name."""
    response = client.get("/health/live/", HTTP_HOST="10.20.0.11:8001")
    assert response.status_code == 200


def test_only_get_and_head_are_answered(client):
    assert client.post("/health/live/").status_code == 405
    assert client.head("/health/live/").status_code == 200


@pytest.mark.django_db
def test_an_unreachable_cache_is_503_naming_the_cache(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }
    public = client.get("/health/ready/", **OUTSIDE)
    assert public.status_code == 503
    assert public.content == b"unavailable\n"
    body = operator_view(client.get("/health/ready/"))
    assert body["failing"] == ["cache"]
    assert body["checks"]["cache"]["detail"].startswith("ConnectionError")
    assert body["checks"]["database"]["ok"] is True


@pytest.mark.django_db
def test_a_storage_that_cannot_be_written_is_503_naming_the_storage(client):
    """The private documents' directory is gone and a file stands in its place (a broken mount, say)."""
    location = Path(storages["private"].location)
    location.mkdir(parents=True, exist_ok=True)
    moved = location.with_name(location.name + "-away")
    location.rename(moved)
    location.write_text("not a directory")
    try:
        response = client.get("/health/ready/")
    finally:
        location.unlink()
        moved.rename(location)
    assert response.status_code == 503
    assert operator_view(response)["failing"] == ["storage"]


@pytest.mark.django_db
def test_the_probe_leaves_no_file_behind(client):
    client.get("/health/ready/")
    for alias in ("default", "private"):
        _directories, files = storages[alias].listdir("health-probe")
        assert files == []


@pytest.mark.django_db
def test_an_email_due_long_ago_is_503_naming_the_outbox(client):
    """Nothing sent it: the worker and the outbox timer are both down."""
    OutboxMessage.objects.create(to=["a@example.org"], subject="Potwierdzenie", body_text="x")
    assert client.get("/health/").status_code == 200
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        response = client.get("/health/")
        public = client.get("/health/", **OUTSIDE)
    assert response.status_code == 503
    body = operator_view(response)
    assert body["failing"] == ["outbox"]
    assert body["checks"]["outbox"]["detail"].startswith("RuntimeError: 1 due for more than 15 min")
    assert public.content == b"unavailable\n"
    # Readiness of the node does not depend on it: the load balancer keeps the node.
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert client.get("/health/ready/").status_code == 200


@pytest.mark.django_db
def test_an_email_waiting_for_its_next_attempt_after_an_smtp_failure_is_not_a_backlog(client):
    message = OutboxMessage.objects.create(to=["a@example.org"], subject="x", body_text="x", attempts=3)
    OutboxMessage.objects.filter(pk=message.pk).update(
        created_at=timezone.now() - timedelta(hours=2), next_attempt_at=timezone.now() + timedelta(minutes=30)
    )
    body = operator_view(client.get("/health/"))
    assert body["checks"]["outbox"]["ok"] is True
    assert "1 waiting (1 after a failed attempt)" in body["checks"]["outbox"]["detail"]


@pytest.mark.django_db
def test_without_a_worker_heartbeat_the_health_is_503_naming_the_worker(client, database_worker):
    response = client.get("/health/")
    assert response.status_code == 503
    assert operator_view(response)["failing"] == ["worker"]
    assert client.get("/health/ready/").status_code == 200


@pytest.mark.django_db
def test_a_recent_heartbeat_is_healthy_and_a_silent_worker_is_not(client, database_worker):
    worker_heartbeat(worker_id="node-1", started_at=timezone.now())
    assert client.get("/health/").status_code == 200
    with time_machine.travel(timezone.now() + timedelta(minutes=3)):
        response = client.get("/health/")
    assert response.status_code == 503
    assert operator_view(response)["checks"]["worker"]["detail"].startswith("RuntimeError: last heartbeat 180 s ago")


@pytest.mark.django_db
def test_heartbeats_of_workers_gone_for_a_week_are_forgotten():
    worker_heartbeat(
        worker_id="old", started_at=timezone.now() - timedelta(days=9), now=timezone.now() - timedelta(days=8)
    )
    worker_heartbeat(worker_id="new", started_at=timezone.now())
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["new"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_task_worker_writes_its_heartbeat(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"},
        "queue": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }
    call_command(
        "task_worker", "--batch", "--backend", "queue", "--worker-id", "test-worker", "--no-startup-delay", verbosity=0
    )
    heartbeat = WorkerHeartbeat.objects.get(worker_id="test-worker")
    assert heartbeat.beat_at >= timezone.now() - timedelta(minutes=1)
