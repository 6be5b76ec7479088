"""Reads of the shell's own cases that other parts of the portal show (the Terminarz)."""

from django.urls import reverse
from django.utils import timezone

from core.deadlines import OpenDeadline, feedback_answer_due
from core.models import Feedback


def feedback_open_deadlines():
    """Opinions still waiting for the answer their senders asked for (one query)."""
    # Plain rows and one reverse() for all of them: the Terminarz and the dashboard read every waiting opinion, and
    # building a model instance and resolving a URL per row was most of their time with a thousand of them.
    waiting = (
        Feedback.objects.filter(status__in=[Feedback.Status.NEW, Feedback.Status.IN_PROGRESS])
        .exclude(contact_email="")
        .values_list("pk", "case_mark", "created_at", "handler_id", "message")
    )
    placeholder = "987654321"
    change_url = reverse("admin:core_feedback_change", args=[placeholder])
    for pk, case_mark, created_at, handler_id, message in waiting:
        yield OpenDeadline(
            due_date=feedback_answer_due(timezone.localdate(created_at)),
            title=message[:80],
            case_mark=case_mark,
            url=change_url.replace(placeholder, str(pk), 1),
            section="site",
            handler_id=handler_id,
            rule="odpowiedź na opinię: 14 dni",
        )
