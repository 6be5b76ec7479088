"""The public results of a call, the archive of past calls with its year filter, the call's documents, the sitemap.

DOMAIN.md §D and §J.2 [V Cieszyn]: the list of laureates is published (the portal and the BIP) with the name, the
field or category and the amount as the resolution allows; the address, the contact, the PESEL and the bank
account never are.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from awards.models import AwardApplication, AwardCall, AwardCallDocument, Kind
from core.money import format_pln
from core.services import case_open
from core.uploads import PDF, validate_upload
from tests.awards.factories import PESEL, contract_data, granted_scholarship, make_call
from tests.core.upload_corpus import valid_pdf

pytestmark = pytest.mark.django_db


def laureate(call, name: str) -> AwardApplication:
    """A granted application opened as a case (its mark and register line), the scholarship paid."""
    application = AwardApplication(
        call=call,
        submitter_name=name,
        email="laureat@example.pl",
        candidate_name=name,
        field_of_art="music",
        achievements="-",
        justification="-",
        granted_amount=Decimal("1000"),
    )
    case_open(case=application, title=name, acknowledge=False)
    AwardApplication.objects.filter(pk=application.pk).update(status=AwardApplication.Status.PAID)
    return application


def past_call(n: int, *, year: int, kind=Kind.SCHOLARSHIP, **fields) -> AwardCall:
    return make_call(kind=kind, title=f"Nabór archiwalny {n}", year=year, days_left=-30 - n, **fields)


def test_the_laureates_show_once_published_without_their_private_data(client):
    application = contract_data(granted_scholarship(client), pesel=PESEL)
    call = application.call
    AwardCall.objects.filter(pk=call.pk).update(deadline=timezone.now() - timedelta(days=1))
    page = client.get(call.get_absolute_url()).content.decode()
    assert "Joanna Kowalczyk" not in page
    AwardCall.objects.filter(pk=call.pk).update(results_published=True)
    page = client.get(call.get_absolute_url()).content.decode()
    assert "Joanna Kowalczyk" in page
    assert "Muzyka" in page
    assert format_pln(Decimal("7500")) in page
    for private in (PESEL, "Niedurnego", "j.kowalczyk@example.pl", "1090"):
        assert private not in page
    AwardCall.objects.filter(pk=call.pk).update(results_show_amounts=False)
    assert format_pln(Decimal("7500")) not in client.get(call.get_absolute_url()).content.decode()


def test_only_granted_applications_are_laureates(client):
    application = granted_scholarship(client)
    AwardApplication.objects.filter(pk=application.pk).update(status=AwardApplication.Status.REFUSED)
    AwardCall.objects.filter(pk=application.call_id).update(results_published=True)
    page = client.get(application.call.get_absolute_url()).content.decode()
    assert "Joanna Kowalczyk" not in page


def test_the_archive_lists_past_calls_by_year(client):
    make_call(title="Nabór otwarty")
    past_call(1, year=2025)
    past_call(2, year=2024, kind=Kind.AWARD)
    make_call(title="Nabór nieopublikowany", year=2025, days_left=-5, is_published=False)
    url = reverse("awards:call_archive")
    page = client.get(url).content.decode()
    assert "Nabór archiwalny 1" in page
    assert "Nabór archiwalny 2" in page
    assert "Nabór otwarty" not in page
    assert "nieopublikowany" not in page
    only_2024 = client.get(url, {"rok": "2024"}).content.decode()
    assert "Nabór archiwalny 2" in only_2024
    assert "Nabór archiwalny 1" not in only_2024
    awards = client.get(url, {"rodzaj": "award"}).content.decode()
    assert "Nabór archiwalny 2" in awards
    assert "Nabór archiwalny 1" not in awards
    assert client.get(url, {"rok": "abc"}).status_code == 200
    assert url in client.get(reverse("awards:call_list")).content.decode()


@pytest.mark.parametrize("rows", [3, 30])
def test_the_archive_and_the_results_read_a_bounded_number_of_queries(client, django_assert_max_num_queries, rows):
    for n in range(rows):
        past_call(n, year=2020 + n % 5)
    call = past_call(99, year=2025, results_published=True)
    for n in range(rows):
        laureate(call, f"Artysta {n}")
    with django_assert_max_num_queries(12):
        page = client.get(reverse("awards:call_archive"), {"page": "2"} if rows > 20 else {})
    assert page.status_code == 200
    # The call's metryczka with its number of views, and the results' own metryczka (5), among them.
    with django_assert_max_num_queries(18):
        page = client.get(call.get_absolute_url())
    assert page.content.decode().count('<th scope="row">Artysta') == rows


def test_the_calls_documents_are_served_while_the_call_is_public(client):
    call = make_call()
    document = AwardCallDocument(call=call, title="Uchwała Rady Miasta")
    document.file = validate_upload(SimpleUploadedFile("uchwala.pdf", valid_pdf()), allowed_kinds=[PDF]).as_file()
    document.save()
    page = client.get(call.get_absolute_url()).content.decode()
    assert document.get_absolute_url() in page
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    AwardCall.objects.filter(pk=call.pk).update(is_published=False)
    assert client.get(document.get_absolute_url()).status_code == 404


def test_the_sitemap_lists_the_published_calls(client):
    call = make_call()
    hidden = make_call(title="Nabór ukryty", is_published=False)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert call.get_absolute_url() in sitemap
    assert hidden.get_absolute_url() not in sitemap
