"""Background work of the newsletter: one batch of a mailing at a time (django.tasks), idempotent.

The task queues one batch (`newsletter.services.mailing_send_batch`) and, where the task backend can run a task
later (the database worker in production), schedules itself for the next batch at the mailing's `next_batch_at`.
The `send_newsletter` command, run every minute, sends the due batches too: it carries on after a worker restart
or a lost task, and a batch run twice queues nothing twice.
"""

from django.tasks import task

from newsletter.models import Mailing
from newsletter.services import mailing_send_batch


@task()
def send_mailing_batch(mailing_id: int) -> int:
    """Queue the mailing's next batch if it is due, then schedule the one after it; return how many it took."""
    taken = mailing_send_batch(mailing_id=mailing_id)
    mailing = Mailing.objects.filter(pk=mailing_id).only("finished_at", "next_batch_at", "status").first()
    backend = send_mailing_batch.get_backend()
    if taken and mailing is not None and mailing.finished_at is None and backend.supports_defer:
        send_mailing_batch.using(run_after=mailing.next_batch_at).enqueue(mailing_id)
    return taken
