"""PDF letters and decisions rendered from Django templates with WeasyPrint.

Every outgoing letter of the department (pismo, decyzja, zawiadomienie) is an HTML template extending
``documents/base_letter.html`` and rendered to A4 PDF by :func:`render_letter_pdf`. The renderer never fetches
anything from the network: :class:`LocalOnlyURLFetcher` serves ``data:`` URLs and the project's own static files and
refuses every other URL, so a stray ``<img src="https://...">`` in a clerk's text cannot leak the case to a third-party
server or hang the worker.

Context contract (see :class:`LetterContext`; a plain ``dict`` with the same keys works too):

===================  ==========================================================================================
``case_mark``        znak sprawy, e.g. ``"KSP.5311.12.2026"`` (DOMAIN.md §J.1) — required
``place_and_date``   e.g. ``"Ruda Śląska, 26 listopada 2026 r."``; build it with :func:`place_and_date` — required
``addressee_lines``  list of str: name, street, postcode and town — required
``subject``          text after "Dotyczy:" — required
``body_html``        the letter's body as HTML, **already sanitised** (``core.html.sanitise_html``) — required
``signatory_name``   e.g. ``"Jan Kowalski"``; build both with :func:`department_signatory` — required
``signatory_title``  e.g. ``"z upoważnienia Prezydenta Miasta Ruda Śląska — Naczelnik Wydziału"`` — required
``legal_basis``      optional "Podstawa prawna: ..." text
``attachments``      optional list of str ("Załączniki:")
``recipients``       optional list of str ("Otrzymują:"), e.g. ``["Adresat", "a/a"]``
``cc``               optional list of str ("Do wiadomości:")
===================  ==========================================================================================

Templates extending ``base_letter.html`` may read any extra keys (a decision's number, its justification…).
"""

from __future__ import annotations

import datetime
import mimetypes
import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

CITY = "Ruda Śląska"
#: The authority whose letters the department writes: the letterhead's issuer and the city's party to agreements.
AUTHORITY = "Prezydent Miasta Ruda Śląska"
#: The line under the name of the official who signs for the authority (k.p.a. art. 268a: upoważnienie).
ON_BEHALF_OF_AUTHORITY = "z upoważnienia Prezydenta Miasta Ruda Śląska"
#: The head's title while the department profile does not name the head.
HEAD_TITLE = "Naczelnik Wydziału"

#: Polish month names in the genitive, as used in dates ("26 listopada 2026 r.").
POLISH_MONTHS_GENITIVE = (
    "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca",
    "lipca", "sierpnia", "września", "października", "listopada", "grudnia",
)  # fmt: skip

#: The stylesheet of every letter, relative to the project's static directory; read from disk, not over HTTP.
LETTER_CSS = Path("css") / "letter.css"

REQUIRED_KEYS = (
    "case_mark",
    "place_and_date",
    "addressee_lines",
    "subject",
    "body_html",
    "signatory_name",
    "signatory_title",
)


