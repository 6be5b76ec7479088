"""Forms on pages reached by a private link work in Chromium, which sends an Origin (and Referer) with each POST.

Such pages keep their token from other sites; a policy that makes Chromium send "Origin: null" gets every
same-origin POST refused by the CSRF check ("Origin checking failed - null does not match any trusted origins").
The case types' journeys (test_journeys_*.py) post from the tracking page and the grant draft; this covers the
press office's unsubscribe confirmation, reached from a link in an e-mail.
"""

from django.urls import reverse
from django.utils.translation import gettext

from press.distribution import unsubscribe_token
from press.models import MediaContact
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.pages import goto


def test_a_journalist_unsubscribes_from_the_link_in_an_email(site_url, page):
    contact = MediaContact.objects.create(name="Katarzyna Wójcik", email="k.wojcik.e2e@radio.example.pl")
    goto(page, site_url + reverse("press:unsubscribe", kwargs={"token": unsubscribe_token(contact)}))
    assert_no_axe_violations(page)

    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        page.get_by_role("button", name=gettext("Unsubscribe")).click()

    assert posted.value.status == 200, f"the confirmation was refused with {posted.value.status}"
    page.get_by_text(gettext("You will no longer receive e-mails from the press office.")).first.wait_for()
    contact.refresh_from_db()
    assert contact.unsubscribed_at is not None
    assert_no_axe_violations(page)
