"""The newsroom in a browser: axe-core finds no WCAG violations on the list, a release, a conference and the
accreditation form (empty, with errors, confirmed); the pages fit 320 px."""

import pytest
from django.utils.translation import gettext

from press.models import Accreditation
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import CONFIRMATION_VIEW, goto, wait_for_view
from tests.press.factories import PressReleaseFactory, ReleaseAttachmentFactory, ReleasePhotoFactory, TopicFactory

NARROW = {"viewport": {"width": 320, "height": 640}}
EMAIL = "k.wojcik.e2e@radio.pl"


@pytest.fixture
def newsroom(site_url, conference):
    culture = TopicFactory()
    release = PressReleaseFactory(
        title="Jarmark Bożonarodzeniowy na Placu Jana Pawła II",
        topics=[culture],
        district="nowy_bytom",
        contact_name="Biuro prasowe",
        contact_email="prasa@rudaslaska.pl",
        body="<p>Stoiska, kolędy i <strong>lodowisko</strong>.</p><h2>Program</h2><ul><li>piątek</li></ul>",
    )
    ReleasePhotoFactory(release=release)
    ReleaseAttachmentFactory(release=release)
    PressReleaseFactory(title="Nowe murale na Wirku", topics=[culture])
    return {"release": release, "conference": conference}


def accreditation_url(conference):
    return f"/prasa/konferencje/{conference.slug}/akredytacja/"


def submit_empty(page, site_url, conference):
    goto(page, site_url + accreditation_url(conference))
    page.get_by_role("button", name=gettext("Apply for accreditation")).click()
    page.locator(".error-summary").wait_for()


def submit_filled(page, site_url, conference):
    goto(page, site_url + accreditation_url(conference))
    page.locator("#id_full_name").fill("Katarzyna Wójcik")
    page.locator("#id_outlet_name").fill("Radio Katowice")
    page.locator("#id_role").fill("reporterka")
    page.locator("#id_email").fill(EMAIL)
    page.get_by_role("button", name=gettext("Apply for accreditation")).click()
    wait_for_view(page, CONFIRMATION_VIEW)


@pytest.mark.usefixtures("fast_forms")
@pytest.mark.parametrize(
    "state", ["list", "list-filtered", "release", "conference", "form-empty", "form-errors", "form-confirmed"]
)
def test_press_pages_have_no_axe_violations(state, site_url, newsroom, page):
    release, conference = newsroom["release"], newsroom["conference"]
    if state == "list":
        goto(page, site_url + "/prasa/")
    elif state == "list-filtered":
        goto(page, site_url + "/prasa/?temat=kultura&od=2099-13-01")
    elif state == "release":
        goto(page, site_url + release.get_absolute_url())
    elif state == "conference":
        goto(page, site_url + conference.get_absolute_url())
    elif state == "form-empty":
        goto(page, site_url + accreditation_url(conference))
    elif state == "form-errors":
        submit_empty(page, site_url, conference)
    else:
        submit_filled(page, site_url, conference)
        assert page.locator(".case-mark").inner_text() == Accreditation.objects.get(email=EMAIL).case_mark
    assert_no_axe_violations(page)


@pytest.mark.parametrize("path", ["/prasa/", "release", "conference"])
def test_press_pages_fit_a_narrow_phone(path, site_url, newsroom, new_page):
    page = new_page(**NARROW)
    if path == "release":
        path = newsroom["release"].get_absolute_url()
    elif path == "conference":
        path = newsroom["conference"].get_absolute_url()
    goto(page, site_url + path)
    assert_no_horizontal_scrolling(page)
