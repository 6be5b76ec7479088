"""The Terminarz's "Moje" and handler column for requests for an extract from the register."""

from core.services import case_take
from institutions.models import ExtractRequest
from tests.core.admin_rows import ROW_MAKERS
from tests.core.terminarz_mine import assert_mine_filter

REGISTER = "Rejestr instytucji kultury"


def test_mine_shows_the_extract_requests_i_handle_only(make_clerk):
    me = make_clerk(groups=[REGISTER], first_name="Anna", last_name="Nowak")
    colleague = make_clerk(groups=[REGISTER], first_name="Ewa", last_name="Zielińska")
    mine, theirs = ROW_MAKERS[ExtractRequest](), ROW_MAKERS[ExtractRequest]()
    case_take(case=mine, acting_user=me)
    case_take(case=theirs, acting_user=colleague)

    assert_mine_filter(me=me, colleague=colleague, mine=mine, theirs=theirs)
