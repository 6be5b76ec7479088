"""The public register on BIP (rozporządzenie MKiDN z 26.01.2012, § 10): free, no login, the nine columns, the book."""

import csv
import datetime
import io
import json
import re

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.html import escape

from institutions import services
from institutions.models import LegalAct, RegisterEntry, RegistrationDocument, Section
from tests.helpers import close_response
from tests.institutions import factories

LIST_URL = "/rejestr-instytucji-kultury/"


def fill(clerk, start, count):
    for n in range(start, start + count):
        institution = factories.institution(clerk=clerk, full_name=f"Instytucja Kultury nr {n}")
        factories.entry(
            institution,
            clerk=clerk,
            section=Section.II,
            entry_date=datetime.date(2015, 1, 1),
            values={"statute_act": str(institution.founding_act)},
        )


def test_the_index_shows_the_nine_columns_without_login(client, mck):
    page = client.get(LIST_URL).content.decode()
    for number in range(1, 10):
        assert f'<th scope="col">{number}. ' in page
    assert "<caption" in page
    assert '<th scope="row">1</th>' in page
    assert escape(mck.full_name) in page
    assert "21.05.2012" in page
    assert "Miasto Ruda Śląska" in page
    assert escape(str(mck.founding_act)) in page
    assert f'href="{mck.get_absolute_url()}"' in page


def test_the_index_query_count_does_not_grow_with_institutions(client, clerk, django_assert_max_num_queries):
    fill(clerk, 0, 3)
    with django_assert_max_num_queries(6) as few:
        assert client.get(LIST_URL).status_code == 200
    fill(clerk, 3, 27)
    with django_assert_max_num_queries(6) as many:
        response = client.get(LIST_URL)
    assert response.status_code == 200
    assert len(few.captured_queries) == len(many.captured_queries)
    assert len(response.context["rows"]) == 20
    assert response.context["page_obj"].paginator.count == 30


@pytest.mark.parametrize(
    "query",
    [
        "?page=999",
        "?page=abc",
        "?page=-1",
        "?rodzaj=nonsense",
        "?stan=%00",
        "?szukaj=" + "x" * 5000,
        "?szukaj=%00%01",
        "?stan=wykreslone&rodzaj=library&szukaj=Muzeum&page=2",
        "?szukaj=" + "%C5%82" * 300,
    ],
)
def test_nonsense_filters_and_pages_give_a_normal_page(client, mck, query):
    response = client.get(LIST_URL + query)
    assert response.status_code == 200


def test_filters_run_in_the_database(client, clerk):
    fill(clerk, 0, 2)
    museum = factories.institution(clerk=clerk, full_name="Muzeum Miejskie im. Maksymiliana Chroboka", kind="museum")
    response = client.get(LIST_URL + "?szukaj=muzeum")
    assert [row[0] for row in response.context["rows"]] == [museum]
    response = client.get(LIST_URL + "?rodzaj=museum")
    assert [row[0] for row in response.context["rows"]] == [museum]
    act = factories.legal_act(adopted_on=datetime.date(2020, 1, 1))
    services.institution_strike_out(
        institution=museum, entry_date=datetime.date(2020, 2, 1), legal_basis=act, reason="x", acting_user=clerk
    )
    assert [row[0] for row in client.get(LIST_URL + "?stan=wykreslone").context["rows"]] == [museum]
    assert museum not in [row[0] for row in client.get(LIST_URL + "?stan=wpisane").context["rows"]]


def test_an_unknown_or_unregistered_institution_is_404(client, mck):
    assert client.get(f"{LIST_URL}999/").status_code == 404
    assert client.get(f"{LIST_URL}abc/").status_code == 404


def test_the_institution_page_shows_the_current_data_and_every_dated_entry(client, mck, clerk):
    act = factories.legal_act(title="w sprawie zmiany siedziby", adopted_on=datetime.date(2019, 3, 1))
    old = factories.entry(
        mck, clerk=clerk, entry_date=datetime.date(2019, 3, 15), legal_basis=act, values={"address": "ul. Błędna 1"}
    )
    factories.correction(
        old, clerk=clerk, entry_date=datetime.date(2019, 3, 20), values={"address": "ul. Piotra Niedurnego 36"}
    )
    page = client.get(mck.get_absolute_url()).content.decode()
    # Every entry of the book is on the page, in its section, with its date, values and authorised person.
    for entry in RegisterEntry.objects.filter(institution=mck):
        row = re.search(rf'<tr id="wpis-{entry.section}-{entry.position}"[^>]*>(.*?)</tr>', page, re.S)
        assert row, entry
        assert entry.entry_date.strftime("%d.%m.%Y") in row.group(1)
        for value in entry.values.values():
            assert escape(value) in row.group(1)
        assert escape(entry.entered_by_name) in row.group(1)
    assert 'class="book-row book-row--struck"' in page
    assert "ul. Błędna 1" in page  # the struck value stays visible
    current = page.split('id="current-heading"')[1].split("</dl>")[0]
    assert "ul. Piotra Niedurnego 36" in current
    assert "ul. Błędna 1" not in current
    assert "register.css" in page
    assert "<style" not in page
    # no script but the schema.org data block (which runs nothing, so the CSP leaves it be)
    assert page.count("<script") == page.count('<script type="application/ld+json">') == 1


