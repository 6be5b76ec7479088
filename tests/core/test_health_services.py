"""/health/ of a real gunicorn when its own PostgreSQL and its own Redis stop and come back (never the shared servers).

The test starts a throwaway PostgreSQL cluster (initdb and pg_ctl of PostgreSQL 15, on a free port in a
temporary directory), a throwaway redis-server on a free port, the portal under gunicorn with production
settings pointed at them, and the task worker. It stops each service and reads /health/ as an operator
(with the token) and as the public.
"""

import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.live_server import ROOT, free_port, start_gunicorn, wait_for

PG_BIN = Path("/usr/lib/postgresql/15/bin")
REDIS_SERVER = shutil.which("redis-server")
TOKEN = "operators-health-token-0123456789abcdef"
RUN_AS_POSTGRES = os.geteuid() == 0


def _postgres_user_exists() -> bool:
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return False
    return True


pytestmark = [
    pytest.mark.skipif(not (PG_BIN / "initdb").exists(), reason=f"PostgreSQL 15 server binaries not in {PG_BIN}"),
    pytest.mark.skipif(REDIS_SERVER is None, reason="redis-server is not installed"),
    pytest.mark.skipif(
        RUN_AS_POSTGRES and not _postgres_user_exists(),
        reason="running as root, and there is no 'postgres' user to run initdb as (initdb refuses root)",
    ),
]


def as_postgres(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if RUN_AS_POSTGRES else command


class ThrowawayPostgres:
    def __init__(self):
        # Outside pytest's temporary directories (0700, root's): the server runs as postgres.
        self.directory = Path(tempfile.mkdtemp(prefix="portal-health-pg-"))
        self.data = self.directory / "data"
        self.port = free_port()
        if RUN_AS_POSTGRES:
            shutil.chown(self.directory, "postgres", "postgres")
        subprocess.run(  # noqa: S603
            as_postgres([str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "--no-sync"]),
            check=True,
            capture_output=True,
        )

    def start(self):
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(  # noqa: S603
            as_postgres(
                [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.directory / "log"), "-w"]
                + ["start"]
            ),
            check=True,
            capture_output=True,
        )

    def stop(self, mode="fast"):
        subprocess.run(  # noqa: S603
            as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"]),
            check=False,
            capture_output=True,
        )

    def url(self, database="postgres"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"


def get(url: str, headers=None) -> tuple[int, str, str]:
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - a local gunicorn
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read().decode()


def start_redis(port: int, directory: Path) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        + ["--dir", str(directory)],
        stdout=subprocess.DEVNULL,
    )


@pytest.fixture
def services(tmp_path_factory):
    directory = tmp_path_factory.mktemp("health-services")
    postgres = ThrowawayPostgres()
    redis_port = free_port()
    processes = []
    try:
        postgres.start()
        redis = start_redis(redis_port, directory)
        processes.append(redis)
        yield {"directory": directory, "postgres": postgres, "redis": redis, "redis_port": redis_port}
    finally:
        for process in reversed(processes):
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=10)
        postgres.stop("immediate")
        shutil.rmtree(postgres.directory, ignore_errors=True)


def portal_environment(services) -> dict[str, str]:
    directory = services["directory"]
    for name in ("media", "private", "static"):
        (directory / name).mkdir(exist_ok=True)
    return {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SECRET_KEY": "throwaway-secret-key-for-the-health-test-0123456789",
        "DJANGO_ADMIN_URL": "urzednicy-test/",
        "DJANGO_ALLOWED_HOSTS": "kultura.test",
        "DATABASE_URL": services["postgres"].url("portal"),
        "CACHE_URL": f"redis://127.0.0.1:{services['redis_port']}/0",
        "DJANGO_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "DJANGO_MEDIA_ROOT": str(directory / "media"),
        "DJANGO_PRIVATE_MEDIA_ROOT": str(directory / "private"),
        "DJANGO_STATIC_ROOT": str(directory / "static"),
        "DJANGO_HEALTH_TOKEN": TOKEN,
        "DJANGO_WORKER_HEARTBEAT_SECONDS": "1",
    }


# The tables /health/ and the worker read, created directly: a full `migrate` would take minutes here.
CREATE_TABLES = """
from django.db import connection
from django_tasks_db.models import DBTaskResult
from core.models import OutboxMessage, WorkerHeartbeat
with connection.schema_editor() as editor:
    for model in (OutboxMessage, WorkerHeartbeat, DBTaskResult):
        editor.create_model(model)
"""


def test_health_is_503_naming_postgresql_or_redis_when_it_stops(services):
    environment = portal_environment(services)
    postgres = services["postgres"]
    subprocess.run(  # noqa: S603
        [str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(postgres.port), "-U", "postgres", "portal"],
        check=True,
        capture_output=True,
    )
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", CREATE_TABLES], cwd=ROOT, env=environment, check=True
    )
    web_port = free_port()
    web = start_gunicorn(environment, web_port)
    worker = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "task_worker", "--no-reload", "--no-startup-delay", "--interval", "1"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    redis_again = None
    base = f"http://127.0.0.1:{web_port}"
    operator = {"X-Health-Token": TOKEN}
    public = {"X-Forwarded-For": "203.0.113.7"}

    def operator_health(path="/health/"):
        status, _type, body = get(base + path, {**operator, **public})
        return status, json.loads(body)

    try:
        wait_for(lambda: get(base + "/health/live/")[0] == 200, what="gunicorn")
        wait_for(lambda: operator_health()[0] == 200, what="everything up")
        status, body = operator_health()
        assert body["checks"]["worker"]["ok"] is True
        assert body["checks"]["database"]["detail"] == "postgresql answers"
        assert get(base + "/health/", public)[::2] == (200, "ok\n")

        postgres.stop()
        status, body = operator_health()
        assert status == 503
        assert body["failing"] == ["database"]
        assert body["checks"]["database"]["detail"].startswith("OperationalError")
        assert body["checks"]["outbox"]["ok"] is None
        assert body["checks"]["cache"]["ok"] is True
        assert get(base + "/health/", public)[::2] == (503, "unavailable\n")
        assert get(base + "/health/ready/", public)[0] == 503
        assert get(base + "/health/live/", public)[0] == 200

        postgres.start()
        wait_for(lambda: operator_health()[0] == 200, what="recovery after PostgreSQL is back")

        services["redis"].terminate()
        services["redis"].wait(timeout=10)
        status, body = operator_health()
        assert status == 503
        assert body["failing"] == ["cache"]
        assert body["checks"]["cache"]["detail"].startswith("ConnectionError")
        status, content_type, text = get(base + "/health/", public)
        assert (status, text) == (503, "unavailable\n")
        assert "cache" not in text
        # The node still serves from its own memory (core/cache.py): the load balancer keeps it.
        assert get(base + "/health/ready/", public)[::2] == (200, "degraded\n")

        redis_again = start_redis(services["redis_port"], services["directory"])
        wait_for(lambda: operator_health()[0] == 200, what="recovery after Redis is back")
        assert get(base + "/health/ready/", public)[::2] == (200, "ok\n")
    finally:
        for process in (worker, web, redis_again):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)
