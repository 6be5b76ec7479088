"""A press officer writes a release in the admin's editor by keyboard, under the real CSP; the public page shows it."""

from django.urls import reverse
from playwright.sync_api import expect

from core.roles import SECTION_BY_CODE
from press.models import PressRelease
from tests.e2e.axe import AXE_SCRIPT, format_violations
from tests.e2e.journeys import clerk_signs_in
from tests.press.factories import PressReleaseFactory

# axe-core goes in through the DevTools protocol (page.evaluate), which the page's CSP does not govern, so the
# admin page runs under its real policy: a blocked script or style of the editor shows as a console error.
RUN_AXE_ON_EDITOR = """async () => {
  const results = await axe.run({include: [".field-body .prose-editor"]}, {
    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]});
  return results.violations;
}"""


def test_a_release_written_in_the_editor_renders_on_the_public_page(new_page, site_url):
    release = PressReleaseFactory(title="Noc Muzeów 2026", body="<p>Stary tekst.</p>")
    clerk = clerk_signs_in(lambda: new_page(bypass_csp=False), site_url, groups=[SECTION_BY_CODE["press"].group_name])
    page = clerk.page
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    page.goto(site_url + reverse("admin:press_pressrelease_change", args=[release.pk]))

    editor = page.locator(".field-body").get_by_role("textbox")
    expect(editor).to_contain_text("Stary tekst.")
    # Keyboard only: Tab from the lead, past the editor's toolbar, reaches its text.
    page.locator("#id_lead").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        if editor.evaluate("element => element === document.activeElement"):
            break
    expect(editor).to_be_focused()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.press("Control+b")
    page.keyboard.type("Wstęp wolny")
    page.keyboard.press("Control+b")
    page.keyboard.type(" do wszystkich muzeów. Program")
    for _ in range(len("Program")):
        page.keyboard.press("Shift+ArrowLeft")
    # The toolbar speaks Polish (the library's own labels are English).
    page.locator(".field-body").get_by_role("button", name="wstaw odnośnik").click()
    dialog = page.locator("dialog[open]")
    dialog.locator('input[name="href"], input[type="url"], input').first.fill("https://www.rudaslaska.pl/program")
    dialog.locator('button[type="submit"]').first.click()
    expect(editor.get_by_role("link", name="Program")).to_be_visible()

    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    violations = page.evaluate(RUN_AXE_ON_EDITOR)
    assert not violations, format_violations(page.url, violations)
    assert not [text for text in console_errors if "Content Security Policy" in text], console_errors

    page.locator('[name="_continue"]').click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    release.refresh_from_db()
    assert release.status == PressRelease.Status.PUBLISHED

    public = new_page()
    public.goto(site_url + reverse("press:release_detail", args=[release.slug]))
    body = public.locator(".release__body")
    expect(body.locator("strong")).to_have_text("Wstęp wolny")
    expect(body.get_by_role("link", name="Program")).to_have_attribute("href", "https://www.rudaslaska.pl/program")
    expect(body).to_contain_text("Stary tekst.")
