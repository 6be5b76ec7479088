"""The only outbound HTTP of media monitoring: conditional GETs to hosts a clerk configured, nothing else.

`fetch` builds its own urllib opener with exactly two handlers, plain HTTP(S) and a redirect handler that checks
every target: no proxy from the environment, no file:, ftp: or data: URLs, and a redirect to a host that is not an
active `WatchedHost` raises `FetchRefused` before any request is made to it. Each request has a timeout and a size
limit, sends `If-None-Match`/`If-Modified-Since` from the previous answer and names the portal in `User-Agent`.
The per-host rate is kept by the caller (`monitoring.services.source_fetch`), which locks the host's row.
"""

import http.client
import urllib.error
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from monitoring.models import WatchedHost
from monitoring.models.sources import url_host

#: [K] Seconds to wait for a host to connect and to answer.
FETCH_TIMEOUT_SECONDS = 10
#: [K] The largest answer read: a feed or a page bigger than this is cut off.
FETCH_MAX_BYTES = 2 * 1024 * 1024
#: At most this many redirects in one fetch.
FETCH_MAX_REDIRECTS = 3
USER_AGENT = "PortalKultury-RudaSlaska-monitoring/1.0 (+biuro prasowe)"


class FetchRefused(Exception):
    """A request monitoring may not make: a host nobody configured, a scheme other than http(s), too many redirects."""


class FetchFailed(Exception):
    """The host did not answer usefully (timeout, connection error, an HTTP error status)."""


@dataclass(frozen=True)
class FetchResult:
    not_modified: bool
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""
    content_type: str = ""
    url: str = ""


def check_allowed(url: str) -> str:
    """Return the host of `url` if monitoring may request it; else raise FetchRefused (no request is made)."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchRefused(f"scheme not allowed: {urlsplit(url).scheme!r}")
    host = url_host(url)
    if not host or not WatchedHost.objects.allowed().filter(host=host).exists():
        raise FetchRefused(f"host not configured: {host!r}")
    return host


class _CheckedRedirectHandler(urllib.request.HTTPRedirectHandler):
    max_redirections = FETCH_MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_allowed(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        _CheckedRedirectHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def fetch(url: str, *, etag: str = "", last_modified: str = "") -> FetchResult:
    """GET `url` from a configured host, conditionally; FetchResult(not_modified=True) on 304.

    Raises FetchRefused for a URL (or a redirect) monitoring may not request, FetchFailed for a host that failed.
    """
    check_allowed(url)
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers, method="GET")  # noqa: S310 — scheme checked above
    try:
        with _opener().open(request, timeout=FETCH_TIMEOUT_SECONDS) as response:
            body = response.read(FETCH_MAX_BYTES + 1)[:FETCH_MAX_BYTES]
            return FetchResult(
                not_modified=False,
                body=body,
                etag=response.headers.get("ETag", "")[:500],
                last_modified=response.headers.get("Last-Modified", "")[:100],
                content_type=response.headers.get("Content-Type", ""),
                url=response.geturl(),
            )
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return FetchResult(not_modified=True, etag=etag, last_modified=last_modified, url=url)
        raise FetchFailed(f"HTTP {error.code}") from None
    except FetchRefused:
        raise
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, FetchRefused):
            raise reason from None
        raise FetchFailed(type(reason).__name__) from None


class _TextExtractor(HTMLParser):
    """The visible text of a page, a line per block, without scripts, styles and navigation chrome."""

    SKIP = {"script", "style", "noscript", "template", "svg", "head", "nav", "footer"}
    BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "article", "section", "blockquote"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if not self.skipping:
            self.parts.append(data)


def page_text(html: str) -> tuple[str, str]:
    """(title, text) of an HTML page: one line per block of visible text, white space collapsed."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    return " ".join(parser.title.split()), "\n".join(line for line in lines if line)


def decode(result: FetchResult) -> str:
    """The body as text, in the charset the answer names (UTF-8 otherwise), undecodable bytes replaced."""
    charset = "utf-8"
    for part in result.content_type.split(";"):
        name, _sep, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            charset = value.strip('"')
    try:
        return result.body.decode(charset, errors="replace")
    except LookupError:
        return result.body.decode("utf-8", errors="replace")
