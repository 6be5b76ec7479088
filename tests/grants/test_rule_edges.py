"""The edges of the subsidy rules an applicant or a clerk would notice first when a rule is written the wrong way.

A one-day task is a small grant like any other (u.d.p.p. art. 19a ust. 1 pkt 2 limits the length from above only);
fees from the recipients are a source of funding added to the others (annex 1 to Dz.U. 2018 poz. 2057, table V.B);
a negative misused part typed by a clerk never lowers the amount to return (u.f.p. art. 252 ust. 1); the 7 days to
complete an offer run past 1 and 3 May and Christmas to the next working day (k.c. art. 115 [K: the call's rules]).
"""

from datetime import date, datetime
from decimal import Decimal as D

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from core.models import CaseMessage
from core.services import transition_perform
from grants import rules, services
from grants.models import GrantOffer, GrantSettlement, YearPlan
from grants.rules import CallLimits, CostLine, Funding
from grants.services import GrantError
from tests.grants.factories import GRANTS_GROUP, WARSAW, final_report_accept, offer_post, offer_send, travel
from tests.helpers import admin_form_refusal

SMALL_GRANT_URL = "/dotacje/male-granty/oferta/"

# One-day task: u.d.p.p. art. 19a ust. 1 pkt 2 ------------------------------------------------------------------------

FESTIVAL_DAY = date(2026, 6, 20)  # a Saturday: a festival in the park, one day long


def small_grant_problem_places(*, start, end):
    problems = rules.small_grant_problems(
        amount=D("4500"),
        start=start,
        end=end,
        organisation_year_total=D(0),
        year_pool_planned=D("100000"),
        year_small_grants_total=D(0),
    )
    return {problem.where: problem.message for problem in problems}


def test_a_one_day_task_lasts_one_day_and_fits_a_small_grant():
    assert rules.small_grant_duration_days(FESTIVAL_DAY, FESTIVAL_DAY) == 1
    assert small_grant_problem_places(start=FESTIVAL_DAY, end=FESTIVAL_DAY) == {}
    # The day before the start is still refused, with the Polish reason.
    refused = small_grant_problem_places(start=FESTIVAL_DAY, end=date(2026, 6, 19))
    assert refused["end_date"] == "Zadanie nie może się zakończyć przed jego rozpoczęciem."


def test_a_one_day_festival_is_accepted_by_the_small_grant_form_and_published(client, db):
    """The offer of a one-day festival is sent, found correct and published for comments, with no date refused."""
    with travel(2026, 3, 2):
        response = client.post(
            SMALL_GRANT_URL, offer_post(start_date=FESTIVAL_DAY.isoformat(), end_date=FESTIVAL_DAY.isoformat())
        )
    assert response.status_code == 302
    offer = GrantOffer.objects.get()
    assert (offer.kind, offer.start_date, offer.end_date) == (GrantOffer.Kind.SMALL_GRANT, FESTIVAL_DAY, FESTIVAL_DAY)
    YearPlan.objects.create(year=2026, planned_ngo_subsidies=D("100000"))
    transition_perform(obj=offer, name="formal_ok", acting_user=None)
    with travel(2026, 3, 2):
        transition_perform(obj=offer, name="publish_small_grant", acting_user=None)
    offer.refresh_from_db()
    assert offer.comments_until == date(2026, 3, 9)


# Fees from the recipients: table V.B, line 6 -------------------------------------------------------------------------

COSTS = [
    CostLine(number=1, name="Scena i nagłośnienie", category="action", unit_cost=D("4000"), units=D("1")),
    CostLine(number=2, name="Materiały", category="action", unit_cost=D("12.50"), units=D("80")),
    CostLine(number=3, name="Koordynacja", category="admin", unit_cost=D("500"), units=D("1")),
]  # 4 000 + 1 000 + 500 = 5 500 zł


def test_fees_from_the_recipients_are_added_to_the_sources_and_to_the_own_contribution():
    """Subsidy 4 500 zł and 1 000 zł of tickets pay for 5 500 zł of costs; the tickets are the 10 % own share."""
    funding = Funding(subsidy=D("4500"), recipient_fees=D("1000"))
    assert funding.total == D("5500.00")
    assert funding.own_total == D("1000.00")
    summary = rules.cost_table_check(COSTS, funding, CallLimits(min_own_percent=D("10")))
    assert summary.total == D("5500.00")
    assert summary.problems == []
    assert rules.own_contribution_share(funding) == D("18.18")


def test_sources_short_by_the_fees_are_refused_by_the_difference():
    """Without the tickets the sources fall 1 000 zł short of the costs, and the message says so."""
    summary = rules.cost_table_check(COSTS, Funding(subsidy=D("4500")), CallLimits())
    [problem] = summary.problems
    assert problem.where == "funding"
    assert "-1\u00a0000,00\u00a0zł" in problem.message


def test_an_offer_funded_partly_by_tickets_is_accepted_by_the_public_form(client, call):
    """The form's costs are 5 500 zł: 4 500 zł of subsidy and 1 000 zł from the recipients add up to them."""
    offer = offer_send(client, call, own_financial="0", own_personal="0", own_material="0", recipient_fees="1000,00")
    assert (offer.requested_amount, offer.recipient_fees, offer.total_costs) == (
        D("4500.00"),
        D("1000.00"),
        D("5500.00"),
    )


