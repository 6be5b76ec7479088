"""The Terminarz's "Moje" and handler column for permit applications and notifications of artistic events."""

import pytest

from core.services import case_take
from mass_events.models import EventNotification, MassEventPermitApplication
from tests.core.admin_rows import ROW_MAKERS
from tests.core.terminarz_mine import assert_mine_filter

EVENTS = "Wydarzenia i imprezy masowe"


@pytest.mark.parametrize("model", [MassEventPermitApplication, EventNotification], ids=lambda m: m.__name__)
def test_mine_shows_the_cases_i_handle_only(make_clerk, model):
    me = make_clerk(groups=[EVENTS], first_name="Anna", last_name="Nowak")
    colleague = make_clerk(groups=[EVENTS], first_name="Ewa", last_name="Zielińska")
    mine, theirs = ROW_MAKERS[model](), ROW_MAKERS[model]()
    case_take(case=mine, acting_user=me)
    case_take(case=theirs, acting_user=colleague)

    assert_mine_filter(me=me, colleague=colleague, mine=mine, theirs=theirs)
