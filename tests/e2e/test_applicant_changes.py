"""Asked for changes, the applicant changes the case itself, in Chromium: the clerk asks in the admin, the applicant
edits the submission from the tracking link and sends it back (a real POST from the private page, no 403), and the
clerk sees what was sent first and what changed. Every public page on the way passes axe-core and fits 320 px.
"""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.translation import gettext

from core.services import transition_perform
from events.models import District, EventSubmission, Venue
from grants.models import GrantOffer
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import (
    TRACKING_VIEW,
    clerk_signs_in,
    confirmation_reached,
    fill_event_submission,
    send_form,
    tracking_link_followed,
)
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import goto, wait_for_view
from tests.grants.factories import make_call, offer_post

CHANGES_VIEW = "core:case_changes"
EMAIL = "chor.cantate.e2e@example.pl"
NOTE = "Prosimy podać cenę biletów i poprawić tytuł."
NEW_TITLE = "Koncert kolęd i pastorałek"

pytestmark = pytest.mark.usefixtures("fast_forms")


@pytest.fixture
def venue(site_url):
    return Venue.objects.create(
        name="Kościół św. Pawła", street_address="ul. Kościelna 2", district=District.NOWY_BYTOM
    )


def submit_event(page, site_url, venue) -> str:
    """The organiser sends "Zgłoś wydarzenie" and follows the tracking link; returns its address."""
    goto(page, site_url + "/wydarzenia/zglos/")
    fill_event_submission(page, venue=venue, email=EMAIL)
    send_form(page, gettext("Submit the event"))
    confirmation_reached(page)
    return tracking_link_followed(page)


def test_asked_for_changes_the_organiser_changes_the_event_and_the_clerk_sees_both(site_url, venue, page, new_page):
    tracking_url = submit_event(page, site_url, venue)
    submission = EventSubmission.objects.get(contact_email=EMAIL)

    clerk = clerk_signs_in(new_page, site_url, groups=["Wydarzenia i imprezy masowe"])
    clerk.perform(submission, gettext("Ask for changes"), note=NOTE)

    page.goto(tracking_url)
    box = page.locator(".case-action")
    box.get_by_text(NOTE).wait_for()
    assert_no_axe_violations(page)
    box.get_by_role("link", name=gettext("Change your submission")).click()
    wait_for_view(page, CHANGES_VIEW)
    assert page.get_by_label(gettext("Title of the event")).input_value() == "Koncert kolęd"
    assert_no_axe_violations(page)

    page.get_by_label(gettext("Title of the event")).fill(NEW_TITLE)
    page.get_by_label(gettext("paid admission")).check()
    page.locator("#id_price_from").fill("20")
    page.get_by_label(gettext("What have you changed? (optional)")).fill("Podaliśmy cenę i pełny tytuł.")
    send_form(page, gettext("Send the changes"))
    wait_for_view(page, TRACKING_VIEW)
    page.get_by_text(gettext("Your changes have been sent. The department will look at them again.")).wait_for()
    assert page.locator(".case-action").count() == 0
    assert_no_axe_violations(page)

    submission.refresh_from_db()
    assert submission.status == EventSubmission.Status.SUBMITTED
    assert submission.event.title == NEW_TITLE

    clerk.open_case(submission)
    clerk.page.get_by_role("link", name=gettext("See what they sent first and what they changed")).click()
    title_row = clerk.page.locator(".applicant-change tbody tr").filter(has_text=gettext("Title of the event"))
    assert title_row.locator(".applicant-change__old").inner_text() == "Koncert kolęd"
    assert title_row.locator(".applicant-change__new").inner_text() == NEW_TITLE
    clerk.page.get_by_text(gettext("The whole version before the change")).click()
    assert "Anna Nowak" in clerk.page.locator(".applicant-change__version[open]").inner_text()
    assert clerk.page.locator(".workflow-panel__actions").get_by_role("button", name=gettext("Accept and publish"))


def test_called_to_complete_the_offeror_completes_the_offer_with_a_file(site_url, page, new_page):
    call = make_call(status="published", deadline=timezone.now() + timedelta(days=10))
    response = Client().post(f"/dotacje/konkursy/{call.slug}/oferta/", offer_post())
    assert response.status_code == 302
    offer = GrantOffer.objects.get()
    tracking_url = site_url + f"/sprawy/{offer.register_entry.tracking_token}/"

    clerk = clerk_signs_in(new_page, site_url, groups=["Dotacje, stypendia i nagrody"])
    clerk.perform(offer, gettext("Call to complete the offer"), note="Brak podpisanego oświadczenia.")

    goto(page, tracking_url)
    page.locator(".case-action").get_by_role("link", name=gettext("Complete the offer")).click()
    wait_for_view(page, CHANGES_VIEW)
    assert page.locator("#id_costs-2-name").input_value() == "Koordynacja"
    assert_no_axe_violations(page)
    page.locator("#id_costs-2-unit_cost").fill("400,00")
    page.locator("#id_requested_amount").fill("4400,00")
    page.locator("#id_attachments").set_input_files(
        files=[
            {
                "name": "oswiadczenie.pdf",
                "mimeType": "application/pdf",
                "buffer": b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
            }
        ]
    )
    send_form(page, gettext("Send the changes"))
    wait_for_view(page, "core:case_tracking")
    assert_no_axe_violations(page)

    offer.refresh_from_db()
    assert (offer.status, str(offer.total_costs)) == (GrantOffer.Status.SUBMITTED, "5400.00")
    clerk.open_case(offer)
    costs_row = clerk.page.locator(".applicant-change tbody tr").filter(has_text=gettext("Cost table"))
    assert "500,00" in costs_row.locator(".applicant-change__old").inner_text()
    assert "400,00" in costs_row.locator(".applicant-change__new").inner_text()


@pytest.mark.parametrize("width", [320, 375])
def test_the_tracking_box_and_the_form_for_changes_fit_a_narrow_screen(site_url, venue, new_page, width):
    page = new_page(viewport={"width": width, "height": 700})
    tracking_url = submit_event(page, site_url, venue)
    submission = EventSubmission.objects.get(contact_email=EMAIL)
    transition_perform(obj=submission, name="request_changes", acting_user=None, note=NOTE * 3)
    page.goto(tracking_url)
    page.locator(".case-action").wait_for()
    assert_no_horizontal_scrolling(page)
    page.locator(".case-action a.button").click()
    wait_for_view(page, CHANGES_VIEW)
    assert_no_horizontal_scrolling(page)
    page.get_by_label(gettext("Title of the event")).fill("")
    send_form(page, gettext("Send the changes"), expect_status=200)
    page.locator(".error-summary").wait_for()
    assert_no_horizontal_scrolling(page)
    assert_no_axe_violations(page)