def polish_long_date(value: datetime.date) -> str:
    """Return `value` as an official Polish date: ``date(2026, 11, 26)`` -> ``"26 listopada 2026 r."``.

    An aware datetime is first converted to the project's local time (a letter signed at 00:30 CET is dated that day).
    """
    if isinstance(value, datetime.datetime):
        value = (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    return f"{value.day} {POLISH_MONTHS_GENITIVE[value.month - 1]} {value.year} r."


def place_and_date(value: datetime.date, place: str = CITY) -> str:
    """Return the place-and-date line of a letter: ``"Ruda Śląska, 26 listopada 2026 r."``."""
    return f"{place}, {polish_long_date(value)}"


def department_signatory(signed_by=None) -> dict[str, str]:
    """The signature block (``signatory_name``, ``signatory_title``) of a letter the department issues.

    Every letter of the department is signed on the Prezydent's behalf (k.p.a. art. 268a). `signed_by` (a user) is
    the clerk who signs it, e.g. the authorised person certifying an extract from a register; without one it is
    the head of the department as the department profile names them (core.models.DepartmentProfile).
    """
    if signed_by is not None:
        name = (signed_by.get_full_name() or signed_by.get_username()).strip()
        return {"signatory_name": name or "—", "signatory_title": ON_BEHALF_OF_AUTHORITY}
    from core.models import DepartmentProfile

    profile = DepartmentProfile.objects.first()
    title = (profile.head_title if profile else "") or HEAD_TITLE
    name = (profile.head_name if profile else "") or HEAD_TITLE
    return {"signatory_name": name, "signatory_title": f"{ON_BEHALF_OF_AUTHORITY} — {title}"}


@dataclass(frozen=True, kw_only=True)
class LetterContext:
    """The data every letter needs; see the module docstring for the meaning of each field."""

    case_mark: str
    place_and_date: str
    addressee_lines: Sequence[str]
    subject: str
    body_html: str
    signatory_name: str
    signatory_title: str
    legal_basis: str = ""
    attachments: Sequence[str] = field(default_factory=list)
    recipients: Sequence[str] = field(default_factory=list)
    cc: Sequence[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class RefusedURLError(ValueError):
    """Raised by :class:`LocalOnlyURLFetcher` for a URL a letter may not load."""


class LocalOnlyURLFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that never touches the network.

    It serves ``data:`` URLs and ``file:`` URLs of files inside the static directories (``STATICFILES_DIRS``,
    ``STATIC_ROOT``); a ``file:`` path starting with ``STATIC_URL`` (what ``{% static %}`` yields, resolved against
    the ``file:`` base URL) is looked up with the staticfiles finders. Everything else — http(s), ftp, files outside
    the static directories — raises :class:`RefusedURLError`; WeasyPrint then logs the failure and renders the
    document without the resource. Every URL asked for is recorded in ``requested`` and every refusal in ``refused``.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False, **kwargs)
        self.requested: list[str] = []
        self.refused: list[str] = []

    @staticmethod
    def allowed_roots() -> list[Path]:
        roots = [Path(entry[1] if isinstance(entry, tuple | list) else entry) for entry in settings.STATICFILES_DIRS]
        if settings.STATIC_ROOT:
            roots.append(Path(settings.STATIC_ROOT))
        return [root.resolve() for root in roots]

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> URLFetcherResponse:
        self.requested.append(url)
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            # urllib's DataHandler decodes it in memory.
            return super().fetch(url, headers)
        if scheme == "file":
            path = self._local_static_path(url)
            if path is not None:
                content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})
        self.refused.append(url)
        raise RefusedURLError(f"A letter may only load data: URLs and static files, not {url!r}")

    def _local_static_path(self, url: str) -> Path | None:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            return None
        raw_path = unquote(parts.path)
        static_prefix = urlsplit(settings.STATIC_URL or "").path
        if static_prefix.startswith("/") and raw_path.startswith(static_prefix):
            relative = posixpath.normpath(raw_path.removeprefix(static_prefix))
            if relative.startswith(("..", "/")):
                return None
            found = finders.find(relative)
            if isinstance(found, str) and Path(found).is_file():
                return Path(found).resolve()
        path = Path(raw_path).resolve()
        if path.is_file() and any(path.is_relative_to(root) for root in self.allowed_roots()):
            return path
        return None


def _static_dir() -> Path:
    return (Path(settings.BASE_DIR) / "static").resolve()


def _base_url() -> str:
    """Relative URLs in a letter ("img/herb.png") resolve against the project's static directory."""
    return _static_dir().as_uri() + "/"


def render_letter_html(*, template_name: str, context: Mapping[str, Any] | LetterContext) -> str:
    """Render the letter's HTML (always in Polish: official letters are issued in Polish)."""
    data = context.as_dict() if isinstance(context, LetterContext) else dict(context)
    missing = [key for key in REQUIRED_KEYS if not data.get(key)]
    if missing:
        raise ValueError(f"Letter context lacks: {', '.join(missing)}")
    with translation.override("pl"):
        return render_to_string(template_name, data)


def html_to_pdf(html: str, *, stylesheets=(), url_fetcher: LocalOnlyURLFetcher | None = None) -> bytes:
    """Render already-rendered HTML to PDF with WeasyPrint, fetching nothing from the network.

    For documents that are not letters (a reception list, a register extract): their template brings its own
    styles; `stylesheets` are WeasyPrint CSS objects added to it.
    """
    fetcher = url_fetcher if url_fetcher is not None else LocalOnlyURLFetcher()
    if not isinstance(fetcher, LocalOnlyURLFetcher):
        raise TypeError("url_fetcher must be a LocalOnlyURLFetcher")
    return HTML(string=html, base_url=_base_url(), url_fetcher=fetcher).write_pdf(stylesheets=list(stylesheets))


def render_letter_pdf(
    *,
    template_name: str,
    context: Mapping[str, Any] | LetterContext,
    url_fetcher: LocalOnlyURLFetcher | None = None,
) -> bytes:
    """Render `template_name` (extending ``documents/base_letter.html``) with `context` to an A4 PDF.

    `url_fetcher` is for tests that want to inspect what the document asked for; it must be a
    :class:`LocalOnlyURLFetcher` (or a subclass) so the no-network guarantee holds.
    """
    fetcher = url_fetcher if url_fetcher is not None else LocalOnlyURLFetcher()
    if not isinstance(fetcher, LocalOnlyURLFetcher):
        raise TypeError("url_fetcher must be a LocalOnlyURLFetcher")
    html = render_letter_html(template_name=template_name, context=context)
    stylesheet = CSS(filename=_static_dir() / LETTER_CSS, url_fetcher=fetcher)
    return html_to_pdf(html, stylesheets=[stylesheet], url_fetcher=fetcher)
