"""A proof of payment accepted on a send that comes back with an error is kept for the next send."""

from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile

from core.models import PrivateDocument
from institutions.models import ExtractRequest
from tests.core import upload_corpus as corpus
from tests.helpers import kept_files_token
from tests.institutions import factories


def test_an_accepted_fee_proof_is_kept_and_reaches_the_case(client, mck):
    proof = SimpleUploadedFile("potwierdzenie.pdf", corpus.valid_pdf(), content_type="application/pdf")
    first = client.post(
        factories.EXTRACT_FORM_URL, {**factories.extract_form_data(mck, applicant_name=""), "fee_proof": proof}
    )
    assert first.status_code == 200
    assert "applicant_name" in first.context["form"].errors
    token = kept_files_token(first, "potwierdzenie.pdf")

    again = client.post(factories.EXTRACT_FORM_URL, {**factories.extract_form_data(mck), "kept_files": token})
    assert again.status_code == 302
    request = ExtractRequest.objects.get()
    document = PrivateDocument.objects.get(
        content_type=ContentType.objects.get_for_model(ExtractRequest), object_id=request.pk
    )
    assert document.original_name == "potwierdzenie.pdf"
