"""An investment site's card (DOMAIN.md §I.2): the page and the PDF in Polish and English, its structured data
(schema.org `Place`), and drafts never reachable."""

import json
import re
from decimal import Decimal

import pytest
from django.utils import translation

from promotion.documents import site_card_html
from promotion.selectors import published_site_or_none
from tests.promotion.factories import make_site

pytestmark = pytest.mark.django_db
PDF_MAGIC = b"%PDF-"


def card_site():
    return make_site(
        name="Halemba przy A4",
        name_en="Halemba by the A4",
        slug="halemba-a4",
        description="Płaski teren przy autostradzie.",
        description_en="A flat site by the motorway.",
        area_ha=Decimal("12.40"),
        expansion_possible=True,
        expansion_ha=Decimal("4.00"),
        in_economic_zone=True,
        mining_damage="II",
        power_lines=True,
        restrictions="Linia 110 kV wzdłuż granicy.",
        latitude=Decimal("50.228400"),
        longitude=Decimal("18.869100"),
        map_url="https://geoportal.rudaslaska.pl/teren/halemba-a4",
        utilities=["electricity", "water"],
        links=[("motorway", "A4, węzeł Halemba", "0.8"), ("airport", "Katowice-Pyrzowice", "35")],
    )


def test_the_card_shows_every_section_in_polish(client):
    card_site()
    page = client.get("/tereny-inwestycyjne/halemba-a4/").content.decode()
    for text in (
        "Halemba przy A4",
        "12,40 ha",
        "o maksymalnie 4 ha",
        "Katowicka Specjalna Strefa Ekonomiczna",
        "A4, węzeł Halemba",
        "0,8 km",
        "teren górniczy, kategoria II",
        "Linia 110 kV wzdłuż granicy.",
        "https://geoportal.rudaslaska.pl/teren/halemba-a4",
        "inwestor@rudaslaska.pl",
        "/tereny-inwestycyjne/halemba-a4/karta.pdf",
        "/tereny-inwestycyjne/zapytanie/?teren=halemba-a4",
    ):
        assert text in page, text


def test_the_english_card_has_the_english_texts_and_labels(client):
    card_site()
    page = client.get("/en/tereny-inwestycyjne/halemba-a4/").content.decode()
    assert "Halemba by the A4" in page
    assert "A flat site by the motorway." in page
    assert "Utilities" in page
    assert "Linia 110 kV wzdłuż granicy." in page  # no English text yet: the Polish one


def test_the_card_is_a_place_for_search_engines(client):
    card_site()
    page = client.get("/tereny-inwestycyjne/halemba-a4/").content.decode()
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    data = json.loads(block)
    assert data["@type"] == "Place"
    assert data["name"] == "Halemba przy A4"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": "50.228400", "longitude": "18.869100"}
    assert data["address"]["addressLocality"] == "Ruda Śląska"
    assert data["url"].endswith("/tereny-inwestycyjne/halemba-a4/")


def test_a_draft_card_and_its_pdf_are_not_found(client):
    make_site(slug="szkic", is_published=False)
    assert client.get("/tereny-inwestycyjne/szkic/").status_code == 404
    assert client.get("/tereny-inwestycyjne/szkic/karta.pdf").status_code == 404


@pytest.mark.parametrize(("prefix", "suffix"), [("", ""), ("/en", "-en")])
def test_the_pdf_card_downloads_in_the_pages_language(client, prefix, suffix):
    card_site()
    response = client.get(f"{prefix}/tereny-inwestycyjne/halemba-a4/karta.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="teren-halemba-a4{suffix}.pdf"'
    assert response.content.startswith(PDF_MAGIC)


def test_the_pdf_card_holds_the_same_sections_as_the_page():
    card_site()
    site = published_site_or_none("halemba-a4")
    polish = site_card_html(site=site, language="pl")
    english = site_card_html(site=site, language="en")
    assert "Karta terenu inwestycyjnego" in polish
    assert "Media" in polish
    assert "Investment site card" in english
    assert "A flat site by the motorway." in english
    assert "35 km" in english
    with translation.override("pl"):
        assert "Halemba przy A4" in site_card_html(site=site, language="pl")
