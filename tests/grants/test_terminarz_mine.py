"""The Terminarz's "Moje" and handler column for offers (the small grant's publication clock)."""

from core.services import case_take
from grants.models import GrantOffer
from tests.core.terminarz_mine import assert_mine_filter
from tests.grants.factories import offer_post, travel

URL = "/dotacje/male-granty/oferta/"
GRANTS = "Dotacje, stypendia i nagrody"


def test_mine_shows_the_offers_i_handle_only(client, make_clerk):
    me = make_clerk(groups=[GRANTS], first_name="Anna", last_name="Nowak")
    colleague = make_clerk(groups=[GRANTS], first_name="Ewa", last_name="Zielińska")
    with travel(2026, 3, 6):
        for title in ("Festyn rodzinny", "Warsztaty plastyczne"):
            assert client.post(URL, offer_post(title=title, end_date="2026-08-29")).status_code == 302
    mine, theirs = GrantOffer.objects.order_by("pk")
    case_take(case=mine, acting_user=me)
    case_take(case=theirs, acting_user=colleague)

    assert_mine_filter(me=me, colleague=colleague, mine=mine, theirs=theirs)
