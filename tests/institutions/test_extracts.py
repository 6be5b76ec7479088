"""Extracts (odpisy) from the register and requests for them as cases (DOMAIN.md §A.5; § 10–§ 13 of the regulation).

A full extract holds every entry of the book (struck ones marked); an abridged one the register's current columns.
A request opens a case with a mark, a tracking link and a 14-day deadline in the Terminarz.
"""

import datetime
import io
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pypdf import PdfReader

from core.deadlines import open_deadlines
from core.models import InformationClause, PrivateDocument, StatusChange
from core.services import CaseWorkError, transition_perform
from institutions import documents, services
from institutions.deadlines import register_extract_due
from institutions.models import ExtractRequest, RegisterEntry, Section
from tests.institutions import factories


def pdf_text(pdf: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


@pytest.fixture
def book(mck, clerk):
    """MCK with a changed address (the old one struck out by a correction) and a section II entry."""
    act = factories.legal_act(title="w sprawie zmiany statutu", adopted_on=datetime.date(2019, 3, 1))
    wrong = factories.entry(
        mck, clerk=clerk, entry_date=datetime.date(2019, 3, 15), legal_basis=act, values={"address": "ul. Pomylona 13"}
    )
    factories.correction(
        wrong, clerk=clerk, entry_date=datetime.date(2019, 3, 16), values={"address": "ul. Kościelna 2"}
    )
    factories.entry(
        mck,
        clerk=clerk,
        section=Section.II,
        entry_date=datetime.date(2019, 4, 1),
        legal_basis=act,
        values={"statute_act": str(act), "director": "Jan Kowalski"},
    )
    mck.refresh_from_db()
    return mck


def test_the_full_extract_pdf_holds_every_entry_of_the_book(book):
    text = pdf_text(documents.extract_pdf(institution=book, kind=ExtractRequest.Kind.FULL))
    assert "ODPIS PEŁNY" in text
    for entry in RegisterEntry.objects.filter(institution=book):
        assert entry.entry_date.strftime("%d.%m.%Y") in text
        for value in entry.values.values():
            # Table cells wrap: compare without spaces.
            assert value.replace(" ", "") in text.replace(" ", ""), value
    assert "Pomylona" in text  # the struck entry stays in the full extract
    assert "Wykreślony wpisem nr 3" in text
    assert "nie jest urzędowo poświadczonym odpisem" in text


def test_the_full_extract_html_rows_match_the_book_entries(book):
    html = documents.extract_html(institution=book, kind=ExtractRequest.Kind.FULL)
    rows = re.findall(r'data-section="(\w+)" data-position="(\d+)"', html)
    assert rows == [
        (entry.section, str(entry.position))
        for entry in RegisterEntry.objects.filter(institution=book).order_by("section", "position")
    ]


def test_a_certified_extract_is_signed_by_its_clerk_for_the_prezydent_and_a_printout_is_not_signed(book, clerk):
    certified = documents.extract_html(
        institution=book, kind=ExtractRequest.Kind.ABRIDGED, case_mark="KSP.5311.1.2026", signed_by=clerk
    )
    printout = documents.extract_html(institution=book, kind=ExtractRequest.Kind.ABRIDGED)

    assert "Anna Nowak" in certified
    assert "z upoważnienia Prezydenta Miasta Ruda Śląska" in certified
    assert "Anna Nowak" not in printout
    assert "z upoważnienia" not in printout


def test_the_abridged_extract_holds_the_current_state_only(book):
    text = pdf_text(documents.extract_pdf(institution=book, kind=ExtractRequest.Kind.ABRIDGED))
    assert "ODPIS SKRÓCONY" in text
    assert "ul. Kościelna 2" in text
    assert "Pomylona" not in text
    assert "ul. Piotra Niedurnego 69" not in text  # replaced by a later entry
    assert book.full_name.replace(" ", "") in text.replace(" ", "")
    assert "21.05.2012, 15.03.2019, 16.03.2019, 01.04.2019" in text
    assert str(book.statute_act).replace(" ", "") in text.replace(" ", "")


def test_public_printouts_are_pdfs_and_unknown_kinds_404(client, book):
    response = client.get(f"/rejestr-instytucji-kultury/{book.entry_no}/wydruk-skrocony.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert client.get(f"/rejestr-instytucji-kultury/{book.entry_no}/wydruk-inny.pdf").status_code == 404
    assert client.get("/rejestr-instytucji-kultury/77/wydruk-pelny.pdf").status_code == 404


def test_printouts_are_rate_limited(client, book, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 1
    url = f"/rejestr-instytucji-kultury/{book.entry_no}/wydruk-skrocony.pdf"
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 429


# The request form -----------------------------------------------------------------------------------------


def test_the_form_preselects_the_institution_and_shows_the_clause(client, mck):
    response = client.get(factories.EXTRACT_FORM_URL + f"?instytucja={mck.entry_no}")
    assert response.status_code == 200
    assert response.context["form"].initial["institution"] == mck.pk
    assert "art. 6 ust. 1 lit. c RODO" in response.content.decode()
    for query in ("?instytucja=abc", "?instytucja=999", "?instytucja=" + "9" * 40):
        assert client.get(factories.EXTRACT_FORM_URL + query).status_code == 200


def test_a_request_opens_a_case_with_a_mark_fee_proof_and_a_deadline(
    client, mck, django_capture_on_commit_callbacks, mailoutbox
):
    proof = SimpleUploadedFile("potwierdzenie.pdf", factories.PDF_BYTES, content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(factories.EXTRACT_FORM_URL, {**factories.extract_form_data(mck), "fee_proof": proof})
    assert response.status_code == 302
    request = ExtractRequest.objects.get()
    assert response["Location"] == f"/sprawy/{request.register_entry.tracking_token}/potwierdzenie/"
    assert re.fullmatch(rf"KSP\.5210\.\d+\.{timezone.localdate().year}", request.case_mark)
    assert request.status == ExtractRequest.Status.RECEIVED
    assert request.received_on == timezone.localdate()
    assert request.info_clause == InformationClause.objects.get(form_key="institutions.extract_request")
    document = PrivateDocument.objects.get(
        content_type=ContentType.objects.get_for_model(ExtractRequest), object_id=request.pk
    )
    assert document.kind == PrivateDocument.Kind.ATTACHMENT
    assert document.uploaded_by is None
    assert len(mailoutbox) == 1
    assert request.case_mark in mailoutbox[0].subject
    # The Terminarz: due 14 days after receipt (moved off a day off).
    deadline = next(d for d in open_deadlines(section="institutions") if d.case_mark == request.case_mark)
    assert deadline.due_date == register_extract_due(request.received_on)
    assert "14 dni" in deadline.rule


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"institution": ""}, "institution"),
        ({"institution": "999999"}, "institution"),
        ({"kind": "forged"}, "kind"),
        ({"copies": "0"}, "copies"),
        ({"copies": "abc"}, "copies"),
        ({"applicant_name": ""}, "applicant_name"),
        ({"applicant_address": "ul. \x07Dzwonek 1"}, "applicant_address"),
        ({"delivery": "electronic", "contact_email": ""}, "contact_email"),
        ({"contact_email": "nie-adres"}, "contact_email"),
    ],
)
def test_bad_input_gives_the_form_back_with_a_message(client, mck, changes, field):
    response = client.post(factories.EXTRACT_FORM_URL, factories.extract_form_data(mck, **changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert "error-summary" in response.content.decode()
    assert not ExtractRequest.objects.exists()


def test_a_fake_fee_proof_is_refused(client, mck):
    fake = SimpleUploadedFile("potwierdzenie.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(factories.EXTRACT_FORM_URL, {**factories.extract_form_data(mck), "fee_proof": fake})
    assert response.status_code == 200
    assert "fee_proof" in response.context["form"].errors
    assert not ExtractRequest.objects.exists()


# Handling the case -------------------------------------------------------------------------------------------


@pytest.fixture
def extract_request(client, book):
    return factories.extract_request(client, book, kind="abridged")


def test_the_extract_is_issued_only_after_the_fee_and_lands_in_the_case(extract_request, make_clerk):
    clerk = make_clerk(groups=[factories.REGISTER_GROUP], first_name="Ewa", last_name="Wiśniewska")
    services.extract_request_fee_record(request=extract_request, pages=1, fee_paid=True, acting_user=clerk)
    transition_perform(obj=extract_request, name="issue", acting_user=clerk)
    extract_request.refresh_from_db()
    assert extract_request.status == ExtractRequest.Status.ISSUED
    assert extract_request.issued_on == timezone.localdate()
    # The pages the applicant paid for stay the case's record.
    assert extract_request.pages == 1
    letter = PrivateDocument.objects.get(object_id=extract_request.pk, kind=PrivateDocument.Kind.LETTER)
    with letter.file.open("rb") as handle:
        text = pdf_text(handle.read())
    assert extract_request.case_mark in text
    assert "ODPIS SKRÓCONY" in text
    assert "Ewa Wiśniewska" in text
    assert StatusChange.objects.filter(object_id=extract_request.pk, action="institutions.extract.issue").exists()
    # Issued for registered post: in the Terminarz until it is posted (§ 12: sent within 14 days).
    assert extract_request.case_mark in [d.case_mark for d in open_deadlines(section="institutions")]
    transition_perform(obj=extract_request, name="deliver", acting_user=clerk)
    assert extract_request.case_mark not in [d.case_mark for d in open_deadlines(section="institutions")]


def test_an_electronic_extract_is_sent_with_the_tracking_link_when_issued(
    client, book, make_clerk, django_capture_on_commit_callbacks, mailoutbox
):
    request = factories.extract_request(client, book, kind="abridged", delivery="electronic", copies="2")
    clerk = make_clerk(groups=[factories.REGISTER_GROUP])
    services.extract_request_fee_record(request=request, pages=1, fee_paid=True, acting_user=clerk)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        transition_perform(obj=request, name="issue", acting_user=clerk)
    request.refresh_from_db()
    token = request.register_entry.tracking_token
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["biuro@example.pl"]
    assert f"/sprawy/{token}/" in mailoutbox[0].body
    # Sent when issued: it leaves the Terminarz.
    assert request.case_mark not in [d.case_mark for d in open_deadlines(section="institutions")]


@pytest.mark.parametrize(("pages", "copies", "fee"), [(1, 1, 5), (3, 1, 15), (3, 2, 30), (2, 5, 50)])
def test_the_fee_counts_every_page_of_every_copy(pages, copies, fee):
    assert services.extract_fee(pages, copies) == fee


def test_asking_for_the_fee_tells_the_applicant_the_amount(extract_request, make_clerk, client):
    """ "Ask for the fee" waits for the pages; then the applicant reads the amount and the clerk's note."""
    clerk = make_clerk(groups=[factories.REGISTER_GROUP])
    with pytest.raises(CaseWorkError) as refused:
        transition_perform(obj=extract_request, name="request_fee", acting_user=clerk, note="Proszę o wpłatę.")
    assert refused.value.code == "pages_unknown"
    extract_request.refresh_from_db()
    assert extract_request.status == ExtractRequest.Status.RECEIVED
    assert not StatusChange.objects.filter(action="institutions.extract.request_fee").exists()

    services.extract_request_fee_record(request=extract_request, pages=2, fee_paid=False, acting_user=clerk)
    transition_perform(obj=extract_request, name="request_fee", acting_user=clerk, note="Proszę o wpłatę.")
    page = client.get(f"/sprawy/{extract_request.register_entry.tracking_token}/").content.decode()
    assert "Opłata skarbowa za odpis wynosi 10,00 zł (2 strony × 1 egzemplarz × 5,00 zł)." in page
    assert "Proszę o wpłatę." in page


def test_the_pdf_page_count_follows_the_document(book):
    assert documents.pdf_page_count(documents.extract_pdf(institution=book, kind=ExtractRequest.Kind.ABRIDGED)) == 1
    full = documents.extract_pdf(institution=book, kind=ExtractRequest.Kind.FULL)
    assert documents.pdf_page_count(full) == len(PdfReader(io.BytesIO(full)).pages)
