"""Reflow (WCAG 1.4.10): no page scrolls sideways at 320 CSS px or at 1280 px zoomed to 200 %.

200 % zoom is emulated with a 640×360 viewport and device_scale_factor=2. That is what browser zoom
does to a 1280×720 window: the layout viewport shrinks to 640 CSS px, devicePixelRatio doubles and
media queries, vw units and clamp() react to the narrower viewport. CSS `zoom` on <html> would leave
the viewport at 1280 px, so media queries would still see a wide screen: a layout no visitor gets.
"""

import pytest

from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import PAGES

VIEWPORTS = {
    "320px": {"viewport": {"width": 320, "height": 640}},
    "1280px-zoom-200": {"viewport": {"width": 640, "height": 360}, "device_scale_factor": 2},
}


@pytest.mark.usefixtures("fast_forms")
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PAGES)
def test_page_does_not_scroll_horizontally(name, viewport, site_url, new_page):
    """The page's content width fits the viewport: document.documentElement.scrollWidth <= clientWidth."""
    page = new_page(**VIEWPORTS[viewport])
    PAGES[name](page, site_url)
    page.keyboard.press("Tab")  # the skip link, shown on focus, must fit too
    assert_no_horizontal_scrolling(page)
