"""A grants clerk gives committee members offers to score in the admin, through `services.offer_assign`."""

from datetime import datetime

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.urls import reverse

from core.services import transition_perform
from grants import services
from grants.models import GrantOffer, OfferAssignment
from tests.grants.factories import GRANTS_GROUP, WARSAW, make_call, offer_post
from tests.helpers import admin_form_refusal

ADD_URL = "/admin/grants/offerassignment/add/"


@pytest.fixture
def member_and_offers(client, make_clerk):
    with time_machine.travel(datetime(2026, 3, 10, 12, tzinfo=WARSAW), tick=False):
        call = make_call(status="published")
        for name in ("Stowarzyszenie Pierwsze", "Fundacja Druga"):
            client.post(f"/dotacje/konkursy/{call.slug}/oferta/", offer_post(organisation_name=name, title=name))
    with time_machine.travel(datetime(2026, 3, 24, 12, tzinfo=WARSAW), tick=False):
        transition_perform(obj=call, name="close_offers", acting_user=None)
    checked, unchecked = GrantOffer.objects.order_by("pk")
    transition_perform(obj=checked, name="formal_ok", acting_user=None)
    member = services.committee_member_add(call=call, user=make_clerk(), role="chair", acting_user=None)
    return member, checked, unchecked


def test_an_offer_is_assigned_and_the_message_links_to_the_assignment(clerk_client, member_and_offers):
    member, checked, _unchecked = member_and_offers
    clerk = clerk_client(groups=[GRANTS_GROUP])
    response = clerk.post(ADD_URL, {"member": member.pk, "offer": checked.pk, "_save": "1"})
    assert response.status_code == 302
    assignment = OfferAssignment.objects.get()
    (message,) = [str(m) for m in get_messages(response.wsgi_request)]
    assert reverse("admin:grants_offerassignment_change", args=[assignment.pk]) in message


def test_an_offer_still_in_the_formal_check_is_refused_with_the_reason(clerk_client, member_and_offers):
    member, _checked, unchecked = member_and_offers
    clerk = clerk_client(groups=[GRANTS_GROUP])
    response = clerk.post(ADD_URL, {"member": member.pk, "offer": unchecked.pk, "_save": "1"})
    assert admin_form_refusal(response) == ["Ocenie merytorycznej podlegają tylko oferty poprawne formalnie."]
    assert not OfferAssignment.objects.exists()
