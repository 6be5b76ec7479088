"""Every public case type from the form to the department's answer, in Chromium, as a resident and a clerk do it.

Each journey: the form filled with clicks and typing, the confirmation, the private tracking link, a reply from
the applicant, the clerk in the admin (signed in with password and code) writing back or acting on the case, the
applicant reading it on the tracking page and downloading the letter where the case type has one. axe-core
checks every public page on the way (tests.e2e.journeys).
"""

import pytest
from django.utils.translation import gettext

from core.models import CaseMessage, Feedback
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import (
    applicant_replies,
    applicant_sees_on_tracking_page,
    case_messages,
    clerk_signs_in,
    confirmation_reached,
    send_form,
    tracking_link_followed,
)
from tests.e2e.pages import FEEDBACK_URL, goto

APPLICANT = CaseMessage.Author.APPLICANT
CLERK = CaseMessage.Author.CLERK

pytestmark = pytest.mark.usefixtures("fast_forms")


def test_feedback_journey(site_url, page, new_page):
    """The "Prześlij opinię" form: the opinion, its case mark, a reply on the tracking page and the editor's answer."""
    goto(page, site_url + FEEDBACK_URL)
    assert_no_axe_violations(page)
    page.get_by_label(gettext("Your opinion")).fill("W kalendarzu brakuje filtra wydarzeń dla seniorów.")
    page.get_by_label(gettext("E-mail address (optional)")).fill("jan.kowalski.e2e@example.pl")
    send_form(page, gettext("Send opinion"))
    case_mark = confirmation_reached(page)
    feedback = Feedback.objects.get(contact_email="jan.kowalski.e2e@example.pl")
    assert case_mark == feedback.case_mark

    tracking_url = tracking_link_followed(page)
    applicant_replies(page, "Chodzi mi o wydarzenia w Halembie i Kochłowicach.")

    clerk = clerk_signs_in(new_page, site_url, groups=["Redakcja portalu"])
    clerk.write_to_applicant(feedback, "Dziękujemy, filtr „dla seniorów” pojawi się w przyszłym miesiącu.")

    applicant_sees_on_tracking_page(page, tracking_url, "Dziękujemy, filtr „dla seniorów” pojawi się")
    assert case_messages(feedback) == [
        (APPLICANT, "Chodzi mi o wydarzenia w Halembie i Kochłowicach."),
        (CLERK, "Dziękujemy, filtr „dla seniorów” pojawi się w przyszłym miesiącu."),
    ]
