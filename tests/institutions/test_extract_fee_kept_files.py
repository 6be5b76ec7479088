"""A proof of payment accepted on a send that comes back with an error is kept for the next send."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.helpers import kept_files_token, public_form_data, started_seconds_ago
from tests.institutions.factories import PDF_BYTES, documents_of, proof_url

pytestmark = pytest.mark.usefixtures("stamp_duty_account")


def test_an_accepted_proof_is_kept_when_the_form_comes_back_and_reaches_the_case(client, extract_request):
    proof = SimpleUploadedFile("przelew.pdf", PDF_BYTES, content_type="application/pdf")
    too_fast = public_form_data(form_started=started_seconds_ago(0))
    first = client.post(proof_url(extract_request), {**too_fast, "proof": proof})
    assert first.status_code == 200
    assert first.context["fee_proof_form"].non_field_errors()
    token = kept_files_token(first, "przelew.pdf")

    again = client.post(proof_url(extract_request), {**public_form_data(), "kept_files": token})
    assert again.status_code == 302
    assert documents_of(extract_request).get().original_name == "przelew.pdf"
