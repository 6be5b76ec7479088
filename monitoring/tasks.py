"""Background jobs of media monitoring (django.tasks), idempotent."""

from django.tasks import task

from monitoring.services import sources_fetch_due


@task()
def fetch_due_sources() -> dict[str, int]:
    """Fetch the feeds and watched pages whose interval has passed and make mentions of matching items."""
    return sources_fetch_due()
