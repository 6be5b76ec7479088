"""Paying for an extract (DOMAIN.md §A.5; ustawa o opłacie skarbowej, załącznik cz. II pkt 2).

The form shows the rate per page and copy and the City Hall's account before sending; the clerk records the
pages, so the applicant sees the amount on the tracking page and sends the proof of payment from there (a private
document, never on a public URL); the extract is issued only once the payment is recorded.
"""

import datetime
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from core.models import CaseMessage, Feedback, PrivateDocument, StatusChange
from core.public_forms import HONEYPOT_FIELD
from core.services import case_open, transition_perform
from institutions import services
from institutions.models import ExtractRequest, Section
from tests.helpers import close_response, form_fields, public_form_data
from tests.institutions import factories
from tests.institutions.factories import PDF_BYTES, STAMP_DUTY_ACCOUNT, documents_of, proof_url

pytestmark = pytest.mark.usefixtures("stamp_duty_account")


def tracking_url(extract_request) -> str:
    return f"/sprawy/{extract_request.register_entry.tracking_token}/"


def change_url(extract_request) -> str:
    return f"/admin/institutions/extractrequest/{extract_request.pk}/change/"


def clerk_saves(client, extract_request, **changes):
    """Post the admin change form as the clerk sees it, with `changes` typed in (False unticks a box)."""
    data = form_fields(client.get(change_url(extract_request)).content.decode(), form_id="extractrequest_form")
    for name, value in changes.items():
        if value is False:
            data.pop(name, None)
        else:
            data[name] = value
    return client.post(change_url(extract_request), data)


def send_proof(client, extract_request, content=PDF_BYTES, name="potwierdzenie-przelewu.pdf"):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    return client.post(proof_url(extract_request), {**public_form_data(), "proof": upload})


def test_the_form_shows_the_rate_per_page_and_copy_and_the_account_before_sending(client, mck, settings):
    page = client.get(factories.EXTRACT_FORM_URL).content.decode()
    assert "5,00 zł za każdą rozpoczętą stronę odpisu, za każdy egzemplarz" in page
    assert STAMP_DUTY_ACCOUNT in page
    assert "Urząd Miasta Ruda Śląska" in page
    # The rate and the account are configuration: a new schedule is a setting, not a release.
    settings.REGISTER_EXTRACT_FEE_PER_PAGE = Decimal("6.5")
    settings.STAMP_DUTY_ACCOUNT_NUMBER = "PL04000000000000000000000000"
    page = client.get(factories.EXTRACT_FORM_URL).content.decode()
    assert "6,50 zł za każdą rozpoczętą stronę" in page
    assert "04 0000 0000 0000 0000 0000 0000" in page


def test_the_tracking_page_shows_the_rate_until_the_clerk_records_the_pages_then_the_amount(
    client, extract_request, register_clerk
):
    page = client.get(tracking_url(extract_request)).content.decode()
    assert "Urząd policzy strony odpisu i poda tu kwotę." in page
    assert "5,00 zł za każdą rozpoczętą stronę każdego egzemplarza" in page
    assert STAMP_DUTY_ACCOUNT in page
    assert extract_request.case_mark in page  # the transfer title names the case

    response = clerk_saves(register_clerk, extract_request, pages="3")
    assert response.status_code == 302
    extract_request.refresh_from_db()
    assert extract_request.pages == 3
    page = client.get(tracking_url(extract_request)).content.decode()
    assert "30,00\xa0zł" in page  # one amount, never broken across lines
    assert "3 strony × 2 egzemplarze × 5,00 zł" in page
    assert "nieodnotowana" in page


def test_the_applicant_sends_the_proof_from_the_tracking_page_into_private_storage(client, extract_request, settings):
    response = send_proof(client, extract_request)
    assert response.status_code == 302
    assert response["Location"] == tracking_url(extract_request) + "#oplata"
    document = documents_of(extract_request).get()
    assert document.kind == PrivateDocument.Kind.ATTACHMENT
    assert document.uploaded_by is None
    assert document.original_name == "potwierdzenie-przelewu.pdf"
    assert "potwierdzenie" not in document.file.name  # a random storage name
    assert not Path(document.file.path).resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    message = CaseMessage.objects.get(object_id=extract_request.pk)
    assert message.author_kind == CaseMessage.Author.APPLICANT
    assert "potwierdzenie zapłaty" in message.body
    page = client.get(tracking_url(extract_request)).content.decode()
    download = f"/sprawy/{extract_request.register_entry.tracking_token}/dokumenty/{document.pk}/"
    assert download in page
    file_response = client.get(download)
    assert file_response.status_code == 200
    assert file_response["Cache-Control"] == "private, no-store"
    close_response(file_response)
    # Nobody without the tracking link gets it.
    assert client.get(f"/sprawy/{'x' * 43}/oplata/").status_code == 404


