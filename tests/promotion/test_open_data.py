"""The investment sites as open data (core.open_data; DOMAIN.md §I.2): a CSV of the published cards listed in the
catalogue with its Table Schema, open to other sites; a draft card is not in it."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.urls import reverse

from core import open_data
from tests.helpers import close_response
from tests.promotion.factories import make_site

pytestmark = pytest.mark.django_db

CSV_URL = "/tereny-inwestycyjne/dane.csv"


def read_csv(client, url=CSV_URL):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    text = response.content.decode("utf-8-sig")
    close_response(response)
    return list(csv.DictReader(io.StringIO(text)))


def test_the_csv_lists_the_published_sites_with_their_schema(client):
    make_site(
        name="Teren przy Szybie Walenty",
        latitude=Decimal("50.280100"),
        longitude=Decimal("18.860500"),
        area_ha=Decimal("12.40"),
        utilities=("water", "electricity"),
        in_economic_zone=True,
    )
    make_site(name="Teren w przygotowaniu", is_published=False)

    rows = read_csv(client)

    assert [row["nazwa"] for row in rows] == ["Teren przy Szybie Walenty"]
    (row,) = rows
    assert row["szerokosc_geograficzna"] == "50.280100"
    assert row["powierzchnia_ha"] == "12.40"
    assert row["specjalna_strefa_ekonomiczna"] == "true"
    assert row["przeznaczenie"] == "przemysł i produkcja"
    assert sorted(row["media"].split("; ")) == ["energia elektryczna", "wodociąg"]
    assert row["adres_strony"].startswith("http")
    assert "/tereny-inwestycyjne/teren-" in row["adres_strony"]
    schema = json.loads(client.get("/otwarte-dane/tereny-inwestycyjne/schemat.json").content)
    assert [field["name"] for field in schema["fields"]] == list(rows[0].keys())


def test_the_catalogue_lists_the_investment_sites(client):
    assert open_data.dataset_for_key("tereny-inwestycyjne") is not None
    page = client.get(reverse("core:open_data")).content.decode()
    assert "Tereny inwestycyjne" in page
    assert CSV_URL in page
    catalogue = client.get(reverse("core:open_data_catalogue_jsonld")).content.decode()
    assert CSV_URL in catalogue
