"""Shared helpers for tests that fill in public forms the way a browser would, and act on a case as its clerk does."""

import time
import uuid
from urllib.parse import urldefrag, urlsplit

from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.public_forms import _SIGNER_SALT, HONEYPOT_FIELD
from tests.core.upload_corpus import png_bytes, valid_pdf


def started_seconds_ago(seconds: float = 30) -> str:
    """A signed form start time as the form renders it, `seconds` in the past."""
    return signing.dumps(time.time() - seconds, salt=_SIGNER_SALT)


def public_form_data(**fields) -> dict:
    """POST data of a public form filled by a person who took 30 s; a fresh idempotency token."""
    return {"form_started": started_seconds_ago(), "submission_token": str(uuid.uuid4()), HONEYPOT_FIELD: "", **fields}


def pdf_file(name="dokument.pdf") -> SimpleUploadedFile:
    """A valid one-page PDF as a person attaches it to a public form."""
    return SimpleUploadedFile(name, valid_pdf(), content_type="application/pdf")


def png_file(name="zdjecie.png") -> SimpleUploadedFile:
    """A valid PNG picture as a person attaches it to a public form."""
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def workflow(clerk, case, name, note="", expect=302):
    """Perform the transition `name` from the case's workflow panel in the admin, as the clerk does.

    `clerk` is a signed-in test Client; the response is checked against `expect` and the case read again.
    """
    url = reverse(f"admin:{case._meta.app_label}_{case._meta.model_name}_workflow", args=[case.pk])
    response = clerk.post(url, {"transition": name, "note": note})
    assert response.status_code == expect
    case.refresh_from_db()
    return response


def tracking_path(case) -> str:
    """The applicant's private tracking page of the case."""
    return f"/sprawy/{case.register_entry.tracking_token}/"


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


# What a browser sends with a request made from a page: Origin and Referer under the page's Referrer-Policy.
# ------------------------------------------------------------------------------
# The test client sends neither header; Chromium and Firefox send both, derived from the policy of the page the
# form or link is on. Django's CSRF check compares the Origin with the site's (and, over HTTPS without an Origin,
# the Referer): a policy that makes the browser send "Origin: null" gets a same-origin POST refused with 403.
REFERRER_POLICIES = {
    "no-referrer",
    "no-referrer-when-downgrade",
    "same-origin",
    "origin",
    "strict-origin",
    "origin-when-cross-origin",
    "strict-origin-when-cross-origin",
    "unsafe-url",
}
DEFAULT_REFERRER_POLICY = "strict-origin-when-cross-origin"


def referrer_policy(response) -> str:
    """The policy a browser applies to requests from this page: the last token of Referrer-Policy it knows.

    W3C Referrer Policy § 8.1 (parse a referrer policy from a Referrer-Policy header); without a known token
    browsers use strict-origin-when-cross-origin.
    """
    tokens = [token.strip().lower() for token in response.get("Referrer-Policy", "").split(",")]
    known = [token for token in tokens if token in REFERRER_POLICIES]
    return known[-1] if known else DEFAULT_REFERRER_POLICY


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def browser_headers(response, *, page_url: str, target_url: str, method: str = "POST") -> dict:
    """The Origin and Referer headers a browser sends to `target_url` from a form or link on the page `response`.

    `page_url` is where the page was served (scheme, host and path). Fetch § 3.1 "append a request `Origin`
    header" (a POST carries an Origin, "null" under no-referrer, or cross-origin under same-origin) and
    W3C Referrer Policy § 8.3 "determine request's referrer". Returns a dict for the test client's `headers=`.
    """
    policy = referrer_policy(response)
    same_origin = _origin(page_url) == _origin(target_url)
    downgrade = page_url.startswith("https:") and not target_url.startswith("https:")
    headers = {}
    if method.upper() not in ("GET", "HEAD"):
        origin = _origin(page_url)
        if (
            policy == "no-referrer"
            or (policy == "same-origin" and not same_origin)
            or (policy in ("no-referrer-when-downgrade", "strict-origin", DEFAULT_REFERRER_POLICY) and downgrade)
        ):
            origin = "null"
        headers["Origin"] = origin
    full_url, origin_only = urldefrag(page_url).url, _origin(page_url) + "/"
    referer = {
        "no-referrer": None,
        "no-referrer-when-downgrade": None if downgrade else full_url,
        "same-origin": full_url if same_origin else None,
        "origin": origin_only,
        "strict-origin": None if downgrade else origin_only,
        "origin-when-cross-origin": full_url if same_origin else origin_only,
        "strict-origin-when-cross-origin": full_url if same_origin else (None if downgrade else origin_only),
        "unsafe-url": full_url,
    }[policy]
    if referer is not None:
        headers["Referer"] = referer
    return headers


