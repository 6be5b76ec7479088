"""The published results of a scholarship call, the open calls and the archive, in Chromium: axe-core finds nothing,
and nothing scrolls sideways at 320 px (WCAG 2.1 AA, 1.4.10). The laureate's name, field and amount are shown; the
PESEL, the account and the address never are (DOMAIN.md §D, §J.2).
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from awards.models import AwardCall
from tests.awards.factories import PESEL, contract_data, granted_scholarship
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import goto

pytestmark = pytest.mark.usefixtures("fast_forms")


@pytest.fixture
def published_call(site_url, client):
    """A scholarship call past its deadline whose laureate (a signed contract, PESEL typed) is published."""
    application = contract_data(granted_scholarship(client), pesel=PESEL)
    AwardCall.objects.filter(pk=application.call_id).update(
        deadline=timezone.now() - timedelta(days=1), results_published=True
    )
    return AwardCall.objects.get(pk=application.call_id)


@pytest.mark.parametrize("width", [1280, 320])
def test_the_results_the_calls_and_the_archive_pass_axe_and_fit_the_screen(site_url, page, published_call, width):
    page.set_viewport_size({"width": width, "height": 800})
    goto(page, site_url + published_call.get_absolute_url())
    results = page.locator("body")
    assert "Joanna Kowalczyk" in results.inner_text()
    assert PESEL not in page.content()
    assert_no_axe_violations(page)
    assert_no_horizontal_scrolling(page)
    for name in ("awards:call_list", "awards:call_archive"):
        goto(page, site_url + reverse(name))
        assert page.locator("h1").count() == 1
        assert_no_axe_violations(page)
        assert_no_horizontal_scrolling(page)
