"""The offer's and the agreement's pages in the admin list the case's documents, each opening for the clerk.

The offer PDF, the signed declarations and annexes the offeror attached, and the agreement PDF the department
issued are all documents of the offer's case; a clerk sees them where they work on the offer and the agreement.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import PrivateDocument
from tests.core.upload_corpus import valid_pdf
from tests.grants.factories import GRANTS_GROUP, agreement_sign, offer_grant, offer_send
from tests.helpers import close_response

PRESS = "Biuro prasowe"


@pytest.fixture
def agreement(client, call):
    """An offer sent with a signed declaration, granted 4 000 zł, with its agreement signed."""
    declaration = SimpleUploadedFile("oswiadczenie-podpisane.pdf", valid_pdf(), content_type="application/pdf")
    return agreement_sign(offer_grant(offer_send(client, call, attachments=[declaration])))


@pytest.mark.parametrize("page_of", ["offer", "agreement"])
def test_the_page_lists_every_document_of_the_case_and_each_opens(clerk_client, agreement, page_of):
    clerk = clerk_client(groups=[GRANTS_GROUP])
    offer = agreement.offer
    url = {
        "offer": reverse("admin:grants_grantoffer_change", args=[offer.pk]),
        "agreement": reverse("admin:grants_grantagreement_change", args=[agreement.pk]),
    }[page_of]
    page = clerk.get(url).content.decode()
    documents = list(
        PrivateDocument.objects.filter(content_type=ContentType.objects.get_for_model(offer), object_id=offer.pk)
    )
    described = {str(d) for d in documents}
    assert {"Oferta realizacji zadania publicznego", "Załącznik do oferty", "Umowa KSP.5220.1.2026"} <= described
    for document in documents:
        link = reverse("core:document_download", args=[document.pk])
        assert f'<a href="{link}">{document}</a>' in page
        response = clerk.get(link)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")
        close_response(response)


def test_a_clerk_of_another_section_opens_neither_the_page_nor_the_documents(clerk_client, agreement):
    clerk = clerk_client(groups=[PRESS])
    assert clerk.get(reverse("admin:grants_grantagreement_change", args=[agreement.pk])).status_code == 403
    document = PrivateDocument.objects.filter(object_id=agreement.offer_id).first()
    assert clerk.get(reverse("core:document_download", args=[document.pk])).status_code == 403
