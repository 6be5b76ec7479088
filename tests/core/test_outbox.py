"""The mail outbox: a mail commits with its record, survives an SMTP outage and is never sent twice."""

import io
import logging
import smtplib
import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from core.mail import FAILED_KEEP_DAYS, SENT_KEEP_DAYS, mail_enqueue, mail_redact_old, mail_send_due
from core.models import Feedback, OutboxMessage
from core.services import case_open
from core.tasks import (
    MAX_ATTEMPTS,
    RETRY_DELAYS,
    SKIPPED,
    error_summary,
    message_id_header,
    outbox_message_send,
    retry_delay,
    send_outbox_message,
)
from tests.helpers import public_form_data

URL = "/opinia/"
PENDING = OutboxMessage.Status.PENDING
SENT = OutboxMessage.Status.SENT
FAILED = OutboxMessage.Status.FAILED


@pytest.fixture
def smtp(monkeypatch):
    """The mail server, which a test can take down and bring back (only the outside world is faked)."""
    working = EmailBackend.send_messages

    class MailServer:
        def fail_with(self, error):
            def refuse(backend, messages):
                raise error

            monkeypatch.setattr(EmailBackend, "send_messages", refuse)

        def recover(self):
            monkeypatch.setattr(EmailBackend, "send_messages", working)

    return MailServer()


@pytest.fixture
def clock(monkeypatch):
    """The wall clock, which a test can move forward (timezone.now() everywhere)."""
    real_now = timezone.now

    class Clock:
        offset = timedelta(0)

        def advance(self, delta):
            self.offset += delta

    fake = Clock()
    monkeypatch.setattr(timezone, "now", lambda: real_now() + fake.offset)
    return fake


@pytest.fixture
def enqueue_committed(django_capture_on_commit_callbacks):
    """Queue a mail in a transaction and run what happens on its commit (the sending task)."""

    def enqueue(**kwargs):
        defaults = {
            "to": ["jan.kowalski@example.pl"],
            "subject": "Próba",
            "template": "case_opened",
            "context": {"case_mark": "KSP.0005.1.2026", "tracking_url": "https://example.pl/sprawy/abc/"},
        }
        with django_capture_on_commit_callbacks(execute=True):
            with transaction.atomic():
                message = mail_enqueue(**(defaults | kwargs))
        message.refresh_from_db()
        return message

    return enqueue


def post_feedback(client, capture, **fields):
    """Send the feedback form like a browser, committing (and running on_commit callbacks) like production."""
    with capture(execute=True):
        return client.post(URL, public_form_data(message="Brakuje godzin otwarcia muzeum.", **fields))


def open_feedback(**fields):
    case = Feedback(message="Opinia o portalu.", **fields)
    # Opened as demo data are, without the acknowledgement: the tests below queue their own mail.
    return case_open(case=case, title="Opinia o portalu", submission_token=uuid.uuid4(), acknowledge=False)


# The transaction boundary ---------------------------------------------------------------------


@pytest.mark.django_db
def test_a_mail_queued_with_a_record_is_sent_after_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            feedback = open_feedback(contact_email="jan.kowalski@example.pl")
            row = mail_enqueue(
                to=[feedback.contact_email],
                subject="Próba",
                template="case_opened",
                context={"case_mark": feedback.case_mark, "tracking_url": "https://example.pl/sprawy/abc/"},
            )
            assert mail.outbox == []  # nothing leaves before the commit
    assert len(callbacks) == 1
    row.refresh_from_db()
    assert row.status == SENT
    assert row.attempts == 1
    assert row.sent_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["jan.kowalski@example.pl"]


@pytest.mark.django_db
def test_a_rolled_back_transaction_leaves_no_row_and_sends_nothing(django_capture_on_commit_callbacks):
    def open_and_fail():
        with transaction.atomic():
            feedback = open_feedback(contact_email="jan.kowalski@example.pl")
            mail_enqueue(
                to=[feedback.contact_email],
                subject="Próba",
                template="case_opened",
                context={"case_mark": feedback.case_mark, "tracking_url": "https://example.pl/sprawy/abc/"},
            )
            raise RuntimeError("the record could not be saved")

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
        open_and_fail()
    assert callbacks == []
    assert not Feedback.objects.exists()
    assert not OutboxMessage.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_mail_needs_a_recipient_and_a_one_line_subject(enqueue_committed):
    with pytest.raises(ValueError, match="recipient"):
        mail_enqueue(to=["", "  "], subject="Próba", template="case_opened", context={})
    message = enqueue_committed(subject="Pierwsza linia\r\nBcc: ktos@example.pl")
    assert "\n" not in message.subject
    assert mail.outbox[0].subject == message.subject


# The confirmation of the feedback form --------------------------------------------------------


