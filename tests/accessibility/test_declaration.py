"""The declaration of accessibility in the ministry's v2.0 structure (ustawa z 4.04.2019 art. 10; DOMAIN.md §G.4).

Every mandatory element id appears exactly once, a conditional one only when its data exists, every date sits in a
<time datetime="RRRR-MM-DD">; the Polish and English versions live at the same path; the footer of every page links
"Deklaracja dostępności"; the yearly review by 31 March is a Terminarz clock and a stale declaration is named on the
clerks' dashboard.
"""

import re
from collections import Counter
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from accessibility.deadlines import declaration_review_due
from core.deadlines import open_deadlines
from tests.accessibility.conftest import COORDINATOR_GROUP
from tests.accessibility.factories import make_declaration
from tests.events.factories import VenueFactory

pytestmark = pytest.mark.django_db

URL = "/deklaracja-dostepnosci/"
MANDATORY = [
    "a11y-wstep",
    "a11y-podmiot",
    "a11y-zakres",
    "a11y-url",
    "a11y-data-publikacja",
    "a11y-data-aktualizacja",
    "a11y-status",
    "a11y-kontakt",
    "a11y-email",
    "a11y-telefon",
    "a11y-procedura",
    "a11y-data-sporzadzenie",
    "a11y-architektura",
    "a11y-komunikacja",
]
CONDITIONAL = ["a11y-data-przeglad", "a11y-ocena", "a11y-aplikacje", "a11y-architektura-url"]
DATE_IDS = ["a11y-data-publikacja", "a11y-data-aktualizacja", "a11y-data-sporzadzenie", "a11y-data-przeglad"]


def ids(html: str) -> Counter:
    return Counter(re.findall(r'\sid="(a11y-[a-z-]+)"', html))


def time_of(html: str, element_id: str) -> str | None:
    match = re.search(rf'<time id="{element_id}" datetime="([^"]+)">([^<]+)</time>', html)
    return match.group(1) if match else None


def test_every_mandatory_id_appears_once_and_no_conditional_one_without_its_data(client):
    make_declaration()
    found = ids(client.get(URL).content.decode())
    assert {element: found[element] for element in MANDATORY} == dict.fromkeys(MANDATORY, 1)
    assert [element for element in CONDITIONAL if found[element]] == []
    assert max(found.values()) == 1


def test_the_conditional_ids_appear_once_with_their_data(client):
    declaration = make_declaration(
        reviewed_on=date(2026, 3, 20),
        burden="Archiwalne nagrania sesji bez napisów.",
        burden_assessment_url="https://kultura.rudaslaska.pl/ocena-obciazenia.pdf",
        architecture_url="https://www.rudaslaska.pl/dostepnosc-budynkow",
    )
    declaration.apps.create(name="Ruda Kultura", url="https://apps.example.pl/ruda-kultura")
    found = ids(client.get(URL).content.decode())
    assert {element: found[element] for element in MANDATORY + CONDITIONAL} == dict.fromkeys(
        MANDATORY + CONDITIONAL, 1
    )


def test_dates_are_in_iso_form_in_time_elements(client):
    make_declaration(
        published_on=date(2026, 1, 5),
        updated_on=date(2026, 11, 30),
        prepared_on=date(2025, 3, 28),
        reviewed_on=date(2026, 3, 20),
    )
    html = client.get(URL).content.decode()
    assert [time_of(html, element) for element in DATE_IDS] == ["2026-01-05", "2026-11-30", "2025-03-28", "2026-03-20"]


def test_the_status_sentence_is_the_fixed_one(client):
    declaration = make_declaration(status="full")
    html = client.get(URL).content.decode()
    assert "jest w pełni zgodna z załącznikiem do ustawy" in html
    assert "Niedostępne treści" not in html
    declaration.status = "partial"
    declaration.noncompliance = "Część plików PDF nie ma struktury nagłówków."
    declaration.save()
    html = client.get(URL).content.decode()
    assert "jest częściowo zgodna z załącznikiem do ustawy" in html
    assert "Część plików PDF nie ma struktury nagłówków." in html


def test_the_buildings_are_described_from_the_venues_data(client):
    venue = VenueFactory(name="Urząd Miasta — budynek A", step_free_entry=True, induction_loop=False)
    declaration = make_declaration()
    declaration.buildings.add(venue)
    html = client.get(URL).content.decode()
    section = html[html.index('id="a11y-architektura"') :]
    assert "Urząd Miasta — budynek A" in section
    assert "Wejście nie ma schodów lub ma pochylnię." in section
    assert "Nie ma pętli indukcyjnej." in section


def test_the_english_version_is_its_own_record(client):
    make_declaration()
    make_declaration(language="en", entity_name="City Hall of Ruda Śląska", site_name="Culture department portal")
    html = client.get("/en" + URL).content.decode()
    assert '<span id="a11y-podmiot">City Hall of Ruda Śląska</span>' in html
    assert "Accessibility statement" in html
    assert ids(html)["a11y-status"] == 1


def test_without_a_published_declaration_the_page_is_404(client):
    make_declaration(is_published=False)
    assert client.get(URL).status_code == 404


@pytest.mark.parametrize("path", ["/", "/patronat/", "/dostepnosc/"])
def test_every_page_links_the_declaration_in_its_footer_by_its_name(client, path):
    html = client.get(path).content.decode()
    footer = html[html.index('<footer class="site-footer"') :]
    assert f'<a href="{URL}">Deklaracja dostępności</a>' in footer


@pytest.mark.parametrize(
    ("last_review", "due"),
    [
        (date(2025, 3, 28), date(2026, 3, 31)),
        (date(2026, 3, 31), date(2027, 3, 31)),
        (date(2026, 4, 1), date(2027, 3, 31)),  # a late review: the next is still by 31 March of the next year
        (date(2027, 12, 31), date(2028, 3, 31)),
    ],
)
def test_the_review_is_due_by_31_march_of_the_next_year(last_review, due):
    assert declaration_review_due(last_review) == due


def test_the_review_is_a_terminarz_clock_and_a_stale_declaration_is_named_on_the_dashboard(clerk_client):
    declaration = make_declaration(prepared_on=date(2024, 3, 1))
    [row] = [row for row in open_deadlines(section="accessibility") if "deklaracj" in row.title.lower()]
    assert row.due_date == date(2025, 3, 31)
    coordinator = clerk_client(groups=[COORDINATOR_GROUP])
    page = coordinator.get(reverse("admin:index")).content.decode()
    assert "Deklaracja dostępności wymaga przeglądu" in page

    declaration.reviewed_on = timezone.localdate()
    declaration.save()
    page = coordinator.get(reverse("admin:index")).content.decode()
    assert "Deklaracja dostępności wymaga przeglądu" not in page
