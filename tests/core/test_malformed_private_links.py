"""A malformed private link — a NUL, control characters, bytes that are not UTF-8, an over-long token — is a
404 page, never a 500 (PostgreSQL refuses a NUL in a query), and never reaches a view or the database."""

from urllib.parse import quote, unquote

import pytest
from django.urls import Resolver404, get_resolver, resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.checks import SAMPLE_TOKEN, chain_converters, sample_paths, url_pattern_chains
from core.converters import TOKEN_MAX_LENGTH, TokenConverter


def token_routes():
    """Every URL of the project that takes a private token, in every language, with {token} in its place."""
    routes = set()
    for chain in url_pattern_chains(get_resolver().url_patterns):
        converters = chain_converters(chain)
        tokens = {name for name, converter in converters.items() if isinstance(converter, TokenConverter)}
        if tokens:
            routes.update(path.replace(SAMPLE_TOKEN, "{token}") for path in sample_paths(chain, tokens))
    return sorted(routes)


TOKEN_ROUTES = token_routes()
MALFORMED = {
    "nul": "%00",
    "nul-after-a-token": "abcDEF123%00",
    "cr-lf": "abc%0d%0aSet-Cookie:x",
    "escape": "%1b%5b2J",
    "delete": "abc%7f",
    "not-utf8": "%ff%fe",
    "broken-utf8": "abc%c3%28",
    "over-long": "a" * (TOKEN_MAX_LENGTH + 1),
    "percent": "100%25",
    "space": "a%20b",
}


def test_every_private_link_route_is_covered():
    """The walk finds the tracking pages, offer drafts and unsubscribe links, in both languages."""
    assert "/sprawy/{token}/" in TOKEN_ROUTES
    assert "/sprawy/{token}/dokumenty/7/" in TOKEN_ROUTES
    assert "/dotacje/oferta/{token}/pdf/" in TOKEN_ROUTES
    assert "/en/prasa/wypisz/{token}/" in TOKEN_ROUTES


@pytest.mark.django_db
@pytest.mark.parametrize("route", TOKEN_ROUTES)
@pytest.mark.parametrize("kind", list(MALFORMED))
def test_a_malformed_token_is_a_404_page(client, route, kind):
    path = route.format(token=MALFORMED[kind])
    response = client.get(path)
    assert response.status_code == 404
    assert 'class="page__title"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("route", ["/sprawy/{token}/", "/dotacje/oferta/{token}/", "/prasa/wypisz/{token}/"])
def test_a_malformed_token_posted_is_a_404_too(client, route):
    assert client.post(route.format(token="%00"), {"body": "x"}).status_code == 404


@pytest.mark.parametrize("kind", ["nul", "cr-lf", "escape", "not-utf8", "over-long"])
def test_a_malformed_token_never_reaches_a_view(kind):
    """The resolver itself refuses it: no view runs, no query is made."""
    for route in TOKEN_ROUTES:
        with pytest.raises(Resolver404):
            resolve(unquote(route.format(token=MALFORMED[kind]), errors="surrogateescape"))


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/%00/", "/wydarzenia/%00/", "/strony/a%00b/", "/prasa/%0d%0a/", "/en/%1b/"])
def test_any_path_with_a_control_character_is_a_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(token=st.text(min_size=1, max_size=300).filter(lambda text: "/" not in text))
def test_any_text_as_a_token_is_answered_without_a_server_error(client, token):
    """Whatever text stands in the token's place, every private-link route answers 404 (no such token)."""
    for route in ("/sprawy/{token}/", "/dotacje/oferta/{token}/pdf/", "/prasa/wypisz/{token}/"):
        response = client.get(route.format(token=quote(token, safe="")))
        assert response.status_code == 404
