"""Reads of a committee: the ranking of a call's cases by the votes, and the people a clerk may appoint."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Avg, Count, Q, QuerySet

from core.committee import rules


@dataclass
class RankingRow:
    """A case's line of the ranking: its place, the mean of the votes (None: not scored) and how many voted."""

    place: int
    case: Any
    score: Decimal | None
    votes: int


def ranking(cases: QuerySet, *, points: str, role: str, advisory_roles) -> list[RankingRow]:
    """Rank `cases` by the mean of the points of the members with a vote, in one query.

    `points` is the lookup from the case to a score's points (e.g. "committee_assignments__score__points"),
    `role` the lookup to the member's role on the same assignment; points of a role in `advisory_roles` (an
    expert with an advisory voice) are left out of the mean and the count. A case nobody has scored yet is
    ranked last with no score; equal means share a place (`rules.rank`).
    """
    voting = ~Q(**{f"{role}__in": list(advisory_roles)}) if advisory_roles else Q()
    rows = list(
        cases.annotate(
            committee_score=Avg(points, filter=voting), committee_votes=Count(points, filter=voting)
        ).order_by("pk")
    )
    by_pk = {case.pk: case for case in rows}
    scores = {
        case.pk: None if case.committee_score is None else rules.points_round(case.committee_score) for case in rows
    }
    ranked = rules.rank({pk: score if score is not None else Decimal(-1) for pk, score in scores.items()})
    return [RankingRow(place, by_pk[pk], scores[pk], by_pk[pk].committee_votes) for place, pk, _score in ranked]


def committee_candidates(term: str = ""):
    """The people a clerk may appoint to a committee: active staff accounts, by name.

    Members score in the committee's panel behind the clerks' sign-in with a second factor, which admits staff
    accounts only, so an outside member (a person nominated by NGOs, an expert) gets a staff account without any
    role group. Every word of `term` must match a first name, a last name or a login; e-mail addresses are
    never searched, so the picker cannot be used to probe them.
    """
    people = get_user_model().objects.filter(is_active=True, is_staff=True)
    for word in term.split()[:5]:
        people = people.filter(
            Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(username__icontains=word)
        )
    return people.order_by("last_name", "first_name", "username", "pk")


def committee_candidate_label(user) -> str:
    """How the picker names a person: first and last name, the login only for an account without a name."""
    return user.get_full_name() or user.get_username()
