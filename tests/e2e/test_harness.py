"""The harness itself catches what it is meant to catch, so a green run means something."""

import pytest

from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.layout import assert_no_horizontal_scrolling

BROKEN_PAGE = """<!DOCTYPE html><html><head><title>Zepsuta strona</title></head><body><main>
<h1>Zepsuta strona</h1><img src="data:,"><div style="width: 1000px">szeroki blok</div>
</main></body></html>"""


def test_axe_helper_reports_each_violation_with_its_nodes(page):
    """A page without lang and with an image without alt fails, naming the rules and the offending HTML."""
    page.set_content(BROKEN_PAGE)
    with pytest.raises(AssertionError) as failure:
        assert_no_axe_violations(page)
    report = str(failure.value)
    assert "html-has-lang" in report
    assert "image-alt" in report
    assert '<img src="data:,">' in report


def test_layout_helper_reports_horizontal_scrolling(new_page):
    """A 1000 px wide block in a 320 px viewport fails and the block is named."""
    page = new_page(viewport={"width": 320, "height": 640})
    page.set_content(BROKEN_PAGE)
    with pytest.raises(AssertionError, match=r"scrollWidth': 1\d\d\d.*div right=10\d\d"):
        assert_no_horizontal_scrolling(page)
