"""PDFs: a header and end-marker check and a byte scan for active content (`inspect_pdf`)."""

import re
import zlib

# PDF
# ------------------------------------------------------------------------------
_PDF_DELIMITERS = rb"\x00\t\n\x0c\r ()<>\[\]{}/%"
_PDF_NAME_END = rb"(?=[" + _PDF_DELIMITERS + rb"]|\Z)"
_PDF_LONG_ACTIVE_NAMES = re.compile(rb"/(?:JavaScript|Launch|EmbeddedFiles?)" + _PDF_NAME_END)
_PDF_JS_NAME = re.compile(rb"/JS" + _PDF_NAME_END)
_PDF_ESCAPED_NAME = re.compile(rb"/[^" + _PDF_DELIMITERS + rb"#]*#[0-9A-Fa-f]{2}[^" + _PDF_DELIMITERS + rb"]*")
_PDF_ACTIVE_NAMES = {b"JavaScript", b"JS", b"Launch", b"EmbeddedFile", b"EmbeddedFiles"}
_PDF_STREAM_START = re.compile(rb">>\s*stream(?:\r\n|\n)")
_PDF_OBJECT_STREAM = re.compile(rb"/Type\s*/ObjStm" + _PDF_NAME_END)
_PDF_FLATE = re.compile(rb"/FlateDecode" + _PDF_NAME_END)
_PDF_EOF_WINDOW = 1024
_PDF_OBJECT_STREAM_BUDGET = 32 * 1024 * 1024


class PdfProblem(Exception):
    """Raised by `inspect_pdf`; `code` is "pdf_damaged" or "pdf_active_content"."""

    def __init__(self, code: str, detail: str):
        super().__init__(detail)
        self.code = code


def _unescape_pdf_name(raw: bytes) -> bytes:
    return re.sub(rb"#([0-9A-Fa-f]{2})", lambda match: bytes([int(match.group(1), 16)]), raw)


def _has_active_name(data: bytes, start: int = 0, end: int | None = None, *, include_js: bool) -> bool:
    end = len(data) if end is None else end
    if _PDF_LONG_ACTIVE_NAMES.search(data, start, end):
        return True
    if include_js and _PDF_JS_NAME.search(data, start, end):
        return True
    return any(
        _unescape_pdf_name(match.group()[1:]) in _PDF_ACTIVE_NAMES
        for match in _PDF_ESCAPED_NAME.finditer(data, start, end)
    )


def inspect_pdf(content: bytes) -> None:
    """Check a PDF's header and end marker and scan it for active content; raise PdfProblem if refused.

    Refused: no "%PDF-x.y" header, no "%%EOF" in the last 1024 bytes (a truncated upload), and any of
    the names /JavaScript, /JS, /Launch, /EmbeddedFile(s) — also when written with #xx escapes
    (/J#61vaScript). The long names are searched in the whole file; /JS only outside stream data, where a
    three-letter match in compressed or image bytes would refuse good scans. Object streams
    (/Type /ObjStm, /FlateDecode) are decompressed, within a budget, and scanned too: that is where
    modern writers put their dictionaries.

    Limits — this is a byte scan, not a PDF parser: it does not follow /Length or the xref table, does
    not decode other filters (ASCIIHex, LZW, filter chains) or encrypted PDFs, and ignores stream data
    beyond the budget, so a deliberately crafted file can hide an action. It catches ordinary scripted
    forms, attachments and launch actions. The real protection is elsewhere: documents live in private
    storage, are only downloaded as attachments by staff, and should be opened in a viewer with
    JavaScript disabled. Unobjectionable names that merely share the letters (/JSFont) are not refused.
    """
    if not re.match(rb"%PDF-\d\.\d", content):
        raise PdfProblem("pdf_damaged", "no PDF header")
    if b"%%EOF" not in content[-_PDF_EOF_WINDOW:]:
        raise PdfProblem("pdf_damaged", "no %%EOF marker near the end")
    if _has_active_name(content, include_js=False):
        raise PdfProblem("pdf_active_content", "active name")
    budget = _PDF_OBJECT_STREAM_BUDGET
    position = 0
    while True:
        stream = _PDF_STREAM_START.search(content, position)
        segment_end = stream.end() if stream else len(content)
        if _has_active_name(content, position, segment_end, include_js=True):
            raise PdfProblem("pdf_active_content", "active name outside streams")
        if not stream:
            return
        stream_end = content.find(b"endstream", stream.end())
        if stream_end == -1:
            return
        header_start = content.rfind(b"obj", position, stream.start())
        header = content[max(header_start, position) : stream.start()]
        if budget > 0 and _PDF_OBJECT_STREAM.search(header) and _PDF_FLATE.search(header):
            try:
                objects = zlib.decompressobj().decompress(content[stream.end() : stream_end], budget)
            except zlib.error:
                objects = b""
            budget -= len(objects)
            if _has_active_name(objects, include_js=True):
                raise PdfProblem("pdf_active_content", "active name in an object stream")
        position = stream_end + len(b"endstream")
