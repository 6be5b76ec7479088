"""PDF letters: the text that comes out of the PDF, page numbers, Polish dates and the no-network guarantee."""

import base64
import datetime
import io
import logging
import re
import socket
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from PIL import Image
from pypdf import PdfReader

from core.documents import (
    LETTER_CSS,
    LetterContext,
    LocalOnlyURLFetcher,
    RefusedURLError,
    place_and_date,
    polish_long_date,
    render_letter_pdf,
)

LOWER = "ąćęłńóśźż"
UPPER = "ĄĆĘŁŃÓŚŹŻ"
A4_POINTS = (595, 842)
STATIC_DIR = Path(settings.BASE_DIR) / "static"


def make_context(**overrides):
    values = {
        "case_mark": "KSP.5311.12.2026",
        "place_and_date": place_and_date(datetime.date(2026, 11, 26)),
        "addressee_lines": ["Pani", "Małgorzata Źdźbło-Łęcka", "ul. Źródlana 7", "41-709 Ruda Śląska"],
        "subject": f"objęcia patronatem wydarzenia „Święto Żurku” {LOWER} {UPPER}",
        "body_html": "<p>Uprzejmie informuję, że Prezydent Miasta wyraził zgodę. Zażółć gęślą jaźń.</p>",
        "signatory_name": "Jan Kowalski",
        "signatory_title": "Naczelnik Wydziału Kultury, Komunikacji Społecznej i Promocji Miasta",
    }
    values.update(overrides)
    return LetterContext(**values)


def long_body(paragraphs):
    sentence = "W odpowiedzi na wniosek uprzejmie informuję, że sprawa zostanie rozpatrzona w ustawowym terminie. "
    return "".join(f"<p>Akapit {number}. {sentence * 4}</p>" for number in range(1, paragraphs + 1))


def pdf_pages_text(pdf):
    """The text of every page, whitespace collapsed (pypdf breaks lines where the PDF does)."""
    reader = PdfReader(io.BytesIO(pdf))
    return [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]


