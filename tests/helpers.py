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
