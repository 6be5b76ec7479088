"""The committee (u.d.p.p. art. 15 ust. 2a–2f): members, assignments, impartiality and merit scores.

The declaration of impartiality and the check before scoring are the kernel's (`core.committee.services`), the same
for every committee; what is the competition's own (the nominators of ust. 2d, the merit criteria, the stage of the
call) stays here.
"""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from core.committee import services as committee
from grants import rules, selectors
from grants.models import CommitteeMember, GrantCall, GrantOffer, MeritScore, OfferAssignment
from grants.services.common import GrantError


def committee_member_check(*, call: GrantCall, role: str, nominated_by: str, nominated_by_register: str) -> None:
    """May this person sit on the call's committee? Raises GrantError in Polish when not (u.d.p.p. art. 15 ust. 2d).

    A person nominated by NGOs names the nominating organisation; nobody nominated by an organisation that
    submitted an offer in the call sits on its committee (`grants.rules.nominator_offer`). The admin's member
    form asks the same question through this function.
    """
    if role == CommitteeMember.Role.NGO and not nominated_by.strip():
        raise GrantError(
            _("Give the organisation that nominated the person (u.d.p.p. art. 15 ust. 2d)."), code="nominator"
        )
    offeror = selectors.committee_nominee_offer(
        call, nominated_by=nominated_by, nominated_by_register=nominated_by_register
    )
    if offeror is not None:
        raise GrantError(
            rules.nominee_excluded_message(nominator_name=nominated_by, offeror=offeror), code="nominee_excluded"
        )


def committee_member_add(
    *,
    call: GrantCall,
    user,
    role: str,
    acting_user,
    nominated_by: str = "",
    nominated_by_register: str = "",
) -> CommitteeMember:
    """Appoint a member of the call's committee; a person already on it keeps their place.

    u.d.p.p. art. 15 ust. 2d: refused (GrantError) for a person nominated by an organisation that submitted an
    offer in the call, and for a person nominated by NGOs without the nominating organisation.
    """
    existing = CommitteeMember.objects.filter(call=call, user=user).first()
    if existing is not None:
        return existing
    committee_member_check(
        call=call, role=role, nominated_by=nominated_by, nominated_by_register=nominated_by_register
    )
    return CommitteeMember.objects.create(
        call=call,
        user=user,
        role=role,
        nominated_by=nominated_by.strip(),
        nominated_by_register=nominated_by_register.strip(),
    )


def _refuse_excluded_member(member: CommitteeMember) -> None:
    """A member nominated by an offering organisation neither gets offers nor scores them (ust. 2d)."""
    offeror = selectors.committee_excluded_members(member.call).get(member.pk)
    if offeror is not None:
        raise GrantError(
            rules.nominee_excluded_message(nominator_name=member.nominated_by, offeror=offeror),
            code="nominee_excluded",
        )


def offer_assign(*, member: CommitteeMember, offer: GrantOffer, acting_user) -> OfferAssignment:
    """Give a formally correct offer of the member's call to the member to score."""
    if offer.call_id != member.call_id:
        raise GrantError(_("The offer belongs to another call."), code="call")
    if offer.status != GrantOffer.Status.FORMAL_OK:
        raise GrantError(_("Only formally correct offers are scored."), code="status")
    _refuse_excluded_member(member)
    assignment, _created = OfferAssignment.objects.get_or_create(member=member, offer=offer)
    return assignment


def impartiality_declare(*, assignment: OfferAssignment, has_conflict: bool, acting_user) -> OfferAssignment:
    """The member's declaration of impartiality on an assigned offer (k.p.a. art. 24 via u.d.p.p. art. 15 ust. 2f).

    Only the member themself declares; a declaration is final (a conflict cannot be withdrawn to score): the
    kernel's `core.committee.services.impartiality_declare`, refusing with a GrantError.
    """
    return committee.impartiality_declare(
        assignment=assignment, has_conflict=has_conflict, acting_user=acting_user, error=GrantError
    )


def scores_record(*, assignment: OfferAssignment, points: dict[int, Decimal], acting_user) -> OfferAssignment:
    """Record the member's points per merit criterion of the call and refresh the offer's score.

    u.d.p.p. art. 15 ust. 1. Refused (PermissionDenied) to anyone but the member, and (GrantError) without
    a declaration of no conflict, outside the evaluation stage, to a member nominated by an offering organisation
    (ust. 2d), or with points outside 0…max. An expert (ust. 2e) scores too: the points are shown, not counted.
    """
    committee.scoring_check(assignment=assignment, acting_user=acting_user)
    offer = assignment.offer
    if offer.call.status != GrantCall.Status.EVALUATION or offer.status != GrantOffer.Status.FORMAL_OK:
        raise GrantError(_("Offers are scored only while the call is being evaluated."), code="stage")
    _refuse_excluded_member(assignment.member)
    criteria = {c.pk: c for c in offer.call.criteria.filter(kind="merit")}
    if set(points) != set(criteria):
        raise GrantError(_("Give points for every merit criterion."), code="criteria")
    for criterion_id, value in points.items():
        error = rules.points_error(value, criteria[criterion_id].max_points)
        if error:
            raise GrantError(f"{criteria[criterion_id].name}: {error}", code="points")
    with transaction.atomic():
        for criterion_id, value in points.items():
            MeritScore.objects.update_or_create(
                assignment=assignment, criterion_id=criterion_id, defaults={"points": value}
            )
        offer_score_refresh(offer=offer)
    return assignment


def offer_score_refresh(*, offer: GrantOffer) -> GrantOffer:
    """Store the offer's merit score: per-criterion mean of the voting members' points, summed (grants.rules).

    u.d.p.p. art. 15 ust. 2e: an expert with an advisory voice gives an opinion; their points are kept and shown
    (`selectors.call_advisory_scores`) but do not enter the score the ranking orders by.
    """
    member_points: dict[int, dict[int, Decimal]] = {}
    voting = MeritScore.objects.filter(assignment__offer=offer).exclude(
        assignment__member__role__in=CommitteeMember.ADVISORY_ROLES
    )
    for score in voting.select_related("assignment"):
        member_points.setdefault(score.assignment.member_id, {})[score.criterion_id] = score.points
    offer.merit_score = rules.offer_merit_score(member_points) if member_points else None
    offer.save(update_fields=["merit_score", "updated_at"])
    return offer
