"""No public answer reveals the admin's path (DJANGO_ADMIN_URL): issue 13, point 6.

The admin sits under a path chosen per deployment so that it cannot be found; a redirect of an anonymous visitor
to its sign-in page, a link or a form action would publish it. Every URL pattern outside the admin is requested
anonymously (GET and POST, Polish and English) and no Location header or body may contain the path.
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern

from tests.core.urls_hidden_admin import ADMIN_URL

# A value each path converter accepts.
SAMPLES = {"int": "1", "slug": "przyklad", "str": "przyklad", "path": "przyklad", "token": "AbC123-token_x"}
CONVERTER = re.compile(r"<(?:(?P<kind>\w+):)?\w+>")


def _sample(route: str) -> str:
    return CONVERTER.sub(lambda match: SAMPLES[match["kind"] or "str"], route)


def public_paths(patterns=None, prefix=""):
    """A request path for every URL pattern outside the admin, in both languages of i18n_patterns."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            if isinstance(entry.pattern, LocalePrefixPattern):
                prefixes = [prefix, f"{prefix}en/"]
            else:
                prefixes = [prefix + _sample(str(entry.pattern))]
            for each in prefixes:
                yield from public_paths(entry.url_patterns, each)
        elif isinstance(entry, URLPattern):
            yield "/" + prefix + _sample(str(entry.pattern)).lstrip("^").rstrip("$")


@pytest.fixture
def hidden_admin(settings):
    settings.ROOT_URLCONF = "tests.core.urls_hidden_admin"
    settings.ADMIN_URL = ADMIN_URL


@pytest.mark.django_db
def test_no_anonymous_answer_on_any_route_reveals_the_admin_path(client, hidden_admin):
    paths = sorted(set(public_paths()))
    assert "/dotacje/komisja/" in paths
    assert "/en/dotacje/komisja/" in paths
    assert not any(ADMIN_URL in path for path in paths)
    leaks = []
    for path in paths:
        for method in (client.get, client.post):
            response = method(path)
            body = b"".join(response) if response.streaming else response.content
            if ADMIN_URL in response.get("Location", "") or ADMIN_URL.encode() in body:
                leaks.append(f"{method.__name__.upper()} {path} -> {response.status_code}")
    assert leaks == []


@pytest.mark.django_db
def test_the_committee_panel_is_a_missing_page_for_anyone_not_signed_in(client, hidden_admin):
    for path in ("/dotacje/komisja/", "/dotacje/komisja/oferty/1/"):
        response = client.get(path)
        assert response.status_code == 404
        assert "Nie znaleziono strony" in response.content.decode()
