"""Reading scholarship and award calls and applications: public lists and the Terminarz's open clocks."""

from dataclasses import replace

from django.db.models import Q
from django.http import Http404
from django.urls import reverse

from awards.models import AwardApplication, AwardCall
from core import public_information
from core.deadlines import OpenDeadline
from core.public_information import Metryczka

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
        .only(
            "pk",
            "call_id",
            "candidate_name",
            "field_of_art",
            "category",
            "award_form",
            "granted_amount",
            "decision_date",
        )
    )


def results_metryczka(call: AwardCall, results: list[AwardApplication]) -> Metryczka | None:
    """The metryczka of a call's published results (the BIP regulation, DOMAIN.md §J.2), in a bounded number of
    queries: the section that produced them on the date of the Mayor's latest order, the clerk who entered the
    first grant, the clerk who published the results and when, and the last change of a line or of the results.

    Read from the saved versions as every metryczka is (core.public_information): the laureates' lines of this
    call (kind "laureaci") and the call's own version in which its results became public.
    """
    kind = public_information.kind_for_key("laureaci")
    if not call.results_published or kind is None:
        return None
    lines = public_information.register_metryczka(kind, within=Q(call_id=call.pk))
    publication = (
        call.history.filter(results_published=True)
        .select_related("history_user")
        .order_by("history_date", "pk")
        .first()
    )
    published = public_information.Stamp(
        public_information.person_of(publication), publication.history_date if publication else None
    )
    changed = lines.changed
    if changed.at is None or (published.at is not None and published.at > changed.at):
        changed = published
    decided = max((laureate.decision_date for laureate in results if laureate.decision_date), default=None)
    return replace(
        lines,
        produced=public_information.Stamp("", decided or lines.produced.at),
        published=published,
        changed=changed,
    )


def call_get_public_or_404(slug: str) -> AwardCall:
    call = AwardCall.objects.public().select_related("council_resolution").filter(slug=slug).first()
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


#: The statuses in which the scholar's report is awaited: the contract is signed, and it has not been filed (or it
#: was returned for correction). Once filed, the report leaves the Terminarz.
REPORT_AWAITED_STATUSES = frozenset(
    {
        AwardApplication.Status.CONTRACT_SIGNED,
        AwardApplication.Status.PAID,
        AwardApplication.Status.REPORT_RETURNED,
    }
)


def scholarship_report_deadlines():
    """Scholarships whose report is awaited, due on `awards.deadlines.scholarship_report_due` (one query).

    DOMAIN.md §D.2: the scholar reports after the period, by the day the contract states (30 days [K]); "report
    missing" is recorded only after it.
    """
    applications = AwardApplication.objects.filter(status__in=REPORT_AWAITED_STATUSES, report_due__isnull=False).only(
        "pk", "case_mark", "report_due", "handler_id"
    )
    for application in applications:
        yield OpenDeadline(
            due_date=application.report_due,
            title=application.case_mark,
            case_mark=application.case_mark,
            url=reverse("admin:awards_awardapplication_change", args=[application.pk]),
            section="grants",
            handler_id=application.handler_id,
            rule="umowa stypendialna (art. 7b ust. 3 u.o.p.d.k.): sprawozdanie 30 dni po okresie stypendium",
        )
