"""The public list of investment sites (DOMAIN.md §I.2): filtered in the database by area, zoning, utilities and
zone, paginated, with a query count that does not grow with the number of sites; drafts never shown."""

from decimal import Decimal

import pytest
from django.utils.translation import gettext

from promotion.models import InvestmentSite, SiteUtility
from tests.promotion.conftest import SITES_URL
from tests.promotion.factories import make_site

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return [site.name for site in response.context["page_obj"].object_list]


def test_only_published_sites_are_listed_with_their_facts(client):
    make_site(name="Halemba przy A4", utilities=["electricity", "gas"], in_economic_zone=True)
    make_site(name="Szkic karty", is_published=False)
    response = client.get(SITES_URL)
    assert response.status_code == 200
    assert names(response) == ["Halemba przy A4"]
    page = response.content.decode()
    assert "Szkic karty" not in page
    assert "150,00\u00a0zł" in page  # the price per m², the Polish way
    assert gettext("electricity") in page
    assert "1 teren" in page  # the count, in Polish


def test_the_filters_narrow_the_list(client):
    make_site(name="Mały", area_ha=Decimal("1.00"), utilities=["electricity"])
    make_site(
        name="Duży w strefie",
        area_ha=Decimal("20.00"),
        in_economic_zone=True,
        utilities=["electricity", "gas", "water"],
        permitted_use="logistics",
    )
    make_site(name="Bez planu", area_ha=Decimal("8.00"), zoning_status="no_plan", utilities=["gas"])

    assert names(client.get(SITES_URL, {"powierzchnia_od": "5"})) == ["Bez planu", "Duży w strefie"]
    assert names(client.get(SITES_URL, {"powierzchnia_do": "8"})) == ["Bez planu", "Mały"]
    assert names(client.get(SITES_URL, {"plan": "no_plan"})) == ["Bez planu"]
    assert names(client.get(SITES_URL, {"przeznaczenie": "logistics"})) == ["Duży w strefie"]
    assert names(client.get(SITES_URL, {"media": ["electricity", "gas"]})) == ["Duży w strefie"]
    assert names(client.get(SITES_URL, {"media": ["gas"]})) == ["Bez planu", "Duży w strefie"]
    assert names(client.get(SITES_URL, {"strefa": "on"})) == ["Duży w strefie"]
    empty = client.get(SITES_URL, {"powierzchnia_od": "100"})
    assert names(empty) == []
    assert gettext("No sites match these filters.") in empty.content.decode()


def test_a_bad_filter_shows_every_site_and_says_why(client):
    make_site(name="Mały")
    response = client.get(SITES_URL, {"powierzchnia_od": "dużo", "plan": "nieznany"})
    assert response.status_code == 200
    assert names(response) == ["Mały"]
    assert "Nie udało się odczytać niektórych filtrów, dlatego wyświetlono wszystkie tereny" in (
        response.content.decode()
    )


def test_the_list_is_paginated_by_twelve(client):
    for n in range(14):
        make_site(name=f"Teren {n:02}")
    first = client.get(SITES_URL)
    assert len(names(first)) == 12
    assert names(client.get(SITES_URL, {"page": "2"})) == ["Teren 12", "Teren 13"]


def _bulk_sites(count: int) -> None:
    sites = InvestmentSite.objects.bulk_create(
        InvestmentSite(
            name=f"Teren {n:04}",
            slug=f"teren-masowy-{n}",
            is_published=True,
            street="ul. Kłodnicka",
            description="Teren.",
            area_ha=Decimal("5.00"),
            zoning_status="local_plan",
            permitted_use="industrial",
            ownership="municipal",
            contact_name="Marek Wieczorek",
            contact_email="inwestor@rudaslaska.pl",
        )
        for n in range(count)
    )
    SiteUtility.objects.bulk_create(
        SiteUtility(site=site, kind=kind) for site in sites for kind in ("electricity", "gas", "water")
    )


@pytest.mark.parametrize("count", [5, 500])
def test_the_query_count_does_not_grow_with_the_sites(client, django_assert_max_num_queries, count):
    _bulk_sites(count)
    # the page cache's generation, the mourning notice, the count, the page of sites, their utilities
    with django_assert_max_num_queries(6):
        response = client.get(SITES_URL, {"media": ["electricity", "gas"], "powierzchnia_od": "1"})
    assert response.status_code == 200
    assert len(names(response)) == min(count, 12)
