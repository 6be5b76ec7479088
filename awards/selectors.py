"""Reading scholarship and award calls and applications: public lists and the Terminarz's open clocks."""

from dataclasses import replace

from django.db.models import Q
from django.http import Http404
from django.urls import reverse

from awards.models import AwardApplication, AwardAssignment, AwardCall, AwardCommitteeMember, AwardScore
from core import public_information
from core.committee import selectors as committee_selectors
from core.committee.selectors import RankingRow
from core.deadlines import OpenDeadline
from core.public_information import Metryczka

#: The applications the committee gives its opinion on, and keeps in its ranking after the Mayor's decision.
COMMITTEE_STATUSES = (
    AwardApplication.Status.FORMAL_OK,
    AwardApplication.Status.REFUSED,
    *sorted(AwardApplication.GRANTED_STATUSES),
)
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


# The committee ----------------------------------------------------------------------------------------------------


def call_ranking(call: AwardCall) -> list[RankingRow]:
    """The applications before the committee ranked by the mean points of the members with a vote (one query).

    The formally correct applications and those the Mayor has decided on (the committee's opinion does not bind
    him, so a granted application may rank below a refused one); an expert's points are advice, listed apart by
    `call_advisory_scores` (`core.committee.selectors.ranking`).
    """
    applications = AwardApplication.objects.filter(call=call, status__in=COMMITTEE_STATUSES).only(
        "pk", "case_mark", "candidate_name", "field_of_art", "category", "status", "granted_amount", "call"
    )
    return committee_selectors.ranking(
        applications,
        points="committee_assignments__score__points",
        role="committee_assignments__member__role",
        advisory_roles=AwardCommitteeMember.ADVISORY_ROLES,
    )


def call_advisory_scores(call: AwardCall):
    """The experts' points and opinions on the call's applications: shown by the ranking, not counted (one query)."""
    return (
        AwardScore.objects.filter(
            assignment__application__call=call,
            assignment__member__role__in=AwardCommitteeMember.ADVISORY_ROLES,
        )
        .select_related("assignment__application", "assignment__member__user")
        .order_by("assignment__application__case_mark", "assignment__member__user__last_name", "pk")
    )


def member_assignments(user):
    """The applications assigned to `user` as a committee member, and nothing else (the member's whole view)."""
    return (
        AwardAssignment.objects.filter(member__user=user)
        .select_related("application", "application__call", "member", "score")
        .order_by("application__call_id", "application__case_mark")
    )


def assignment_for_member_or_404(user, pk: int) -> AwardAssignment:
    """An assignment of `user`; anyone else's is 404, so applications not assigned to them stay invisible."""
    assignment = (
        AwardAssignment.objects.select_related("application", "application__call", "member", "score")
        .select_related("application__interview")
        .filter(pk=pk, member__user=user)
        .first()
    )
    if assignment is None:
        raise Http404
    return assignment


def is_committee_member(user) -> bool:
    return user.is_authenticated and AwardCommitteeMember.objects.filter(user=user).exists()
