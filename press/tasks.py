"""Background jobs of the press office (django.tasks), idempotent."""

from django.tasks import task

from press.services import releases_publish_due


@task()
def publish_due_releases() -> int:
    """Publish the scheduled releases whose embargo has ended and send them to the media."""
    return releases_publish_due()
