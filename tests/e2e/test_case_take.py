"""A clerk opens a new case in the admin, takes it with the keyboard alone and finds it in "Moje sprawy"."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext, pgettext

from core.models import Feedback
from core.services import case_open
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import clerk_signs_in

SITE = "Redakcja portalu"
MAX_TABS = 80
ACTIVE_ELEMENT = """() => {
  const el = document.activeElement;
  return el ? {tag: el.tagName.toLowerCase(), text: (el.innerText || "").trim(),
               form: el.form ? el.form.getAttribute("action") : ""} : null;
}"""


def test_a_clerk_takes_a_case_with_the_keyboard_and_sees_it_in_my_cases(site_url, new_page):
    case = case_open(
        case=Feedback(message="Proszę o rozkład jazdy autobusów na festyn.", contact_email="jan.kowalski@example.pl"),
        title="Opinia o portalu",
    )
    take_url = reverse("admin:core_case_take", args=[ContentType.objects.get_for_model(Feedback).pk, case.pk])
    clerk = clerk_signs_in(new_page, site_url, groups=[SITE])
    page = clerk.page
    clerk.open_case(case)

    # The admin's skip link first, then Tab through the content to "Przyjmij sprawę" and press Enter.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        element = page.evaluate(ACTIVE_ELEMENT)
        if element and element["tag"] == "button" and element["form"] == take_url:
            break
    else:
        raise AssertionError(f"“Przyjmij sprawę” not reached after {MAX_TABS} Tab presses")
    assert element["text"] == pgettext("handler", "Take the case")
    page.keyboard.press("Enter")
    page.locator(".messagelist .success").wait_for()
    case.refresh_from_db()
    assert case.handler is not None
    assert case.handler.username == "urzednik.e2e"
    assert page.locator(".workflow-panel__handler").inner_text().count("Ewa Urzędnicza") == 1

    page.get_by_role("link", name=gettext("My cases")).first.click()
    page.locator("#my-cases").wait_for()
    row = page.locator("#my-cases tbody tr").filter(has_text=case.case_mark)
    assert row.count() == 1
    assert row.get_by_role("link", name=case.case_mark).get_attribute("href") == reverse(
        "admin:core_feedback_change", args=[case.pk]
    )
    assert_no_axe_violations(page)
