"""What reaches the application log: no private token, no forged line, no raw control character, UTC times.

The private-token routes are one list (core/logging.py) that drives Django's logging, gunicorn's logs
and nginx's map; a system check fails when a URL with a token-like parameter is missing from it.
"""

import io
import logging
import re
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.management import call_command
from django.http import HttpResponse
from django.urls import path

from core.checks import token_routes_problems
from core.logging import (
    CONTINUATION,
    PRIVATE_TOKEN_ROUTES,
    MaskPrivateTokens,
    mask_private_tokens,
    nginx_log_map,
)
from core.management.commands.nginx_log_mask import NGINX_CONF, committed_block, generated_block

TOKEN = "Tajny-Token_123abcXYZ"
FORGED = "2026-12-06 13:00:00,000 CRITICAL core.auth event=login user=1 second_factor=totp client=x"
ISO_UTC_LINE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00 [A-Z]+ \S+ ")


@contextmanager
def application_log():
    """What the configured console handler (culture_dept/settings.py LOGGING) writes, as text."""
    console = next(h for h in logging.getLogger().handlers if any(isinstance(f, MaskPrivateTokens) for f in h.filters))
    stream = io.StringIO()
    previous = console.setStream(stream)
    try:
        yield stream
    finally:
        console.setStream(previous)


# One list of private-token routes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Not Found: /sprawy/abc-DEF_1/", "Not Found: /sprawy/[token]/"),
        ("/sprawy/abc/potwierdzenie/", "/sprawy/[token]/potwierdzenie/"),
        ("/en/sprawy/abc/dokumenty/3/", "/en/sprawy/[token]/dokumenty/3/"),
        ("/sprawy/przyjeto/", "/sprawy/przyjeto/"),
        ("/dotacje/oferta/abc/", "/dotacje/oferta/[token]/"),
        ("GET /en/dotacje/oferta/abc/pdf/ HTTP/1.1", "GET /en/dotacje/oferta/[token]/pdf/ HTTP/1.1"),
        ("/prasa/wypisz/.eJxTyk0tLk5MT1WyUlIqzs8pKM:1vX3:Ab_c/", "/prasa/wypisz/[token]/"),
        (
            "https://kultura.rudaslaska.pl/en/prasa/wypisz/abc/",
            "https://kultura.rudaslaska.pl/en/prasa/wypisz/[token]/",
        ),
        ("/SPRAWY/Abc/", "/SPRAWY/[token]/"),
        ("/dotacje//oferta/abc/", "/dotacje//oferta/[token]/"),
        ("/dotacje/konkursy/kultura-2026/oferta/", "/dotacje/konkursy/kultura-2026/oferta/"),
        ("GET /kalendarz-urzednika/abc-DEF_1.ics HTTP/1.1", "GET /kalendarz-urzednika/[token] HTTP/1.1"),
        ("/en/kalendarz-urzednika/abc.ics", "/en/kalendarz-urzednika/[token]"),
    ],
)
def test_every_private_token_route_is_masked(text, expected):
    assert mask_private_tokens(text) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        f"/sprawy/{TOKEN}/",
        f"/en/sprawy/{TOKEN}/potwierdzenie/",
        f"/dotacje/oferta/{TOKEN}/",
        f"/dotacje/oferta/{TOKEN}/pdf/",
        f"/en/dotacje/oferta/{TOKEN}/pdf/",
        f"/prasa/wypisz/{TOKEN}/",
        f"/en/prasa/wypisz/{TOKEN}/",
        f"/kalendarz-urzednika/{TOKEN}.ics",
        f"/en/kalendarz-urzednika/{TOKEN}.ics",
    ],
)
def test_django_logs_a_wrong_private_link_without_its_token(client, url):
    """The 404 of a mistyped, expired or guessed private link is logged with the token masked."""
    with application_log() as log:
        assert client.get(url).status_code == 404
    assert "Not Found: " in log.getvalue()
    assert "[token]" in log.getvalue()
    assert TOKEN not in log.getvalue()


@pytest.mark.django_db
def test_a_refused_post_to_a_private_link_is_logged_without_its_token(client):
    """CSRF refusals quote the path too (django.security.csrf)."""
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    with application_log() as log:
        assert strict.post(f"/prasa/wypisz/{TOKEN}/").status_code == 403
    assert "Forbidden" in log.getvalue()
    assert TOKEN not in log.getvalue()


def test_the_project_has_no_token_route_outside_the_list():
    assert token_routes_problems() == []


def _view(request, **kwargs):
    return HttpResponse()


urlpatterns = [
    path("tajne/<str:token>/", _view, name="secret"),
    path("bilety/<uuid:ticket>/", _view, name="ticket"),
    path("dotacje/oferta/<str:token>/", _view, name="draft"),
    path("strony/<slug:slug>/", _view, name="page"),
]


