"""Reads of the shell's own cases that other parts of the portal show (the Terminarz)."""

from django.urls import reverse
from django.utils import timezone

from core.deadlines import OpenDeadline, feedback_answer_due
from core.models import Feedback


def feedback_open_deadlines():
    """Opinions still waiting for the answer their senders asked for (one query)."""
    waiting = (
        Feedback.objects.filter(status__in=[Feedback.Status.NEW, Feedback.Status.IN_PROGRESS])
        .exclude(contact_email="")
        .only("pk", "case_mark", "created_at", "handler_id", "message")
    )
    for feedback in waiting:
        yield OpenDeadline(
            due_date=feedback_answer_due(timezone.localdate(feedback.created_at)),
            title=feedback.message[:80],
            case_mark=feedback.case_mark,
            url=reverse("admin:core_feedback_change", args=[feedback.pk]),
            section="site",
            handler_id=feedback.handler_id,
            rule="odpowiedź na opinię: 14 dni",
        )
