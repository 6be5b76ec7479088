"""Errors reach the operators without personal data: Sentry-compatible tracking, or rate-limited mail via the outbox.

The error page of these tests is raised by a view of this module, at a tracking-page address, with a PESEL and an
e-mail address in the exception: what a real crash on a case page could carry.
"""

import json
import logging
import socket
from datetime import timedelta

import pytest
import sentry_sdk
import time_machine
from django.urls import path
from django.utils import timezone
from sentry_sdk.transport import Transport

from core.error_reports import (
    ERROR_MAIL_MAX_PER_HOUR,
    error_mail_allowed,
    scrub_event,
    sentry_init,
)
from core.models import OutboxMessage

TOKEN = "Xk3vQ9pLm2Rt7WzA8bYc4dEf"
PESEL = "90010112345"
EMAIL = "jan.kowalski@example.org"
logger = logging.getLogger("tests.error_reports")


def crashing_view(request, token):
    logger.info("Applicant %s opened the case", EMAIL)
    raise ValueError(f"PESEL {PESEL} of {EMAIL} could not be checked")


urlpatterns = [path("sprawy/<str:token>/awaria/", crashing_view)]
CRASH_URL = f"/sprawy/{TOKEN}/awaria/?email={EMAIL}"


def assert_clean(text: str):
    assert TOKEN not in text
    assert PESEL not in text
    assert EMAIL not in text
    assert "kowalski" not in text


class CapturingTransport(Transport):
    """The only thing replaced: the network connection to the tracking service."""

    def __init__(self, options=None):
        super().__init__(options)
        self.events = []

    def capture_envelope(self, envelope):
        for item in envelope.items:
            if item.headers.get("type") == "event":
                self.events.append(json.loads(item.get_bytes()))


def stop_tracking():
    sentry_sdk.get_client().close()
    sentry_sdk.get_global_scope().set_client(None)


def test_before_send_masks_tokens_pesel_and_email_everywhere_in_an_event():
    event = {
        "message": f"Case /sprawy/{TOKEN}/ of {EMAIL}",
        "exception": {"values": [{"type": "ValueError", "value": f"PESEL {PESEL} invalid"}]},
        "request": {
            "url": f"https://kultura.rudaslaska.pl/sprawy/{TOKEN}/",
            "query_string": f"email={EMAIL}",
            "headers": {"Cookie": "sessionid=abc", "X-Health-Token": "secret", "X-Forwarded-For": "203.0.113.7"},
            "cookies": {"sessionid": "abc"},
            "data": {"pesel": PESEL},
            "env": {"REMOTE_ADDR": "203.0.113.7"},
        },
        "user": {"email": EMAIL, "ip_address": "203.0.113.7"},
        "breadcrumbs": {"values": [{"message": f"sent to {EMAIL}"}]},
        "extra": {"note": f"{PESEL}, /en/sprawy/{TOKEN}/dokumenty/3/"},
        "release": "55754f5df237c481e221c12345678901ff9363a5",
    }
    scrubbed = scrub_event(event, {})
    text = json.dumps(scrubbed)
    assert_clean(text)
    assert "203.0.113.7" not in text
    assert "sessionid" not in text
    assert "secret" not in text
    assert "user" not in scrubbed
    assert scrubbed["exception"]["values"][0]["value"] == "PESEL [PESEL] invalid"
    assert scrubbed["request"]["url"] == "https://kultura.rudaslaska.pl/sprawy/[token]/"
    assert scrubbed["request"]["query_string"] == "email=[e-mail]"
    # Eleven digits inside a longer word (a commit hash) are not a PESEL.
    assert scrubbed["release"] == event["release"]


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_a_crash_reaches_the_tracking_service_without_personal_data(client):
    transport = CapturingTransport()
    sentry_init(dsn="http://publickey@127.0.0.1:9/1", environment="test", transport=transport)
    try:
        client.raise_request_exception = False
        response = client.get(CRASH_URL, HTTP_COOKIE="sessionid=abc", HTTP_X_FORWARDED_FOR="203.0.113.7")
        sentry_sdk.flush()
    finally:
        stop_tracking()
    assert response.status_code == 500
    assert transport.events, "the error was not sent"
    text = json.dumps(transport.events)
    assert_clean(text)
    assert "203.0.113.7" not in text
    assert "ValueError" in text
    assert "PESEL [PESEL] of [e-mail] could not be checked" in text
    (event,) = [event for event in transport.events if event.get("exception")]
    assert event["transaction"] == "/sprawy/[token]/awaria/"
    assert "cookies" not in event.get("request", {})
    assert "user" not in event


def test_tracking_is_started_without_personal_data():
    transport = CapturingTransport()
    sentry_init(dsn="http://publickey@127.0.0.1:9/1", environment="test", transport=transport)
    try:
        client = sentry_sdk.get_client()
        sends_pii = client.should_send_default_pii()
        options = client.options
    finally:
        stop_tracking()
    assert sends_pii is False
    collection = options["data_collection"]
    assert collection["user_info"] is False
    assert collection["cookies"] == {"mode": "off"}
    assert collection["http_bodies"] == []
    assert collection["url_query_params"] == {"mode": "off"}
    assert collection["stack_frame_variables"] is False
    assert collection["database_query_data"] is False
    assert options["max_request_body_size"] == "never"


def outbox_error_mails():
    return OutboxMessage.objects.filter(subject__startswith="[portal]").order_by("pk")


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_without_tracking_a_500_is_mailed_to_the_administrators_through_the_outbox(client, settings):
    settings.ADMINS = ["it@rudaslaska.pl"]
    client.raise_request_exception = False
    assert client.get(CRASH_URL).status_code == 500
    (mail,) = outbox_error_mails()
    assert mail.to == ["it@rudaslaska.pl"]
    assert mail.subject == "[portal] ERROR: ValueError: PESEL [PESEL] of [e-mail] could not be checked"
    assert "GET /sprawy/[token]/awaria/" in mail.body_text
    assert 'raise ValueError(f"PESEL {PESEL} of {EMAIL} could not be checked")' in mail.body_text
    for body in (mail.subject, mail.body_text, mail.body_html):
        assert_clean(body)


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_the_same_error_is_mailed_once_per_quarter_hour(client, settings):
    settings.ADMINS = ["it@rudaslaska.pl"]
    client.raise_request_exception = False
    for _ in range(5):
        client.get(CRASH_URL)
    assert outbox_error_mails().count() == 1
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        client.get(CRASH_URL)
    assert outbox_error_mails().count() == 2


@pytest.mark.django_db
def test_at_most_ten_error_mails_an_hour(settings):
    settings.ADMINS = ["it@rudaslaska.pl"]
    with time_machine.travel(timezone.now().replace(minute=1), tick=False):
        for number in range(ERROR_MAIL_MAX_PER_HOUR + 5):
            try:
                raise KeyError(number)
            except KeyError:
                # A different line each time would be a different error; a different logger name is too.
                logging.getLogger(f"tests.error_reports.kind{number}").exception("Failure %s", number)
    assert outbox_error_mails().count() == ERROR_MAIL_MAX_PER_HOUR


def test_with_the_cache_down_error_mail_is_still_limited(settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
        }
    }
    assert error_mail_allowed("signature-while-redis-is-down", now=1_000_000.0) is True
    assert error_mail_allowed("signature-while-redis-is-down", now=1_000_010.0) is False
