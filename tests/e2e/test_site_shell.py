"""Every public page and form state passes axe-core's WCAG 2.2 A/AA rules and works under the real CSP."""

import pytest
from django.utils.translation import gettext

from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.pages import GET_PAGES, PAGES, READ_ONLY_PAGES, WRITING_PAGES, goto


@pytest.mark.usefixtures("fast_forms")
@pytest.mark.parametrize("name", READ_ONLY_PAGES)
def test_page_has_no_axe_violations(name, read_only_site_url, page):
    """axe-core finds no WCAG 2.0/2.1/2.2 level A or AA violation on the page."""
    READ_ONLY_PAGES[name](page, read_only_site_url)
    assert_no_axe_violations(page)


@pytest.mark.usefixtures("fast_forms")
@pytest.mark.parametrize("name", WRITING_PAGES)
def test_page_after_a_sent_form_has_no_axe_violations(name, site_url, page):
    """The same for the pages a sent opinion leads to (each test with a database of its own)."""
    WRITING_PAGES[name](page, site_url)
    assert_no_axe_violations(page)


def test_department_page_lists_the_seeded_content(read_only_site_url, page):
    """The live server shows the test database: the department's name and its 23 duties."""
    goto(page, read_only_site_url + "/wydzial/")
    assert page.locator("h1").inner_text() == "Wydział Kultury, Komunikacji Społecznej i Promocji Miasta"
    assert page.locator(".duty-list li").count() == 23


def test_search_page_reports_its_results(read_only_site_url, page):
    """A search for "kultury" finds the seeded information pages and says how many in a status message."""
    goto(page, read_only_site_url + "/szukaj/?q=kultury")
    assert page.get_by_role("status").count() == 1
    assert page.locator(".result-list a").count() >= 1


def test_english_home_is_english(read_only_site_url, page):
    """/en/ is served in English and says so in <html lang>, with a link back to the Polish version."""
    goto(page, read_only_site_url + "/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator('.language-switch a[hreflang="pl"]').get_attribute("href") == "/"


def test_pages_run_under_the_real_csp(read_only_site_url, new_page):
    """With the CSP enforced (no bypass), the stylesheet applies and no page logs a CSP violation or error."""
    page = new_page(bypass_csp=False)
    documents = {read_only_site_url + path for path, _status in GET_PAGES.values()}
    problems = []

    def on_console(message):
        # Chrome logs a 404 document as a failed resource; only a failed sub-resource is a problem.
        if message.type in ("error", "warning") and message.location.get("url") not in documents:
            problems.append(f"{page.url}: {message.type}: {message.text} ({message.location.get('url')})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
    page.on("requestfailed", lambda request: problems.append(f"{page.url}: failed {request.url}"))
    for path, status in GET_PAGES.values():
        goto(page, read_only_site_url + path, status)
        # The skip link is positioned by site.css: proof the stylesheet was allowed.
        assert page.locator("a.skip-link").evaluate("el => getComputedStyle(el).position") == "absolute"
    assert problems == []


def test_feedback_errors_are_announced_and_linked(fast_forms, read_only_site_url, page):
    """An empty opinion comes back with an error summary in the page language, linked to the invalid field."""
    PAGES["feedback-errors"](page, read_only_site_url)
    assert page.locator("html").get_attribute("lang") == "pl"
    assert page.title().startswith(gettext("Error"))
    summary = page.get_by_role("alert")
    assert gettext("Please write your opinion.") in summary.inner_text()
    assert summary.locator("a").get_attribute("href") == "#id_message"
    assert page.locator("#id_message").get_attribute("aria-invalid") == "true"