# A negative misused part: u.f.p. art. 252 ust. 1 ---------------------------------------------------------------------


def test_a_negative_misused_amount_is_refused_by_the_rule():
    with pytest.raises(ValueError, match="Kwoty nie mogą być ujemne"):
        rules.settlement_amounts(granted=D("4000"), used=D("3600"), misused=D("-300"))
    with pytest.raises(ValueError, match="Kwoty nie mogą być ujemne"):
        rules.settlement_amounts(granted=D("4000"), used=D("3600"), undue=D("-0.01"))
    # The same settlement with no misuse: 400 zł to return, which a negative part would have lowered to 100 zł.
    assert rules.settlement_amounts(granted=D("4000"), used=D("3600")).to_return == D("400.00")


def test_a_negative_misused_amount_typed_by_the_clerk_writes_nothing_and_says_why(clerk_client, agreement):
    """The clerk types -300 zł as misused: no settlement (which would ask for 100 zł instead of 400 zł)."""
    services.agreement_transfer_record(agreement=agreement, transferred_on=date(2026, 5, 4), acting_user=None)
    final_report_accept(agreement)
    with pytest.raises(GrantError, match="Kwoty nie mogą być ujemne") as refusal:
        services.settlement_record(
            agreement=agreement, used=D(3600), misused=D(-300), found_on=date(2026, 10, 20), acting_user=None
        )
    assert refusal.value.code == "amounts"

    clerk = clerk_client(groups=[GRANTS_GROUP])
    amounts = {
        "agreement": agreement.pk,
        "used_amount": "3600.00",
        "misused_amount": "-300.00",
        "undue_amount": "0",
        "found_on": "2026-10-20",
    }
    response = clerk.post(reverse("admin:grants_grantsettlement_add"), amounts)
    assert admin_form_refusal(response) == ["Kwoty nie mogą być ujemne."]
    assert 'value="-300.00"' in response.content.decode()  # the typed amount is kept to be corrected
    assert not GrantSettlement.objects.exists()

    response = clerk.post(reverse("admin:grants_grantsettlement_add"), {**amounts, "misused_amount": "0"})
    assert response.status_code == 302
    assert GrantSettlement.objects.get().to_return == D("400.00")


# The 7 days to complete an offer (formal check) ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("called_on", "due"),
    [
        (date(2026, 4, 23), date(2026, 4, 30)),  # Thu -> Thu 30 April, the day before the holidays
        (date(2026, 4, 24), date(2026, 5, 4)),  # Fri -> 1 May (Fri), Sat 2, 3 May (Sun) -> Mon 4 May
        (date(2026, 4, 25), date(2026, 5, 4)),  # Sat -> Sat 2 May -> Mon 4 May
        (date(2027, 4, 26), date(2027, 5, 4)),  # Mon -> 3 May 2027 (Mon, holiday) -> Tue 4 May
        (date(2028, 4, 24), date(2028, 5, 2)),  # Mon -> 1 May 2028 (Mon, holiday) -> Tue 2 May, a working day
        (date(2028, 4, 26), date(2028, 5, 4)),  # Wed -> 3 May 2028 (Wed, holiday) -> Thu 4 May
        (date(2026, 12, 16), date(2026, 12, 23)),  # Wed -> Wed 23 December, the day before Wigilia
        (date(2026, 12, 17), date(2026, 12, 28)),  # Thu -> 24 (Thu, day off from 2025), 25, 26 (Sat), 27 -> Mon 28
        (date(2026, 12, 18), date(2026, 12, 28)),  # Fri -> 25 December (Fri) -> Mon 28
        (date(2027, 12, 17), date(2027, 12, 27)),  # Fri -> 24 December 2027 (Fri), 25 (Sat), 26 (Sun) -> Mon 27
    ],
)
def test_completion_deadline_runs_past_may_holidays_and_christmas(called_on, due):
    assert rules.offer_completion_due(called_on) == due


def test_the_offeror_called_before_the_may_holidays_is_given_monday_4_may(offer, clerk_client):
    """Called on Friday 24 April 2026, the offeror reads 04.05.2026, not the holiday 01.05.2026."""
    clerk = clerk_client(groups=[GRANTS_GROUP])
    with time_machine.travel(datetime(2026, 4, 24, 10, tzinfo=WARSAW), tick=False):
        response = clerk.post(
            f"/admin/grants/grantoffer/{offer.pk}/sprawa/",
            {"transition": "call_to_complete", "note": "Brak podpisanego oświadczenia."},
        )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == GrantOffer.Status.INCOMPLETE
    assert offer.completion_due == date(2026, 5, 4)
    message = (
        CaseMessage.objects.filter(
            content_type=ContentType.objects.get_for_model(GrantOffer), object_id=offer.pk, author_kind="clerk"
        )
        .get()
        .body
    )
    assert "04.05.2026" in message
    assert "01.05.2026" not in message
