"""The council's public pages: the composition without private contacts, the sittings invited to, the published
opinions; lists cost the same number of queries for 5 and 50 rows."""

from datetime import date

import pytest
from django.urls import reverse

from council.models import CouncilOpinion
from council.services import opinion_publish, opinion_record, opinion_send_to_mayor
from tests.council.factories import held, make_member, make_sitting

pytestmark = pytest.mark.django_db


def adopted_opinion(sitting, number, *, published=True):
    opinion = opinion_record(
        sitting=sitting,
        number=number,
        subject=f"w sprawie projektu {number}",
        text="<p>Rada pozytywnie opiniuje projekt.</p>",
        votes_for=4,
        votes_against=0,
        votes_abstaining=1,
        acting_user=None,
    )
    if published:
        opinion_send_to_mayor(opinion=opinion, acting_user=None)
        opinion_publish(opinion=opinion, acting_user=None)
    return opinion


def test_the_composition_shows_names_organisations_and_functions_never_contacts(client, term, members):
    dismissed = make_member(
        term,
        full_name="Adam Odwołany",
        dismissed_on=date(2025, 1, 31),
        dismissal_order="45/2025",
        dismissal_order_date=date(2025, 1, 30),
    )

    page = client.get(reverse("council:council_index")).content.decode()

    assert "Barbara Kubica" in page
    assert "Izba Przemysłowo-Handlowa" in page
    assert "przewodnicząca" in page or "przewodniczący" in page
    assert dismissed.full_name not in page
    for member in members:
        assert member.email not in page
        assert member.phone not in page


def test_a_sitting_shows_once_invited_and_its_published_opinions_only(client, term, members):
    draft = make_sitting(term, number=1)
    assert client.get(reverse("council:sitting_detail", kwargs={"pk": draft.pk})).status_code == 404
    sitting = held(make_sitting(term, number=2, invited=True, agenda="Otwarcie\nStrefa inwestycyjna Halemba"))
    sitting.attendees.set(members)
    published = adopted_opinion(sitting, "1/2026")
    unpublished = adopted_opinion(sitting, "2/2026", published=False)

    index = client.get(reverse("council:council_index")).content.decode()
    page = client.get(sitting.get_absolute_url()).content.decode()

    assert sitting.get_absolute_url() in index
    assert draft.get_absolute_url() not in index
    assert "Strefa inwestycyjna Halemba" in page
    assert published.subject in page
    assert unpublished.subject not in page
    assert "Głosy: 4 za, 0 przeciw, 1 wstrzymujący się." in page


def _fill(term, members, count):
    for n in range(count):
        sitting = held(make_sitting(term, invited=True))
        sitting.attendees.set(members)
        adopted_opinion(sitting, f"{n}/2026")


@pytest.mark.parametrize("url_name", ["council:council_index", "council:opinion_list"])
def test_lists_cost_the_same_queries_for_5_and_50_rows(client, term, members, url_name):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(url_name)).status_code == 200
        return len(queries)

    _fill(term, members, 5)
    few = count()
    _fill(term, members, 45)
    many = count()

    assert CouncilOpinion.objects.published().count() == 50
    assert many == few
    assert few <= 8