def test_a_new_token_route_missing_from_the_list_fails_the_check():
    """A route with a token (by name or by converter) that the logs would show in clear is reported."""
    problems = token_routes_problems(__name__)

    by_id = {}
    for problem in problems:
        by_id.setdefault(problem.id, []).append(problem.msg)
    assert len(by_id["core.E010"]) == 2
    assert any("tajne/<str:token>/" in msg for msg in by_id["core.E010"])
    assert any("bilety/<uuid:ticket>/" in msg for msg in by_id["core.E010"])
    # A listed route is masked, but a token taken as <str:…> reaches the view unchecked.
    assert any("dotacje/oferta/<str:token>/" in msg for msg in by_id["core.E011"])
    assert not any("strony" in msg for msgs in by_id.values() for msg in msgs)


def test_the_committed_nginx_map_is_generated_from_the_list():
    committed = committed_block(NGINX_CONF.read_text(encoding="utf-8"))
    assert committed == generated_block()
    call_command("nginx_log_mask", "--check", stdout=io.StringIO())


def _nginx_map_as_python():
    """The map's regex and replacement, PCRE spelled as Python's re (`~*` = ignore case)."""
    lines = nginx_log_map().splitlines()
    pattern = lines[1].strip().strip('"').removeprefix("~*").replace("(?<", "(?P<")
    replacement = lines[2].strip().rstrip(";").strip('"')
    replacement = re.sub(r"\$\{(\w+)\}", r"\\g<\1>", replacement)
    return re.compile(pattern, re.IGNORECASE), replacement


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("/sprawy/abc/", "/sprawy/[token]/"),
        ("/en/sprawy/abc/dokumenty/4/", "/en/sprawy/[token]/dokumenty/4/"),
        ("/sprawy/przyjeto/", None),
        ("/dotacje/oferta/abc/pdf/", "/dotacje/oferta/[token]/pdf/"),
        ("/en/prasa/wypisz/abc/", "/en/prasa/wypisz/[token]/"),
        ("/Prasa/Wypisz/abc/", "/Prasa/Wypisz/[token]/"),
        ("/kalendarz-urzednika/abc.ics", "/kalendarz-urzednika/[token]"),
        ("/prasa/", None),
    ],
)
def test_the_nginx_map_masks_the_same_routes(uri, expected):
    regex, replacement = _nginx_map_as_python()
    match = regex.match(uri)
    assert (match.expand(replacement) if match else None) == expected


def test_the_list_names_each_route_once_relative_to_the_language_prefix():
    assert all(prefix.endswith("/") and not prefix.startswith("/") for prefix in PRIVATE_TOKEN_ROUTES)


# Forged lines, control characters, times ------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_path_cannot_write_a_line_of_its_own(client):
    """CR/LF in a path are written as escapes: the forged record stays inside the real one."""
    with application_log() as log:
        client.get("/nie%0d%0a2026-12-06%2013:00:00,000%20CRITICAL%20core.auth%20event=login/")
    lines = log.getvalue().splitlines()
    assert lines
    assert all(ISO_UTC_LINE.match(line) for line in lines), lines
    assert "2026-12-06 13:00:00,000 CRITICAL" in log.getvalue()
    assert "\r" not in log.getvalue()


@pytest.mark.django_db
def test_a_terminal_escape_is_written_as_text(client):
    with application_log() as log:
        client.get("/nie%1b%5b2J%1b%5d0;x%07/")
    assert "\x1b" not in log.getvalue()
    assert "\x07" not in log.getvalue()
    assert "[2J" in log.getvalue()


def test_values_of_any_record_are_escaped_and_tracebacks_are_indented():
    """Arguments, exception messages and stacks: no control character, no line that starts like a record."""
    logger = logging.getLogger("core.tests.forged")
    with application_log() as log:
        logger.warning("value=%s", f"x\r\n{FORGED}\x1b[31m\u2028\u202e")
        try:
            raise ValueError(f"bad input\n{FORGED}")
        except ValueError:
            logger.exception("failed on /dotacje/oferta/%s/", TOKEN)
    text = log.getvalue()
    lines = text.splitlines()
    records = [line for line in lines if not line.startswith(CONTINUATION)]
    assert len(records) == 2
    assert all(ISO_UTC_LINE.match(line) for line in records)
    assert any(line.startswith(CONTINUATION + "Traceback") for line in lines)
    assert any(line == CONTINUATION + FORGED for line in lines)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u2028\u202e]", text)
    assert "\\u2028\\u202e" in text
    assert TOKEN not in text


def test_times_are_utc_in_iso_8601_with_the_offset():
    """13:00 in Warsaw in winter is 12:00 UTC; the line says so, with +00:00."""
    logger = logging.getLogger("core.tests.time")
    warsaw_one_pm = datetime(2026, 12, 6, 12, 0, 0, 250_000, tzinfo=UTC)
    with time_machine.travel(warsaw_one_pm, tick=False), application_log() as log:
        logger.warning("event=test")
    assert log.getvalue().startswith("2026-12-06T12:00:00.250+00:00 WARNING core.tests.time event=test")
