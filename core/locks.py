"""One run at a time across every node: a lock held in the database the nodes share.

The jobs that systemd timers start on several nodes (docs/deployment.md, "Several nodes") must not run twice
at the same moment: two archive runs race for the same events, two purges for the same cases. Rather than
trusting that an operator enabled a timer on one node only, each such command takes a named lock first and,
when another run holds it, says so and ends without doing anything (exit status 0: a skipped run is normal).

PostgreSQL: a session-level advisory lock (`pg_try_advisory_lock`) on a connection of its own, so the job's
own connection may commit, close and reconnect freely; the server releases the lock when that connection ends,
also when the process is killed. SQLite (a single machine): an exclusive `flock` on a file in RUN_LOCK_DIR,
released by the kernel when the process ends.
"""

import fcntl
import functools
import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections


def lock_key(name: str) -> int:
    """The signed 64-bit key of PostgreSQL's advisory locks for the lock `name` (stable across processes)."""
    return int.from_bytes(hashlib.blake2b(f"portal:{name}".encode(), digest_size=8).digest(), "big", signed=True)


@contextmanager
def _postgresql_lock(name: str, alias: str) -> Iterator[bool]:
    connection = connections.create_connection(alias)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [lock_key(name)])
            (acquired,) = cursor.fetchone()
        yield acquired
    finally:
        # Closing the session releases the lock (pg_advisory_unlock would only add a round trip).
        connection.close()


def _lock_directory() -> Path:
    directory = getattr(settings, "RUN_LOCK_DIR", None) or Path(tempfile.gettempdir()) / "portal-locks"
    directory = Path(directory)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    return directory


@contextmanager
def _file_lock(name: str, alias: str) -> Iterator[bool]:
    database = str(connections[alias].settings_dict["NAME"])
    digest = hashlib.sha256(f"{database}:{name}".encode()).hexdigest()[:16]
    path = _lock_directory() / f"{digest}.lock"
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
    finally:
        os.close(descriptor)


@contextmanager
def run_lock(name: str, *, alias: str = DEFAULT_DB_ALIAS) -> Iterator[bool]:
    """Try to take the lock `name` for the duration of the block; yield whether it was taken (never waits)."""
    if connections[alias].vendor == "postgresql":
        with _postgresql_lock(name, alias) as acquired:
            yield acquired
    else:
        with _file_lock(name, alias) as acquired:
            yield acquired


def single_run(name: str):
    """Decorate a management command's `handle`: run it only while holding the lock `name`, else skip.

    A skipped run writes one line and returns normally, so the timer's unit does not show as failed.
    """

    def decorate(handle):
        @functools.wraps(handle)
        def wrapper(command, *args, **options):
            with run_lock(name) as acquired:
                if not acquired:
                    command.stdout.write(f"Skipped: another run of {name} holds the lock (on this or another node).")
                    return None
                return handle(command, *args, **options)

        return wrapper

    return decorate
