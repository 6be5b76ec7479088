"""A resident subscribes to the newsletter, confirms from the e-mail, chooses topics, receives the week's digest and
unsubscribes in one click, in Chromium.

Every newsletter page on the way passes axe-core and fits a 320 px phone; the digest's HTML part passes axe-core
too. Opening a link from an e-mail (what a mail scanner does) changes nothing: only the page's button does.
"""

import re
from datetime import datetime, time, timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from django.utils.translation import gettext

from core.districts import District
from core.services import transition_perform
from newsletter.models import Delivery, Subscriber
from newsletter.selectors import next_week_start
from newsletter.services import digest_prepare, mailings_send_due
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import mails_to, send_form
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import goto
from tests.events.factories import EventFactory, VenueFactory, category
from tests.newsletter.conftest import SITE_GROUP

pytestmark = pytest.mark.usefixtures("fast_forms")

EMAIL = "anna.nowak.e2e@example.pl"
PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 720}


def checked_on_desktop_and_phone(page) -> None:
    """The page passes axe-core at 1280 px and at 320 px, and does not scroll sideways on the phone."""
    assert_no_axe_violations(page)
    page.set_viewport_size(PHONE)
    assert_no_horizontal_scrolling(page)
    assert_no_axe_violations(page)
    page.set_viewport_size(DESKTOP)


def mailed_link(address: str, path: str) -> str:
    """The path of the link to `path` in the newest e-mail to `address` (its text part)."""
    mails = mails_to(address)
    assert mails, f"no e-mail was sent to {address}"
    links = re.findall(r"https?://\S+" + re.escape(path) + r"[^/\s]+/", mails[-1].body)
    assert links, f"the e-mail to {address} carries no link to {path}:\n{mails[-1].body}"
    return urlsplit(links[0]).path


def in_next_week(day: int, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(next_week_start() + timedelta(days=day), time(hour)))


@pytest.fixture
def next_week(site_url):
    """The week the digest announces: a concert in Halemba and a play in Wirek."""
    concert = EventFactory(
        title="Koncert kolęd w Halembie",
        category=category("koncerty"),
        venue=VenueFactory(district=District.HALEMBA),
        dates=[(in_next_week(2, 18), in_next_week(2, 20))],
    )
    play = EventFactory(
        title="Spektakl „Szopka śląska” w Wirku",
        category=category("teatr"),
        venue=VenueFactory(district=District.WIREK),
        dates=[(in_next_week(4, 17), None)],
    )
    return {"concert": concert, "play": play}


def test_a_resident_subscribes_confirms_chooses_topics_gets_the_digest_and_unsubscribes(
    site_url, next_week, page, make_clerk
):
    # The form: sent without the consent, it comes back with the error named.
    goto(page, site_url + "/newsletter/")
    checked_on_desktop_and_phone(page)
    page.locator("#id_email").fill(EMAIL)
    send_form(page, gettext("Subscribe"), expect_status=200)
    page.locator(".error-summary").wait_for()
    assert_no_axe_violations(page)
    assert not Subscriber.objects.filter(email=EMAIL).exists()
    page.locator("#id_consent").check()
    send_form(page, gettext("Subscribe"))
    page.get_by_role("heading", name=gettext("Check your mailbox")).wait_for()
    checked_on_desktop_and_phone(page)
    assert Subscriber.objects.get(email=EMAIL).status == Subscriber.Status.PENDING
    assert [mail.subject for mail in mails_to(EMAIL)] == ["Potwierdź zapis do newslettera"]

    # The confirmation link: opening it confirms nothing; the button does.
    goto(page, site_url + mailed_link(EMAIL, "/newsletter/potwierdz/"))
    checked_on_desktop_and_phone(page)
    assert Subscriber.objects.get(email=EMAIL).status == Subscriber.Status.PENDING
    send_form(page, gettext("Confirm the subscription"))
    page.get_by_role("heading", name=gettext("Your newsletter")).wait_for()
    page.get_by_text(gettext("Thank you: your subscription is confirmed.")).wait_for()
    assert Subscriber.objects.get(email=EMAIL).status == Subscriber.Status.ACTIVE
    checked_on_desktop_and_phone(page)

    # Topics: only events, only in Halemba.
    page.locator("#id_press_releases").uncheck()
    page.get_by_role("checkbox", name="Halemba", exact=True).check()
    send_form(page, gettext("Save my choice"))
    page.get_by_text(gettext("Your choice of topics is saved.")).wait_for()
    assert_no_axe_violations(page)
    subscriber = Subscriber.objects.get(email=EMAIL)
    assert (subscriber.events, subscriber.press_releases, subscriber.districts) == (True, False, ["halemba"])

    # The weekly timer prepares the digest, an editor approves it, the batches go out.
    digest = digest_prepare(week_start=next_week_start())
    transition_perform(obj=digest, name="approve", acting_user=make_clerk(groups=[SITE_GROUP]))
    mailings_send_due()
    mail = mails_to(EMAIL)[-1]
    assert mail.subject.startswith("Co się dzieje w Rudzie Śląskiej: ")
    assert "Koncert kolęd w Halembie" in mail.body
    assert "Szopka śląska" not in mail.body
    assert Delivery.objects.filter(mailing=digest, subscriber=subscriber, skipped=False).count() == 1
    (html, _mimetype) = mail.alternatives[0]
    page.set_content(html)
    assert page.get_by_role("heading", level=1).inner_text() == digest.subject
    assert_no_axe_violations(page)

    # Unsubscribing from the digest's link: opening it changes nothing, one click on its button deletes the data.
    unsubscribe_path = mailed_link(EMAIL, "/newsletter/wypisz/")
    assert urlsplit(mail.extra_headers["List-Unsubscribe"].strip("<>")).path == unsubscribe_path
    goto(page, site_url + unsubscribe_path)
    checked_on_desktop_and_phone(page)
    assert Subscriber.objects.filter(email=EMAIL).exists()
    send_form(page, gettext("Unsubscribe from the newsletter"), expect_status=200)
    page.get_by_text(
        gettext(
            "You are unsubscribed: your address and your choice of topics are deleted. "
            "You will receive no more newsletters."
        )
    ).wait_for()
    checked_on_desktop_and_phone(page)
    assert not Subscriber.objects.filter(email=EMAIL).exists()

    # The links of the old e-mails open nothing now.
    goto(page, site_url + unsubscribe_path, status=404)
    assert_no_axe_violations(page)
