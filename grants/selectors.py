"""Reads of grants: public lists, the ranking, what a committee member may see, and the Terminarz."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, Sum
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from core.committee import selectors as committee_selectors
from core.deadlines import OpenDeadline
from grants import rules
from grants.deadlines import small_grant_publication_latest
from grants.models import (
    CommitteeMember,
    GrantCall,
    GrantOffer,
    GrantReport,
    GrantSettlement,
    OfferAssignment,
)

PUBLIC_RESULT_STATUSES = [GrantOffer.Status.GRANTED, GrantOffer.Status.AGREEMENT, GrantOffer.Status.SETTLED]


def calls_open(now=None):
    """Calls accepting offers now, the nearest deadline first (one query)."""
    now = now or timezone.now()
    return GrantCall.objects.open_for_offers(now).order_by("offers_deadline", "pk")


def calls_archive(now=None):
    """Calls past their deadline, closed, resolved or cancelled, newest first."""
    now = now or timezone.now()
    return GrantCall.objects.archived(now).order_by("-offers_deadline", "pk")


def call_get_public_or_404(slug: str) -> GrantCall:
    """The one access helper to a call for the public: drafts never leak."""
    call = GrantCall.objects.public().prefetch_related("criteria", "documents").filter(slug=slug[:120]).first()
    if call is None:
        raise Http404
    return call


def call_results(call: GrantCall):
    """Published results of a call: offeror, task and amount granted (u.d.p.p. art. 15 ust. 2h–2j)."""
    if call.results_published_at is None:
        return GrantOffer.objects.none()
    return (
        call.offers.filter(status__in=PUBLIC_RESULT_STATUSES)
        .only("pk", "case_mark", "organisation_name", "title", "granted_amount", "call_id")
        .order_by("organisation_name", "pk")
    )


def results_all():
    """Every published result of every call, newest call first (for the results list and the BIP export)."""
    return (
        GrantOffer.objects.filter(status__in=PUBLIC_RESULT_STATUSES, call__results_published_at__isnull=False)
        .select_related("call")
        .only(
            "pk",
            "organisation_name",
            "title",
            "granted_amount",
            "call__title",
            "call__slug",
            "call__year",
            "call__results_published_at",
        )
        .order_by("-call__results_published_at", "call_id", "organisation_name", "pk")
    )


def small_grants_published():
    """Small-grant offers published for comments (u.d.p.p. art. 19a ust. 3), newest first."""
    return GrantOffer.objects.filter(kind=GrantOffer.Kind.SMALL_GRANT, published_on__isnull=False).order_by(
        "-published_on", "pk"
    )


@dataclass
class RankingRow:
    place: int
    offer: GrantOffer
    score: Decimal | None
    members_scored: int


def call_ranking(call: GrantCall) -> list[RankingRow]:
    """The formally correct offers of a call ranked by merit score (u.d.p.p. art. 15 ust. 1), two queries.

    The score (`services.offer_score_refresh`) and the count of members who scored take the members with a vote
    only: an expert's points are advice (ust. 2e), listed apart by `call_advisory_scores`.
    """
    offers = list(
        call.offers.filter(
            status__in=[GrantOffer.Status.FORMAL_OK, *PUBLIC_RESULT_STATUSES, GrantOffer.Status.NOT_GRANTED]
        )
        .annotate(
            members_scored=Count(
                "assignments__scores__assignment",
                filter=~Q(assignments__member__role__in=CommitteeMember.ADVISORY_ROLES),
                distinct=True,
            )
        )
        .order_by("pk")
    )
    by_pk = {offer.pk: offer for offer in offers}
    ranked = rules.rank({offer.pk: offer.merit_score or Decimal(0) for offer in offers})
    return [RankingRow(place, by_pk[pk], by_pk[pk].merit_score, by_pk[pk].members_scored) for place, pk, _ in ranked]


def call_advisory_scores(call: GrantCall):
    """The experts' points on the call's offers (u.d.p.p. art. 15 ust. 2e): shown beside the ranking, not counted.

    Each assignment of an expert who scored, with `total` (the sum of their points over the merit criteria), by
    offer and member; one query.
    """
    return (
        OfferAssignment.objects.filter(offer__call=call, member__role__in=CommitteeMember.ADVISORY_ROLES)
        .annotate(total=Sum("scores__points"))
        .filter(total__isnull=False)
        .select_related("offer", "member__user")
        .order_by("offer__case_mark", "member__user__last_name", "member_id")
    )


def call_offerors(call: GrantCall) -> list[rules.Offeror]:
    """Who took part in the call: every offer sent in it, whatever its status (u.d.p.p. art. 15 ust. 2d), one query.

    An offer rejected on formal grounds was still submitted in the competition, so its organisation's nominee
    stays out of the committee too.
    """
    if call.pk is None:
        return []
    rows = call.offers.order_by("pk").values_list("case_mark", "organisation_name", "register_number", "partners")
    return [
        rules.Offeror(case_mark=mark, name=name, register_number=number, partners=partners)
        for mark, name, number, partners in rows
    ]


def committee_nominee_offer(call: GrantCall, *, nominated_by: str, nominated_by_register: str) -> rules.Offeror | None:
    """The call's offer submitted by the organisation that nominated a person, or None (u.d.p.p. art. 15 ust. 2d)."""
    return rules.nominator_offer(
        nominator_name=nominated_by, nominator_register=nominated_by_register, offerors=call_offerors(call)
    )


