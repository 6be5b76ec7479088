"""A published call keeps its 21 days (u.d.p.p. art. 13 ust. 1): its screen refuses a change that breaks them."""

from datetime import datetime

import pytest
from django.urls import reverse

from grants.models import GrantCall
from tests.grants.factories import GRANTS_GROUP, WARSAW, make_call
from tests.helpers import form_data


@pytest.fixture
def clerk(clerk_client, db):
    return clerk_client(groups=[GRANTS_GROUP])


def change(clerk, call, **fields):
    url = reverse("admin:grants_grantcall_change", args=[call.pk])
    data = {**form_data(clerk.get(url), "grantcall_form"), **fields}
    return clerk.post(url, data)


def test_a_published_call_cannot_shorten_its_offers_deadline_below_21_days(clerk):
    """Announced on 2 March 2026 and published with 23 March: 22 March is refused, 30 March is taken."""
    call = make_call(status="published")
    response = change(clerk, call, offers_deadline_0="2026-03-22", offers_deadline_1="15:30:00")
    assert response.status_code == 200
    assert "23.03.2026" in response.content.decode()
    call.refresh_from_db()
    assert call.offers_deadline == datetime(2026, 3, 23, 15, 30, tzinfo=WARSAW)
    assert change(clerk, call, offers_deadline_0="2026-03-30", offers_deadline_1="15:30:00").status_code == 302
    call.refresh_from_db()
    assert call.offers_deadline == datetime(2026, 3, 30, 15, 30, tzinfo=WARSAW)


def test_a_published_call_cannot_take_a_later_announcement_without_a_later_deadline(clerk):
    """The board notice moved to 5 March: the 23 March deadline is then 18 days after it, refused."""
    call = make_call(status="published")
    response = change(clerk, call, published_board_on="2026-03-05")
    assert response.status_code == 200
    call.refresh_from_db()
    assert str(call.published_board_on) == "2026-03-02"
    assert change(clerk, call, published_web_on="").status_code == 200
    call.refresh_from_db()
    assert call.published_web_on is not None


def test_a_draft_call_is_edited_freely(clerk):
    call = make_call()
    assert change(clerk, call, offers_deadline_0="2026-03-10", offers_deadline_1="12:00:00").status_code == 302
    call.refresh_from_db()
    assert call.status == GrantCall.Status.DRAFT
    assert call.offers_deadline == datetime(2026, 3, 10, 12, 0, tzinfo=WARSAW)