def test_the_book_json_equals_the_book(client, mck, clerk):
    factories.entry(
        mck,
        clerk=clerk,
        section=Section.III,
        entry_date=datetime.date(2020, 6, 30),
        values={"financial_statement": "Sprawozdanie za 2019 r."},
    )
    response = client.get(f"{LIST_URL}{mck.entry_no}/ksiega.json")
    data = json.loads(response.content)
    published = [
        (section["dzial"], entry["numer"], entry["data"], entry["rubryki"], entry["pelnomocnik_organizatora"])
        for section in data["dzialy"]
        for entry in section["wpisy"]
    ]
    book = [
        (e.section, e.position, e.entry_date.isoformat(), e.values, e.entered_by_name)
        for e in RegisterEntry.objects.filter(institution=mck).order_by("section", "position")
    ]
    assert published == book


def test_open_data_csv_and_json(client, mck):
    response = client.get(LIST_URL + "dane.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0]["numer_wpisu"] == "1"
    assert rows[0]["pelna_nazwa"] == mck.full_name
    assert rows[0]["daty_wpisow"] == "2012-05-21"
    data = json.loads(client.get(LIST_URL + "dane.json").content)
    assert data["instytucje"][0]["akt_o_utworzeniu"] == str(mck.founding_act)


def _with_file(obj, field="file"):
    getattr(obj, field).save("akt.pdf", ContentFile(factories.PDF_BYTES), save=False)
    type(obj).objects.filter(pk=obj.pk).update(**{field: getattr(obj, field).name})
    return obj


def test_only_public_documents_are_downloadable(client, mck):
    act = _with_file(mck.founding_act)
    public = RegistrationDocument.objects.create(
        institution=mck, title="Statut", received_on=datetime.date(2012, 5, 1), is_public=True
    )
    private = RegistrationDocument.objects.create(
        institution=mck, title="Wniosek dyrektora z danymi osobowymi", received_on=datetime.date(2012, 5, 1)
    )
    _with_file(public)
    _with_file(private)
    page = client.get(mck.get_absolute_url()).content.decode()
    assert f"/rejestr-instytucji-kultury/akty/{act.pk}/" in page
    assert f"/rejestr-instytucji-kultury/dokumenty/{public.pk}/" in page
    assert f"/rejestr-instytucji-kultury/dokumenty/{private.pk}/" not in page
    assert "Wniosek dyrektora" not in page

    response = client.get(f"/rejestr-instytucji-kultury/akty/{act.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == factories.PDF_BYTES
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    close_response(response)
    response = client.get(f"/rejestr-instytucji-kultury/dokumenty/{public.pk}/")
    assert response.status_code == 200
    close_response(response)
    assert client.get(f"/rejestr-instytucji-kultury/dokumenty/{private.pk}/").status_code == 404

    LegalAct.objects.filter(pk=act.pk).update(is_public=False)
    assert client.get(f"/rejestr-instytucji-kultury/akty/{act.pk}/").status_code == 404
    assert f"/rejestr-instytucji-kultury/akty/{act.pk}/" not in client.get(mck.get_absolute_url()).content.decode()
    # Files live in private storage, outside the public media folder the web server serves.
    assert not act.file.path.startswith(settings.MEDIA_ROOT)


def test_an_act_linked_to_no_institution_is_not_served(client, mck, clerk):
    """A mayor's order appointing a director has personal data: not public by default, and never served unlinked."""
    order = _with_file(factories.legal_act(kind="mayor_order", title="w sprawie powołania dyrektora Jana Kowalskiego"))
    assert order.is_public is False
    assert client.get(f"/rejestr-instytucji-kultury/akty/{order.pk}/").status_code == 404
    LegalAct.objects.filter(pk=order.pk).update(is_public=True)
    assert client.get(f"/rejestr-instytucji-kultury/akty/{order.pk}/").status_code == 404
    # Marked public and the basis of a register entry: served.
    services.entry_make(
        institution=mck,
        section="II",
        entry_date=datetime.date(2013, 1, 2),
        legal_basis=order,
        values={"director": "Jan Kowalski"},
        acting_user=clerk,
    )
    response = client.get(f"/rejestr-instytucji-kultury/akty/{order.pk}/")
    assert response.status_code == 200
    close_response(response)


def test_the_register_is_in_the_navigation_search_and_sitemap(client, mck):
    assert 'href="/rejestr-instytucji-kultury/"' in client.get("/").content.decode()
    assert mck.get_absolute_url() in client.get("/szukaj/?q=Henryka+Bisty").content.decode()
    assert f"/rejestr-instytucji-kultury/{mck.entry_no}/" in client.get("/sitemap.xml").content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "99999999999999999999999/",
        "99999999999999999999999/ksiega.json",
        "99999999999999999999999/wydruk-pelny.pdf",
        "akty/99999999999999999999999/",
        "dokumenty/99999999999999999999999/",
        "0/",
    ],
)
def test_huge_or_missing_numbers_are_404(client, mck, path):
    assert client.get(LIST_URL + path).status_code == 404
