"""Helpers of the tests that run the portal as in production: a real gunicorn on a free local port."""

import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, *, seconds=60, what=""):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def start_gunicorn(environment: dict[str, str], port: int, *, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
    """gunicorn with the project's gunicorn.conf.py on 127.0.0.1:`port`: one worker with two threads."""
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"],
        cwd=ROOT,
        env={
            **environment,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": "1",
            "GUNICORN_THREADS": "2",
        },
        stdout=stdout,
        stderr=stderr,
    )