@pytest.mark.parametrize(
    ("content", "name"),
    [(b"MZ\x90\x00 not a pdf", "potwierdzenie.pdf"), (b"", "pusty.pdf")],
    ids=["not-a-pdf", "empty"],
)
def test_a_bad_proof_is_refused_with_a_polish_message_and_nothing_is_kept(client, extract_request, content, name):
    response = send_proof(client, extract_request, content=content, name=name)
    assert response.status_code == 200
    page = response.content.decode()
    assert "error-summary" in page
    assert response.context["fee_proof_form"].errors["proof"]
    assert not documents_of(extract_request).exists()
    assert not CaseMessage.objects.exists()


def test_proofs_from_bots_and_floods_are_not_kept(client, extract_request, settings):
    """A filled honeypot is answered as if sent and keeps nothing; too many posts get 429 and keep nothing."""
    upload = SimpleUploadedFile("potwierdzenie.pdf", PDF_BYTES, content_type="application/pdf")
    response = client.post(
        proof_url(extract_request), {**public_form_data(**{HONEYPOT_FIELD: "https://spam.example"}), "proof": upload}
    )
    assert response.status_code == 302
    assert not documents_of(extract_request).exists()
    settings.PUBLIC_FORM_RATE_LIMIT = 2  # the honeypot post counted as the first
    assert send_proof(client, extract_request, content=b"not a pdf").status_code == 200
    assert send_proof(client, extract_request).status_code == 429
    assert not documents_of(extract_request).exists()
    assert not CaseMessage.objects.exists()


def test_a_proof_is_not_taken_once_the_fee_is_recorded_as_paid(client, extract_request, make_clerk):
    clerk = make_clerk(groups=[factories.REGISTER_GROUP])
    services.extract_request_fee_record(request=extract_request, pages=2, fee_paid=True, acting_user=clerk)
    page = client.get(tracking_url(extract_request)).content.decode()
    assert "otrzymana — dziękujemy" in page
    assert proof_url(extract_request) not in page
    response = send_proof(client, extract_request)
    assert response.status_code == 302
    assert response["Location"] == tracking_url(extract_request)
    assert not documents_of(extract_request).exists()


def test_a_case_type_without_a_fee_has_no_proof_page(db, client):
    feedback = case_open(case=Feedback(message="Brakuje filtra dla seniorów."), title="Opinia o portalu")
    token = feedback.register_entry.tracking_token
    assert client.get(f"/sprawy/{token}/oplata/").status_code == 404
    tracking = client.get(f"/sprawy/{token}/").content.decode()
    assert feedback.case_mark in tracking
    assert "oplata" not in tracking


def test_the_clerk_cannot_record_a_payment_before_the_pages(register_clerk, extract_request):
    response = clerk_saves(register_clerk, extract_request, fee_paid="on")
    assert response.status_code == 200
    assert "Najpierw wpisz liczbę stron odpisu: od niej zależy opłata." in response.content.decode()
    extract_request.refresh_from_db()
    assert (extract_request.pages, extract_request.fee_paid) == (None, False)


def test_issuing_waits_for_the_pages_and_the_payment_and_writes_nothing_before(register_clerk, extract_request):
    workflow = f"/admin/institutions/extractrequest/{extract_request.pk}/sprawa/"
    for changes, message in [
        ({}, "Najpierw wpisz liczbę stron odpisu"),
        ({"pages": "2"}, "Odpis czeka na opłatę"),
    ]:
        if changes:
            assert clerk_saves(register_clerk, extract_request, **changes).status_code == 302
        response = register_clerk.post(workflow, {"transition": "issue"}, follow=True)
        assert message in response.content.decode()
        extract_request.refresh_from_db()
        assert extract_request.status == ExtractRequest.Status.RECEIVED
        assert extract_request.issued_on is None
        assert not StatusChange.objects.filter(action="institutions.extract.issue").exists()
        assert not documents_of(extract_request).filter(kind=PrivateDocument.Kind.LETTER).exists()

    assert clerk_saves(register_clerk, extract_request, fee_paid="on").status_code == 302
    register_clerk.post(workflow, {"transition": "issue"})
    extract_request.refresh_from_db()
    assert extract_request.status == ExtractRequest.Status.ISSUED
    assert documents_of(extract_request).filter(kind=PrivateDocument.Kind.LETTER).count() == 1


