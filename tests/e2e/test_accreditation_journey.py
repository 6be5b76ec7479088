"""A journalist's accreditation to a press conference, in Chromium, from the newsroom to the press office's decision.

The journalist finds the conference in "Biuro prasowe", fills the accreditation form, gets the confirmation and the
private tracking link, writes about the crew from the tracking page; a press clerk answers in the admin and accepts
the accreditation with a note the panel says goes to the journalist; the journalist reads all of it on the
tracking page. Every public page on the way passes axe-core.
"""

import pytest
from django.utils.translation import gettext

from core.models import CaseMessage
from press.models import Accreditation
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import (
    applicant_replies,
    applicant_sees_on_tracking_page,
    case_messages,
    clerk_signs_in,
    confirmation_reached,
    mailed_tracking_link,
    send_form,
    tracking_link_followed,
)
from tests.e2e.pages import goto

APPLICANT = CaseMessage.Author.APPLICANT
CLERK = CaseMessage.Author.CLERK
PRESS_GROUP = "Biuro prasowe"
EMAIL = "k.wojcik.e2e@radio.pl"
REPLY = "Przyjadę z operatorem kamery, Piotrem Malcem; potrzebujemy gniazdka przy statywie."
ANSWER = "Gniazdko będzie przy podeście dla kamer, po lewej stronie sali sesyjnej."
ENTRANCE = "Prosimy o wejście od ul. Niedurnego, 30 minut przed początkiem."

pytestmark = pytest.mark.usefixtures("fast_forms")


def test_accreditation_journey(site_url, conference, page, new_page):
    goto(page, site_url + "/prasa/")
    page.get_by_role("link", name=conference.title).click()
    page.get_by_role("link", name=gettext("Apply for accreditation")).click()
    page.locator("#id_full_name").wait_for()
    assert_no_axe_violations(page)

    page.locator("#id_full_name").fill("Katarzyna Wójcik")
    page.locator("#id_outlet_name").fill("Radio Katowice")
    page.locator("#id_role").fill("reporterka")
    page.locator("#id_press_card_number").fill("SDP/1234")
    page.locator("#id_email").fill(EMAIL)
    page.locator("#id_crew").fill("Piotr Malec, operator kamery")
    page.locator("#id_equipment").fill("kamera na statywie")
    page.locator("#id_recording_consent").check()
    send_form(page, gettext("Apply for accreditation"))
    case_mark = confirmation_reached(page)
    accreditation = Accreditation.objects.get(email=EMAIL)
    assert (case_mark, accreditation.conference, accreditation.status) == (
        accreditation.case_mark,
        conference,
        Accreditation.Status.REQUESTED,
    )

    tracking_url = tracking_link_followed(page)
    assert mailed_tracking_link(EMAIL) == tracking_url
    applicant_replies(page, REPLY)

    clerk = clerk_signs_in(new_page, site_url, groups=[PRESS_GROUP])
    clerk.write_to_applicant(accreditation, ANSWER)
    hint = clerk.page.locator("#workflow-note-help")
    assert gettext("Accept") in hint.locator("strong").all_inner_texts()
    clerk.perform(accreditation, gettext("Accept"), note=ENTRANCE)

    accepted = gettext("Your accreditation has been accepted. Please bring your press card to the conference.")
    applicant_sees_on_tracking_page(page, tracking_url, gettext("accepted"), ANSWER, accepted, ENTRANCE)
    assert case_messages(accreditation) == [
        (APPLICANT, REPLY),
        (CLERK, ANSWER),
        (CLERK, f"{accepted}\n\n{ENTRANCE}"),
    ]
    accreditation.refresh_from_db()
    assert accreditation.status == Accreditation.Status.ACCEPTED