def form_fields(html: str, *, form_id: str | None = None) -> dict:
    """The values a browser would send from a page's form (the first, or the one with `form_id`).

    Text inputs, hidden inputs (management forms of inlines), checked boxes and radios, selected options and
    textareas; buttons, file inputs and disabled fields are left out. For posting an admin change form the way a
    clerk does.
    """
    from html.parser import HTMLParser

    class Collector(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.data, self.depth, self.done = {}, 0, False
            self.select = self.textarea = None

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if self.done:
                return
            if tag == "form":
                if self.depth or form_id is None or attrs.get("id") == form_id:
                    self.depth += 1
                return
            if not self.depth:
                return
            name = attrs.get("name")
            if name and "disabled" in attrs:  # a browser sends no disabled field
                return
            if tag == "input" and name:
                kind = attrs.get("type", "text")
                if kind in ("submit", "button", "file", "image", "reset"):
                    return
                if kind in ("checkbox", "radio") and "checked" not in attrs:
                    return
                self.data.setdefault(name, []).append(attrs.get("value", "on" if kind == "checkbox" else ""))
            elif tag == "select" and name:
                self.select = name
                self.data.setdefault(name, [])
            elif tag == "option" and self.select and "selected" in attrs:
                self.data[self.select].append(attrs.get("value", ""))
            elif tag == "textarea" and name:
                self.textarea = name
                self.data[name] = [""]

        def handle_endtag(self, tag):
            if tag == "form" and self.depth:
                self.depth -= 1
                self.done = self.depth == 0
            elif tag == "select":
                self.select = None
            elif tag == "textarea":
                self.textarea = None

        def handle_data(self, data):
            if self.textarea:
                self.data[self.textarea][0] += data.removeprefix("\n") if not self.data[self.textarea][0] else data

    collector = Collector()
    collector.feed(html)
    return {name: values[0] if len(values) == 1 else values for name, values in collector.data.items()}


def form_data(response, form_id: str = "event_form") -> dict:
    """What a browser would send from the form `form_id` of a response's page (see form_fields)."""
    return form_fields(response.content.decode(), form_id=form_id)


def kept_files_token(response, *names: str) -> str:
    """The page shown again says each of `names` was received (core.uploads.stash); the token to send them again."""
    page = response.content.decode()
    assert 'id="files-kept"' in page
    for name in names:
        assert name in page
    token = response.context["kept_files_token"]
    assert f'name="kept_files" value="{token}"' in page
    return token


def admin_form_refusal(response) -> list[str]:
    """The errors an admin add or change form shows above its fields after a service refused the save.

    The refused form comes back (200) with what the clerk typed; nothing was written.
    """
    assert response.status_code == 200, f"expected the refused form again, got {response.status_code}"
    return [str(error) for error in response.context["adminform"].form.non_field_errors()]


def export_csv_rows(response) -> list[list[str]]:
    """The rows of a CSV download (core.exports: UTF-8 with a byte order mark), the header first."""
    import csv
    import io

    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def export_xlsx_rows(response) -> list[list]:
    """The cells of an XLSX download's first sheet, the header first (read back with openpyxl)."""
    import io

    from openpyxl import load_workbook

    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def metryczka(html: str) -> dict[str, str]:
    """The metryczka of a public page (templates/includes/metryczka.html) as {label: text}, and its register link
    under "link", so a test reads who and when as a resident does."""
    import re

    start = html.index('class="metryczka"')
    box = html[start : html.index("</section>", start)]
    rows = {
        re.sub(r"<[^>]+>", "", label).strip(): " ".join(re.sub(r"<[^>]+>", "", value).split())
        for label, value in re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", box, re.S)
    }
    link = re.search(r'<a href="([^"]+)">Rejestr zmian</a>', box)
    rows["link"] = link.group(1) if link else ""
    return rows


def json_ld_blocks(html: str) -> list:
    """The parsed schema.org JSON-LD data blocks of a page, in order."""
    import json
    import re

    return [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