def test_pages_and_payment_are_the_record_once_issued(register_clerk, extract_request, make_clerk):
    clerk = make_clerk(groups=[factories.REGISTER_GROUP])
    services.extract_request_fee_record(request=extract_request, pages=5, fee_paid=True, acting_user=clerk)
    transition_perform(obj=extract_request, name="issue", acting_user=clerk)
    response = clerk_saves(register_clerk, extract_request, pages="9", fee_paid=False)
    assert response.status_code == 302
    extract_request.refresh_from_db()
    assert (extract_request.pages, extract_request.fee_paid) == (5, True)
    with pytest.raises(services.RegisterError) as refused:
        services.extract_request_fee_record(request=extract_request, pages=9, fee_paid=True, acting_user=clerk)
    assert refused.value.code == "fee_closed"


def test_only_the_register_section_records_the_fee(clerk_client, extract_request, make_clerk):
    editor = clerk_client(groups=["Redakcja portalu"])
    assert editor.get(change_url(extract_request)).status_code == 403
    outsider = make_clerk(groups=["Redakcja portalu"])
    with pytest.raises(PermissionDenied, match="Brak uprawnień do wykonania tej czynności"):
        services.extract_request_fee_record(request=extract_request, pages=2, fee_paid=False, acting_user=outsider)
    extract_request.refresh_from_db()
    assert extract_request.pages is None


def test_more_copies_after_the_payment_take_the_payment_back_for_a_new_check(register_clerk, extract_request, client):
    services.extract_request_fee_record(
        request=extract_request, pages=2, fee_paid=True, acting_user=register_clerk.clerk
    )
    workflow = f"/admin/institutions/extractrequest/{extract_request.pk}/sprawa/"
    register_clerk.post(workflow, {"transition": "request_changes", "note": "Proszę podać kod pocztowy."})
    changes = f"/sprawy/{extract_request.register_entry.tracking_token}/zmiany/"
    data = form_fields(client.get(changes).content.decode(), form_id="case-changes-form")
    data.update(public_form_data(copies="3"))
    assert client.post(changes, data).status_code == 302
    extract_request.refresh_from_db()
    assert (extract_request.copies, extract_request.pages, extract_request.fee_paid) == (3, 2, False)


@pytest.fixture
def long_book(mck, clerk):
    """MCK's book with two more entries with long remarks: its full extract runs over one page."""
    act = factories.legal_act(title="w sprawie zmiany statutu")
    for day in (1, 2):
        services.entry_make(
            institution=mck,
            section=Section.II,
            entry_date=datetime.date(2019, 4, day),
            legal_basis=act,
            values={"director": f"Dyrektor numer {day}"},
            remarks="Zmiana wprowadzona na wniosek dyrektora po zasięgnięciu opinii rady artystycznej. " * 6,
            acting_user=clerk,
        )
    mck.refresh_from_db()
    return mck


def test_the_clerk_previews_the_extract_as_it_will_be_issued_and_only_the_register_section(
    register_clerk, clerk_client, extract_request
):
    response = register_clerk.get(f"/admin/institutions/extractrequest/{extract_request.pk}/odpis.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert extract_request.case_mark in text
    assert "Stowarzyszenie Przyjaciół Halemby" in text
    editor = clerk_client(groups=["Redakcja portalu"])
    assert editor.get(f"/admin/institutions/extractrequest/{extract_request.pk}/odpis.pdf").status_code == 403


def test_an_extract_longer_than_the_pages_paid_for_is_not_issued(client, long_book, register_clerk):
    extract_request = factories.extract_request(client, long_book, applicant_name="Jan Kowalski", delivery="in_person")
    preview = register_clerk.get(f"/admin/institutions/extractrequest/{extract_request.pk}/odpis.pdf")
    pages = len(PdfReader(io.BytesIO(preview.content)).pages)
    assert pages >= 2
    services.extract_request_fee_record(
        request=extract_request, pages=pages - 1, fee_paid=True, acting_user=register_clerk.clerk
    )
    with pytest.raises(services.RegisterError) as refused:
        transition_perform(obj=extract_request, name="issue", acting_user=register_clerk.clerk)
    assert refused.value.code == "pages_more_than_paid"
    assert f"Odpis ma teraz {pages} " in refused.value.message
    assert f"naliczono opłatę ({pages - 1})" in refused.value.message
    extract_request.refresh_from_db()
    assert extract_request.status == ExtractRequest.Status.RECEIVED
    assert not documents_of(extract_request).exists()

    services.extract_request_fee_record(
        request=extract_request, pages=pages, fee_paid=True, acting_user=register_clerk.clerk
    )
    transition_perform(obj=extract_request, name="issue", acting_user=register_clerk.clerk)
    letter = documents_of(extract_request).get(kind=PrivateDocument.Kind.LETTER)
    with letter.file.open("rb") as handle:
        assert len(PdfReader(io.BytesIO(handle.read())).pages) == pages
