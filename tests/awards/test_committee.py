"""The committee of a scholarships or awards call, on the kernel's mechanism (core.committee).

u.o.p.d.k. art. 7a ust. 3 and art. 7b ust. 3 with the council's resolution (DOMAIN.md §D.2, §D.3): the Prezydent
appoints the committee by zarządzenie; each member declares impartiality (k.p.a. art. 24) on each application
assigned and gives points and an opinion; the committee may hear the candidate; its ranking does not bind the
Prezydent, whose order decides.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from awards import selectors, services
from awards.models import AwardApplication, AwardAssignment, AwardCommitteeMember, AwardInterview, AwardScore
from core.models import CaseMessage
from core.services import transition_perform
from tests.awards.factories import GRANTS_GROUP, OTHER_GROUP, appointed_committee, formal_application, make_call
from tests.conftest import otp_login

Role = AwardCommitteeMember.Role


@pytest.fixture
def committee(db, make_clerk):
    """A scholarship call with two formally correct applications and its committee: a chair, a member, an expert."""
    call = make_call()
    applications = [formal_application(call, name) for name in ("Marta Zielińska", "Tomasz Kania")]
    people = [
        make_clerk(first_name=first, last_name=last)
        for first, last in (("Katarzyna", "Mazur"), ("Piotr", "Lis"), ("Jolanta", "Wójcik"))
    ]
    members = appointed_committee(call, zip(people, (Role.CHAIR, Role.MEMBER, Role.EXPERT), strict=True))
    return {"call": call, "applications": applications, "members": members}


def assign(member, application):
    return services.application_assign(member=member, application=application, acting_user=None)


def declared(member, application, *, has_conflict=False):
    assignment = assign(member, application)
    return services.impartiality_declare(assignment=assignment, has_conflict=has_conflict, acting_user=member.user)


def score(member, application, points, opinion="Dobry program."):
    assignment = declared(member, application)
    return services.score_record(
        assignment=assignment, points=Decimal(points), opinion=opinion, acting_user=member.user
    )


def test_applications_go_to_the_committee_only_once_it_is_appointed_and_when_formally_correct(db, make_clerk):
    call = make_call()
    application = formal_application(call, "Marta Zielińska")
    member = AwardCommitteeMember.objects.create(call=call, user=make_clerk(), role=Role.MEMBER)
    with pytest.raises(services.AwardError) as refused:
        assign(member, application)
    assert refused.value.code == "committee_order"
    appointed_committee(call, [])
    assert assign(member, application).application == application
    assert assign(member, application) == AwardAssignment.objects.get()  # once

    other_call = formal_application(make_call(title="Nagrody"), "Henryk Malarz")
    with pytest.raises(services.AwardError, match="innego naboru"):
        assign(member, other_call)
    refused_application = formal_application(call, "Ewa Pietrzyk")
    AwardApplication.objects.filter(pk=refused_application.pk).update(
        decision_number="ZP.0050.1.2026", decision_date=timezone.localdate()
    )
    transition_perform(obj=AwardApplication.objects.get(pk=refused_application.pk), name="refuse", acting_user=None)
    with pytest.raises(services.AwardError) as refused:
        assign(member, AwardApplication.objects.get(pk=refused_application.pk))
    assert refused.value.code == "status"


def test_a_member_who_declares_a_conflict_cannot_score(committee):
    member = committee["members"][1]
    assignment = declared(member, committee["applications"][0], has_conflict=True)
    with pytest.raises(PermissionDenied):
        services.score_record(assignment=assignment, points=Decimal(8), opinion="", acting_user=member.user)
    assert not AwardScore.objects.exists()


def test_a_score_before_the_declaration_is_refused_and_then_recorded_on_the_scale(committee):
    member = committee["members"][0]
    assignment = assign(member, committee["applications"][0])
    with pytest.raises(PermissionDenied):
        services.score_record(assignment=assignment, points=Decimal(8), opinion="", acting_user=member.user)
    services.impartiality_declare(assignment=assignment, has_conflict=False, acting_user=member.user)
    with pytest.raises(services.AwardError) as refused:
        services.score_record(assignment=assignment, points=Decimal("10.5"), opinion="", acting_user=member.user)
    assert refused.value.code == "points"
    services.score_record(assignment=assignment, points=Decimal(8), opinion=" Dobry. ", acting_user=member.user)
    services.score_record(assignment=assignment, points=Decimal(9), opinion="Lepszy.", acting_user=member.user)
    assert list(AwardScore.objects.values_list("points", "comment")) == [(Decimal(9), "Lepszy.")]


def test_a_member_not_assigned_the_application_cannot_score_it(committee):
    chair, member, _expert = committee["members"]
    assignment = declared(chair, committee["applications"][0])
    with pytest.raises(PermissionDenied):
        services.score_record(assignment=assignment, points=Decimal(8), opinion="", acting_user=member.user)


def test_the_ranking_counts_the_voting_members_and_shows_the_expert_apart(committee):
    chair, member, expert = committee["members"]
    marta, tomasz = committee["applications"]
    score(chair, marta, "6")
    score(member, marta, "7")
    score(expert, marta, "10", opinion="Wybitny projekt.")
    score(chair, tomasz, "8")
    score(member, tomasz, "9")
    rows = selectors.call_ranking(committee["call"])
    assert [(row.place, row.case.candidate_name, row.score, row.votes) for row in rows] == [
        (1, "Tomasz Kania", Decimal("8.50"), 2),
        (2, "Marta Zielińska", Decimal("6.50"), 2),
    ]
    advisory = selectors.call_advisory_scores(committee["call"])
    assert [(s.assignment.member.user.first_name, s.points, s.comment) for s in advisory] == [
        ("Jolanta", Decimal(10), "Wybitny projekt.")
    ]


def test_the_opinion_does_not_bind_the_mayor_and_scoring_ends_with_the_decision(committee):
    chair, member, _expert = committee["members"]
    marta, tomasz = committee["applications"]
    score(chair, marta, "9")
    score(chair, tomasz, "4")
    assignment = declared(member, tomasz)
    # The Mayor grants the lower-ranked application: the guard asks for the order, never for the ranking.
    AwardApplication.objects.filter(pk=tomasz.pk).update(
        decision_number="ZP.0050.321.2026", decision_date=timezone.localdate(), granted_amount=Decimal("4000")
    )
    tomasz = transition_perform(obj=AwardApplication.objects.get(pk=tomasz.pk), name="grant", acting_user=None)
    assert tomasz.status == AwardApplication.Status.GRANTED
    assert [row.case.candidate_name for row in selectors.call_ranking(committee["call"])] == [
        "Marta Zielińska",
        "Tomasz Kania",
    ]
    assignment.refresh_from_db()
    with pytest.raises(services.AwardError) as refused:
        services.score_record(assignment=assignment, points=Decimal(5), opinion="", acting_user=member.user)
    assert refused.value.code == "stage"


def test_the_interview_is_told_to_the_applicant_on_the_tracking_page(committee):
    application = committee["applications"][0]
    when = timezone.localtime().replace(hour=10, minute=30, second=0, microsecond=0) + timedelta(days=7)
    with pytest.raises(services.AwardError):
        services.interview_schedule(
            application=application, starts_at=timezone.now() - timedelta(hours=1), place="Sala 212", acting_user=None
        )
    services.interview_schedule(application=application, starts_at=when, place="Sala 212", acting_user=None)
    services.interview_schedule(
        application=application, starts_at=when + timedelta(days=1), place="Sala 9", acting_user=None
    )
    assert AwardInterview.objects.get().place == "Sala 9"
    bodies = list(
        CaseMessage.objects.filter(object_id=application.pk, author_kind=CaseMessage.Author.CLERK)
        .order_by("pk")
        .values_list("body", flat=True)
    )
    assert len(bodies) == 2
    assert when.strftime("%d.%m.%Y") in bodies[0]
    assert "10:30" in bodies[0]
    assert "Sala 212" in bodies[0]
    assert "Sala 9" in bodies[1]
    assert "rozmowę" in bodies[0]


# The committee's panel ------------------------------------------------------------------------------------------


@pytest.fixture
def panel(client, committee):
    member = committee["members"][1]
    mine = assign(member, committee["applications"][0])
    theirs = assign(committee["members"][0], committee["applications"][1])
    otp_login(client, member.user)
    return {"mine": mine, "theirs": theirs, **committee}


def test_the_panel_lists_only_the_member_s_applications(client, panel):
    page = client.get(reverse("awards:committee_panel")).content.decode()
    assert panel["mine"].application.case_mark in page
    assert panel["theirs"].application.case_mark not in page
    assert client.get(reverse("awards:committee_assignment", args=[panel["theirs"].pk])).status_code == 404
    assert client.get(reverse("awards:committee_assignment", args=[panel["mine"].pk])).status_code == 200


def test_the_panel_keeps_out_the_signed_out_and_those_not_on_a_committee(client, panel, make_clerk):
    client.logout()
    assert client.get(reverse("awards:committee_panel")).status_code == 404
    assert client.get(reverse("awards:committee_assignment", args=[panel["mine"].pk])).status_code == 404
    otp_login(client, make_clerk(groups=[GRANTS_GROUP]))
    assert client.get(reverse("awards:committee_panel")).status_code == 403
    assert client.get(reverse("awards:committee_assignment", args=[panel["mine"].pk])).status_code == 404


def test_a_member_declares_and_scores_in_the_panel(client, panel):
    url = reverse("awards:committee_assignment", args=[panel["mine"].pk])
    client.post(url, {"points": "8", "opinion": "Za wcześnie.", "score": "1"})
    assert not AwardScore.objects.exists()
    client.post(url, {"declare": "1", "has_conflict": "no"})
    page = client.post(url, {"points": "11", "opinion": "", "score": "1"}).content.decode()
    assert 'class="error-summary"' in page
    response = client.post(url, {"points": "7,5", "opinion": "Ciekawy program.", "score": "1"}, follow=True)
    assert gettext("Your scores have been saved.") in response.content.decode()
    assert list(AwardScore.objects.values_list("points", "comment")) == [(Decimal("7.5"), "Ciekawy program.")]


def test_a_conflict_declared_in_the_panel_closes_the_scoring(client, panel):
    url = reverse("awards:committee_assignment", args=[panel["mine"].pk])
    client.post(url, {"declare": "1", "has_conflict": "yes"})
    page = client.get(url).content.decode()
    assert 'name="points"' not in page
    client.post(url, {"points": "8", "opinion": "", "score": "1"})
    assert not AwardScore.objects.exists()


# The admin: per role ----------------------------------------------------------------------------------------------

COMMITTEE_ADMIN_PAGES = [
    "admin:awards_awardcommitteemember_changelist",
    "admin:awards_awardassignment_changelist",
    "admin:awards_awardscore_changelist",
    "admin:awards_awardinterview_changelist",
    "admin:awards_awardassignment_add",
    "admin:awards_awardinterview_add",
]


def test_the_grants_section_runs_the_committee_and_other_roles_are_kept_out(clerk_client, committee):
    grants_clerk = clerk_client(groups=[GRANTS_GROUP])
    press_clerk = clerk_client(groups=[OTHER_GROUP])
    member = clerk_client()  # a member from outside: staff, no role group
    AwardCommitteeMember.objects.create(call=committee["call"], user=member.clerk, role=Role.MEMBER)
    for name in COMMITTEE_ADMIN_PAGES:
        assert grants_clerk.get(reverse(name)).status_code == 200, name
        assert press_clerk.get(reverse(name)).status_code == 403, name
        assert member.get(reverse(name)).status_code == 403, name
    # Scores are the members' own: the clerks only read them.
    assert grants_clerk.get(reverse("admin:awards_awardscore_add")).status_code == 403
    call_page = reverse("admin:awards_awardcall_change", args=[committee["call"].pk])
    assert grants_clerk.get(call_page).status_code == 200
    assert press_clerk.get(call_page).status_code == 403
    assert member.get(call_page).status_code == 403


def test_the_picker_offers_staff_by_name_to_the_grants_clerk_only(clerk_client, committee):
    url = reverse("admin:awards_awardcommitteemember_candidates")
    answer = clerk_client(groups=[GRANTS_GROUP]).get(url, {"term": "Wójcik"})
    assert [row["text"] for row in answer.json()["results"]] == ["Jolanta Wójcik"]
    assert "@" not in answer.content.decode()
    assert clerk_client(groups=[OTHER_GROUP]).get(url, {"term": "Wójcik"}).status_code == 403


def test_the_clerk_assigns_through_the_service_and_sees_the_refusal(clerk_client, committee, db):
    clerk = clerk_client(groups=[GRANTS_GROUP])
    member = committee["members"][0]
    submitted = AwardApplication.objects.filter(pk=committee["applications"][0].pk)
    submitted.update(status=AwardApplication.Status.SUBMITTED)
    url = reverse("admin:awards_awardassignment_add")
    page = clerk.post(url, {"member": member.pk, "application": submitted.get().pk}).content.decode()
    assert "Komisji przekazuje się tylko wnioski poprawne formalnie" in page
    assert not AwardAssignment.objects.exists()
    response = clerk.post(url, {"member": member.pk, "application": committee["applications"][1].pk})
    assert response.status_code == 302
    assert AwardAssignment.objects.get().application == committee["applications"][1]


def test_the_call_s_page_shows_the_ranking_in_queries_that_do_not_grow_with_the_applications(clerk_client, committee):
    clerk = clerk_client(groups=[GRANTS_GROUP])
    chair, member, expert = committee["members"]
    url = reverse("admin:awards_awardcall_change", args=[committee["call"].pk])

    def add_scored(n):
        for i in range(n):
            application = formal_application(committee["call"], f"Artysta {AwardApplication.objects.count()}-{i}")
            score(chair, application, "7")
            score(member, application, "8")
            score(expert, application, "9")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            page = clerk.get(url).content.decode()
        return len(captured), page

    add_scored(2)
    few, page = queries()
    assert 'class="call-ranking"' in page
    assert "7,50" in page
    add_scored(8)
    many, page = queries()
    assert page.count("7,50") >= 10
    assert many == few
