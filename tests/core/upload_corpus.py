"""Good and bad files for the upload tests, all generated in memory (nothing is read from disk).

Each `Sample` says how a client would send it (name, declared content type) and, for bad files, which
error code the validator must give.
"""

import io
import struct
import zlib
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image, ImageDraw, PngImagePlugin

DOCUMENT_LIMIT = 10 * 1024 * 1024


@dataclass(frozen=True)
class Sample:
    id: str
    name: str
    content_type: str
    content: bytes
    code: str = ""  # the expected error code; "" for a file that must be accepted
    kind: str = ""  # the expected sniffed kind of an accepted file

    def upload(self) -> SimpleUploadedFile:
        return SimpleUploadedFile(self.name, self.content, content_type=self.content_type)


# IMAGES
# ------------------------------------------------------------------------------
def picture(size=(64, 48), mode="RGB") -> Image.Image:
    """A small image with some detail (a flat colour would compress to nothing)."""
    image = Image.new("RGB", size, (30, 90, 160))
    draw = ImageDraw.Draw(image)
    draw.rectangle((size[0] // 4, size[1] // 4, size[0] // 2, size[1] // 2), fill=(240, 200, 20))
    draw.line((0, 0, size[0], size[1]), fill=(200, 20, 20), width=3)
    return image.convert(mode) if mode != "RGB" else image


def encode(image: Image.Image, image_format: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **options)
    return buffer.getvalue()


def jpeg_bytes(size=(64, 48), **options) -> bytes:
    return encode(picture(size), "JPEG", quality=90, **options)


def png_bytes(size=(64, 48), mode="RGB") -> bytes:
    return encode(picture(size, mode), "PNG")


def png_with_metadata_and_payload() -> bytes:
    """A PNG with a text chunk, EXIF and an HTML payload appended after IEND (a PNG/HTML polyglot)."""
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "secret author")
    exif = Image.Exif()
    exif[ExifTags.Base.Artist] = "secret artist"
    png = encode(picture(), "PNG", pnginfo=text, exif=exif.tobytes())
    return png + b"<script>alert(document.cookie)</script>"


def webp_bytes(size=(64, 48)) -> bytes:
    return encode(picture(size), "WEBP", quality=80)


def jpeg_with_gps(orientation: int = 6) -> bytes:
    """A 40×20 JPEG with camera data, GPS coordinates (Ruda Śląska) and an orientation tag."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Camera"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (50.0, 17.0, 31.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (18.0, 51.0, 22.0)
    jpeg = encode(picture((40, 20)), "JPEG", quality=90, exif=exif.tobytes(), comment=b"secret comment")
    return jpeg + b"<script>alert(1)</script>"


def _png_chunk(chunk_type: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + chunk_type + data + struct.pack(">I", zlib.crc32(chunk_type + data))


def png_bomb(side: int = 12_000) -> bytes:
    """A valid side×side 1-bit PNG of zeros: about 17 kB on the wire, 144 megapixels once decoded."""
    row = b"\x00" * (1 + (side + 7) // 8)  # filter byte + packed bits
    compressor = zlib.compressobj(9)
    chunks = [compressor.compress(row * 1000) for _ in range(side // 1000)]
    chunks.append(compressor.compress(row * (side % 1000)))
    chunks.append(compressor.flush())
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", b"".join(chunks))
        + _png_chunk(b"IEND", b"")
    )


# PDF
# ------------------------------------------------------------------------------
def pdf_bytes(*objects: bytes, root: int = 1, padding: int = 0) -> bytes:
    """A PDF with the given object bodies (numbered from 1), a correct xref table and an optional comment pad."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    if padding:
        out += b"%" + b"x" * padding + b"\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


_CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
_PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
_PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def valid_pdf(padding: int = 0) -> bytes:
    """A one-page A4 PDF with a Flate-compressed content stream."""
    content = zlib.compress(b"BT /F1 12 Tf 72 770 Td (Wniosek) Tj ET")
    return pdf_bytes(_CATALOG, _PAGES, _PAGE, _stream(content, b"/Filter /FlateDecode "), padding=padding)


def pdf_with_catalog(catalog_extra: bytes, *extra_objects: bytes) -> bytes:
    catalog = b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b" >>"
    return pdf_bytes(catalog, _PAGES, _PAGE, _stream(b"BT ET"), *extra_objects)


def pdf_with_javascript() -> bytes:
    return pdf_with_catalog(b"/OpenAction 5 0 R", b"<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>")


def pdf_with_escaped_javascript() -> bytes:
    """The same action with the name written as /J#61vaScript, which every reader decodes."""
    return pdf_with_catalog(b"/OpenAction 5 0 R", b"<< /Type /Action /S /J#61vaScript /J#53 (app.alert(1)) >>")


def pdf_with_launch() -> bytes:
    return pdf_with_catalog(b"/OpenAction 5 0 R", b"<< /S /Launch /F (cmd.exe) >>")


def pdf_with_embedded_file() -> bytes:
    return pdf_with_catalog(
        b"/Names << /EmbeddedFiles << /Names [(a.exe) 5 0 R] >> >>",
        b"<< /Type /Filespec /F (a.exe) /EF << /F 6 0 R >> >>",
        _stream(b"MZ", b"/Type /EmbeddedFile "),
    )


def pdf_with_javascript_in_object_stream() -> bytes:
    """The action dictionary hidden in a compressed object stream, as modern writers store objects."""
    action = b"<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>"
    index = b"5 0 "
    compressed = zlib.compress(index + action)
    object_stream = _stream(compressed, b"/Type /ObjStm /N 1 /First %d /Filter /FlateDecode " % len(index))
    return pdf_with_catalog(b"/OpenAction 5 0 R", object_stream)


def pdf_with_js_lookalike_in_binary_stream() -> bytes:
    """Stream data that happens to contain "/JS " (as compressed scans sometimes do) must not be refused."""
    return pdf_bytes(_CATALOG, _PAGES, _PAGE, _stream(b"\x8f\x02/JS \x00\x9c/JS(" * 4, b"/Filter /DCTDecode "))


# CORPORA
# ------------------------------------------------------------------------------
def bad_samples() -> list[Sample]:
    jpeg = jpeg_bytes((200, 150))
    png = png_bytes()
    webp = webp_bytes((200, 150))
    return [
        Sample(
            "html-renamed-png", "photo.png", "image/png", b"<!DOCTYPE html><html><body>hi</body></html>", "file_type"
        ),
        Sample(
            "svg-with-script",
            "logo.svg",
            "image/svg+xml",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
            "file_type",
        ),
        Sample("svg-renamed-png", "logo.png", "image/png", b"<svg onload=alert(1)/>", "file_type"),
        Sample("empty", "empty.pdf", "application/pdf", b"", "empty"),
        Sample("zip", "documents.pdf", "application/pdf", b"PK\x03\x04" + b"\x00" * 60, "file_type"),
        Sample("gif", "anim.gif", "image/gif", encode(picture(), "GIF"), "file_type"),
        Sample("exe-as-jpeg", "photo.jpg", "image/jpeg", b"MZ\x90\x00" + b"\x00" * 100, "file_type"),
        Sample("truncated-jpeg", "photo.jpg", "image/jpeg", jpeg[: len(jpeg) // 2], "image_damaged"),
        Sample("truncated-png", "photo.png", "image/png", png[: len(png) - 30], "image_damaged"),
        Sample("truncated-webp", "photo.webp", "image/webp", webp[: len(webp) - 40], "image_damaged"),
        Sample("jpeg-header-only", "photo.jpg", "image/jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 20, "image_damaged"),
        Sample("webp-header-only", "photo.webp", "image/webp", b"RIFF\x10\x00\x00\x00WEBPVP8 ", "image_damaged"),
        Sample("png-bomb", "bomb.png", "image/png", png_bomb(), "image_too_large"),
        Sample("oversized-pdf", "scan.pdf", "application/pdf", valid_pdf(padding=DOCUMENT_LIMIT), "file_too_large"),
        Sample("pdf-javascript", "form.pdf", "application/pdf", pdf_with_javascript(), "pdf_active_content"),
        Sample(
            "pdf-escaped-javascript",
            "form.pdf",
            "application/pdf",
            pdf_with_escaped_javascript(),
            "pdf_active_content",
        ),
        Sample("pdf-launch", "form.pdf", "application/pdf", pdf_with_launch(), "pdf_active_content"),
        Sample("pdf-embedded-file", "form.pdf", "application/pdf", pdf_with_embedded_file(), "pdf_active_content"),
        Sample(
            "pdf-javascript-in-object-stream",
            "form.pdf",
            "application/pdf",
            pdf_with_javascript_in_object_stream(),
            "pdf_active_content",
        ),
        Sample("truncated-pdf", "scan.pdf", "application/pdf", valid_pdf()[:-200], "pdf_damaged"),
        Sample("pdf-without-version", "scan.pdf", "application/pdf", b"%PDF-\n%%EOF\n", "pdf_damaged"),
    ]


def good_samples() -> list[Sample]:
    return [
        Sample("png", "plakat.png", "image/png", png_with_metadata_and_payload(), kind="png"),
        Sample("png-palette", "logo.png", "image/png", png_bytes(mode="P"), kind="png"),
        Sample("png-alpha", "logo.png", "image/png", png_bytes(mode="RGBA"), kind="png"),
        Sample("jpeg", "zdjęcie.jpg", "image/jpeg", jpeg_bytes(), kind="jpeg"),
        Sample("jpeg-gps", "IMG_0001.JPG", "image/jpeg", jpeg_with_gps(), kind="jpeg"),
        Sample("jpeg-cmyk", "plakat.jpg", "image/jpeg", encode(picture(mode="CMYK"), "JPEG"), kind="jpeg"),
        Sample("webp", "zdjęcie.webp", "image/webp", webp_bytes(), kind="webp"),
        Sample("pdf", "wniosek.pdf", "application/pdf", valid_pdf(), kind="pdf"),
        Sample(
            "pdf-js-lookalike", "skan.pdf", "application/pdf", pdf_with_js_lookalike_in_binary_stream(), kind="pdf"
        ),
        # The declared type and the name lie; the content decides.
        Sample("jpeg-declared-png-named-pdf", "umowa.pdf", "image/png", jpeg_bytes(), kind="jpeg"),
    ]
