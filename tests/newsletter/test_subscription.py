"""Subscribing with double opt-in: the consent kept with its wording and time, nothing but the confirmation before."""

import pytest
from django.test import override_settings

from core.models import OutboxMessage
from events.models import Category
from newsletter.models import Subscriber
from newsletter.services import CONSENT_VERSION, subscriber_from_token, subscriber_token
from tests.newsletter.conftest import SUBSCRIBE_URL, link_in, make_subscriber, subscription_data

pytestmark = pytest.mark.django_db


def test_subscribing_keeps_the_consent_and_mails_only_the_confirmation(client):
    category = Category.objects.create(name="Koncerty plenerowe", slug="nl-koncerty")
    response = client.post(
        SUBSCRIBE_URL, subscription_data(email=" Anna.Nowak@Example.pl ", event_categories=[category.pk])
    )

    assert response.status_code == 302
    assert response["Location"] == "/newsletter/zapisano/"
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "anna.nowak@example.pl"
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.consent_version == CONSENT_VERSION
    assert "Wyrażam zgodę" in subscriber.consent_text
    assert subscriber.consent_given_at is not None
    assert subscriber.confirmed_at is None
    assert list(subscriber.event_categories.all()) == [category]
    assert list(Subscriber.objects.receiving()) == []
    message = OutboxMessage.objects.get()
    assert message.to == ["anna.nowak@example.pl"]
    assert message.subject == "Potwierdź zapis do newslettera"
    assert "/newsletter/potwierdz/" in message.body_text
    assert "/newsletter/potwierdz/" in message.body_html


def test_the_form_refuses_a_subscription_without_the_consent(client):
    data = subscription_data()
    del data["consent"]

    response = client.post(SUBSCRIBE_URL, data)

    assert response.status_code == 200
    assert "To pole jest wymagane." in response.content.decode()
    assert not Subscriber.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_a_get_of_the_confirmation_link_changes_nothing_and_the_button_confirms(client):
    client.post(SUBSCRIBE_URL, subscription_data())
    confirm_path = link_in(OutboxMessage.objects.get(), "/newsletter/potwierdz/")

    page = client.get(confirm_path)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    response = client.post(confirm_path)
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.ACTIVE
    assert subscriber.confirmed_at is not None
    assert response["Location"] == f"/newsletter/ustawienia/{subscriber_token(subscriber)}/"
    assert list(Subscriber.objects.receiving()) == [subscriber]


def test_an_address_already_subscribed_gets_its_link_and_keeps_its_topics(client, subscriber):
    OutboxMessage.objects.all().delete()

    client.post(SUBSCRIBE_URL, subscription_data(email=subscriber.email, grant_calls="on"))

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE
    assert subscriber.grant_calls is False
    message = OutboxMessage.objects.get()
    assert message.subject == "Ten adres już otrzymuje newsletter"
    assert f"/newsletter/ustawienia/{subscriber_token(subscriber)}/" in message.body_text


def test_a_bot_filling_the_honeypot_subscribes_nobody(client):
    response = client.post(SUBSCRIBE_URL, subscription_data(hp_website="http://spam.example"))

    assert response.status_code == 302
    assert not Subscriber.objects.exists()
    assert not OutboxMessage.objects.exists()


@override_settings(PUBLIC_FORM_RATE_LIMIT=2)
def test_the_form_is_rate_limited_per_client(client):
    for number in range(2):
        assert client.post(SUBSCRIBE_URL, subscription_data(email=f"osoba{number}@example.pl")).status_code == 302

    response = client.post(SUBSCRIBE_URL, subscription_data(email="osoba9@example.pl"))

    assert response.status_code == 429
    assert Subscriber.objects.count() == 2


def test_a_forged_or_stale_link_opens_nothing(client, subscriber):
    assert client.get("/newsletter/ustawienia/abc:def/").status_code == 404
    assert client.get("/newsletter/potwierdz/abc:def/").status_code == 404
    token = subscriber_token(subscriber)
    subscriber.link_key += 1
    subscriber.save(update_fields=["link_key"])

    assert subscriber_from_token(token) is None
    assert client.get(f"/newsletter/ustawienia/{token}/").status_code == 404


def test_a_subscriber_changes_topics_behind_the_private_link(client, subscriber):
    category = Category.objects.create(name="Teatr uliczny", slug="nl-teatr")
    path = f"/newsletter/ustawienia/{subscriber_token(subscriber)}/"
    assert subscriber.email in client.get(path).content.decode()

    response = client.post(path, {"events": "on", "event_categories": [category.pk], "districts": ["halemba"]})

    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert (subscriber.events, subscriber.press_releases, subscriber.districts) == (True, False, ["halemba"])
    assert list(subscriber.event_categories.all()) == [category]


def test_unconfirmed_addresses_are_purged_after_a_week(subscriber):
    from datetime import timedelta

    from django.utils import timezone

    from newsletter.services import subscribers_purge_unconfirmed

    stale = make_subscriber("stary@example.pl", confirmed=False)
    Subscriber.objects.filter(pk=stale.pk).update(consent_given_at=timezone.now() - timedelta(days=8))
    make_subscriber("nowy@example.pl", confirmed=False)

    assert subscribers_purge_unconfirmed() == 1
    assert sorted(Subscriber.objects.values_list("email", flat=True)) == [
        "jan.kowalski@example.pl",
        "nowy@example.pl",
    ]
