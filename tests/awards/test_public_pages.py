"""The public list of open calls and a call's page: what shows, and a query count that does not grow with rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards.models import Kind
from tests.awards.factories import make_call

pytestmark = pytest.mark.django_db


def test_the_list_shows_open_published_calls_only(client):
    open_call = make_call(title="Stypendia artystyczne 2027")
    make_call(title="Nabór roboczy", is_published=False)
    make_call(title="Nabór zamknięty", days_left=-1)
    html = client.get(reverse("awards:call_list")).content.decode()
    assert open_call.title in html
    assert "Nabór roboczy" not in html
    assert "Nabór zamknięty" not in html


def test_a_call_shows_its_rules_and_the_form_link(client):
    call = make_call(kind=Kind.AWARD, rules="<p>Kandydatów zgłaszają instytucje kultury.</p>")
    html = client.get(call.get_absolute_url()).content.decode()
    assert "Kandydatów zgłaszają instytucje kultury." in html
    assert reverse("awards:application_create", kwargs={"slug": call.slug}) in html


def count_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("awards:call_list")).status_code == 200
    return len(queries)


def test_the_list_reads_the_same_number_of_queries_for_3_and_30_calls(client):
    for n in range(3):
        make_call(title=f"Nabór {n}")
    few = count_queries(client)
    for n in range(3, 30):
        make_call(title=f"Nabór {n}")
    from django.core.cache import cache

    cache.clear()
    assert count_queries(client) == few
