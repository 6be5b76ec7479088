"""Logging filters: no private tracking token reaches a log line.

Django logs the path of 404s, CSRF failures and errors ("Not Found: /sprawy/<token>/"); the token
gives access to a case, so it is masked before any handler formats the record.
"""

import logging
import re

TRACKING_PATH = re.compile(r"(/sprawy/)(?!przyjeto/)[^/\s?#]+")
MASK = r"\1***"


def mask_tracking_tokens(value):
    return TRACKING_PATH.sub(MASK, value) if isinstance(value, str) else value


class MaskTrackingTokens(logging.Filter):
    def filter(self, record):
        record.msg = mask_tracking_tokens(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(mask_tracking_tokens(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: mask_tracking_tokens(arg) for key, arg in record.args.items()}
        return True