@pytest.mark.django_db
def test_feedback_with_an_address_gets_a_confirmation_with_the_mark_and_tracking_link(
    client, django_capture_on_commit_callbacks
):
    response = post_feedback(client, django_capture_on_commit_callbacks, contact_email="jan.kowalski@example.pl")
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    token = feedback.register_entry.tracking_token
    assert response["Location"] == f"/sprawy/{token}/potwierdzenie/"
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    tracking_url = f"http://testserver/sprawy/{token}/"
    assert sent.to == ["jan.kowalski@example.pl"]
    assert feedback.case_mark in sent.subject
    assert feedback.case_mark in sent.body
    assert tracking_url in sent.body
    # The text part is not HTML-escaped.
    assert "&amp;" not in sent.body
    assert "&#x27;" not in sent.body
    [(html, mimetype)] = sent.alternatives
    assert mimetype == "text/html"
    assert 'lang="pl"' in html
    assert html.index("<h1>") < html.index("<p>")  # the heading comes first
    assert feedback.case_mark in html
    assert f'<a href="{tracking_url}">' in html
    assert "style=" not in html
    row = OutboxMessage.objects.get()
    assert row.status == SENT
    assert sent.extra_headers["Message-ID"] == message_id_header(row)
    assert sent.extra_headers["Auto-Submitted"] == "auto-generated"


@pytest.mark.django_db
def test_feedback_without_an_address_queues_no_mail(client, django_capture_on_commit_callbacks):
    response = post_feedback(client, django_capture_on_commit_callbacks, contact_email="")
    assert response.status_code == 302
    assert Feedback.objects.count() == 1
    assert not OutboxMessage.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_double_submit_sends_one_confirmation(client, django_capture_on_commit_callbacks):
    data = public_form_data(message="Brakuje godzin otwarcia.", contact_email="jan.kowalski@example.pl")
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(URL, data).status_code == 302
    assert Feedback.objects.count() == 1
    assert OutboxMessage.objects.count() == 1
    assert len(mail.outbox) == 1


# An SMTP outage -------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "error",
    [
        smtplib.SMTPServerDisconnected("Connection unexpectedly closed"),
        ConnectionRefusedError(111, "Connection refused"),
        TimeoutError("timed out"),
    ],
    ids=["disconnected", "refused", "timeout"],
)
def test_forms_succeed_while_smtp_is_down_and_each_mail_goes_out_once_after_recovery(
    client, settings, django_capture_on_commit_callbacks, smtp, clock, caplog, error
):
    settings.PUBLIC_FORM_MIN_SECONDS = 0
    settings.PUBLIC_FORM_RATE_LIMIT = 50
    caplog.set_level(logging.INFO)
    addresses = [f"osoba{number}@example.pl" for number in range(5)]

    smtp.fail_with(error)
    for address in addresses:
        response = post_feedback(client, django_capture_on_commit_callbacks, contact_email=address)
        assert response.status_code == 302
        assert response["Location"].endswith("/potwierdzenie/")
    assert Feedback.objects.count() == 5
    assert mail.outbox == []
    rows = OutboxMessage.objects.all()
    assert [row.status for row in rows] == [PENDING] * 5
    assert [row.attempts for row in rows] == [1] * 5
    assert all(row.next_attempt_at > timezone.now() for row in rows)
    assert all(type(error).__name__ in row.last_error and "@" not in row.last_error for row in rows)

    # Still down and not due yet: the command tries nothing.
    out = io.StringIO()
    call_command("send_outbox", stdout=out)
    assert out.getvalue().strip() == "outbox: sent=0 retrying=0 failed=0 waiting=5"
    assert [row.attempts for row in OutboxMessage.objects.all()] == [1] * 5
    smtp.recover()

    clock.advance(RETRY_DELAYS[0] + timedelta(seconds=1))
    out = io.StringIO()
    call_command("send_outbox", stdout=out)
    assert out.getvalue().strip() == "outbox: sent=5 retrying=0 failed=0 waiting=0"
    assert len(mail.outbox) == 5
    assert sorted(address for sent in mail.outbox for address in sent.to) == addresses
    assert len({sent.extra_headers["Message-ID"] for sent in mail.outbox}) == 5
    assert {row.status for row in OutboxMessage.objects.all()} == {SENT}

    # Never twice: not by the command, not by a repeated task.
    call_command("send_outbox", stdout=io.StringIO())
    assert len(mail.outbox) == 5
    for row in OutboxMessage.objects.all():
        send_outbox_message.enqueue(row.pk)
        assert send_outbox_message.call(row.pk) == SKIPPED
    assert len(mail.outbox) == 5

    # No personal data in the logs.
    assert "example.pl" not in caplog.text
    assert "Brakuje" not in caplog.text


@pytest.mark.django_db
def test_a_message_that_is_not_due_is_not_sent_early(enqueue_committed, smtp):
    smtp.fail_with(smtplib.SMTPServerDisconnected("down"))
    message = enqueue_committed()
    smtp.recover()
    assert message.status == PENDING
    assert send_outbox_message.call(message.pk) == SKIPPED
    assert mail_send_due().attempted == 0
    assert mail.outbox == []
    run = mail_send_due(now=message.next_attempt_at)
    assert (run.sent, run.waiting) == (1, 0)
    assert len(mail.outbox) == 1


# Backoff and giving up ------------------------------------------------------------------------


