"""The press review lists exactly the mentions a clerk selected, in its PDF and in its e-mail."""

import io
from datetime import date as D

import pytest
import time_machine
from django.urls import reverse
from pypdf import PdfReader

from core.models import OutboxMessage
from monitoring.documents import review_pdf
from monitoring.models import PressReview
from monitoring.services import MonitoringError, review_send
from tests.helpers import close_response
from tests.monitoring.factories import PRESS_GROUP, make_mention, make_outlet

pytestmark = pytest.mark.django_db

LONG = "Słowo " * 200  # 1,200 characters: beyond the quotation limit


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


@time_machine.travel(D(2026, 3, 10), tick=False)
def test_the_pdf_and_the_e_mail_list_exactly_the_selected_mentions(clerk_client):
    client = clerk_client(groups=[PRESS_GROUP])
    radio = make_outlet("Radio Piekary", kind="radio")
    chosen = [
        make_mention(
            published_on=D(2026, 3, 9), title="Nowe rondo na Halembie", url="https://gazeta.example.pl/rondo"
        ),
        make_mention(published_on=D(2026, 3, 10), title="Koncert w MCK", outlet=radio, excerpt=LONG),
    ]
    left_out = make_mention(published_on=D(2026, 3, 9), title="Pogoda na weekend")
    changelist = reverse("admin:monitoring_mediamention_changelist")
    response = client.post(
        changelist,
        {"action": "prepare_review", "_selected_action": [str(mention.pk) for mention in chosen]},
    )
    review = PressReview.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:monitoring_pressreview_change", args=[review.pk])
    assert (review.kind, review.period_start, review.period_end) == ("weekly", D(2026, 3, 9), D(2026, 3, 10))

    download = client.get(reverse("admin:monitoring_pressreview_pdf", args=[review.pk]))
    assert download.status_code == 200
    text = pdf_text(b"".join(download.streaming_content) if download.streaming else download.content)
    close_response(download)
    assert "Nowe rondo na Halembie" in text
    assert "Koncert w MCK" in text
    assert "Radio Piekary" in text
    assert "https://gazeta.example.pl/rondo" in text
    assert left_out.title not in text
    assert text.count("Słowo") < 80  # the excerpt is cut to the quotation limit

    with pytest.raises(MonitoringError):
        review_send(review=review, acting_user=client.clerk)  # no recipients yet
    review.recipients = "prezydent@rudaslaska.example\nnaczelnik@rudaslaska.example"
    review.save()
    client.post(
        reverse("admin:monitoring_pressreview_changelist"),
        {"action": "send_reviews", "_selected_action": [str(review.pk)]},
    )
    message = OutboxMessage.objects.get()
    assert message.to == ["prezydent@rudaslaska.example", "naczelnik@rudaslaska.example"]
    assert message.subject == "Przegląd prasy z 09.03.2026 – 10.03.2026"
    for body in (message.body_text, message.body_html):
        assert "Nowe rondo na Halembie" in body
        assert "Koncert w MCK" in body
        assert "https://gazeta.example.pl/rondo" in body
        assert left_out.title not in body
        assert body.count("Słowo") < 80
    assert pdf_text(review_pdf(review)) == pdf_text(review_pdf(review))  # the same entries each time
    review.refresh_from_db()
    assert review.sent_at is not None
    with pytest.raises(MonitoringError):
        review_send(review=review, acting_user=client.clerk)
    assert OutboxMessage.objects.count() == 1


@time_machine.travel(D(2026, 3, 10), tick=False)
def test_only_the_press_office_prepares_and_reads_reviews(clerk_client):
    mention = make_mention(published_on=D(2026, 3, 9))
    other = clerk_client(groups=["Wydarzenia i imprezy masowe"])
    response = other.post(
        reverse("admin:monitoring_mediamention_changelist"),
        {"action": "prepare_review", "_selected_action": [str(mention.pk)]},
    )
    assert response.status_code == 403
    assert not PressReview.objects.exists()
