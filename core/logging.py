"""What may reach a log line: private tokens masked, control characters escaped, times in UTC.

One list, `PRIVATE_TOKEN_ROUTES`, names every public path whose segment is a private token (a case's
tracking link, a grant-offer draft, a journalist's unsubscribe link): whoever holds the token can read,
change or submit what it opens, so it never reaches a log in clear. The list drives

* Django's logging (`MaskPrivateTokens`, `PortalFormatter`, wired in `culture_dept/settings.py`):
  "Not Found: /sprawy/<token>/", CSRF refusals and error lines quote the path;
* gunicorn's access and error logs (`gunicorn.conf.py` loads this file by its path);
* nginx's access log (the map in `deploy/nginx/portal.conf`, written by `manage.py nginx_log_mask`).

A system check (core.E010) fails when a URL pattern with a token-like parameter is not covered, so a new
private link cannot be forgotten. A request cannot forge a log line either: every control character in
a logged value is escaped (a CR/LF can no longer start a line of its own, ESC no longer reaches a
terminal), and the continuation lines of a traceback are indented, so only a real record starts at
the beginning of a line.

This module imports nothing from Django: gunicorn's master process loads it before any Django code.
"""

import logging
import re
import time

# PRIVATE TOKEN ROUTES
# ------------------------------------------------------------------------------
# The path (after the optional language prefix, without the leading slash) of every route whose next
# segment is a private token, with the fixed pages that share the prefix and are not tokens.
PRIVATE_TOKEN_ROUTES: dict[str, tuple[str, ...]] = {
    "sprawy/": ("przyjeto",),  # a case's tracking page and its sub-pages; "przyjeto" is a fixed page
    "dotacje/oferta/": (),  # a grant-offer draft and its PDF
    "dotacje/sprawozdanie/": (),  # a grant report filed from the offer's tracking token, and its PDF
    "stypendia-i-nagrody/sprawozdanie/": (),  # a scholar's report filed from the application's tracking token
    "prasa/wypisz/": (),  # a journalist's unsubscribe link
    "kalendarz-urzednika/": (),  # a clerk's private calendar of deadlines (.ics)
    "newsletter/potwierdz/": (),  # a newsletter subscription's confirmation link
    "newsletter/ustawienia/": (),  # a subscriber's preferences page
    "newsletter/wypisz/": (),  # a subscriber's one-click unsubscribe link
}
MASKED_TOKEN = "[token]"  # noqa: S105 — the placeholder, not a secret
# A language prefix as i18n_patterns writes it ("/en/…"); any two letters, so the list stays right
# when a language is added.
LANGUAGE_PREFIX = r"(?:/[a-z]{2}(?:-[a-z]{2,4})?)?"
# Where a token segment ends in a path, a request line or a sentence quoting a path.
_SEGMENT_END = "/?#\\s'\"<>"


def _route_regex(prefix: str, fixed: tuple[str, ...], *, slash: str, end: str) -> str:
    parts = [re.escape(part) for part in prefix.strip("/").split("/")]
    route = slash + slash.join(parts) + slash
    if fixed:
        names = "|".join(re.escape(name) for name in fixed)
        route += rf"(?!(?:{names})(?:[{end}]|$))"
    return route


def _token_path_regex() -> re.Pattern:
    routes = "|".join(
        _route_regex(prefix, fixed, slash="/+", end=_SEGMENT_END) for prefix, fixed in PRIVATE_TOKEN_ROUTES.items()
    )
    return re.compile(rf"(?P<route>{LANGUAGE_PREFIX}(?:{routes}))[^{_SEGMENT_END}]+", re.IGNORECASE)


_TOKEN_PATH = _token_path_regex()


def mask_private_tokens(text):
    """`text` with the token of every private-token path in it replaced by "[token]" (non-text as it is)."""
    if not isinstance(text, str):
        return text
    return _TOKEN_PATH.sub(lambda match: match.group("route") + MASKED_TOKEN, text)


def nginx_log_map() -> str:
    """The nginx `map` that masks the same routes in nginx's access log (deploy/nginx/portal.conf).

    nginx matches `$uri`, the decoded and normalised path without the query string, so neither a query
    string nor a percent-encoded spelling of a prefix (e.g. /%73prawy/) gets past it; `~*` ignores case.
    """
    routes = "|".join(
        _route_regex(prefix, fixed, slash="/", end="/") for prefix, fixed in PRIVATE_TOKEN_ROUTES.items()
    )
    pattern = rf"~*^(?<portal_log_prefix>{LANGUAGE_PREFIX}(?:{routes}))[^/]+(?<portal_log_rest>.*)$"
    return "\n".join(
        [
            "map $uri $portal_log_path {",
            f'    "{pattern}"',
            f'        "${{portal_log_prefix}}{MASKED_TOKEN}${{portal_log_rest}}";',
            "    default $uri;",
            "}",
        ]
    )


# CONTROL CHARACTERS
# ------------------------------------------------------------------------------
# C0 controls (CR, LF, ESC, NUL…), DEL, C1 controls (what a non-UTF-8 byte becomes in a WSGI path), the
# Unicode line and paragraph separators, and the bidirectional overrides that reorder a line on screen.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# How a continuation line of a record (a traceback, a stack) starts: never where a record starts.
CONTINUATION = "    | "


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escape_control_characters(text):
    r"""`text` with every control character written as an escape: "\r\n" becomes the four characters \x0d\x0a."""
    if not isinstance(text, str):
        return text
    return _CONTROL.sub(_escaped, text)


def safe_log_text(text):
    """A value as it may be written to a log: private tokens masked, control characters escaped."""
    return escape_control_characters(mask_private_tokens(text))


# TIMESTAMPS
# ------------------------------------------------------------------------------


def iso_utc(seconds: float, milliseconds: int | None = None) -> str:
    """ISO 8601 in UTC with the offset and milliseconds, e.g. 2026-12-06T12:00:00.000+00:00."""
    if milliseconds is None:
        seconds, milliseconds = divmod(round(seconds * 1000), 1000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(int(seconds))) + f".{int(milliseconds):03d}+00:00"


# LOGGING CLASSES
# ------------------------------------------------------------------------------


class MaskPrivateTokens(logging.Filter):
    """Mask private tokens in a record's message before any handler formats it.

    The message is formatted with its arguments first: a "%s" after a route's prefix in the format
    string is a placeholder, not a token. A record whose text changes keeps the masked text only.
    """

    def filter(self, record):
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        masked = mask_private_tokens(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


class PortalFormatter(logging.Formatter):
    """One record, one line: UTC ISO 8601 time, tokens masked and control characters escaped in the text.

    A traceback or stack keeps its lines (operators read them), each indented with `CONTINUATION`, so
    nothing in an exception's message can start a line that looks like a record of its own.
    """

    def formatTime(self, record, datefmt=None):  # noqa: N802 — logging.Formatter's name
        return iso_utc(record.created, record.msecs)

    def format(self, record):
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        line = safe_log_text(self.formatMessage(record))
        blocks = []
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            blocks.append(record.exc_text)
        if record.stack_info:
            blocks.append(self.formatStack(record.stack_info))
        for block in blocks:
            for part in block.splitlines():
                line += "\n" + CONTINUATION + safe_log_text(part)
        return line
