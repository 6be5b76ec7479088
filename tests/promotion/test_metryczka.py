"""Investment sites and plans as public information (BIP regulation, DOMAIN.md §I.2, §I.5, §J.2): the card's and the
plan's metryczka names who entered, published and changed them, and the register of changes lists each public
version; a draft is not public information. The card also describes the site as a schema.org Place."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from promotion.models import StrategicPlan
from tests.helpers import json_ld_blocks, metryczka
from tests.promotion.conftest import PROMOTION_GROUP
from tests.promotion.factories import make_site

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")


def at(day, hour):
    return time_machine.travel(datetime(2026, 3, day, hour, tzinfo=WARSAW), tick=False)


def save_as(record, clerk, **changes):
    """Save the record as the admin saves a clerk's edit (core.admin_mixins: the history names the clerk)."""
    for name, value in changes.items():
        setattr(record, name, value)
    record._history_user = clerk
    record.save()


def test_a_site_card_names_who_entered_published_and_changed_it(client, make_clerk):
    entering = make_clerk(groups=[PROMOTION_GROUP], first_name="Anna", last_name="Terenowa")
    publishing = make_clerk(groups=[PROMOTION_GROUP], first_name="Piotr", last_name="Inwestorski")
    with at(2, 9):
        site = make_site(name="Teren przy Szybie Walenty", is_published=False)
        save_as(site, entering, area_ha=Decimal("7.50"))
    with at(3, 12):
        save_as(site, publishing, is_published=True)
    with at(5, 16):
        save_as(site, entering, price_per_m2=Decimal("140.00"))
    with at(6, 10):
        save_as(site, publishing, contact_phone="32 244 90 00")  # not a field of the change register

    box = metryczka(client.get(site.get_absolute_url()).content.decode())

    assert box["Informację wytworzył(a)"] == "Promocja i gospodarka"
    assert box["Data wytworzenia"] == "2 marca 2026, 09:00"
    assert box["Wprowadził(a)"] == "Anna Terenowa, 2 marca 2026, 09:00"
    assert box["Opublikował(a)"] == "Piotr Inwestorski, 3 marca 2026, 12:00"
    assert box["Ostatnio zmienił(a)"] == "Piotr Inwestorski, 6 marca 2026, 10:00"
    register = client.get(box["link"]).content.decode()
    assert register.count("<tr>") == 4  # the header and the three public versions; the drafts are not ones
    assert "Cena wywoławcza za m² (netto, zł)" in register
    assert "32 244 90 00" not in register


def test_a_draft_card_has_no_register_of_changes(client):
    site = make_site(is_published=False)

    assert client.get(f"/informacja-publiczna/tereny-inwestycyjne/{site.pk}/rejestr-zmian/").status_code == 404


def test_the_card_describes_the_site_as_a_place_with_its_address_and_coordinates(client):
    site = make_site(
        name="Teren Bielszowice", street="ul. Kokota", latitude=Decimal("50.280100"), longitude=Decimal("18.860500")
    )
    without_geo = make_site(name="Teren Orzegów")

    (place,) = [
        block
        for block in json_ld_blocks(client.get(site.get_absolute_url()).content.decode())
        if block["@type"] == "Place"
    ]
    assert place["name"] == "Teren Bielszowice"
    assert place["address"]["streetAddress"] == "ul. Kokota"
    assert place["address"]["addressLocality"] == "Ruda Śląska"
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": "50.280100", "longitude": "18.860500"}
    assert place["url"].endswith(site.get_absolute_url())
    other = [
        b for b in json_ld_blocks(client.get(without_geo.get_absolute_url()).content.decode()) if b["@type"] == "Place"
    ]
    assert "geo" not in other[0]


def test_an_adopted_plan_names_who_published_and_changed_it(client, make_clerk):
    clerk = make_clerk(groups=[PROMOTION_GROUP], first_name="Ewa", last_name="Planistka")
    with at(2, 9):
        plan = StrategicPlan.objects.create(
            kind="culture",
            title="Program rozwoju kultury 2026–2030",
            slug="program-kultury-2026",
            first_year=2026,
            last_year=2030,
            adopting_act="resolution",
            act_number="uchwała nr PR.0007.214.2025",
            adopted_on=date(2025, 11, 28),
        )
    with at(4, 11):
        save_as(plan, clerk, is_published=True)
    with at(9, 8):
        save_as(plan, clerk, summary="Kultura w każdej dzielnicy.")

    box = metryczka(client.get(plan.get_absolute_url()).content.decode())

    assert box["Informację wytworzył(a)"] == "Promocja i gospodarka"
    assert box["Data wytworzenia"] == "2 marca 2026, 09:00"
    assert box["Opublikował(a)"] == "Ewa Planistka, 4 marca 2026, 11:00"
    assert box["Ostatnio zmienił(a)"] == "Ewa Planistka, 9 marca 2026, 08:00"
    register = client.get(box["link"]).content.decode()
    assert register.count("<tr>") == 3
    assert "Streszczenie" in register
