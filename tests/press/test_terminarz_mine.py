"""The Terminarz's "Moje" and handler column for letters and speeches: the clerk who registered the request."""

from tests.core.terminarz_mine import assert_mine_filter
from tests.press.factories import PRESS_GROUP, OccasionalLetterFactory


def test_mine_shows_the_letters_i_prepare_only(make_clerk):
    me = make_clerk(groups=[PRESS_GROUP], first_name="Anna", last_name="Nowak")
    colleague = make_clerk(groups=[PRESS_GROUP], first_name="Ewa", last_name="Zielińska")
    mine = OccasionalLetterFactory(acting_user=me)
    theirs = OccasionalLetterFactory(acting_user=colleague)

    assert_mine_filter(me=me, colleague=colleague, mine=mine, theirs=theirs)
