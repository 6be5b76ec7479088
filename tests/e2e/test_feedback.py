"""The "Prześlij opinię" journey in a browser: from any page's footer to a stored opinion."""

from django.utils.translation import gettext

from core.models import Feedback
from tests.e2e.pages import CONFIRMATION_VIEW, FEEDBACK_URL, goto, wait_for_view

MESSAGE = "Strona główna czyta się dobrze, ale brakuje godzin otwarcia muzeum."


def test_feedback_from_the_footer_is_stored_with_the_page_it_is_about(fast_forms, site_url, page):
    """Home footer link -> form -> opinion sent -> confirmation with the case mark; stored with page "/"."""
    goto(page, site_url + "/")
    page.locator(f'footer a[href^="{FEEDBACK_URL}"]').click()
    page.wait_for_url(f"{site_url}{FEEDBACK_URL}?strona=/")
    assert page.locator('input[name="page_path"]').input_value() == "/"

    page.get_by_label(gettext("Your opinion")).fill(MESSAGE)
    page.get_by_role("button", name=gettext("Send opinion")).click()
    wait_for_view(page, CONFIRMATION_VIEW)

    assert page.get_by_role("heading", level=1).inner_text() == gettext("We have received your submission")
    feedback = Feedback.objects.get()
    assert feedback.message == MESSAGE
    assert feedback.page_path == "/"
    assert feedback.contact_email == ""
    assert feedback.status == Feedback.Status.NEW
    assert page.locator(".case-mark").inner_text() == feedback.register_entry.case_mark
