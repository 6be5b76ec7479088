"""The anonymous page cache: a public page is rendered once for every anonymous reader and ends when what it shows
changes (a publication on commit, an embargo on time); forms, private links and clerks never meet it.

The cache is the test settings' own backend (local memory under the "pages" alias), turned on for these tests only.
A page served from the cache runs no query: that is how a test tells a kept page from a rendered one.
"""

from datetime import timedelta

import pytest
import time_machine
from django.apps import apps
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse, StreamingHttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.csp import LazyNonce

from core import page_cache
from core.models import Feedback, StaticPage
from core.services import case_open, transition_perform
from events.models import Event
from events.services import event_publish
from tests.events.factories import EventFactory
from tests.press.factories import BEFORE, EMBARGO, EMBARGOED_TITLE, scheduled_release

LIST = reverse("events:occurrence_list")
SECURITY_HEADERS = (
    "Content-Security-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Permissions-Policy",
)


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    caches[settings.PAGE_CACHE_ALIAS].clear()
    yield
    caches[settings.PAGE_CACHE_ALIAS].clear()


def get_counting_queries(client, path, **kwargs):
    """(response, number of queries it ran)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **kwargs)
    return response, len(queries)


def kept(path: str, language: str = "pl") -> bool:
    """Whether the cache holds a page for an anonymous GET of `path` now."""
    request = RequestFactory().get(path)
    with translation.override(language):
        key = page_cache.entry_key(request, page_cache.generation())
    return page_cache.page_cache().get(key) is not None


@pytest.mark.django_db
def test_the_second_anonymous_read_of_the_events_list_comes_from_the_cache_without_a_query(client):
    EventFactory(title="Koncert kolęd w Szybie Wilson")

    first, first_queries = get_counting_queries(client, LIST)
    second, second_queries = get_counting_queries(Client(), LIST)

    assert first.status_code == second.status_code == 200
    assert first_queries > 0
    assert second_queries == 0
    assert second.content == first.content
    assert "Koncert kolęd w Szybie Wilson" in second.content.decode()


@pytest.mark.django_db
def test_a_head_request_is_answered_from_the_page_a_get_kept(client):
    client.get(LIST)

    with CaptureQueriesContext(connection) as queries:
        response = Client().head(LIST)

    assert response.status_code == 200
    assert len(queries) == 0


@pytest.mark.django_db
def test_a_page_with_a_csrf_token_is_never_kept():
    first = Client().get("/opinia/")
    second, second_queries = get_counting_queries(Client(), "/opinia/")

    assert 'name="csrfmiddlewaretoken"' in first.content.decode()
    assert not kept("/opinia/")
    # Each reader gets a page with a token of their own cookie, rendered for them.
    assert second.cookies["csrftoken"].value != first.cookies["csrftoken"].value
    assert second_queries > 0


@pytest.mark.django_db
def test_a_page_made_for_one_reader_tells_every_cache_on_the_way_it_is_private():
    form_page = Client().get("/opinia/")

    assert "private" in form_page["Cache-Control"]
    assert "Cache-Control" not in Client().get(LIST)


@pytest.mark.django_db
def test_a_response_that_used_the_csrf_token_or_the_nonce_is_refused():
    page = HttpResponse("<p>Strona</p>")
    with_token = RequestFactory().get("/")
    with_token.META["CSRF_COOKIE_USED"] = True
    with_nonce = RequestFactory().get("/")
    with_nonce._csp_nonce = LazyNonce()
    str(with_nonce._csp_nonce)  # a template put the nonce in the HTML
    plain = RequestFactory().get("/")
    plain._csp_nonce = LazyNonce()

    assert not page_cache.response_may_be_kept(with_token, page)
    assert not page_cache.response_may_be_kept(with_nonce, page)
    assert page_cache.response_may_be_kept(plain, page)


@pytest.mark.django_db
def test_a_tracking_page_is_never_kept_nor_served_from_the_cache():
    case = case_open(
        case=Feedback(message="Brakuje godzin otwarcia muzeum.", contact_email="jan.kowalski@example.com"),
        title="Opinia",
    )
    tracking = reverse("core:case_tracking", kwargs={"token": case.register_entry.tracking_token})

    first = Client().get(tracking)
    second, second_queries = get_counting_queries(Client(), tracking)

    assert first.status_code == second.status_code == 200
    assert not kept(tracking)
    assert second_queries > 0


@pytest.mark.parametrize(
    "path",
    [
        "/sprawy/" + "a" * 43 + "/",
        "/en/sprawy/" + "a" * 43 + "/zmiany/",
        "/dotacje/oferta/" + "b" * 43 + "/pdf/",
        "/dotacje/sprawozdanie/" + "c" * 43 + "/1/",
        "/prasa/wypisz/" + "d" * 43 + "/",
        "/admin/",
    ],
)
def test_private_links_and_the_admin_never_meet_the_cache(path):
    assert not page_cache.request_may_use_cache(RequestFactory().get(path))


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"HTTP_COOKIE": "sessionid=abc"},
        {"HTTP_COOKIE": "messages=abc"},
        {"HTTP_AUTHORIZATION": "Basic YTpi"},
        {"QUERY_STRING": "q=" + "x" * 600},
    ],
)
def test_a_request_with_a_session_a_message_credentials_or_a_junk_query_never_meets_the_cache(request_kwargs):
    assert not page_cache.request_may_use_cache(RequestFactory().get(LIST, **request_kwargs))


def test_a_write_never_meets_the_cache():
    assert not page_cache.request_may_use_cache(RequestFactory().post(LIST))


@pytest.mark.django_db
def test_a_signed_in_clerk_is_never_served_a_kept_page_nor_keeps_one(clerk_client):
    clerk = clerk_client()
    EventFactory(title="Koncert kolęd w Szybie Wilson")

    clerk.get(LIST)
    assert not kept(LIST)

    Client().get(LIST)
    assert kept(LIST)
    response, queries = get_counting_queries(clerk, LIST)
    assert response.status_code == 200
    assert queries > 0


@pytest.mark.django_db
def test_a_missing_page_is_never_kept():
    Client().get("/wydarzenia/nie-ma-takiego/")

    response, queries = get_counting_queries(Client(), "/wydarzenia/nie-ma-takiego/")

    assert response.status_code == 404
    assert queries > 0


@pytest.mark.django_db
def test_an_event_published_shows_at_once_on_the_kept_list(django_capture_on_commit_callbacks):
    EventFactory(title="Koncert kolęd w Szybie Wilson")
    draft = EventFactory(title="Wieczór poezji śląskiej", status=Event.Status.DRAFT)
    assert "Wieczór poezji śląskiej" not in Client().get(LIST).content.decode()
    assert kept(LIST)

    with django_capture_on_commit_callbacks(execute=True):
        event_publish(event=draft, acting_user=None)

    assert "Wieczór poezji śląskiej" in Client().get(LIST).content.decode()


@pytest.mark.django_db
def test_an_event_cancelled_is_marked_at_once_on_its_kept_page(django_capture_on_commit_callbacks):
    event = EventFactory(title="Koncert kolęd w Szybie Wilson")
    page = event.get_absolute_url()
    before = Client().get(page).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        transition_perform(obj=event, name="cancel", acting_user=None, note="Choroba wykonawcy.")

    after = Client().get(page).content.decode()
    assert "event-banner--cancelled" not in before
    assert "event-banner--cancelled" in after


@pytest.mark.django_db
def test_a_change_ends_the_kept_page_on_commit_not_before(django_capture_on_commit_callbacks):
    """While the transaction is open (its callbacks not run) the kept page stays: a render then would be kept with
    the old data under the new generation."""
    draft = EventFactory(title="Wieczór poezji śląskiej", status=Event.Status.DRAFT)
    Client().get(LIST)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        event_publish(event=draft, acting_user=None)
    before_commit = Client().get(LIST).content.decode()
    for callback in callbacks:
        callback()
    after_commit = Client().get(LIST).content.decode()

    assert "Wieczór poezji śląskiej" not in before_commit
    assert "Wieczór poezji śląskiej" in after_commit


@pytest.mark.django_db
def test_a_release_shows_on_the_kept_newsroom_the_moment_its_embargo_ends():
    release, _photo, _attachment = scheduled_release()
    newsroom = reverse("press:release_list")

    with time_machine.travel(BEFORE, tick=False):
        assert EMBARGOED_TITLE not in Client().get(newsroom).content.decode()
        assert EMBARGOED_TITLE not in Client().get("/").content.decode()
        assert Client().get(release.get_absolute_url()).status_code == 404
        assert kept(newsroom)
        assert kept("/")

    with time_machine.travel(EMBARGO, tick=False):
        assert EMBARGOED_TITLE in Client().get(newsroom).content.decode()
        assert EMBARGOED_TITLE in Client().get("/").content.decode()
        assert Client().get(release.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_a_kept_page_lives_no_longer_than_page_cache_seconds(settings):
    settings.PAGE_CACHE_SECONDS = 120
    with time_machine.travel(EMBARGO - timedelta(hours=5), tick=False) as clock:
        Client().get(LIST)
        clock.shift(timedelta(seconds=119))
        assert kept(LIST)
        clock.shift(timedelta(seconds=1))
        assert not kept(LIST)


@pytest.mark.django_db
def test_the_polish_and_english_pages_are_kept_apart():
    EventFactory(title="Koncert kolęd w Szybie Wilson")
    for path in (LIST, "/en" + LIST, "/", "/en/"):
        Client().get(path)

    for polish, english in ((LIST, "/en" + LIST), ("/", "/en/")):
        pl, pl_queries = get_counting_queries(Client(), polish)
        en, en_queries = get_counting_queries(Client(), english)
        assert pl_queries == en_queries == 0
        assert '<html lang="pl"' in pl.content.decode()
        assert '<html lang="en"' in en.content.decode()
        assert (pl["Content-Language"], en["Content-Language"]) == ("pl", "en")


@pytest.mark.django_db
def test_a_kept_page_carries_the_same_security_headers_as_a_fresh_one():
    fresh = Client().get(LIST)
    from_cache, queries = get_counting_queries(Client(), LIST)

    assert queries == 0
    for header in SECURITY_HEADERS:
        assert from_cache[header] == fresh[header], header
    assert "nonce" not in from_cache["Content-Security-Policy"]
    assert from_cache["X-Frame-Options"] == "DENY"
    assert from_cache["Content-Type"] == fresh["Content-Type"]
    assert not from_cache.cookies


@pytest.mark.django_db
def test_hits_are_told_in_a_header_in_debug_mode_only(settings):
    assert "X-Page-Cache" not in Client().get(LIST)
    assert "X-Page-Cache" not in Client().get(LIST)

    settings.DEBUG = True
    caches[settings.PAGE_CACHE_ALIAS].clear()
    assert Client().get(LIST)["X-Page-Cache"] == "miss"
    assert Client().get(LIST)["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_a_lost_generation_starts_again_elsewhere_so_no_old_page_comes_back():
    Client().get(LIST)
    assert kept(LIST)

    page_cache.page_cache().delete(page_cache.GENERATION_KEY)

    assert not kept(LIST)


@pytest.mark.django_db
def test_an_edited_static_page_shows_at_once_on_its_kept_page_and_in_every_footer(django_capture_on_commit_callbacks):
    page = StaticPage.objects.create(
        title="Dane kontaktowe", body="<p>Pokój 101</p>", is_published=True, show_in_footer=True
    )
    Client().get(page.get_absolute_url())
    Client().get(LIST)

    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Kontakt z wydziałem"
        page.body = "<p>Pokój 214</p>"
        page.save()

    assert "Pokój 214" in Client().get(page.get_absolute_url()).content.decode()
    assert "Kontakt z wydziałem" in Client().get(LIST).content.decode()


@pytest.mark.parametrize(
    ("label", "public"),
    [
        ("core.staticpage", True),
        ("core.publicimage", True),
        ("events.event", True),
        ("events.eventoccurrence", True),
        ("press.pressrelease", True),
        ("press.pressreleasecorrection", True),
        ("press.pressconference", True),
        ("institutions.registerentry", True),
        ("institutions.culturalinstitution", True),
        ("grants.grantcall", True),
        ("grants.offerresult", True),
        ("awards.awardcall", True),
        # Its laureates are published on the call's page.
        ("awards.awardapplication", True),
        # Saved while a person types, or cases and mail nobody reads on a public page.
        ("grants.offerdraft", False),
        ("institutions.extractrequest", False),
        ("events.eventsubmission", False),
        ("core.outboxmessage", False),
        ("core.feedback", False),
    ],
)
def test_what_public_pages_show_is_registered_and_what_they_do_not_is_not(label, public):
    assert page_cache.is_public_model(apps.get_model(label)) is public


def _response(**headers):
    return HttpResponse("<p>Strona</p>", headers=headers)


def _with_cookie():
    response = _response()
    response.set_cookie("csrftoken", "abc")
    return response


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("a cookie", _with_cookie),
        ("private", lambda: _response(**{"Cache-Control": "private"})),
        ("no-store", lambda: _response(**{"Cache-Control": "no-store"})),
        ("never_cache", lambda: _response(**{"Cache-Control": "max-age=0, no-cache, no-store, must-revalidate"})),
        ("vary on cookie", lambda: _response(Vary="Accept-Language, Cookie")),
        ("not 200", lambda: HttpResponse(status=302)),
        ("streaming", lambda: StreamingHttpResponse(iter([b"x"]))),
    ],
)
def test_a_response_for_one_reader_or_not_final_is_never_kept(name, make):
    assert not page_cache.response_may_be_kept(RequestFactory().get("/"), make()), name


def test_a_plain_page_that_varies_on_the_language_only_is_kept():
    assert page_cache.response_may_be_kept(RequestFactory().get("/"), _response(Vary="Accept-Language"))
    assert not page_cache.response_may_be_kept(RequestFactory().head("/"), _response())
