"""gunicorn's access and error logs (gunicorn.conf.py): no private token, no forged line, UTC times."""

import io
import re
import runpy
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from gunicorn.config import Config

from core.logging import CONTINUATION

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "Tajny-Token_123abcXYZ"
ISO_UTC = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00"


@pytest.fixture(scope="module")
def gunicorn_conf():
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


@pytest.fixture
def logger(gunicorn_conf):
    """The configured logger class with gunicorn's own setup, both logs written to buffers."""
    cfg = Config()
    cfg.set("accesslog", "-")
    cfg.set("errorlog", "-")
    cfg.set("access_log_format", gunicorn_conf["access_log_format"])
    log = gunicorn_conf["PortalLogger"](cfg)
    log.streams = {"access": io.StringIO(), "error": io.StringIO()}
    for handler in log.access_log.handlers:
        handler.setStream(log.streams["access"])
    for handler in log.error_log.handlers:
        handler.setStream(log.streams["error"])
    return log


def access_line(logger, raw_path: bytes, *, query: str = "") -> str:
    """Log one request for `raw_path` (the bytes after percent-decoding, as gunicorn puts them in PATH_INFO)."""
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": raw_path.decode("latin-1"),
        "RAW_URI": raw_path.decode("latin-1") + (f"?{query}" if query else ""),
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "203.0.113.77",
        "HTTP_USER_AGENT": "Mozilla/5.0",
    }
    response = SimpleNamespace(status="404 Not Found", sent=123, headers=[])
    request = SimpleNamespace(headers=[("USER-AGENT", "Mozilla/5.0")])
    logger.access(response, request, environ, timedelta(milliseconds=7))
    return logger.streams["access"].getvalue()


@pytest.mark.parametrize(
    "path",
    [
        f"/sprawy/{TOKEN}/",
        f"/en/sprawy/{TOKEN}/dokumenty/2/",
        f"/dotacje/oferta/{TOKEN}/",
        f"/dotacje/oferta/{TOKEN}/pdf/",
        f"/en/dotacje/oferta/{TOKEN}/pdf/",
        f"/prasa/wypisz/{TOKEN}/",
        f"/en/prasa/wypisz/{TOKEN}/",
    ],
)
def test_the_access_log_masks_every_private_token_route(logger, path):
    line = access_line(logger, path.encode(), query="email=jan@example.com")
    assert "[token]" in line
    assert TOKEN not in line
    assert "jan@example.com" not in line
    assert "203.0.113.77" not in line
    assert "Mozilla" not in line


def test_a_request_cannot_forge_an_access_log_line(logger):
    """GET /nie%0d%0a2026-12-06%2013:00:00,000%20CRITICAL… is one line, its CR/LF written as escapes."""
    forged = b"/nie\r\n2026-12-06 13:00:00,000 CRITICAL core.auth event=login user=1"
    text = access_line(logger, forged)
    assert text.count("\n") == 1
    assert re.match(rf'^{ISO_UTC} "GET /nie\\x0d\\x0a2026-12-06 13:00:00,000 CRITICAL', text), text


def test_a_terminal_escape_and_bytes_that_are_not_utf8_are_written_as_text(logger):
    text = access_line(logger, b"/nie\x1b[2J\x07/zaj\xc4\x99cia/\xff\x00/")
    assert "\x1b" not in text
    assert "\x07" not in text
    assert "\x00" not in text
    assert "/nie\\x1b[2J\\x07/zajęcia/\\xff\\x00/" in text


def test_the_access_log_time_is_utc_in_iso_8601(logger):
    text = access_line(logger, b"/")
    assert re.match(rf'^{ISO_UTC} "GET / HTTP/1.1" 404 123 7ms$', text.strip()), text


def test_gunicorn_error_lines_mask_tokens_and_escape_values(logger):
    """gunicorn quotes the raw (percent-encoded) URI when a request fails outside Django."""
    logger.error("Error handling request %s", f"/%64otacje/oferta/{TOKEN}/pdf/?x=1")
    logger.warning("Invalid request from ip=%s: %s", "203.0.113.77", "bad\r\n2026-12-06 CRITICAL forged")
    try:
        raise ValueError(f"bad\n2026-12-06 CRITICAL forged /prasa/wypisz/{TOKEN}/")
    except ValueError:
        logger.exception("Exception in worker process")
    text = logger.streams["error"].getvalue()
    assert TOKEN not in text
    assert "/dotacje/oferta/[token]/pdf/" in text
    for line in text.splitlines():
        assert re.match(rf"^{ISO_UTC} \[\d+\] \[[A-Z]+\] ", line) or line.startswith(CONTINUATION), line
    assert "\r" not in text
