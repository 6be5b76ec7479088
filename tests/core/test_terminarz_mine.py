"""The Terminarz's "Moje" and handler column for the kernel's own cases: opinions waiting for an answer."""

from core.models import Feedback
from core.services import case_open, case_take
from tests.core.terminarz_mine import assert_mine_filter


def opinion(n):
    return case_open(
        case=Feedback(message=f"Opinia {n}: proszę o odpowiedź.", contact_email="jan.kowalski@example.pl"),
        title="Opinia o portalu",
    )


def test_mine_shows_the_opinions_i_handle_only(make_clerk):
    me = make_clerk(groups=["Redakcja portalu"], first_name="Anna", last_name="Nowak")
    colleague = make_clerk(groups=["Redakcja portalu"], first_name="Ewa", last_name="Zielińska")
    mine, theirs = opinion(1), opinion(2)
    case_take(case=mine, acting_user=me)
    case_take(case=theirs, acting_user=colleague)

    assert_mine_filter(me=me, colleague=colleague, mine=mine, theirs=theirs)
