"""The CSRF-failure and 400 pages in a browser: Polish, in the site's shell, accessible (axe-core), with a way out."""

from django.utils.translation import gettext

from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.pages import FEEDBACK_URL, goto


def test_a_form_sent_without_its_cookie_gets_the_polish_page_with_what_to_do(fast_forms, site_url, page):
    """The CSRF cookie is gone (blocked, or cleared while the form was open): the post is refused with a page
    that says what to do, and the way back to the form works."""
    goto(page, site_url + FEEDBACK_URL)
    page.get_by_label(gettext("Your opinion")).fill("Opinia wysłana bez ciasteczka.")
    page.context.clear_cookies()

    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        page.get_by_role("button", name=gettext("Send opinion")).click()

    assert posted.value.status == 403
    assert page.get_by_role("heading", level=1).inner_text() == "Nie udało się wysłać formularza"
    assert page.get_by_role("heading", level=2, name="Co zrobić").is_visible()
    assert page.locator("footer").is_visible()
    assert_no_axe_violations(page)
    page.go_back()
    assert page.url.startswith(site_url + FEEDBACK_URL)


def test_an_unreadable_address_gets_the_polish_400_page(site_url, page):
    query = "&".join(f"p{n}=1" for n in range(1100))
    goto(page, f"{site_url}/szukaj/?{query}", status=400)
    assert page.get_by_role("heading", level=1).inner_text() == "Nie można obsłużyć żądania"
    assert_no_axe_violations(page)
