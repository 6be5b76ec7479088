"""Every clerk page we add to the admin has exactly one top heading (WCAG 1.3.1, 2.4.6).

The admin's base template already prints the view's title as the page's <h1>; a custom template that prints it again
gives a screen-reader user two top headings with the same text.
"""

import re

import pytest
from django.urls import reverse

from tests.monitoring.factories import make_mention

pytestmark = pytest.mark.django_db

PAGES_WITHOUT_ARGUMENTS = [
    "admin:index",
    "admin:core_deadline_list",
    "admin:core_my_cases",
    "admin:module_index",
    "admin:press_socialpost_calendar",
    "admin:press_mediacontact_import",
    "admin:library_libraryitem_import",
]


def top_headings(response) -> list[str]:
    return re.findall(r"<h1\b[^>]*>(.*?)</h1>", response.content.decode(), flags=re.S)


@pytest.fixture
def superuser_client(clerk_client):
    return clerk_client(is_superuser=True)


@pytest.mark.parametrize("name", PAGES_WITHOUT_ARGUMENTS)
def test_a_clerk_page_has_one_top_heading(superuser_client, name):
    response = superuser_client.get(reverse(name))
    assert response.status_code == 200
    assert len(top_headings(response)) == 1, top_headings(response)


def test_informing_a_unit_about_a_mention_has_one_top_heading(superuser_client):
    mention = make_mention()
    response = superuser_client.get(reverse("admin:monitoring_mediamention_inform_unit", args=[mention.pk]))
    assert response.status_code == 200
    assert len(top_headings(response)) == 1, top_headings(response)
