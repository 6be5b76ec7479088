"""Open data of the newsroom: public releases as JSON and CSV, in two queries, never a draft or an embargo."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from press.services import release_create
from tests.press.factories import PressReleaseFactory, TopicFactory, bulk_releases

JSON_URL = "/prasa/dane.json"
CSV_URL = "/prasa/dane.csv"
EXPORT_QUERIES = 2  # the releases and their topics


def test_the_export_addresses():
    assert reverse("press:release_export_json") == JSON_URL
    assert reverse("press:release_export_csv") == CSV_URL


def test_json_lists_public_releases_only(client, db):
    release = PressReleaseFactory(title="Dni Rudy 2026", topics=[TopicFactory()], district="halemba")
    PressReleaseFactory(title="Pod embargiem", publish_at=timezone.now() + timedelta(hours=1))
    release_create(acting_user=None, title="Szkic komunikatu", lead="Jeszcze nie.")
    response = client.get(JSON_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["licence"] == "CC0-1.0"
    assert [row["title"] for row in data["releases"]] == ["Dni Rudy 2026"]
    row = data["releases"][0]
    assert row["url"] == f"http://testserver{release.get_absolute_url()}"
    assert row["topics"] == ["Kultura"]
    assert row["district"] == "halemba"
    assert row["corrected"] is False


def test_csv_has_a_header_and_quotes_formula_cells(client, db):
    PressReleaseFactory(title="=HYPERLINK(1)", lead="Zwykły lead.")
    response = client.get(CSV_URL)
    assert response["Content-Type"] == "text/csv; charset=utf-8; header=present"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["id", "title", "url", "lead", "publish_at", "topics", "district", "corrected", "title_en"]
    assert rows[1][1] == "'=HYPERLINK(1)"
    assert len(rows) == 2


@pytest.mark.parametrize("size", [20, 2000])
@pytest.mark.parametrize("url", [JSON_URL, CSV_URL])
def test_export_query_count_does_not_grow(client, db, django_assert_num_queries, size, url):
    bulk_releases(size, topics=[TopicFactory()])
    with django_assert_num_queries(EXPORT_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode("utf-8-sig").count("Komunikat ") == size
