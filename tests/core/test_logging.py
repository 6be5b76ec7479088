"""Private tracking tokens never reach the log, even when Django logs a 404 of a tracking page."""

import io
import logging

import pytest

from core.logging import MaskTrackingTokens


def test_filter_masks_the_token_in_messages_and_arguments():
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", ("/sprawy/abc-DEF_1/",), None
    )
    MaskTrackingTokens().filter(record)
    assert record.getMessage() == "Not Found: /sprawy/***/"


@pytest.mark.django_db
def test_django_request_log_of_a_wrong_token_is_masked(client):
    """The configured console handler writes the 404 of a tracking page with the token masked."""
    console = next(
        h for h in logging.getLogger().handlers if any(isinstance(f, MaskTrackingTokens) for f in h.filters)
    )
    stream = io.StringIO()
    previous = console.setStream(stream)
    try:
        client.get("/sprawy/tajny-token-123/")
    finally:
        console.setStream(previous)
    assert "Not Found: /sprawy/***/" in stream.getvalue()
    assert "tajny-token-123" not in stream.getvalue()
