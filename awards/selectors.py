"""Reading scholarship and award calls and applications: public lists and the Terminarz's open clocks."""

from django.http import Http404
from django.urls import reverse

from awards.models import AwardApplication, AwardCall
from core.deadlines import OpenDeadline

CALL_LIST_FIELDS = ("pk", "kind", "year", "title", "slug", "deadline", "budget", "max_amount", "is_published")


def calls_open():
    """Published calls taking applications now, nearest deadline first (one query a page)."""
    return AwardCall.objects.open().only(*CALL_LIST_FIELDS)


def call_get_public_or_404(slug: str) -> AwardCall:
    call = AwardCall.objects.public().filter(slug=slug).first()
    if call is None:
        raise Http404
    return call


def award_completion_deadlines():
    """Applications called to complete, with the clock of `awards.deadlines.award_completion_due` (one query)."""
    applications = AwardApplication.objects.filter(
        status=AwardApplication.Status.INCOMPLETE, completion_due__isnull=False
    ).only("pk", "case_mark", "candidate_name", "completion_due", "handler_id")
    for application in applications:
        yield OpenDeadline(
            due_date=application.completion_due,
            title=application.case_mark,
            case_mark=application.case_mark,
            url=reverse("admin:awards_awardapplication_change", args=[application.pk]),
            section="grants",
            handler_id=application.handler_id,
            rule="uchwała Rady Miasta (art. 7a/7b ust. 3 u.o.p.d.k.): uzupełnienie wniosku 7 dni",
        )
