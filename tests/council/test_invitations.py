"""The secretariat sends the invitations to a sitting: every serving member gets one e-mail, once; the PDF follows."""

from datetime import date

import pytest
from django.urls import reverse

from core.models import OutboxMessage
from council.models import CouncilInvitation
from council.services import CouncilError, sitting_send_invitations
from tests.council.factories import held, make_member, make_sitting

pytestmark = pytest.mark.django_db


def test_every_serving_member_is_invited_once_and_a_dismissed_one_is_not(term, members):
    dismissed = make_member(
        term,
        full_name="Adam Odwołany",
        dismissed_on=date(2025, 1, 31),
        dismissal_order="45/2025",
        dismissal_order_date=date(2025, 1, 30),
    )
    sitting = make_sitting(term, agenda="Otwarcie\nOpinia o programie wsparcia przedsiębiorców")

    sitting_send_invitations(sitting=sitting, acting_user=None)

    invited = set(CouncilInvitation.objects.filter(sitting=sitting).values_list("member", flat=True))
    assert invited == {member.pk for member in members}
    assert dismissed.pk not in invited
    messages = OutboxMessage.objects.order_by("pk")
    assert sorted(address for message in messages for address in message.to) == sorted(m.email for m in members)
    body = messages.first().body_text
    assert "Opinia o programie wsparcia przedsiębiorców" in body
    assert reverse("council:sitting_invitation_pdf", kwargs={"pk": sitting.pk}) in body
    sitting.refresh_from_db()
    assert sitting.invitations_sent_at is not None

    with pytest.raises(CouncilError) as refused:
        sitting_send_invitations(sitting=sitting, acting_user=None)
    assert refused.value.code == "already_sent"
    assert OutboxMessage.objects.count() == len(members)


def test_a_sitting_that_has_begun_is_not_invited_to(term, members):
    sitting = held(make_sitting(term))

    with pytest.raises(CouncilError) as refused:
        sitting_send_invitations(sitting=sitting, acting_user=None)

    assert refused.value.code == "started"
    assert not OutboxMessage.objects.exists()


def test_a_council_without_members_invites_nobody(term):
    sitting = make_sitting(term)

    with pytest.raises(CouncilError) as refused:
        sitting_send_invitations(sitting=sitting, acting_user=None)

    assert refused.value.code == "no_members"
    sitting.refresh_from_db()
    assert sitting.invitations_sent_at is None


def test_the_invitation_is_a_pdf_with_the_agenda(client, term, members):
    sitting = make_sitting(term, invited=True, agenda="Otwarcie\nStrefa inwestycyjna Halemba")

    response = client.get(reverse("council:sitting_invitation_pdf", kwargs={"pk": sitting.pk}))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
