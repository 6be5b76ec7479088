"""The public pages (and form states) the browser tests visit, each reachable by a short name.

Texts are looked up with gettext under the test's Polish override, so the checks hold before and after
the Polish catalogue is filled in: they see exactly what the live server renders.
"""

from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from django.utils.translation import gettext

FEEDBACK_URL = "/opinia/"
# A sent opinion opens a case: the browser lands on its confirmation page, /sprawy/<token>/potwierdzenie/.
CONFIRMATION_VIEW = "core:case_confirmation"
MESSAGE = "Brakuje kalendarza wydarzeń dla dzieci. Zażółć gęślą jaźń."


def goto(page, url: str, status: int = 200) -> None:
    response = page.goto(url)
    assert response is not None
    assert response.status == status, f"GET {url} answered {response.status}, expected {status}"


def view_name(url: str) -> str | None:
    """The namespaced URL name of a page address ("core:home"), or None if it matches no view."""
    try:
        return resolve(urlsplit(url).path).view_name
    except Resolver404:
        return None


def wait_for_view(page, name: str) -> None:
    page.wait_for_url(lambda url: view_name(url) == name)


def submit_feedback_empty(page, site_url: str) -> None:
    """Send the feedback form without an opinion: the form comes back with its error summary."""
    goto(page, site_url + FEEDBACK_URL)
    page.get_by_role("button", name=gettext("Send opinion")).click()
    page.locator(".error-summary").wait_for()


def submit_feedback(page, site_url: str, message: str = MESSAGE) -> None:
    """Fill the opinion and send it: ends on the case confirmation page (needs PUBLIC_FORM_MIN_SECONDS = 0)."""
    goto(page, site_url + FEEDBACK_URL)
    page.get_by_label(gettext("Your opinion")).fill(message)
    page.get_by_role("button", name=gettext("Send opinion")).click()
    wait_for_view(page, CONFIRMATION_VIEW)


def open_case_tracking(page, site_url: str) -> None:
    """Send an opinion, then follow the private tracking link shown on the confirmation page."""
    submit_feedback(page, site_url)
    page.locator(".tracking-link a").click()
    wait_for_view(page, "core:case_tracking")


def _get(path: str, status: int = 200):
    def open_page(page, site_url: str) -> None:
        goto(page, site_url + path, status)

    return open_page


# Pages reached by a plain GET: name -> (path, expected status).
GET_PAGES = {
    "home": ("/", 200),
    "department": ("/wydzial/", 200),
    "static-page": ("/strony/kontakt/", 200),
    "feedback-form": (FEEDBACK_URL, 200),
    "case-received": ("/sprawy/przyjeto/", 200),
    "not-found": ("/nie-ma-takiej-strony/", 404),
    "search": ("/szukaj/?q=kultura", 200),
    "home-en": ("/en/", 200),
}
# Every page state under test: name -> function(page, site_url) that leaves the page in that state.
PAGES = {
    **{name: _get(path, status) for name, (path, status) in GET_PAGES.items()},
    "feedback-errors": submit_feedback_empty,
    "case-confirmation": submit_feedback,
    "case-tracking": open_case_tracking,
}
#: The states a test reaches without writing anything (a GET, or a form sent back with its errors).
READ_ONLY_PAGES = {name: PAGES[name] for name in [*GET_PAGES, "feedback-errors"]}
#: The states reached by sending a form that opens a case.
WRITING_PAGES = {name: open_page for name, open_page in PAGES.items() if name not in READ_ONLY_PAGES}
