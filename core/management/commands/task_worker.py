"""The portal's task worker: django-tasks-db's `db_worker`, writing a heartbeat for the health check.

It takes the same options as `db_worker`. A thread records the worker as alive when it starts and every
WORKER_HEARTBEAT_SECONDS after, also while a long task runs; `/health/` fails when no worker has done so
for HEALTH_WORKER_MAX_SILENCE (core/health.py). A worker stuck in a loop that still beats is caught by the
outbox check instead: its e-mails stay due.
"""

import logging
import threading

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from core.health import worker_heartbeat

logger = logging.getLogger(__name__)


class Heartbeat(threading.Thread):
    """Writes the worker's heartbeat every `interval` seconds until stopped; a failed write is only logged."""

    def __init__(self, *, worker_id: str, interval: float):
        super().__init__(name="task-worker-heartbeat", daemon=True)
        self.worker_id = worker_id
        self.interval = interval
        self.started_at = timezone.now()
        self.stopped = threading.Event()

    def beat(self) -> bool:
        try:
            close_old_connections()
            worker_heartbeat(worker_id=self.worker_id, started_at=self.started_at)
        except Exception as error:  # the database is down: the health check will say so
            logger.warning("Task worker heartbeat not written: %s", type(error).__name__)
            connection.close()
            return False
        return True

    def run(self):
        try:
            while not self.stopped.wait(self.interval):
                self.beat()
        finally:
            connection.close()

    def stop(self):
        self.stopped.set()


class Command(DatabaseWorkerCommand):
    help = "Run the background task worker (django-tasks-db's db_worker) and write its heartbeat for /health/."

    def handle(self, *args, **options):
        heartbeat = Heartbeat(worker_id=options["worker_id"], interval=settings.WORKER_HEARTBEAT_SECONDS)
        # The first beat before any task: a freshly started worker shows as alive at once.
        heartbeat.beat()
        heartbeat.start()
        try:
            return super().handle(*args, **options)
        finally:
            heartbeat.stop()