def committee_excluded_members(call: GrantCall) -> dict[int, rules.Offeror]:
    """Members of the call's committee who may not sit, by member id, with the offer that excludes them (ust. 2d).

    Read each time, so an offer that arrives after the person was appointed flags them at once (the offer itself
    cannot be refused for it). Two queries.
    """
    offerors = call_offerors(call)
    excluded = {}
    for member in call.committee.exclude(nominated_by="", nominated_by_register=""):
        offeror = rules.nominator_offer(
            nominator_name=member.nominated_by, nominator_register=member.nominated_by_register, offerors=offerors
        )
        if offeror is not None:
            excluded[member.pk] = offeror
    return excluded


def committee_sitting_ngo_members(call: GrantCall) -> list[CommitteeMember]:
    """The persons nominated by NGOs who may sit on the call's committee (u.d.p.p. art. 15 ust. 2d, 2da)."""
    excluded = committee_excluded_members(call)
    return [m for m in call.committee.filter(role=CommitteeMember.Role.NGO) if m.pk not in excluded]


def offer_excluded_nominees(offer: GrantOffer) -> list[CommitteeMember]:
    """Members of the offer's call nominated by this offer's organisation: they may not sit (ust. 2d)."""
    if offer.call_id is None:
        return []
    offeror = rules.Offeror(
        case_mark=offer.case_mark,
        name=offer.organisation_name,
        register_number=offer.register_number,
        partners=offer.partners,
    )
    members = CommitteeMember.objects.filter(call_id=offer.call_id).exclude(nominated_by="", nominated_by_register="")
    return [
        member
        for member in members.select_related("user")
        if rules.nominator_is_offeror(
            nominator_name=member.nominated_by, nominator_register=member.nominated_by_register, offeror=offeror
        )
    ]


def member_assignments(user):
    """The offers assigned to `user` as a committee member, and nothing else (the evaluator's whole view)."""
    return (
        OfferAssignment.objects.filter(member__user=user)
        .select_related("offer", "offer__call", "member")
        .prefetch_related("scores")
        .order_by("offer__call_id", "offer__case_mark")
    )


def assignment_for_member_or_404(user, pk: int) -> OfferAssignment:
    """An assignment of `user`; anyone else's is 404, so offers not assigned to them stay invisible."""
    assignment = (
        OfferAssignment.objects.select_related("offer", "offer__call", "member")
        .prefetch_related(Prefetch("offer__costs"), Prefetch("offer__actions"), Prefetch("offer__results"), "scores")
        .filter(pk=pk, member__user=user)
        .first()
    )
    if assignment is None:
        raise Http404
    return assignment


def is_committee_member(user) -> bool:
    return user.is_authenticated and CommitteeMember.objects.filter(user=user).exists()


def small_grants_year_totals(year: int) -> dict:
    granted = GrantOffer.objects.filter(
        kind=GrantOffer.Kind.SMALL_GRANT, start_date__year=year, status__in=PUBLIC_RESULT_STATUSES
    )
    return granted.aggregate(total=Sum("granted_amount"), count=Count("pk"))


def grant_offer_deadlines():
    """Open clocks of offers for the Terminarz (one query): completions, small grants to be put up and their comments.

    A small-grant offer not yet published runs the clock of u.d.p.p. art. 19a ust. 3: 7 working days from its
    receipt to put it up in BIP, on the notice board and the website (`small_grant_publication_latest`).
    """
    awaiting_publication = Q(
        kind=GrantOffer.Kind.SMALL_GRANT,
        published_on__isnull=True,
        status__in=[GrantOffer.Status.SUBMITTED, GrantOffer.Status.INCOMPLETE, GrantOffer.Status.FORMAL_OK],
    )
    offers = GrantOffer.objects.filter(
        Q(status=GrantOffer.Status.INCOMPLETE, completion_due__isnull=False)
        | Q(status=GrantOffer.Status.PUBLISHED, comments_until__isnull=False)
        | awaiting_publication
    ).only(
        "pk",
        "kind",
        "case_mark",
        "title",
        "status",
        "completion_due",
        "comments_until",
        "published_on",
        "created_at",
        "handler_id",
    )
    for offer in offers:
        if offer.kind == GrantOffer.Kind.SMALL_GRANT and offer.published_on is None:
            due = small_grant_publication_latest(timezone.localdate(offer.created_at))
            rule = "art. 19a ust. 3 u.d.p.p.: publikacja oferty w 7 dni roboczych"
        elif offer.status == GrantOffer.Status.INCOMPLETE:
            due, rule = offer.completion_due, "uzupełnienie oferty: 7 dni"
        else:
            due, rule = offer.comments_until, "art. 19a ust. 4 u.d.p.p.: uwagi 7 dni"
        yield OpenDeadline(
            due_date=due,
            title=offer.title[:80],
            case_mark=offer.case_mark,
            url=reverse("admin:grants_grantoffer_change", args=[offer.pk]),
            section="grants",
            handler_id=offer.handler_id,
            rule=rule,
        )


