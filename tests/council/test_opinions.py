"""Opinions put to the vote: adopted by a simple majority with a quorum, sent to the Mayor, then published."""

import pytest

from core.models import OutboxMessage
from council.services import (
    CouncilError,
    opinion_publish,
    opinion_record,
    opinion_send_to_mayor,
    quorum_present,
)
from tests.council.factories import held, make_sitting

pytestmark = pytest.mark.django_db

TEXT = "<p>Rada pozytywnie opiniuje projekt programu wsparcia przedsiębiorców.</p>"


def record(sitting, *, votes=(3, 1, 1), number="1/2026"):
    return opinion_record(
        sitting=sitting,
        number=number,
        subject="w sprawie programu wsparcia przedsiębiorców",
        text=TEXT,
        votes_for=votes[0],
        votes_against=votes[1],
        votes_abstaining=votes[2],
        acting_user=None,
    )


@pytest.fixture
def sitting(term, members):
    sitting = held(make_sitting(term, invited=True))
    sitting.attendees.set(members)
    return sitting


def test_more_for_than_against_adopts_and_a_tie_rejects(sitting):
    assert record(sitting, votes=(3, 1, 1)).adopted is True
    assert record(sitting, votes=(2, 2, 1), number="2/2026").adopted is False


def test_more_votes_than_members_present_are_refused(sitting, members):
    sitting.attendees.set(members[:3])

    with pytest.raises(CouncilError) as refused:
        record(sitting, votes=(3, 1, 0))

    assert refused.value.code == "too_many_votes"


def test_without_half_of_the_members_present_the_council_cannot_vote(sitting, members):
    sitting.attendees.set(members[:2])  # 2 of 5

    with pytest.raises(CouncilError) as refused:
        record(sitting, votes=(2, 0, 0))

    assert refused.value.code == "no_quorum"


@pytest.mark.parametrize(
    ("present", "serving", "quorum"), [(2, 5, False), (3, 5, True), (2, 4, True), (1, 4, False), (0, 0, False)]
)
def test_quorum_is_half_of_the_serving_members(present, serving, quorum):
    assert quorum_present(present=present, serving=serving) is quorum


def test_votes_wait_for_the_attendance_and_for_the_sitting(term, members, sitting):
    sitting.attendees.clear()
    with pytest.raises(CouncilError) as refused:
        record(sitting)
    assert refused.value.code == "no_attendance"

    future = make_sitting(term, invited=True)
    with pytest.raises(CouncilError) as refused:
        record(future)
    assert refused.value.code == "not_held"


def test_an_adopted_opinion_goes_to_the_mayor_once_and_is_then_published(sitting, term):
    opinion = record(sitting)

    with pytest.raises(CouncilError) as refused:
        opinion_publish(opinion=opinion, acting_user=None)
    assert refused.value.code == "not_sent"

    opinion_send_to_mayor(opinion=opinion, acting_user=None)
    (mail,) = OutboxMessage.objects.filter(to=[term.mayor_email])
    assert mail.to == [term.mayor_email]
    assert "programu wsparcia przedsiębiorców" in mail.body_text
    with pytest.raises(CouncilError) as refused:
        opinion_send_to_mayor(opinion=opinion, acting_user=None)
    assert refused.value.code == "already_sent"

    opinion_publish(opinion=opinion, acting_user=None)
    assert opinion.published_at is not None


def test_a_rejected_opinion_is_neither_sent_nor_published(sitting):
    opinion = record(sitting, votes=(1, 3, 1))

    with pytest.raises(CouncilError) as refused:
        opinion_send_to_mayor(opinion=opinion, acting_user=None)

    assert refused.value.code == "not_adopted"
    assert not OutboxMessage.objects.filter(to=[opinion.sitting.term.mayor_email]).exists()
