"""Unsubscribing: a GET of the link changes nothing; the button or a mail program's one-click POST deletes the data."""

import pytest
from django.core import mail
from django.test import Client

from core.logging import mask_private_tokens
from core.mail import mail_enqueue
from core.tasks import SENT, outbox_message_send
from newsletter.models import Subscriber
from newsletter.services import subscriber_token, unsubscribe_headers

pytestmark = pytest.mark.django_db


def test_a_get_of_the_unsubscribe_link_changes_nothing(client, subscriber):
    response = client.get(f"/newsletter/wypisz/{subscriber_token(subscriber)}/")

    assert response.status_code == 200
    assert "Wypisz się z newslettera" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()


def test_the_one_click_post_of_rfc_8058_deletes_the_subscriber_without_a_csrf_token(subscriber):
    client = Client(enforce_csrf_checks=True)

    response = client.post(f"/newsletter/wypisz/{subscriber_token(subscriber)}/", {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert not Subscriber.objects.exists()
    again = client.post(f"/newsletter/wypisz/{subscriber_token(subscriber)}/", {"List-Unsubscribe": "One-Click"})
    assert again.status_code == 200


def test_the_button_on_the_page_unsubscribes(client, subscriber):
    response = client.post(f"/newsletter/wypisz/{subscriber_token(subscriber)}/")

    assert "Twój adres i wybrane tematy zostały usunięte" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_every_mailing_carries_the_one_click_unsubscribe_headers(subscriber, settings):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    message = mail_enqueue(
        to=[subscriber.email],
        subject="Newsletter",
        template="newsletter_confirm",
        context={"confirm_url": "https://example.pl/", "days": 7},
        headers=unsubscribe_headers(subscriber),
    )

    assert outbox_message_send(message.pk) == SENT

    sent = mail.outbox[-1]
    token = subscriber_token(subscriber)
    assert sent.extra_headers["List-Unsubscribe"].endswith(f"/newsletter/wypisz/{token}/>")
    assert sent.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_private_links_are_masked_in_logs(subscriber):
    token = subscriber_token(subscriber)
    for prefix in ("potwierdz", "ustawienia", "wypisz"):
        line = mask_private_tokens(f'"GET /newsletter/{prefix}/{token}/ HTTP/1.1" 200')
        assert token not in line
        assert f"/newsletter/{prefix}/[token]/" in line
