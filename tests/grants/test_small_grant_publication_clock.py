"""A small-grant offer is put up within 7 working days of receipt (u.d.p.p. art. 19a ust. 3): a clock in the Terminarz.

Each expected date read off a printed calendar: 2026 has Easter Monday on 6 April, 1 May on a Friday, and Wigilia
(24 December) a day off since 2025.
"""

from datetime import date

import pytest

from core.deadlines import open_deadlines
from core.services import transition_perform
from grants.deadlines import small_grant_publication_latest
from grants.models import GrantOffer, YearPlan
from tests.grants.factories import offer_post, travel

URL = "/dotacje/male-granty/oferta/"


@pytest.mark.parametrize(
    ("received", "latest"),
    [
        (date(2026, 3, 5), date(2026, 3, 16)),  # Thursday: 6, 9, 10, 11, 12, 13, 16 March
        (date(2026, 3, 6), date(2026, 3, 17)),  # Friday: the weekend is not counted
        (date(2026, 3, 7), date(2026, 3, 17)),  # Saturday: counted from it all the same, as from the Friday
        (date(2026, 3, 9), date(2026, 3, 18)),  # Monday
        (date(2026, 4, 1), date(2026, 4, 13)),  # across Easter: 2, 3, 7, 8, 9, 10, 13 April
        (date(2026, 4, 30), date(2026, 5, 12)),  # across 1 May (Friday) and 3 May (Sunday)
        (date(2026, 12, 22), date(2027, 1, 5)),  # across Wigilia, Christmas and New Year
    ],
)
def test_seven_working_days_from_the_day_of_receipt(received, latest):
    assert small_grant_publication_latest(received) == latest


def offer_rows(case_mark):
    return [row for row in open_deadlines(section="grants") if row.case_mark == case_mark]


def test_the_clock_runs_in_the_terminarz_from_receipt_until_the_offer_is_put_up(client, db):
    with travel(2026, 3, 6):  # a Friday
        assert client.post(URL, offer_post(end_date="2026-08-29")).status_code == 302
    offer = GrantOffer.objects.get()
    (row,) = offer_rows(offer.case_mark)
    assert row.due_date == date(2026, 3, 17)
    assert "19a ust. 3" in row.rule
    transition_perform(obj=offer, name="formal_ok", acting_user=None)
    (row,) = offer_rows(offer.case_mark)
    assert row.due_date == date(2026, 3, 17)  # found correct, still to be put up
    YearPlan.objects.create(year=2026, planned_ngo_subsidies="100000")
    with travel(2026, 3, 17):  # the last day
        transition_perform(obj=offer, name="publish_small_grant", acting_user=None)
    (row,) = offer_rows(offer.case_mark)
    # Put up: the publication clock is closed and the 7 days of comments run (u.d.p.p. art. 19a ust. 4).
    assert row.due_date == date(2026, 3, 24)
    assert "19a ust. 4" in row.rule


def test_a_rejected_offer_has_no_publication_clock(client, db):
    with travel(2026, 3, 6):
        assert client.post(URL, offer_post(end_date="2026-08-29")).status_code == 302
    offer = GrantOffer.objects.get()
    transition_perform(obj=offer, name="reject_formal", acting_user=None, note="Oferta niekompletna.")
    assert offer_rows(offer.case_mark) == []
