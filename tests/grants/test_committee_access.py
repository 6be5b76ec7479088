"""Evaluators see only the offers assigned to them and cannot score one they declared a conflict on."""

from datetime import datetime

import pytest
import time_machine
from openpyxl import load_workbook

from core.services import transition_perform
from grants import services
from grants.models import GrantOffer, MeritScore
from tests.conftest import otp_login
from tests.grants.factories import WARSAW, make_call, offer_post


@pytest.fixture
def setup(client, make_clerk):
    with time_machine.travel(datetime(2026, 3, 10, 12, tzinfo=WARSAW), tick=False):
        call = make_call(status="published")
        for n in range(2):
            data = offer_post(organisation_name=f"Stowarzyszenie {n}", title=f"Zadanie {n}")
            client.post(f"/dotacje/konkursy/{call.slug}/oferta/", data)
    with time_machine.travel(datetime(2026, 3, 24, 12, tzinfo=WARSAW), tick=False):
        transition_perform(obj=call, name="close_offers", acting_user=None)
    mine, other = GrantOffer.objects.order_by("pk")
    for offer in (mine, other):
        transition_perform(obj=offer, name="formal_ok", acting_user=None)
    evaluator = make_clerk(is_staff=False)
    colleague = make_clerk(is_staff=False)
    member = services.committee_member_add(
        call=call, user=evaluator, role="ngo", acting_user=None, nominated_by="Fundacja Rozwoju Kochłowic"
    )
    colleague_member = services.committee_member_add(call=call, user=colleague, role="organ", acting_user=None)
    assignment = services.offer_assign(member=member, offer=mine, acting_user=None)
    colleague_assignment = services.offer_assign(member=colleague_member, offer=other, acting_user=None)
    client.logout()
    otp_login(client, evaluator)
    return {"call": call, "mine": mine, "other": other, "assignment": assignment, "theirs": colleague_assignment}


def test_the_panel_lists_only_assigned_offers(client, setup):
    page = client.get("/dotacje/komisja/").content.decode()
    assert setup["mine"].case_mark in page
    assert setup["other"].case_mark not in page


def test_another_members_offer_is_404(client, setup):
    assert client.get(f"/dotacje/komisja/oferty/{setup['theirs'].pk}/").status_code == 404
    assert client.get(f"/dotacje/komisja/oferty/{setup['assignment'].pk}/").status_code == 200


def test_anonymous_and_non_members_are_kept_out(client, setup, make_clerk):
    client.logout()
    assert client.get("/dotacje/komisja/").status_code == 404
    otp_login(client, make_clerk())
    assert client.get("/dotacje/komisja/").status_code == 403
    assert client.get(f"/dotacje/komisja/oferty/{setup['assignment'].pk}/").status_code == 404


def test_scoring_needs_a_declaration_and_is_refused_after_a_conflict(client, setup):
    url = f"/dotacje/komisja/oferty/{setup['assignment'].pk}/"
    criteria = list(setup["call"].criteria.filter(kind="merit"))
    scores = {f"criterion_{c.pk}": "5" for c in criteria}
    with time_machine.travel(datetime(2026, 3, 25, 12, tzinfo=WARSAW), tick=False):
        client.post(url, {**scores, "score": "1"})
        assert not MeritScore.objects.exists()
        client.post(url, {"declare": "1", "has_conflict": "yes"})
        client.post(url, {**scores, "score": "1"})
    assert not MeritScore.objects.exists()
    setup["assignment"].refresh_from_db()
    assert setup["assignment"].has_conflict is True


def test_a_member_without_conflict_scores_and_the_points_stay_in_range(client, setup):
    url = f"/dotacje/komisja/oferty/{setup['assignment'].pk}/"
    criteria = list(setup["call"].criteria.filter(kind="merit"))
    client.post(url, {"declare": "1", "has_conflict": "no"})
    page = client.post(url, {**{f"criterion_{c.pk}": "11" for c in criteria}, "score": "1"}).content.decode()
    assert 'class="error-summary"' in page
    assert not MeritScore.objects.exists()
    client.post(url, {**{f"criterion_{c.pk}": "7,5" for c in criteria}, "score": "1"})
    assert MeritScore.objects.count() == 2
    setup["mine"].refresh_from_db()
    assert str(setup["mine"].merit_score) == "15.00"


def test_the_ranking_exports_are_for_grants_clerks_only(client, setup, clerk_client):
    call = setup["call"]
    assert client.get(f"/dotacje/komisja/konkursy/{call.pk}/ranking.xlsx").status_code == 403
    clerk = clerk_client(groups=["Dotacje, stypendia i nagrody"])
    response = clerk.get(f"/dotacje/komisja/konkursy/{call.pk}/ranking.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(__import__("io").BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][0] == "Miejsce"
    assert {row[1] for row in rows[1:]} == {setup["mine"].case_mark, setup["other"].case_mark}
    csv = clerk.get(f"/dotacje/komisja/konkursy/{call.pk}/ranking.csv").content.decode("utf-8-sig")
    assert setup["mine"].case_mark in csv