@pytest.mark.django_db
def test_backoff_grows_and_the_message_fails_for_good_after_max_attempts(enqueue_committed, smtp, caplog):
    caplog.set_level(logging.INFO)
    refused = smtplib.SMTPRecipientsRefused(
        {"jan.kowalski@example.pl": (450, b"4.2.0 <jan.kowalski@example.pl>: Recipient address rejected")}
    )
    smtp.fail_with(refused)
    message = enqueue_committed()
    delays = []
    while message.status == PENDING:
        assert message.attempts < MAX_ATTEMPTS
        before = message.next_attempt_at
        run = mail_send_due(now=before)
        assert run.attempted == 1
        message.refresh_from_db()
        if message.next_attempt_at:
            delays.append(message.next_attempt_at - before)
    # The first attempt ran on commit; the later ones wait longer and longer.
    assert delays == [retry_delay(attempt) for attempt in range(2, MAX_ATTEMPTS)]
    assert delays == sorted(delays)
    assert delays[0] < delays[-1]
    assert message.status == FAILED
    assert message.attempts == MAX_ATTEMPTS
    assert message.next_attempt_at is None
    assert message.last_error == "SMTPRecipientsRefused"
    assert "@" not in message.last_error
    warnings = [record for record in caplog.records if record.levelno == logging.WARNING]
    assert [record.getMessage() for record in warnings] == [
        f"Outbox message {message.pk} failed for good after {MAX_ATTEMPTS} attempts."
    ]
    assert "example.pl" not in caplog.text

    # A message that failed for good is not sent again, even when the server is back.
    smtp.recover()
    assert mail_send_due(now=timezone.now() + timedelta(days=30)).attempted == 0
    assert outbox_message_send(message.pk) == SKIPPED
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("error", "summary"),
    [
        (smtplib.SMTPServerDisconnected("Connection unexpectedly closed"), "SMTPServerDisconnected"),
        (ConnectionRefusedError(111, "Connection refused"), "ConnectionRefusedError errno 111 Connection refused"),
        (TimeoutError("timed out"), "TimeoutError"),
        (smtplib.SMTPDataError(451, b"4.3.0 <jan@example.pl> try later"), "SMTPDataError 451"),
        (smtplib.SMTPSenderRefused(550, b"5.7.1 <kultura@example.pl>", "kultura@example.pl"), "SMTPSenderRefused 550"),
        (smtplib.SMTPRecipientsRefused({"jan@example.pl": (550, b"no such user")}), "SMTPRecipientsRefused"),
    ],
)
def test_the_error_text_names_the_failure_without_addresses_or_content(error, summary):
    assert error_summary(error) == summary


# Storage limitation -----------------------------------------------------------------------------


def test_old_sent_and_failed_mails_lose_addresses_texts_and_links_but_keep_their_status(db, enqueue_committed, smtp):
    now = timezone.now()
    recent = enqueue_committed(subject="Wysłana wczoraj")
    old = enqueue_committed(subject="Wysłana dawno")
    waiting = OutboxMessage.objects.create(
        to=["anna@example.pl"], subject="Czeka", body_text="https://example.pl/sprawy/abc/"
    )
    failed_old = OutboxMessage.objects.create(
        to=["jan@example.pl"], subject="Nieudana", body_text="link", status=FAILED, last_error="550 jan@example.pl"
    )
    OutboxMessage.objects.filter(pk=recent.pk).update(sent_at=now - timedelta(days=SENT_KEEP_DAYS - 1))
    OutboxMessage.objects.filter(pk=old.pk).update(sent_at=now - timedelta(days=SENT_KEEP_DAYS + 1))
    OutboxMessage.objects.filter(pk=waiting.pk).update(created_at=now - timedelta(days=400))
    OutboxMessage.objects.filter(pk=failed_old.pk).update(created_at=now - timedelta(days=FAILED_KEEP_DAYS + 1))

    out = io.StringIO()
    call_command("redact_outbox", stdout=out)
    assert out.getvalue() == "Cleared 2 old e-mail(s).\n"

    old.refresh_from_db()
    assert (old.to, old.body_text, old.body_html, old.headers) == ([], "", "", {})
    assert (old.subject, old.status) == ("Wysłana dawno", SENT)
    failed_old.refresh_from_db()
    assert (failed_old.to, failed_old.body_text, failed_old.last_error, failed_old.status) == ([], "", "", FAILED)
    recent.refresh_from_db()
    assert recent.to == ["jan.kowalski@example.pl"]
    assert "https://example.pl/sprawy/abc/" in recent.body_text
    waiting.refresh_from_db()
    assert waiting.to == ["anna@example.pl"]
    assert waiting.status == PENDING
    assert mail_redact_old() == 0  # a second run finds nothing left to clear


def test_a_failed_mail_keeps_its_address_for_the_clerk_until_its_longer_period_ends(db):
    now = timezone.now()
    failed = OutboxMessage.objects.create(to=["jan@example.pl"], subject="Nieudana", body_text="link", status=FAILED)
    OutboxMessage.objects.filter(pk=failed.pk).update(created_at=now - timedelta(days=FAILED_KEEP_DAYS - 1))
    assert mail_redact_old() == 0
    assert mail_redact_old(now=now + timedelta(days=2)) == 1
