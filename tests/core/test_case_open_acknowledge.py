"""The kernel opens a case end to end: `case_open` acknowledges it to the applicant, and keeps the files sent.

A case model names its applicant's e-mail field (APPLICANT_EMAIL_FIELD) and the acknowledgement's subject
(CASE_OPENED_SUBJECT); the e-mail carries the case mark and the private tracking link only.
"""

import uuid

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from core.models import CaseMessage, Feedback, OutboxMessage, PrivateDocument
from core.private_documents import document_attach_upload
from core.services import case_open, case_open_acknowledge
from core.uploads import ValidatedFile, validate_upload

EMAIL = "jan.kowalski@example.pl"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def open_feedback(email=EMAIL, **options):
    return case_open(case=Feedback(message="Brakuje godzin otwarcia.", contact_email=email), title="Opinia", **options)


@pytest.mark.django_db
def test_a_new_case_is_acknowledged_with_its_mark_and_private_link(settings):
    settings.SITE_URL = "https://kultura.example.pl/"
    case = open_feedback()
    [row] = OutboxMessage.objects.all()
    assert row.to == [EMAIL]
    assert row.subject == f"Potwierdzenie otrzymania opinii — {case.case_mark}"
    assert f"https://kultura.example.pl/sprawy/{case.register_entry.tracking_token}/" in row.body_text
    assert "Brakuje godzin otwarcia." not in row.body_text
    assert not CaseMessage.objects.exists()


@pytest.mark.django_db
def test_the_link_may_be_built_from_the_address_the_applicant_used():
    case = open_feedback(tracking_url_for=lambda case: f"http://testserver/sprawy/{case.tracking_token}/")
    assert f"http://testserver/sprawy/{case.register_entry.tracking_token}/" in OutboxMessage.objects.get().body_text


@pytest.mark.django_db
def test_no_acknowledgement_without_an_address_or_when_skipped():
    open_feedback(email="")
    open_feedback(acknowledge=False)
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_a_model_without_a_subject_sends_no_acknowledgement(monkeypatch):
    monkeypatch.setattr(Feedback, "CASE_OPENED_SUBJECT", None)
    case = open_feedback()
    assert not OutboxMessage.objects.exists()
    assert case_open_acknowledge(case) is None


@pytest.mark.django_db
def test_a_repeated_submission_is_acknowledged_once():
    token = uuid.uuid4()
    first = open_feedback(submission_token=token)
    assert open_feedback(submission_token=token).pk == first.pk
    assert OutboxMessage.objects.count() == 1


@pytest.mark.django_db
def test_the_acknowledgement_follows_what_on_open_kept_in_the_same_transaction():
    seen = []
    case = open_feedback(on_open=lambda case: seen.append(OutboxMessage.objects.count()))
    assert seen == [0]
    assert OutboxMessage.objects.count() == 1
    assert case.pk is not None


@pytest.mark.django_db
def test_the_acknowledgement_rolls_back_with_a_failing_opening():
    def fail(case):
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        open_feedback(on_open=fail)
    assert not Feedback.objects.exists()
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_the_feedback_form_acknowledges_through_the_kernel(client, django_capture_on_commit_callbacks):
    from django.core import mail

    from tests.helpers import public_form_data

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/opinia/", public_form_data(message="Brakuje godzin otwarcia muzeum.", contact_email=EMAIL))
    feedback = Feedback.objects.get()
    [sent] = mail.outbox
    assert sent.subject == f"Potwierdzenie otrzymania opinii — {feedback.case_mark}"
    assert f"http://testserver/sprawy/{feedback.register_entry.tracking_token}/" in sent.body


# document_attach_upload ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_uploaded_file_is_kept_as_the_applicants_attachment_under_its_clients_name():
    case = open_feedback(acknowledge=False)
    upload = ValidatedFile(validate_upload(SimpleUploadedFile("Zgłoszenie – skan.pdf", PDF, "application/pdf")))
    document = document_attach_upload(case=case, upload=upload, description="Załącznik do opinii")
    assert document.kind == PrivateDocument.Kind.ATTACHMENT
    assert document.original_name == "Zgłoszenie – skan.pdf"
    assert document.mime_type == "application/pdf"
    assert document.description == "Załącznik do opinii"
    assert document.uploaded_by is None
    assert document.size == len(PDF)
    assert (document.content_type.model_class(), document.object_id) == (Feedback, case.pk)


@pytest.mark.django_db
def test_a_plain_file_keeps_its_own_name_and_its_sniffed_type():
    case = open_feedback(acknowledge=False)
    document = document_attach_upload(case=case, upload=ContentFile(PDF, name="skan.pdf"))
    assert (document.original_name, document.mime_type, document.description) == ("skan.pdf", "application/pdf", "")
