"""What the bench scripts share: a throw-away database, the Django test client's timings, and gunicorn under load.

A script puts the project on `sys.path` (`ROOT`) and imports from here, e.g.
`from bench.common import bench_database, get_timings`; nothing here runs at import.
"""

import http.client
import os
import signal
import socket
import statistics
import subprocess
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = ROOT / "var" / "bench"

HOST = "127.0.0.1"
SERVER_ENV = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
    "DJANGO_ALLOWED_HOSTS": HOST,
    "DJANGO_ADMIN_URL": "admin/",
    "DJANGO_SECURE_SSL_REDIRECT": "false",
    "DJANGO_BEHIND_PROXY": "false",
    "DJANGO_STATICFILES_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage",
    "DJANGO_LOG_LEVEL": "WARNING",
    "GUNICORN_ACCESS_LOG": "",
    "GUNICORN_MAX_REQUESTS": "0",
}


# ---------------------------------------------------------------------------------------------------------
# A local database and the test client
# ---------------------------------------------------------------------------------------------------------
def bench_database(name: str, *, reuse: bool = False) -> None:
    """Point DATABASE_URL at `var/bench/<name>.sqlite3`, removed first unless `reuse`; a set DATABASE_URL wins."""
    if "DATABASE_URL" in os.environ:
        return
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    database = BENCH_DIR / f"{name}.sqlite3"
    if not reuse:
        database.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"


def get_timings(client, path: str, repeat: int) -> tuple[float, float]:
    """GET `path` `repeat` times with a Django test client, each answered 200: the median and the 95th percentile,
    in milliseconds."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    timings.sort()
    return statistics.median(timings), timings[max(0, int(len(timings) * 0.95) - 1)]


# ---------------------------------------------------------------------------------------------------------
# Server
# ---------------------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_gunicorn(app: str, port: int, workers: int, env: dict, log: Path) -> subprocess.Popen:
    """gunicorn `app` from the project root, so ./gunicorn.conf.py applies as in production; output to `log`."""
    command = [str(ROOT / ".venv" / "bin" / "gunicorn"), app, "-w", str(workers), "-b", f"{HOST}:{port}"]
    # A new session: gunicorn and its workers form one process group, stopped together at the end.
    with log.open("ab") as output:
        return subprocess.Popen(  # noqa: S603
            command, cwd=ROOT, env=env, start_new_session=True, stdout=output, stderr=subprocess.STDOUT
        )


def stop_gunicorn(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


def wait_until_up(port: int, process: subprocess.Popen, path: str, log: Path, timeout: float = 90) -> None:
    """Until `path` answers 200; a gunicorn that exits or stays silent ends the run (its output is in `log`)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with status {process.returncode} (see {log.relative_to(ROOT)})")
        connection = http.client.HTTPConnection(HOST, port, timeout=2)
        try:
            connection.request("GET", path)
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        finally:
            connection.close()
        time.sleep(0.2)
    raise SystemExit("gunicorn did not answer in time")


# ---------------------------------------------------------------------------------------------------------
# Load
# ---------------------------------------------------------------------------------------------------------
def hammer(port: int, path: str, seconds: float, threads: int) -> dict:
    """`threads` keep-alive clients request `path` until the deadline; counts, statuses and latencies."""
    deadline = time.monotonic() + seconds
    results = []
    lock = threading.Lock()

    def client():
        latencies, statuses, errors = [], {}, 0
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                errors += 1
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=30)
                continue
            latencies.append(time.perf_counter() - started)
            statuses[response.status] = statuses.get(response.status, 0) + 1
            if response.will_close:
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=30)
        connection.close()
        with lock:
            results.append((latencies, statuses, errors))

    started = time.monotonic()
    workers = [threading.Thread(target=client, daemon=True) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - started
    latencies = sorted(latency for result in results for latency in result[0])
    statuses = {}
    for result in results:
        for status, number in result[1].items():
            statuses[status] = statuses.get(status, 0) + number
    return {
        "path": path,
        "requests": len(latencies),
        "statuses": statuses,
        "errors": sum(result[2] for result in results),
        "rps": len(latencies) / elapsed if elapsed else 0.0,
        "p50": statistics.median(latencies) * 1000 if latencies else float("nan"),
        "p95": latencies[max(0, int(len(latencies) * 0.95) - 1)] * 1000 if latencies else float("nan"),
    }
