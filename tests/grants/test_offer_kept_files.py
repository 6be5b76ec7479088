"""Attachments accepted on a send of the offer that comes back with an error are kept for the next send."""

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from core.models import PrivateDocument
from grants.models import GrantOffer
from tests.core import upload_corpus as corpus
from tests.grants.factories import BEFORE_DEADLINE, offer_post
from tests.helpers import kept_files_token


def test_accepted_attachments_are_kept_and_reach_the_case(client, call):
    url = f"/dotacje/konkursy/{call.slug}/oferta/"
    files = [
        SimpleUploadedFile("oswiadczenie.pdf", corpus.valid_pdf(), content_type="application/pdf"),
        SimpleUploadedFile("aneks.pdf", corpus.valid_pdf(), content_type="application/pdf"),
    ]
    with time_machine.travel(BEFORE_DEADLINE, tick=False):
        first = client.post(url, {**offer_post(statement_truth=""), "attachments": files})
        assert first.status_code == 200
        assert "statement_truth" in first.context["form"].errors
        token = kept_files_token(first, "oswiadczenie.pdf", "aneks.pdf")
        again = client.post(url, {**offer_post(), "kept_files": token})
    assert again.status_code == 302
    offer = GrantOffer.objects.get()
    attached = PrivateDocument.objects.filter(object_id=offer.pk, kind=PrivateDocument.Kind.ATTACHMENT)
    assert {"oswiadczenie.pdf", "aneks.pdf"} <= set(attached.values_list("original_name", flat=True))
