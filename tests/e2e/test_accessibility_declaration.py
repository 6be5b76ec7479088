"""The declaration of accessibility in Chromium: reached from the footer's "Deklaracja dostępności" on the home page,
in Polish and in English, with axe-core finding no violation and nothing scrolling sideways on a 320 px screen
(ustawa z 4.04.2019 art. 10; DOMAIN.md §G.4). The demo data (seed_accessibility) holds both versions."""

import pytest

from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import goto


def test_the_footer_leads_to_the_declaration_which_passes_axe(read_only_site_url, page):
    goto(page, read_only_site_url + "/")
    page.locator(".site-footer").get_by_role("link", name="Deklaracja dostępności", exact=True).click()
    page.locator("#a11y-status").wait_for()
    assert page.locator("#a11y-podmiot").inner_text() == "Urząd Miasta Ruda Śląska"
    assert_no_axe_violations(page)


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_both_language_versions_pass_axe_at_320_px(read_only_site_url, page, prefix):
    page.set_viewport_size({"width": 320, "height": 800})
    goto(page, read_only_site_url + prefix + "/deklaracja-dostepnosci/")
    page.locator("#a11y-architektura").wait_for()
    assert_no_axe_violations(page)
    assert_no_horizontal_scrolling(page)
