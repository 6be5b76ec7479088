"""The "do I need a permit?" guide: a GET form answered by the server, thresholds at their edges (u.b.i.m. art. 3)."""

import pytest
from django.utils.translation import gettext

from mass_events.selectors import permit_guide_answer

URL = "/imprezy-masowe/czy-potrzebuje-zezwolenia/"


@pytest.mark.parametrize(
    ("event_type", "venue_kind", "places", "needs_permit"),
    [
        ("artistic", "open_area", 999, False),
        ("artistic", "open_area", 1000, True),
        ("artistic", "stadium", 1000, True),
        ("artistic", "sports_hall", 499, False),
        ("artistic", "other_building", 500, True),
        ("sports", "sports_hall", 299, False),
        ("sports", "sports_hall", 300, True),
        ("sports", "open_area", 999, False),
        ("sports", "open_area", 1000, True),
        ("football", "stadium", 999, False),
        ("football", "stadium", 1000, True),
        ("artistic", "cultural_building", 5000, False),  # art. 3 pkt 1: theatres, museums, culture houses…
    ],
)
def test_thresholds_and_exclusions(event_type, venue_kind, places, needs_permit):
    assert (
        permit_guide_answer(event_type=event_type, venue_kind=venue_kind, places=places).needs_permit is needs_permit
    )


@pytest.mark.parametrize(
    ("venue_kind", "places", "needs_permit"),
    [
        ("sports_hall", 199, False),
        ("sports_hall", 200, True),
        ("other_building", 200, True),
        ("open_area", 999, False),  # outdoors the threshold stays 1000
        ("open_area", 1000, True),
    ],
)
def test_a_high_risk_sports_event_in_a_building_is_a_mass_event_from_200_places(venue_kind, places, needs_permit):
    answer = permit_guide_answer(event_type="sports", venue_kind=venue_kind, places=places, high_risk=True)
    assert answer.needs_permit is needs_permit


@pytest.mark.django_db
def test_the_guide_page_asks_about_a_high_risk_sports_event(client):
    page = client.get(URL, {"event_type": "sports", "venue_kind": "sports_hall", "places": "250"}).content.decode()
    assert gettext("No permit is needed") in page
    page = client.get(
        URL, {"event_type": "sports", "venue_kind": "sports_hall", "places": "250", "high_risk": "on"}
    ).content.decode()
    assert gettext("Yes: you need the Prezydent's permit") in page
    assert "<td>200</td>" in page


def test_below_the_threshold_an_artistic_event_is_sent_to_the_notification_form():
    answer = permit_guide_answer(event_type="artistic", venue_kind="open_area", places=300)
    assert answer.form_url == "/zawiadomienie-o-imprezie/"
    answer = permit_guide_answer(event_type="artistic", venue_kind="open_area", places=3000)
    assert answer.form_url == "/imprezy-masowe/wniosek/"
    assert permit_guide_answer(event_type="sports", venue_kind="open_area", places=10).form_url == ""


def test_the_page_answers_without_javascript(client, db):
    page = client.get(URL).content.decode()
    assert 'method="get"' in page
    assert "answer-heading" not in page
    assert "<caption>" in page
    assert 'scope="col"' in page
    page = client.get(
        URL, {"event_type": "artistic", "venue_kind": "other_building", "places": "500"}
    ).content.decode()
    assert gettext("Yes: you need the Prezydent's permit") in page
    assert 'href="/imprezy-masowe/wniosek/"' in page
    page = client.get(URL, {"event_type": "artistic", "venue_kind": "cultural_building", "places": "900"})
    assert gettext("No permit is needed") in page.content.decode()


@pytest.mark.parametrize("places", ["", "-1", "dużo", "10000000"])
def test_bad_input_gets_a_form_error_not_an_answer(client, db, places):
    response = client.get(URL, {"event_type": "artistic", "venue_kind": "open_area", "places": places})
    assert response.status_code == 200
    page = response.content.decode()
    assert "error-summary" in page
    assert "answer-heading" not in page


def test_the_overview_links_the_guide_and_both_forms(client, db):
    page = client.get("/imprezy-masowe/").content.decode()
    for url in (URL, "/imprezy-masowe/wniosek/", "/zawiadomienie-o-imprezie/"):
        assert f'href="{url}"' in page
