"""Public pages of grants: open calls, a call with documents and results, archive, results with exports."""

import io
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import load_workbook

from grants.models import CallDocument, GrantCall
from tests.grants.factories import WARSAW, make_call
from tests.helpers import close_response

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def bulk_calls(n, *, status="published", future=True):
    deadline = timezone.now() + timedelta(days=30 if future else -30)
    GrantCall.objects.bulk_create(
        GrantCall(
            title=f"Konkurs {i}",
            slug=f"konkurs-{status}-{future}-{i}",
            year=2026,
            task_type="Kultura",
            budget=Decimal("1000"),
            rules="Zasady",
            implementation_from=date(2026, 5, 1),
            implementation_to=date(2026, 6, 1),
            offers_deadline=deadline,
            selection_date=date(2026, 5, 1),
            previous_year_info="-",
            status=status,
        )
        for i in range(n)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/dotacje/", "/dotacje/archiwum/", "/dotacje/wyniki/"])
def test_lists_make_a_bounded_number_of_queries(client, url, django_assert_max_num_queries):
    for rows in (20, 2000):
        bulk_calls(rows // 2, future=True)
        bulk_calls(rows // 2, future=False)
        with django_assert_max_num_queries(8):
            response = client.get(url)
        assert response.status_code == 200
        GrantCall.objects.all().delete()


@pytest.mark.django_db
def test_drafts_never_leak(client):
    call = make_call(slug="szkic-konkursu")
    assert client.get("/dotacje/konkursy/szkic-konkursu/").status_code == 404
    listing = client.get("/dotacje/").content.decode()
    assert "Dotacje dla organizacji pozarządowych" in listing
    assert "szkic-konkursu" not in listing
    call.delete()


@pytest.mark.django_db
def test_the_call_page_shows_criteria_documents_and_the_offer_link(client):
    call = make_call(status="published", deadline=timezone.now() + timedelta(days=30))
    CallDocument.objects.create(call=call, title="Ogłoszenie konkursu", file=SimpleUploadedFile("o.pdf", PDF))
    page = client.get(call.get_absolute_url()).content.decode()
    assert "Możliwość realizacji zadania" in page
    assert "Ogłoszenie konkursu" in page
    assert f"/dotacje/konkursy/{call.slug}/oferta/" in page
    document = call.documents.get()
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    close_response(response)
    assert call.title in client.get("/dotacje/").content.decode()


@pytest.mark.django_db
def test_archive_filters_by_year_and_survives_junk(client):
    make_call(status="published", deadline=datetime(2026, 3, 23, 16, tzinfo=WARSAW))
    assert "Konkurs ofert" in client.get("/dotacje/archiwum/?rok=2026").content.decode()
    assert "Konkurs ofert" not in client.get("/dotacje/archiwum/?rok=2020").content.decode()
    assert client.get("/dotacje/archiwum/?rok=abc&tryb=%00&page=zzz").status_code == 200


@pytest.mark.django_db
def test_results_exports_are_xlsx_and_csv(client):
    response = client.get("/dotacje/wyniki.xlsx")
    assert response.status_code == 200
    assert list(load_workbook(io.BytesIO(response.content)).active.values)[0][2] == "Oferent"
    assert client.get("/dotacje/wyniki.csv").content.decode("utf-8-sig").startswith("Konkurs,Rok,Oferent")
