"""The kernel's committee on its own: declarations, the check before scoring, the ranking and the rules.

`core.committee` serves every committee (grants: u.d.p.p. art. 15 ust. 2a–2f; scholarships and awards: u.o.p.d.k.
art. 7a/7b with the council's resolution). The services and the ranking are called here directly, on rows written
by hand, without either app's services: a member who declares a conflict never scores (k.p.a. art. 24), nobody
scores before declaring or on a case not assigned to them, and an expert's points are shown but not counted.
"""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from awards.models import AwardApplication, AwardAssignment, AwardCommitteeMember, AwardScore
from core.committee import rules, selectors, services
from core.committee.forms import ImpartialityForm
from core.committee.models import CommitteeAssignmentBase, CommitteeMemberBase, CommitteeScoreBase
from core.committee.views import verified_user
from grants.models import CommitteeMember, MeritScore, OfferAssignment
from tests.awards.factories import appointed_committee, formal_application, make_call

CHAIR, MEMBER, EXPERT = (AwardCommitteeMember.Role.CHAIR, AwardCommitteeMember.Role.MEMBER, "expert")


def test_both_committees_are_the_kernel_s_one_mechanism():
    assert issubclass(CommitteeMember, CommitteeMemberBase)
    assert issubclass(AwardCommitteeMember, CommitteeMemberBase)
    assert issubclass(OfferAssignment, CommitteeAssignmentBase)
    assert issubclass(AwardAssignment, CommitteeAssignmentBase)
    assert issubclass(MeritScore, CommitteeScoreBase)
    assert issubclass(AwardScore, CommitteeScoreBase)
    assert CommitteeMemberBase._meta.abstract
    assert CommitteeAssignmentBase._meta.abstract
    assert CommitteeScoreBase._meta.abstract


def test_equal_scores_share_a_place_and_the_next_place_is_skipped():
    ranked = rules.rank({1: Decimal(8), 2: Decimal(9), 3: Decimal(8), 4: Decimal(5)})
    assert ranked == [(1, 2, Decimal(9)), (2, 1, Decimal(8)), (2, 3, Decimal(8)), (4, 4, Decimal(5))]


def test_the_mean_of_the_votes_has_two_decimal_places_and_none_without_votes():
    assert rules.votes_mean([Decimal(7), Decimal(8), Decimal(8)]) == Decimal("7.67")
    assert rules.votes_mean([]) is None


@pytest.mark.parametrize(("points", "valid"), [("-0.01", False), ("0", True), ("10", True), ("10.01", False)])
def test_points_stay_on_the_scale(points, valid):
    assert (rules.points_error(Decimal(points), 10) == "") is valid
    assert rules.points_error(None, 10) != ""


@pytest.fixture
def committee(db, make_clerk):
    """A call with two formally correct applications and a committee of a chair, a member and an expert."""
    call = make_call()
    applications = [formal_application(call, name) for name in ("Marta Zielińska", "Tomasz Kania")]
    people = [make_clerk(first_name=name) for name in ("Katarzyna", "Piotr", "Jolanta")]
    members = appointed_committee(call, zip(people, (CHAIR, MEMBER, EXPERT), strict=True))
    return {"call": call, "applications": applications, "members": members, "people": people}


def assigned(member, application, *, has_conflict=None):
    assignment = AwardAssignment.objects.create(member=member, application=application)
    if has_conflict is not None:
        services.impartiality_declare(assignment=assignment, has_conflict=has_conflict, acting_user=member.user)
    return assignment


def test_a_member_who_declares_a_conflict_never_scores(committee):
    member = committee["members"][0]
    assignment = assigned(member, committee["applications"][0])
    with pytest.raises(PermissionDenied):
        services.scoring_check(assignment=assignment, acting_user=member.user)  # before the declaration
    services.impartiality_declare(assignment=assignment, has_conflict=True, acting_user=member.user)
    assignment.refresh_from_db()
    assert assignment.declared_at is not None
    assert assignment.has_conflict is True
    assert not assignment.may_score
    with pytest.raises(PermissionDenied):
        services.scoring_check(assignment=assignment, acting_user=member.user)
    # The declaration is final: no second one to withdraw the conflict.
    with pytest.raises(services.CommitteeError) as refused:
        services.impartiality_declare(assignment=assignment, has_conflict=False, acting_user=member.user)
    assert refused.value.code == "declared"
    assignment.refresh_from_db()
    assert assignment.has_conflict is True


