"""Forms on pages reached by a private link post as a browser sends them, and the link stays out of other sites.

Django's test client sends no Origin or Referer; Chromium and Firefox send both, derived from the Referrer-Policy
of the page the form is on. Under `no-referrer` a same-origin POST carries "Origin: null", which Django's CSRF
check refuses with 403. Each post here goes through `BrowserClient`, which sends what the browser would (over
HTTPS, as in production, and over plain HTTP, as `make run` serves), with the CSRF check on.
"""

from datetime import datetime
from html.parser import HTMLParser

import pytest
import time_machine
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from core.models import CaseMessage, Feedback
from core.services import case_open
from grants.models import GrantOffer, OfferDraft
from press.distribution import unsubscribe_token
from press.models import MediaContact
from tests.grants.factories import WARSAW, make_call, offer_post
from tests.helpers import browser_headers

OTHER_SITE = "https://www.example.org/"
BEFORE_GRANT_DEADLINE = datetime(2026, 3, 10, 12, tzinfo=WARSAW)


class _HiddenInputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.values = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "hidden" and attrs.get("name"):
            self.values.setdefault(attrs["name"], attrs.get("value") or "")


class BrowserClient:
    """A test client with the CSRF check on that sends the Origin and Referer a browser sends from each page."""

    def __init__(self, scheme: str):
        self.client = Client(enforce_csrf_checks=True)
        self.scheme = scheme
        self.page = None
        self.page_url = ""

    def url(self, path: str) -> str:
        return f"{self.scheme}://testserver{path}"

    def get(self, path: str):
        self.page = self.client.get(path, secure=self.scheme == "https")
        self.page_url = self.url(path)
        return self.page

    def submit(self, data: dict, action: str = ""):
        """POST a form of the current page to `action` (the page itself by default), hidden fields included."""
        parser = _HiddenInputs()
        parser.feed(self.page.content.decode())
        target = action or self.page_url.removeprefix(self.url(""))
        headers = browser_headers(self.page, page_url=self.page_url, target_url=self.url(target))
        return self.client.post(target, {**parser.values, **data}, headers=headers, secure=self.scheme == "https")

    def follow(self, response):
        assert response.status_code == 302, f"expected a redirect, got {response.status_code}"
        return self.get(response["Location"])


@pytest.fixture(autouse=True)
def _people_fill_forms_at_once(settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 0


def open_feedback():
    return case_open(
        case=Feedback(message="Brakuje godzin otwarcia muzeum.", contact_email="jan.kowalski@example.com"),
        title="Opinia",
    )


def tracking_path(case) -> str:
    return reverse("core:case_tracking", kwargs={"token": case.register_entry.tracking_token})


@pytest.mark.django_db
def test_a_page_under_no_referrer_makes_the_browser_post_origin_null_which_django_refuses(client):
    """The model of the browser the tests below rely on: it reproduces the 403 a no-referrer page got."""
    page = HttpResponse(headers={"Referrer-Policy": "no-referrer"})
    headers = browser_headers(page, page_url="https://testserver/sprawy/abc/", target_url="https://testserver/opinia/")
    assert headers == {"Origin": "null"}
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.get("/opinia/", secure=True)
    token = csrf_client.cookies["csrftoken"].value
    response = csrf_client.post("/opinia/", {"csrfmiddlewaretoken": token}, headers=headers, secure=True)
    assert response.status_code == 403


SCHEMES = ["https", "http"]


@pytest.mark.django_db
@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_reply_from_the_tracking_page_reaches_the_case(scheme):
    case = open_feedback()
    browser = BrowserClient(scheme)
    browser.get(tracking_path(case))

    response = browser.submit({"body": "Dziękuję, czekam na odpowiedź."})

    assert response.status_code == 302
    assert response["Location"] == tracking_path(case) + "#wiadomosci"
    message = CaseMessage.objects.get(object_id=case.pk)
    assert (message.author_kind, message.body) == (CaseMessage.Author.APPLICANT, "Dziękuję, czekam na odpowiedź.")
    assert "Dziękuję, czekam na odpowiedź." in browser.follow(response).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_grant_draft_is_saved_again_and_submitted_from_its_private_link(scheme):
    with time_machine.travel(BEFORE_GRANT_DEADLINE, tick=False):
        call = make_call(status="published")
        browser = BrowserClient(scheme)
        browser.get(f"/dotacje/konkursy/{call.slug}/oferta/")
        draft_page = browser.follow(browser.submit(offer_post(action="save", title="Pierwsza wersja")))
        draft = OfferDraft.objects.get()
        assert browser.page_url == browser.url(draft.get_absolute_url())
        assert "Pierwsza wersja" in draft_page.content.decode()

        browser.follow(browser.submit(offer_post(action="save", title="Druga wersja")))
        draft.refresh_from_db()
        assert draft.data["title"] == ["Druga wersja"]

        response = browser.submit(offer_post(action="submit", title="Wersja złożona"))

    offer = GrantOffer.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "core:case_confirmation", kwargs={"token": offer.register_entry.tracking_token}
    )
    assert offer.title == "Wersja złożona"
    draft.refresh_from_db()
    assert draft.offer == offer


@pytest.mark.django_db
@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_journalist_confirms_unsubscribing_on_the_page_the_email_links_to(scheme):
    contact = MediaContact.objects.create(name="Katarzyna Wójcik", email="k.wojcik@radio.example.pl")
    browser = BrowserClient(scheme)
    browser.get(reverse("press:unsubscribe", kwargs={"token": unsubscribe_token(contact)}))

    response = browser.submit({})

    assert response.status_code == 200
    contact.refresh_from_db()
    assert contact.unsubscribed_at is not None


def private_pages(client) -> dict[str, tuple[str, str]]:
    """Each kind of page reached by a private link: name -> (path, the private token in it)."""
    case = open_feedback()
    entry = case.register_entry
    with time_machine.travel(BEFORE_GRANT_DEADLINE, tick=False):
        call = make_call(status="published")
        client.post(f"/dotacje/konkursy/{call.slug}/oferta/", offer_post(action="save"))
        draft = OfferDraft.objects.get()
        contact = MediaContact.objects.create(name="Redakcja", email="redakcja@example.pl")
        unsubscribe = unsubscribe_token(contact)
        pages = {
            "case confirmation": (reverse("core:case_confirmation", kwargs={"token": entry.tracking_token}), ""),
            "case tracking": (tracking_path(case), ""),
            "grant offer draft": (draft.get_absolute_url(), draft.token),
            "press unsubscribe": (reverse("press:unsubscribe", kwargs={"token": unsubscribe}), unsubscribe),
        }
    return {name: (path, token or entry.tracking_token) for name, (path, token) in pages.items()}


@pytest.mark.django_db
def test_private_pages_keep_their_link_from_other_sites_and_out_of_caches(client):
    """A link or form on a private page sends another site no Referer with the token; the page is never cached."""
    for name, (path, token) in private_pages(client).items():
        with time_machine.travel(BEFORE_GRANT_DEADLINE, tick=False):
            page = client.get(path, secure=True)
        assert page.status_code == 200, name
        for target in (OTHER_SITE, "http://www.example.org/"):
            for method in ("GET", "POST"):
                headers = browser_headers(page, page_url=f"https://testserver{path}", target_url=target, method=method)
                assert token not in str(headers), f"{name}: {method} {target} gets {headers}"
        assert "no-store" in page["Cache-Control"], name
        assert page["X-Robots-Tag"] == "noindex, nofollow", name
