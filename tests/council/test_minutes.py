"""The minutes of a sitting are approved at a later sitting of the term, and only then published as a PDF."""

import pytest
from django.urls import reverse

from council.services import CouncilError, minutes_approve
from tests.council.factories import held, make_sitting

pytestmark = pytest.mark.django_db


@pytest.fixture
def first(term, members):
    sitting = held(make_sitting(term, number=1, invited=True), days_ago=40)
    sitting.attendees.set(members)
    sitting.minutes = "<p>Rada omówiła projekt strefy inwestycyjnej.</p>"
    sitting.save()
    return sitting


def test_minutes_approved_at_the_next_sitting_are_published(client, term, first):
    url = reverse("council:sitting_minutes_pdf", kwargs={"pk": first.pk})
    assert client.get(url).status_code == 404
    second = held(make_sitting(term, number=2, invited=True))

    minutes_approve(sitting=first, at_sitting=second, acting_user=None)

    assert first.minutes_approved_at == second
    response = client.get(url)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    with pytest.raises(CouncilError) as refused:
        minutes_approve(sitting=first, at_sitting=second, acting_user=None)
    assert refused.value.code == "already_approved"


def test_minutes_are_not_approved_at_an_earlier_or_future_sitting(term, first):
    later = make_sitting(term, number=2, invited=True)  # still to come
    with pytest.raises(CouncilError) as refused:
        minutes_approve(sitting=first, at_sitting=later, acting_user=None)
    assert refused.value.code == "not_held"

    with pytest.raises(CouncilError) as refused:
        minutes_approve(sitting=held(later), at_sitting=first, acting_user=None)
    assert refused.value.code in {"not_a_later_sitting", "no_minutes"}


def test_minutes_not_written_are_not_approved(term, members):
    empty = held(make_sitting(term, number=1, invited=True), days_ago=40)
    second = held(make_sitting(term, number=2, invited=True))

    with pytest.raises(CouncilError) as refused:
        minutes_approve(sitting=empty, at_sitting=second, acting_user=None)

    assert refused.value.code == "no_minutes"


def test_the_secretary_approves_the_previous_minutes_from_the_list_of_sittings(clerk_client, term, first):
    from tests.council.conftest import COUNCIL_GROUP

    second = held(make_sitting(term, number=2, invited=True))
    secretary = clerk_client(groups=[COUNCIL_GROUP])
    response = secretary.post(
        reverse("admin:council_councilsitting_changelist"),
        {"action": "approve_previous_minutes", "_selected_action": [first.pk, second.pk]},
        follow=True,
    )
    page = response.content.decode()
    assert "To pierwsze posiedzenie w kadencji." in page
    first.refresh_from_db()
    assert first.minutes_approved_at == second
