"""The demo grants: an open call with offers at each step of the formal check, a resolved call with its committee,
scores, results and an agreement, and a small grant open for comments — all through the services, loaded once."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from core.models import CaseRegisterEntry
from grants.models import GrantAgreement, GrantCall, GrantOffer, MeritScore, OfferDraft

Status = GrantOffer.Status


def seed():
    call_command("seed_grants", "--allow-outside-debug", stdout=StringIO())


def test_seed_grants_shows_every_stage_of_a_competition_and_a_small_grant_and_loads_once(client, db):
    seed()
    seed()

    open_call, closed_call = GrantCall.objects.order_by("-year")
    assert open_call.status == GrantCall.Status.PUBLISHED
    assert sorted(open_call.offers.values_list("status", flat=True)) == sorted(
        [Status.SUBMITTED, Status.SUBMITTED, Status.INCOMPLETE, Status.FORMAL_OK]
    )
    assert OfferDraft.objects.filter(call=open_call, offer=None).count() == 1
    # The completed offer went to the offeror and came back: both moves are in its history.
    assert any(o.history.count() >= 3 for o in open_call.offers.filter(status=Status.SUBMITTED))

    assert closed_call.status == GrantCall.Status.RESOLVED
    assert closed_call.results_published_at is not None
    # The chair, a person nominated by an organisation that made no offer, and an expert with an advisory voice.
    assert sorted(closed_call.committee.values_list("role", flat=True)) == ["chair", "expert", "ngo"]
    assert MeritScore.objects.filter(assignment__offer__call=closed_call).count() == 3 * 3 * 3
    # The expert put the last offer first (30 points to 9); the ranking follows the voting members (27, 21, 12).
    assert sorted(closed_call.offers.values_list("merit_score", flat=True), reverse=True) == [27, 21, 12]
    assert sorted(closed_call.offers.values_list("status", flat=True)) == sorted(
        [Status.AGREEMENT, Status.GRANTED, Status.NOT_GRANTED]
    )
    agreement = GrantAgreement.objects.get()
    assert agreement.offer.call == closed_call
    assert agreement.amount == agreement.offer.granted_amount
    # Its partial report is due: the organisation's tracking page offers to file it.
    assert sorted(agreement.reports.values_list("kind", "status")) == [("final", "due"), ("partial", "due")]
    tracking = client.get(reverse("core:case_tracking", args=[agreement.offer.tracking_token])).content.decode()
    assert "Złóż sprawozdanie częściowe" in tracking

    small = GrantOffer.objects.get(kind=GrantOffer.Kind.SMALL_GRANT)
    assert small.status == Status.PUBLISHED
    assert small.comments_until is not None
    # Sent on the simplified offer (Dz.U. 2018 poz. 2055): no section IV, schedule or results table.
    assert (small.experience, small.resources) == ("", "")
    assert not small.actions.exists()
    assert not small.results.exists()

    # Every offer is a registered case with its mark, as a real submission.
    assert CaseRegisterEntry.objects.count() == GrantOffer.objects.count() == 8
    assert all(offer.case_mark for offer in GrantOffer.objects.all())

    assert open_call.title in client.get(reverse("grants:call_list")).content.decode()
    page = client.get(reverse("grants:small_grant_detail", args=[small.pk])).content.decode()
    assert small.title in page


def test_seed_grants_refuses_without_debug(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--allow-outside-debug"):
        call_command("seed_grants", stdout=StringIO())
    assert not GrantCall.objects.exists()
    assert not GrantOffer.objects.exists()