def grant_report_deadlines():
    """Reports due and calls for reports, for the Terminarz (one query)."""
    reports = GrantReport.objects.filter(
        status__in=[GrantReport.Status.DUE, GrantReport.Status.CALLED, GrantReport.Status.RETURNED]
    ).select_related("agreement__offer")
    for report in reports:
        called = report.status == GrantReport.Status.CALLED
        yield OpenDeadline(
            due_date=report.call_due_on if called and report.call_due_on else report.due_on,
            title=f"{report.get_kind_display()}: {report.agreement.offer.title[:60]}",
            case_mark=report.agreement.offer.case_mark,
            url=reverse("admin:grants_grantreport_change", args=[report.pk]),
            section="grants",
            handler_id=report.agreement.offer.handler_id,
            rule="wezwanie do złożenia sprawozdania: 7 dni" if called else "art. 18 ust. 1 u.d.p.p.: 30 dni",
        )


def unused_return_rule(use_deadline) -> str:
    """The rule a Terminarz row of an unused part's return names: ust. 1 for 31 December, ust. 3 otherwise."""
    if rules.subsidy_used_until_year_end(use_deadline):
        return "art. 251 ust. 1 u.f.p.: zwrot niewykorzystanej dotacji do 31 stycznia"
    return "art. 251 ust. 3 u.f.p.: zwrot niewykorzystanej dotacji w 15 dni po terminie wykorzystania"


def grant_settlement_deadlines():
    """Returns of unused or misused subsidies, for the Terminarz (one query)."""
    settlements = GrantSettlement.objects.filter(settled_at__isnull=True, returned_on__isnull=True).select_related(
        "agreement__offer"
    )
    for settlement in settlements:
        for due, rule in (
            (settlement.unused_return_due, unused_return_rule(settlement.agreement.use_deadline)),
            (settlement.misused_return_due, "art. 252 ust. 1 u.f.p.: zwrot w 15 dni od stwierdzenia"),
        ):
            if due:
                yield OpenDeadline(
                    due_date=due,
                    title=settlement.agreement.offer.title[:80],
                    case_mark=settlement.agreement.offer.case_mark,
                    url=reverse("admin:grants_grantsettlement_change", args=[settlement.pk]),
                    section="grants",
                    handler_id=settlement.agreement.offer.handler_id,
                    rule=rule,
                )


def institution_subsidy_deadlines():
    """Targeted subsidies to the city's institutions still to be used or settled, for the grants Terminarz.

    DOMAIN.md §C.4 (u.o.p.d.k. art. 28; u.f.p. art. 251): until the use deadline the clock is the use, then the
    settlement (the agreed day, else `rules.institution_subsidy_settlement_due`). Subject subsidies are settled
    with the annual statement and have no clock here. The records are `institutions.InstitutionSubsidy`.
    """
    from institutions.models import InstitutionSubsidy

    today = timezone.localdate()
    subsidies = (
        InstitutionSubsidy.objects.filter(settled_on__isnull=True)
        .exclude(kind=InstitutionSubsidy.Kind.SUBJECT)
        .select_related("institution")
        .only(
            "pk",
            "year",
            "purpose",
            "use_deadline",
            "settlement_due",
            "institution__full_name",
            "institution__entry_no",
        )
    )
    for subsidy in subsidies:
        use_deadline = rules.institution_subsidy_use_deadline(year=subsidy.year, agreed=subsidy.use_deadline)
        if today <= use_deadline:
            due, rule = use_deadline, "art. 250 pkt 2 u.f.p.: wykorzystanie dotacji celowej"
        else:
            due = subsidy.settlement_due or rules.institution_subsidy_settlement_due(use_deadline)
            rule = unused_return_rule(use_deadline)
        yield OpenDeadline(
            due_date=due,
            title=f"{subsidy.institution.full_name}: {subsidy.purpose}"[:120],
            case_mark=f"RIK {subsidy.institution.entry_no}",
            url=reverse("admin:institutions_institutionsubsidy_change", args=[subsidy.pk]),
            section="grants",
            handler_id=None,
            rule=rule,
        )


def committee_candidates(term: str = ""):
    """The people a grants clerk may appoint to a call's committee: active staff accounts, by name.

    The kernel's `core.committee.selectors.committee_candidates`: a person nominated by NGOs (u.d.p.p. art. 15
    ust. 2a) gets a staff account without any role group; e-mail addresses are never searched.
    """
    return committee_selectors.committee_candidates(term)


def committee_candidate_label(user) -> str:
    """How the picker names a person: first and last name, the login only for an account without a name."""
    return committee_selectors.committee_candidate_label(user)
