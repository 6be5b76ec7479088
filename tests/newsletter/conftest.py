"""Fixtures of the newsletter tests: the subscription form's data and subscribers made through the services."""

import re

import pytest

from core.models import OutboxMessage
from newsletter.services import subscriber_confirm, subscription_request
from tests.helpers import public_form_data

SUBSCRIBE_URL = "/newsletter/"
SITE_GROUP = "Redakcja portalu"


def subscription_data(**changes) -> dict:
    """POST data of the subscription form as a resident fills it: events and releases, the consent given."""
    fields = {"email": "anna.nowak@example.pl", "events": "on", "press_releases": "on", "consent": "on", **changes}
    return public_form_data(**fields)


def link_in(message: OutboxMessage, path: str) -> str:
    """The path of the first link to `path` in the message's text part."""
    found = re.search(r"https?://[^/\s]+(" + re.escape(path) + r"[^\s]+/)", message.body_text)
    assert found, message.body_text
    return found.group(1)


def make_subscriber(email="jan.kowalski@example.pl", *, confirmed=True, **preferences):
    preferences = {"events": True, "press_releases": True, **preferences}
    subscriber = subscription_request(email=email, preferences=preferences)
    if confirmed:
        subscriber_confirm(subscriber=subscriber)
        subscriber.refresh_from_db()
    return subscriber


@pytest.fixture
def subscriber(db):
    """A confirmed subscriber wanting events and releases of every kind."""
    return make_subscriber()
