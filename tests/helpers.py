"""Shared helpers for tests that fill in public forms the way a browser would."""

import time
import uuid

from django.core import signing

from core.public_forms import _SIGNER_SALT


def started_seconds_ago(seconds: float = 30) -> str:
    """A signed form start time as the form renders it, `seconds` in the past."""
    return signing.dumps(time.time() - seconds, salt=_SIGNER_SALT)


def public_form_data(**fields) -> dict:
    """POST data of a public form filled by a person who took 30 s; a fresh idempotency token."""
    return {"form_started": started_seconds_ago(), "submission_token": str(uuid.uuid4()), "website": "", **fields}


def close_response(response) -> None:
    """Close a (file) response without the request_finished handler closing the test's database connection.

    Django's close_old_connections runs on request_finished and, inside a test transaction, closes the
    PostgreSQL connection (autocommit differs from its setting); the test client mutes it the same way.
    """
    from django.core.signals import request_finished
    from django.db import close_old_connections

    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
