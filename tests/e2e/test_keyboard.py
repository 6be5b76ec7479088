"""The site can be used with the keyboard alone: skip link first, then the feedback form from start to finish."""

import pytest

from core.models import Feedback
from core.public_forms import HONEYPOT_FIELD
from tests.e2e.pages import CONFIRMATION_VIEW, FEEDBACK_URL, goto, wait_for_view

MAX_TABS = 60
ACTIVE_ELEMENT = """() => {
  const el = document.activeElement;
  return el ? {tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute("name") || "",
               type: el.getAttribute("type") || "", href: el.getAttribute("href") || "",
               form: el.form ? el.form.getAttribute("action") : ""} : null;
}"""


def press_tab_until(page, matches) -> list[dict]:
    """Press Tab until the focused element matches; return every element focused on the way (the last matches)."""
    visited = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        element = page.evaluate(ACTIVE_ELEMENT)
        visited.append(element)
        if element and matches(element):
            return visited
    pytest.fail(f"Not reached after {MAX_TABS} Tab presses; focus went through {visited}")


@pytest.mark.parametrize("path", ["/", "/wydzial/", FEEDBACK_URL, "/en/"])
def test_first_tab_focuses_the_skip_link_which_moves_focus_to_main(path, read_only_site_url, page):
    """The first Tab focuses a visible "skip to content" link; Enter on it moves focus into <main>."""
    goto(page, read_only_site_url + path)
    page.keyboard.press("Tab")
    assert page.evaluate(ACTIVE_ELEMENT)["href"] == "#main"
    box = page.locator('a[href="#main"]').bounding_box()
    viewport = page.viewport_size
    assert box is not None
    assert box["y"] >= 0, f"skip link above the screen: {box}"
    assert box["y"] + box["height"] <= viewport["height"], f"skip link below the screen: {box}"

    page.keyboard.press("Enter")
    assert page.evaluate("() => document.getElementById('main').contains(document.activeElement)")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.getElementById('main').contains(document.activeElement)")


def test_feedback_form_can_be_sent_with_the_keyboard_only(fast_forms, site_url, page):
    """Tab to the opinion, type it, Tab to the e-mail, type it, Tab to the button, Enter: confirmation."""
    goto(page, site_url + FEEDBACK_URL)
    visited = press_tab_until(page, lambda el: el["id"] == "id_message")
    page.keyboard.type("Proszę dodać mapę dojazdu.")
    page.keyboard.press("Tab")
    assert page.evaluate(ACTIVE_ELEMENT)["id"] == "id_contact_email"
    page.keyboard.type("jan.kowalski@example.pl")
    visited += press_tab_until(page, lambda el: el["type"] == "submit" and el["form"] == FEEDBACK_URL)
    page.keyboard.press("Enter")
    wait_for_view(page, CONFIRMATION_VIEW)

    assert all(el is None or el["name"] != HONEYPOT_FIELD for el in visited), "the honeypot field took the focus"
    feedback = Feedback.objects.get()
    assert feedback.message == "Proszę dodać mapę dojazdu."
    assert feedback.contact_email == "jan.kowalski@example.pl"