def test_only_the_assigned_member_declares_and_scores(committee):
    member, colleague = committee["members"][:2]
    assignment = assigned(member, committee["applications"][0])
    with pytest.raises(PermissionDenied):
        services.impartiality_declare(assignment=assignment, has_conflict=False, acting_user=colleague.user)
    services.impartiality_declare(assignment=assignment, has_conflict=False, acting_user=member.user)
    services.scoring_check(assignment=assignment, acting_user=member.user)  # declared without a conflict: allowed
    with pytest.raises(PermissionDenied):
        services.scoring_check(assignment=assignment, acting_user=colleague.user)  # not assigned to them
    with pytest.raises(PermissionDenied):
        services.scoring_check(assignment=assignment, acting_user=None)


def scored(member, application, points):
    assignment = assigned(member, application, has_conflict=False)
    AwardScore.objects.create(assignment=assignment, points=Decimal(points))


def ranking(call):
    return selectors.ranking(
        AwardApplication.objects.filter(call=call),
        points="committee_assignments__score__points",
        role="committee_assignments__member__role",
        advisory_roles=AwardCommitteeMember.ADVISORY_ROLES,
    )


def test_the_ranking_averages_the_voting_members_and_shows_the_expert_uncounted(committee):
    chair, member, expert = committee["members"]
    marta, tomasz = committee["applications"]
    third = formal_application(committee["call"], "Ewa Pietrzyk")
    scored(chair, marta, "6")
    scored(member, marta, "7")
    scored(expert, marta, "10")  # advice: would lift Marta above Tomasz if it counted
    scored(chair, tomasz, "8")
    assigned(member, tomasz, has_conflict=True)  # the member's conflict: Tomasz's mean is the chair's alone
    rows = ranking(committee["call"])
    assert [(row.place, row.case.pk, row.score, row.votes) for row in rows] == [
        (1, tomasz.pk, Decimal("8.00"), 1),
        (2, marta.pk, Decimal("6.50"), 2),
        (3, third.pk, None, 0),  # not scored yet: last, without a score
    ]


def test_equal_means_share_a_place_in_the_ranking(committee):
    chair, member, _expert = committee["members"]
    marta, tomasz = committee["applications"]
    scored(chair, marta, "8")
    scored(member, marta, "6")
    scored(chair, tomasz, "7")
    rows = ranking(committee["call"])
    assert [(row.place, row.score) for row in rows] == [(1, Decimal("7.00")), (1, Decimal("7.00"))]


def test_the_ranking_is_one_query_whatever_the_number_of_cases(committee, django_assert_num_queries):
    chair, member, _expert = committee["members"]
    for n in range(6):
        application = formal_application(committee["call"], f"Artysta {n}")
        scored(chair, application, str(n))
        scored(member, application, "5")
    with django_assert_num_queries(1):
        rows = ranking(committee["call"])
        assert len(rows) == 8


def test_the_declaration_form_reads_the_conflict_and_takes_the_app_s_wording():
    form = ImpartialityForm({"has_conflict": "yes"})
    assert form.is_valid()
    assert form.cleaned_data["has_conflict"] is True
    assert ImpartialityForm({"has_conflict": "no"}).is_valid()
    assert not ImpartialityForm({}).is_valid()

    class OfferDeclaration(ImpartialityForm):
        conflict_label = "Nie ocenię tej oferty."

    assert dict(OfferDeclaration().fields["has_conflict"].choices)["yes"] == "Nie ocenię tej oferty."


def test_the_panel_admits_nobody_signed_out():
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    assert verified_user(request) is None