@pytest.fixture
def no_network(monkeypatch):
    """Fail the test on any attempt to resolve a host name or open a socket connection."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts


# -- Text read back from the PDF ---------------------------------------------------------------------------------


def test_letter_text_round_trips_through_the_pdf(no_network):
    context = make_context(
        legal_basis="§ 3 zarządzenia Prezydenta Miasta w sprawie patronatów",
        attachments=["Logotyp miasta"],
        recipients=["Adresat", "a/a"],
        cc=["Biuro Prasowe"],
    )

    pdf = render_letter_pdf(template_name="documents/letter.html", context=context)

    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    assert tuple(round(value) for value in reader.pages[0].mediabox[2:]) == A4_POINTS
    (text,) = pdf_pages_text(pdf)
    for expected in (
        "Prezydent Miasta Ruda Śląska".upper(),
        "Urząd Miasta Ruda Śląska",
        "Wydział Kultury, Komunikacji Społecznej i Promocji Miasta",
        "pl. Jana Pawła II 6, 41-709 Ruda Śląska",
        "tel. 32 244 90 00",
        "Znak sprawy: KSP.5311.12.2026",
        "Ruda Śląska, 26 listopada 2026 r.",
        "Małgorzata Źdźbło-Łęcka",
        "ul. Źródlana 7",
        "41-709 Ruda Śląska",
        "Dotyczy: objęcia patronatem wydarzenia „Święto Żurku”",
        LOWER,
        UPPER,
        "Zażółć gęślą jaźń.",
        "Podstawa prawna: § 3 zarządzenia",
        "Jan Kowalski",
        "Naczelnik Wydziału Kultury",
        # List numbers are ::marker boxes, which pypdf reads out after the text.
        "Załączniki: Logotyp miasta",
        "Otrzymują: Adresat a/a",
        "Do wiadomości: Biuro Prasowe",
        "Strona 1 z 1",
    ):
        assert expected in text
    # The first page has the letterhead, so no running header with the case mark.
    assert text.count("KSP.5311.12.2026") == 1


def test_pdf_metadata_and_embedded_dejavu_font():
    pdf = render_letter_pdf(template_name="documents/letter.html", context=make_context())

    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == f"KSP.5311.12.2026 – objęcia patronatem wydarzenia „Święto Żurku” {LOWER} {UPPER}"
    assert reader.metadata.author == "Urząd Miasta Ruda Śląska"
    fonts = {str(font["/BaseFont"]) for font in reader.pages[0]["/Resources"]["/Font"].values()}
    assert fonts
    assert all("DejaVu-Sans" in font for font in fonts)


def test_optional_sections_are_left_out_when_empty():
    (text,) = pdf_pages_text(render_letter_pdf(template_name="documents/letter.html", context=make_context()))

    for absent in ("Podstawa prawna", "Załączniki", "Otrzymują", "Do wiadomości"):
        assert absent not in text
    # The letter itself is all there: its case mark, the body and who signs it.
    for present in ("KSP.5311.12.2026", "Uprzejmie informuję", "Jan Kowalski"):
        assert present in text


def test_a_plain_dict_context_works_and_text_is_escaped():
    context = make_context(subject="umowy <nr 5> & aneksu").as_dict()

    (text,) = pdf_pages_text(render_letter_pdf(template_name="documents/letter.html", context=context))

    assert "Dotyczy: umowy <nr 5> & aneksu" in text


def test_missing_required_fields_are_reported():
    context = make_context().as_dict()
    del context["case_mark"]
    context["signatory_name"] = ""

    with pytest.raises(ValueError, match="case_mark, signatory_name"):
        render_letter_pdf(template_name="documents/letter.html", context=context)


# -- Pagination ----------------------------------------------------------------------------------------------------


def test_long_body_breaks_onto_a_second_page_with_page_numbers():
    pdf = render_letter_pdf(template_name="documents/letter.html", context=make_context(body_html=long_body(10)))

    pages = pdf_pages_text(pdf)
    assert len(pages) == 2
    assert "Strona 1 z 2" in pages[0]
    assert "Strona 2 z 2" in pages[1]
    # Pages after the first repeat the case mark in the running header; the signature is not orphaned.
    assert "Znak sprawy: KSP.5311.12.2026" in pages[1]
    assert "Jan Kowalski" in pages[1]
    assert "Akapit 10." in pages[1]


@pytest.mark.parametrize("lines", [18, 20])
def test_the_signature_is_never_alone_on_a_page(lines):
    # With these lengths the body just fills page 1; without "break-before: avoid" the signature went to page 2 alone.
    body = "".join(f"<p>Linia {number}. Krótkie zdanie treści pisma.</p>" for number in range(1, lines + 1))

    pages = pdf_pages_text(
        render_letter_pdf(template_name="documents/letter.html", context=make_context(body_html=body))
    )

    assert len(pages) == 2
    assert "Jan Kowalski" in pages[1]
    assert f"Linia {lines}." in pages[1]


def test_every_page_of_a_longer_letter_is_numbered():
    pdf = render_letter_pdf(template_name="documents/letter.html", context=make_context(body_html=long_body(30)))

    pages = pdf_pages_text(pdf)
    total = len(pages)
    assert total >= 3
    for number, text in enumerate(pages, start=1):
        assert f"Strona {number} z {total}" in text


# -- No network ----------------------------------------------------------------------------------------------------


def test_remote_resources_in_the_body_are_refused_without_network(no_network, caplog):
    fetcher = LocalOnlyURLFetcher()
    body = (
        '<p>Tekst <img src="http://example.com/x.png" alt="śledzik"></p>'
        '<link rel="stylesheet" href="https://example.com/evil.css">'
        '<p><img src="ftp://example.com/y.png" alt=""></p>'
    )

    with caplog.at_level(logging.ERROR, logger="weasyprint"):
        pdf = render_letter_pdf(
            template_name="documents/letter.html", context=make_context(body_html=body), url_fetcher=fetcher
        )

    assert set(fetcher.refused) == {
        "http://example.com/x.png",
        "https://example.com/evil.css",
        "ftp://example.com/y.png",
    }
    assert fetcher.requested == fetcher.refused
    assert no_network == []
    assert "RefusedURLError" in caplog.text
    # The letter is still rendered, without the remote resources.
    assert "Strona 1 z 1" in pdf_pages_text(pdf)[0]


def test_data_url_images_are_rendered(no_network):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    data_url = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
    fetcher = LocalOnlyURLFetcher()

    pdf = render_letter_pdf(
        template_name="documents/letter.html",
        context=make_context(body_html=f'<p><img src="{data_url}" alt="" width="20" height="20"></p>'),
        url_fetcher=fetcher,
    )

    assert fetcher.requested == [data_url]
    assert fetcher.refused == []
    (image,) = PdfReader(io.BytesIO(pdf)).pages[0].images
    assert image.image.size == (4, 4)


def test_fetcher_serves_static_files_only(no_network):
    fetcher = LocalOnlyURLFetcher()

    css = fetcher.fetch((STATIC_DIR / LETTER_CSS).resolve().as_uri())
    assert css.content_type == "text/css"
    assert b"@page" in css.read()
    css.close()
    # What {% static %} yields, resolved against the file: base URL of a letter.
    found = fetcher.fetch(f"file://{settings.STATIC_URL}css/letter.css")
    assert found.content_type == "text/css"
    found.close()

    for url in (
        "file:///etc/passwd",
        (STATIC_DIR / ".." / "pyproject.toml").as_uri(),
        (STATIC_DIR / "css" / "no-such-file.css").as_uri(),
        "file://example.com/static/css/letter.css",
        f"file://{settings.STATIC_URL}../../etc/passwd",
        "https://example.com/",
        "javascript:alert(1)",
    ):
        with pytest.raises(RefusedURLError, match="A letter may only load data: URLs and static files"):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 7
    assert no_network == []


def test_only_a_local_only_fetcher_is_accepted():
    with pytest.raises(TypeError, match="url_fetcher must be a LocalOnlyURLFetcher"):
        render_letter_pdf(
            template_name="documents/letter.html",
            context=make_context(),
            url_fetcher=object(),  # type: ignore[arg-type]
        )


# -- Extending the base letter ---------------------------------------------------------------------------------


DECISION_TEMPLATE = """{% extends "documents/base_letter.html" %}
{% block document_heading %}<p class="document-heading">DECYZJA nr {{ decision_number }}</p>{% endblock %}
{% block after_body %}
<p class="section-heading">Uzasadnienie</p><p>Wnioskodawca spełnił wymagania.</p>
<p class="section-heading">Pouczenie</p><p>Od decyzji służy odwołanie do Samorządowego Kolegium Odwoławczego.</p>
{% endblock %}"""


def test_a_decision_extends_the_base_letter():
    engine = {
        **settings.TEMPLATES[0],
        "APP_DIRS": False,
        "OPTIONS": {
            **settings.TEMPLATES[0]["OPTIONS"],
            "loaders": [
                ("django.template.loaders.locmem.Loader", {"documents/test_decision.html": DECISION_TEMPLATE}),
                "django.template.loaders.filesystem.Loader",
            ],
        },
    }
    context = {**make_context().as_dict(), "decision_number": "KSP/7/2026"}

    with override_settings(TEMPLATES=[engine]):
        pdf = render_letter_pdf(template_name="documents/test_decision.html", context=context)

    (text,) = pdf_pages_text(pdf)
    assert "DECYZJA nr KSP/7/2026" in text
    assert text.index("Uzasadnienie") < text.index("Pouczenie") < text.index("Jan Kowalski")
    assert "Samorządowego Kolegium Odwoławczego" in text


# -- Polish dates ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "expected"),
    [
        (1, "5 stycznia 2026 r."),
        (2, "5 lutego 2026 r."),
        (3, "5 marca 2026 r."),
        (4, "5 kwietnia 2026 r."),
        (5, "5 maja 2026 r."),
        (6, "5 czerwca 2026 r."),
        (7, "5 lipca 2026 r."),
        (8, "5 sierpnia 2026 r."),
        (9, "5 września 2026 r."),
        (10, "5 października 2026 r."),
        (11, "5 listopada 2026 r."),
        (12, "5 grudnia 2026 r."),
    ],
)
def test_polish_long_date_uses_the_genitive(month, expected):
    assert polish_long_date(datetime.date(2026, month, 5)) == expected


def test_polish_long_date_of_an_aware_datetime_uses_local_time():
    # 23:30 UTC on New Year's Eve is already 1 January in Ruda Śląska.
    moment = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC)

    assert polish_long_date(moment) == "1 stycznia 2027 r."


def test_place_and_date():
    assert place_and_date(datetime.date(2026, 11, 26)) == "Ruda Śląska, 26 listopada 2026 r."
    assert place_and_date(datetime.date(2026, 3, 1), place="Katowice") == "Katowice, 1 marca 2026 r."


@pytest.mark.django_db
def test_issued_letter_is_kept_with_the_case_and_reads_back():
    """A letter issued in a case is stored as its LETTER document and carries the case mark."""
    from core.models import Feedback, PrivateDocument
    from core.private_documents import letter_issue
    from core.services import case_open

    case = case_open(case=Feedback(message="Opinia"), title="Opinia o portalu")
    document = letter_issue(
        case=case,
        template_name="documents/letter.html",
        context={
            "case_mark": case.case_mark,
            "place_and_date": "Ruda Śląska, 26 listopada 2026 r.",
            "addressee_lines": ["Pan Jan Kowalski"],
            "subject": "Odpowiedź na opinię",
            "body_html": "<p>Dziękujemy za opinię.</p>",
            "signatory_name": "Krzysztof Piecha",
            "signatory_title": "Naczelnik Wydziału",
        },
        acting_user=None,
        description="Odpowiedź",
    )
    assert document.kind == PrivateDocument.Kind.LETTER
    assert document.mime_type == "application/pdf"
    with document.file.open("rb") as stored:
        text = "".join(page.extract_text() for page in PdfReader(stored).pages)
    assert case.case_mark in text
    assert "Dziękujemy za opinię." in text
