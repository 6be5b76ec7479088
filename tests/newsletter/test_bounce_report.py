"""The mail provider's reports of bounces and complaints stop the mail to an address; only with the right token."""

import json

import pytest
from django.test import Client

from newsletter.models import Subscriber
from tests.newsletter.conftest import make_subscriber

pytestmark = pytest.mark.django_db

URL = "/newsletter/zwroty/"
TOKEN = "zwroty-od-dostawcy-poczty"


@pytest.fixture
def provider(settings):
    """The mail provider's webhook client: no cookie, no CSRF token, the bearer token of the setting."""
    settings.NEWSLETTER_BOUNCE_TOKEN = TOKEN
    client = Client(enforce_csrf_checks=True)

    def report(body, token=TOKEN):
        data = body if isinstance(body, str) else json.dumps(body)
        return client.post(URL, data, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")

    return report


def status_of(email: str) -> tuple[str, int]:
    subscriber = Subscriber.objects.get(email=email)
    return subscriber.status, subscriber.hard_bounces


def test_three_hard_bounces_or_one_complaint_stop_the_mail_to_an_address(provider):
    make_subscriber("pelna.skrzynka@example.pl")
    make_subscriber("skarga@example.pl")

    first = provider(
        [{"email": "pelna.skrzynka@example.pl", "type": "hard"}, {"email": "x@example.pl", "type": "soft"}]
    )
    assert first.status_code == 200
    assert first.json() == {"reports": 2, "bouncing": 0}
    provider({"email": "pelna.skrzynka@example.pl", "type": "soft"})
    provider({"email": "PELNA.SKRZYNKA@example.pl", "type": "hard"})
    assert status_of("pelna.skrzynka@example.pl") == (Subscriber.Status.ACTIVE, 2)

    third = provider(
        [{"email": "pelna.skrzynka@example.pl", "type": "hard"}, {"email": "skarga@example.pl", "type": "complaint"}]
    )

    assert third.json() == {"reports": 2, "bouncing": 2}
    assert status_of("pelna.skrzynka@example.pl") == (Subscriber.Status.BOUNCING, 3)
    assert status_of("skarga@example.pl")[0] == Subscriber.Status.BOUNCING
    assert list(Subscriber.objects.receiving()) == []


def test_a_report_without_the_token_or_that_cannot_be_read_changes_nothing(provider, settings):
    make_subscriber("czyta@example.pl")
    complaint = {"email": "czyta@example.pl", "type": "complaint"}

    assert provider(complaint, token="zgadniete").status_code == 403
    assert Client().post(URL, json.dumps(complaint), content_type="application/json").status_code == 403
    assert Client().get(URL).status_code == 405
    for body in ("nie json", [], [complaint, {"email": "czyta@example.pl", "type": "unknown"}], {"type": "hard"}):
        assert provider(body).status_code == 400
    assert status_of("czyta@example.pl") == (Subscriber.Status.ACTIVE, 0)

    settings.NEWSLETTER_BOUNCE_TOKEN = ""
    assert provider(complaint, token="").status_code == 404
    assert status_of("czyta@example.pl") == (Subscriber.Status.ACTIVE, 0)
