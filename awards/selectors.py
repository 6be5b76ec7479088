"""Reading scholarship and award calls and applications: public lists and the Terminarz's open clocks."""

from django.http import Http404
from django.urls import reverse

from awards.models import AwardApplication, AwardCall
from core.deadlines import OpenDeadline

CALL_LIST_FIELDS = ("pk", "kind", "year", "title", "slug", "deadline", "budget", "max_amount", "is_published")


def calls_open():
    """Published calls taking applications now, nearest deadline first (one query a page)."""
    return AwardCall.objects.open().only(*CALL_LIST_FIELDS)


def calls_archive():
    """Published calls past their deadline, newest year first (one query a page)."""
    return AwardCall.objects.archive().only(*CALL_LIST_FIELDS, "results_published")


def call_results(call: AwardCall) -> list[AwardApplication]:
    """The laureates of a call once its results are published: name, field, category, form and amount only.

    DOMAIN.md §D, §J.3 [V Cieszyn]: the public results give the name, the field or category and the amount; the
    address, the contact, the PESEL and the account stay internal. A case anonymised by retention drops out.
    """
    if not call.results_published:
        return []
    return list(
        AwardApplication.objects.filter(
            call=call, status__in=AwardApplication.GRANTED_STATUSES, anonymised_at__isnull=True
        )
        .order_by("candidate_name", "pk")
        .only("pk", "call_id", "candidate_name", "field_of_art", "category", "award_form", "granted_amount")
    )


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
