"""Signed declarations and annexes sent with the offer are kept privately with the case, not with a draft."""

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from core.models import PrivateDocument
from grants.forms import OfferForm
from grants.models import GrantOffer, OfferDraft
from tests.core import upload_corpus as corpus
from tests.grants.factories import BEFORE_DEADLINE, offer_post


def test_attachments_are_stored_with_the_submitted_offer(client, call):
    files = [
        SimpleUploadedFile("oswiadczenie.pdf", corpus.valid_pdf(), content_type="application/pdf"),
        SimpleUploadedFile("aneks.pdf", corpus.valid_pdf(), content_type="application/pdf"),
    ]
    with time_machine.travel(BEFORE_DEADLINE, tick=False):
        response = client.post(f"/dotacje/konkursy/{call.slug}/oferta/", {**offer_post(), "attachments": files})
    assert response.status_code == 302
    offer = GrantOffer.objects.get()
    kept = PrivateDocument.objects.filter(object_id=offer.pk, kind=PrivateDocument.Kind.ATTACHMENT)
    # With the offer's own PDF, which the service keeps as the offeror's attachment too.
    assert sorted(kept.values_list("original_name", flat=True)) == [
        "aneks.pdf",
        f"oferta-{offer.case_mark}.pdf",
        "oswiadczenie.pdf",
    ]
    assert all("oswiadczenie" not in d.file.name for d in kept)


def test_a_file_that_is_not_a_document_is_refused_and_the_form_says_drafts_keep_no_files(client, call):
    fake = SimpleUploadedFile("oswiadczenie.pdf", b"MZ not a pdf", content_type="application/pdf")
    url = f"/dotacje/konkursy/{call.slug}/oferta/"
    with time_machine.travel(BEFORE_DEADLINE, tick=False):
        page = client.get(url).content.decode()
        assert 'enctype="multipart/form-data"' in page
        assert str(OfferForm.base_fields["attachments"].help_text) in page
        refused = client.post(url, {**offer_post(), "attachments": [fake]})
        assert refused.status_code == 200
        assert not GrantOffer.objects.exists()
        client.post(url, {**offer_post(action="save"), "attachments": [fake]})
    assert OfferDraft.objects.count() == 1
    assert not PrivateDocument.objects.exists()
