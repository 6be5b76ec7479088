"""The coordinator's public pages and demo data: the overview with both forms, linked from every page's footer, and
each state the coordinator meets, made through the services and loaded once."""

import io

import pytest
from django.core.management import call_command

from accessibility.models import AccessibilityRequest, DigitalAccessibilityDemand
from core.deadlines import open_deadlines
from core.models import PrivateDocument, StatusChange
from tests.accessibility.conftest import DEMAND_URL, OVERVIEW_URL, REQUEST_URL

Status = AccessibilityRequest.Status
pytestmark = pytest.mark.django_db


def seed():
    call_command("seed_accessibility", "--allow-outside-debug", stdout=io.StringIO())


def test_a_newcomer_sees_each_state_and_a_second_run_adds_nothing():
    seed()
    counts = (
        AccessibilityRequest.objects.count(),
        DigitalAccessibilityDemand.objects.count(),
        StatusChange.objects.count(),
        PrivateDocument.objects.count(),
    )
    seed()
    assert (
        AccessibilityRequest.objects.count(),
        DigitalAccessibilityDemand.objects.count(),
        StatusChange.objects.count(),
        PrivateDocument.objects.count(),
    ) == counts
    assert sorted(AccessibilityRequest.objects.values_list("status", flat=True)) == sorted(
        [Status.RECEIVED, Status.EXTENDED, Status.ENSURED, Status.LEFT_UNCONSIDERED]
    )
    assert sorted(DigitalAccessibilityDemand.objects.values_list("status", flat=True)) == sorted(
        [Status.RECEIVED, Status.ALTERNATIVE]
    )
    # The open ones wait in the Terminarz: two requests, one demand, beside the declarations' and the report's clocks.
    deadlines = open_deadlines(section="accessibility")
    answers = [d for d in deadlines if d.title.startswith(("Odpowiedz", "Odpowiedź"))]
    assert len(answers) == 3, [d.title for d in deadlines]


def test_the_overview_names_both_procedures_and_links_the_forms(client):
    page = client.get(OVERVIEW_URL).content.decode()
    assert "14 dni" in page
    assert "7 dni" in page
    assert f'href="{REQUEST_URL}"' in page
    assert f'href="{DEMAND_URL}"' in page
    assert "PFRON" in page
    assert "RPO" in page


@pytest.mark.parametrize("url", ["/", "/patronat/", OVERVIEW_URL])
def test_every_page_links_the_coordinator_in_its_footer(client, url):
    page = client.get(url).content.decode()
    footer = page[page.index('<footer class="site-footer"') :]
    assert f'href="{OVERVIEW_URL}"' in footer


def test_both_forms_show_their_fields_and_the_pjm_recording(client):
    request_page = client.get(REQUEST_URL).content.decode()
    assert 'name="barrier_place"' in request_page
    assert 'name="video"' in request_page
    assert "video/mp4" in request_page
    demand_page = client.get(DEMAND_URL).content.decode()
    assert 'name="page_url"' in demand_page
    assert 'name="video"' in demand_page
