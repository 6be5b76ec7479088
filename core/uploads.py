"""Validation of uploaded files: content sniffing, size and pixel limits, image re-encoding, PDF checks.

Every upload of the portal (applicants' documents, event images) goes through `validate_upload`, usually
through the form fields `ValidatedFileField` and `MultipleValidatedFileField`:

* the type is decided by the first bytes of the content (magic bytes), never by the file name or the
  content type the browser declared; only PDF, JPEG, PNG and WebP are known, everything else is refused;
* images are opened with Pillow only after their header says they have at most `max_pixels` pixels,
  then verified, decoded and re-encoded without any metadata (EXIF, GPS, XMP, ICC, comments): the
  bytes sent by the client are never stored, so a polyglot or a payload in a metadata block is gone;
* PDFs are stored as sent (re-rendering them would need a heavy library), after a check of the header,
  of the end-of-file marker and a scan for active content (see `inspect_pdf` for its limits);
* the storage name is random (`random_upload_name`); the client's file name is kept only as sanitised
  metadata (`sanitise_original_name`).

Messages are English msgids translated to Polish through gettext; each names the file, says what is
wrong and what is accepted.
"""

import io
import logging
import re
import unicodedata
import uuid
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from PIL import Image, ImageCms, ImageOps, JpegImagePlugin, PngImagePlugin, WebPImagePlugin

logger = logging.getLogger(__name__)

# KINDS
# ------------------------------------------------------------------------------
PDF, JPEG, PNG, WEBP = "pdf", "jpeg", "png", "webp"
KNOWN_KINDS = (PDF, JPEG, PNG, WEBP)
DOCUMENT_KINDS = KNOWN_KINDS
IMAGE_KINDS = (JPEG, PNG, WEBP)

KIND_MIME_TYPES = {PDF: "application/pdf", JPEG: "image/jpeg", PNG: "image/png", WEBP: "image/webp"}
KIND_EXTENSIONS = {PDF: "pdf", JPEG: "jpg", PNG: "png", WEBP: "webp"}
# Names shown to people: proper names of formats, the same in Polish.
KIND_LABELS = {PDF: "PDF", JPEG: "JPEG", PNG: "PNG", WEBP: "WebP"}
# File-picker hint only (the browser may ignore it); the server decides by content.
_ACCEPT_HINTS = {
    PDF: "application/pdf,.pdf",
    JPEG: "image/jpeg,.jpg,.jpeg",
    PNG: "image/png,.png",
    WEBP: "image/webp,.webp",
}

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_PIXELS = 40_000_000
DEFAULT_MAX_FILES = 5
ORIGINAL_NAME_MAX_LENGTH = 120
RENDITION_WIDTHS = (480, 960, 1600)

# MESSAGES
# ------------------------------------------------------------------------------
MESSAGES = {
    "empty": _('The file "%(name)s" is empty. Choose the file again.'),
    "file_too_large": _('The file "%(name)s" is too large (%(size)s). The maximum size is %(max_size)s.'),
    "file_type": _('The file "%(name)s" is not of an accepted type. Accepted types: %(kinds)s.'),
    "file_kind_not_accepted": _(
        'The file "%(name)s" is a %(kind)s file, which is not accepted here. Accepted types: %(kinds)s.'
    ),
    "image_too_large": _(
        'The image "%(name)s" is too large (%(width)s × %(height)s pixels). '
        "The maximum is %(max_megapixels)s megapixels; reduce the image and send it again."
    ),
    "image_damaged": _(
        'The image "%(name)s" is damaged or incomplete and cannot be opened. Save it again and send it once more.'
    ),
    "pdf_damaged": _(
        'The PDF file "%(name)s" is damaged or incomplete. Save or export it again and send it once more.'
    ),
    "pdf_active_content": _(
        'The PDF file "%(name)s" contains scripts, launch actions or attached files, which are not accepted. '
        "Print it to a new PDF or export it without attachments and send it again."
    ),
    "too_many_files": ngettext_lazy(
        "You can attach at most %(max)d file; you selected %(count)d.",
        "You can attach at most %(max)d files; you selected %(count)d.",
        "max",
    ),
}
UNNAMED_FILE = _("(unnamed file)")


# SNIFFING
# ------------------------------------------------------------------------------
def sniff_kind(content: bytes) -> str | None:
    """Return the kind ("pdf", "jpeg", "png", "webp") told by the first bytes of `content`, or None.

    Only the content counts. HTML or SVG renamed to .png, ZIP archives, GIFs and empty files give None.
    """
    head = bytes(content[:16])
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    return None


def _check_kinds(kinds: Iterable[str]) -> tuple[str, ...]:
    kinds = tuple(kinds)
    unknown = [kind for kind in kinds if kind not in KNOWN_KINDS]
    if unknown or not kinds:
        raise ValueError(f"allowed_kinds must be a non-empty subset of {KNOWN_KINDS}, got {kinds!r}")
    return kinds


def _kinds_label(kinds: Iterable[str]) -> str:
    return ", ".join(KIND_LABELS[kind] for kind in kinds)


# NAMES
# ------------------------------------------------------------------------------
def random_upload_name(kind: str, *, now=None) -> str:
    """Return a storage name such as "2026/11/<uuid4 hex>.pdf": the extension comes from the sniffed kind.

    The client's file name is never part of the path (no traversal, no personal data in URLs or logs).
    """
    moment = timezone.localtime(now)
    return f"{moment:%Y}/{moment:%m}/{uuid.uuid4().hex}.{KIND_EXTENSIONS[kind]}"


def sanitise_original_name(name, *, max_length: int = ORIGINAL_NAME_MAX_LENGTH) -> str:
    """Return the client's file name fit to be kept as metadata (never as a path).

    Drops directory parts (both slash kinds), control and format characters (including bidirectional
    overrides that disguise "fdp.exe" as "exe.pdf"), collapses whitespace, strips leading dots and caps the
    length at `max_length`, keeping a short extension. May return "" when nothing printable is left.
    """
    text = unicodedata.normalize("NFC", str(name or ""))
    text = text.replace("\\", "/").rsplit("/", 1)[-1]
    text = "".join(
        " " if char.isspace() else char
        for char in text
        if char.isspace() or unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co")
    )
    text = " ".join(text.split()).lstrip(". ").rstrip(" ")
    if len(text) > max_length:
        stem, dot, extension = text.rpartition(".")
        if dot and stem and 0 < len(extension) <= 10:
            text = f"{stem[: max_length - len(extension) - 1].rstrip()}.{extension}"
        else:
            text = text[:max_length].rstrip()
    return text


# RESULT
# ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ValidatedUpload:
    """An accepted upload. `content` is what may be stored: re-encoded bytes for images, the PDF as sent."""

    kind: str
    mime_type: str
    size: int
    original_size: int
    original_name: str
    content: bytes = field(repr=False)
    width: int | None = None
    height: int | None = None

    @property
    def extension(self) -> str:
        return KIND_EXTENSIONS[self.kind]

    def as_file(self, name: str | None = None) -> "ValidatedFile":
        """Return the content as a Django file named `name` (default: a fresh `random_upload_name`)."""
        return ValidatedFile(self, name=name)


class ValidatedFile(ContentFile):
    """A ContentFile with the validated (re-encoded) bytes under a random name; `upload` holds the details.

    Assigning it to a model FileField stores it under `upload_to` + its name, e.g. "documents/2026/11/<hex>.pdf".
    """

    def __init__(self, upload: ValidatedUpload, name: str | None = None):
        super().__init__(upload.content, name=name or random_upload_name(upload.kind))
        self.upload = upload
        self.content_type = upload.mime_type


class Rendition(NamedTuple):
    width: int
    format: str
    content: bytes


# IMAGES
# ------------------------------------------------------------------------------
# The sniffed kind picks the decoder: no format guessing by Pillow, and no other decoder (EPS, TIFF, ...)
# is ever reached. Using the plugin classes directly also skips Pillow's global bomb check, which we
# replace with our own, stricter limit before anything is decoded.
_IMAGE_OPENERS = {
    JPEG: JpegImagePlugin.JpegImageFile,
    PNG: PngImagePlugin.PngImageFile,
    WEBP: WebPImagePlugin.WebPImageFile,
}
_SAVE_OPTIONS = {
    JPEG: ("JPEG", {"quality": 85, "optimize": True, "progressive": True}),
    PNG: ("PNG", {"compress_level": 6}),
    WEBP: ("WEBP", {"quality": 85, "method": 4}),
}
_SIXTEEN_BIT_MODES = ("I", "I;16", "I;16L", "I;16B", "I;16N")


class _ImageTooLarge(Exception):
    def __init__(self, width: int, height: int):
        super().__init__(width, height)
        self.width, self.height = width, height


class _ImageDamaged(Exception):
    pass


def _png_is_complete(content: bytes) -> bool:
    """Walk the PNG chunks: IHDR first, every length and CRC right, up to IEND (bytes after it are dropped)."""
    position = 8
    while position + 12 <= len(content):
        length = int.from_bytes(content[position : position + 4], "big")
        chunk_type = content[position + 4 : position + 8]
        end = position + 12 + length
        if end > len(content) or (position == 8 and chunk_type != b"IHDR"):
            return False
        if zlib.crc32(content[position + 4 : end - 4]) != int.from_bytes(content[end - 4 : end], "big"):
            return False
        if chunk_type == b"IEND":
            return True
        position = end
    return False


def _jpeg_is_complete(content: bytes) -> bool:
    """Walk the JPEG segments up to the first scan, then require an end-of-image marker after it."""
    position = 2
    while position + 4 <= len(content):
        if content[position] != 0xFF:
            return False
        marker = content[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker in (0x01, 0xD8) or 0xD0 <= marker <= 0xD7:  # markers without a length
            position += 2
            continue
        if marker == 0xD9:  # end of image before any scan
            return False
        length = int.from_bytes(content[position + 2 : position + 4], "big")
        if length < 2:
            return False
        if marker == 0xDA:  # start of scan: entropy-coded data, where 0xFF is always stuffed or a marker
            return content.find(b"\xff\xd9", position + 2 + length) != -1
        position += 2 + length
    return False


def _webp_is_complete(content: bytes) -> bool:
    riff_size = int.from_bytes(content[4:8], "little")
    return riff_size >= 4 and len(content) >= 8 + riff_size


# Pillow decides about truncated files by a process-wide flag, ImageFile.LOAD_TRUNCATED_IMAGES, which
# other libraries switch on when imported (WeasyPrint does). These structural checks make the refusal of
# truncated uploads independent of that flag.
_STRUCTURE_CHECKS = {JPEG: _jpeg_is_complete, PNG: _png_is_complete, WEBP: _webp_is_complete}


def _load_clean_image(content: bytes, kind: str, max_pixels: int) -> Image.Image:
    """Decode `content` into a new image without metadata, upright, in a mode fit for saving as `kind`.

    The pixel count is read from the header and checked before any pixel is decoded. A structural walk
    (`_STRUCTURE_CHECKS`) then refuses truncated files, `verify()` catches broken PNG chunks and `load()`
    decoder errors.
    """
    opener = _IMAGE_OPENERS[kind]
    width = height = 0
    try:
        with opener(io.BytesIO(content)) as probe:
            width, height = probe.size
            if width < 1 or height < 1:
                raise _ImageDamaged("empty dimensions")
            if width * height > max_pixels:
                raise _ImageTooLarge(width, height)
            if not _STRUCTURE_CHECKS[kind](content):
                raise _ImageDamaged("truncated or malformed structure")
            probe.verify()
        with opener(io.BytesIO(content)) as image:
            image.load()
            return _strip_image(image, kind)
    except (_ImageTooLarge, _ImageDamaged):
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _ImageTooLarge(width, height) from exc
    except Exception as exc:
        # Malformed input makes Pillow raise many kinds of errors (OSError, SyntaxError, ValueError,
        # struct.error, ...): for untrusted bytes each one means "cannot be read", never a server error.
        raise _ImageDamaged(type(exc).__name__) from exc


def _strip_image(image: Image.Image, kind: str) -> Image.Image:
    icc_profile = image.info.get("icc_profile")
    try:
        upright = ImageOps.exif_transpose(image)
    except Exception:
        # Corrupt EXIF: keep the pixels as they are, the EXIF is dropped anyway.
        upright = image.copy()
    upright = _to_srgb(upright, icc_profile)
    clean = _normalise_mode(upright, kind)
    if clean is upright:
        clean = upright.copy()
    clean.info = {}
    return clean


def _to_srgb(image: Image.Image, icc_profile: bytes | None) -> Image.Image:
    """Convert RGB/CMYK pixels with an embedded ICC profile to sRGB, so the colours survive dropping it."""
    if not icc_profile or image.mode not in ("RGB", "CMYK"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        return ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode="RGB")
    except Exception:
        logger.info("uploads: unusable ICC profile ignored")
        return image


def _normalise_mode(image: Image.Image, kind: str) -> Image.Image:
    if image.mode in _SIXTEEN_BIT_MODES:
        # Pillow's direct conversion clips 16-bit grey at 255; scale it down instead.
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    if kind == PNG and image.mode == "P" and not image.has_transparency_data:
        return image
    if image.has_transparency_data:
        target = "RGBA"
    elif image.mode in ("1", "L"):
        target = "RGB" if kind == WEBP else "L"
    else:
        target = "RGB"
    return image if image.mode == target else image.convert(target)


def _flatten_on_white(image: Image.Image) -> Image.Image:
    if image.mode in ("RGB", "L"):
        return image
    rgba = image.convert("RGBA")
    background = Image.new("RGB", rgba.size, (255, 255, 255))
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def _encode(image: Image.Image, kind: str, **options) -> bytes:
    if kind == JPEG:
        image = _flatten_on_white(image)
    elif kind == WEBP and image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if image.has_transparency_data else "RGB")
    image_format, defaults = _SAVE_OPTIONS[kind]
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **{**defaults, **options})
    return buffer.getvalue()


def make_renditions(
    image_bytes: bytes, widths: Sequence[int] = RENDITION_WIDTHS, *, max_pixels: int = DEFAULT_MAX_PIXELS
) -> list[Rendition]:
    """Return resized copies of a public image: a WebP and a JPEG fallback for each width.

    Widths larger than the image are capped at its own width (never upscaled), so an 1200-px image gives
    480, 960 and 1200. The list is sorted by width, WebP before JPEG; no metadata is written.
    Raises ValueError when `image_bytes` is not a readable JPEG, PNG or WebP within `max_pixels`.
    """
    kind = sniff_kind(image_bytes)
    if kind not in IMAGE_KINDS:
        raise ValueError("make_renditions() needs JPEG, PNG or WebP bytes")
    if not widths or any(int(width) < 1 for width in widths):
        raise ValueError(f"widths must be positive, got {widths!r}")
    try:
        image = _load_clean_image(image_bytes, kind, max_pixels)
    except (_ImageTooLarge, _ImageDamaged) as exc:
        raise ValueError(f"unreadable or too large image ({exc!r})") from exc
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if image.has_transparency_data else "RGB")
    full_width, full_height = image.size
    renditions = []
    for width in sorted({min(int(width), full_width) for width in widths}):
        if width == full_width:
            resized = image
        else:
            height = max(1, round(full_height * width / full_width))
            resized = image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        renditions.append(Rendition(width, WEBP, _encode(resized, WEBP, quality=80)))
        renditions.append(Rendition(width, JPEG, _encode(resized, JPEG, quality=82)))
    return renditions


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


# VALIDATION
# ------------------------------------------------------------------------------
def _megapixels(pixels: int) -> str:
    value = pixels / 1_000_000
    return number_format(int(value)) if value == int(value) else number_format(value, decimal_pos=1)


def _read_bounded(uploaded_file, limit: int) -> bytes | None:
    """Return the whole content, or None as soon as it exceeds `limit` bytes (a lying `size`)."""
    data = bytearray()
    chunks = uploaded_file.chunks() if hasattr(uploaded_file, "chunks") else [uploaded_file.read()]
    for chunk in chunks:
        data += chunk
        if len(data) > limit:
            return None
    return bytes(data)


def validate_upload(
    uploaded_file,
    *,
    allowed_kinds: Iterable[str] = DOCUMENT_KINDS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> ValidatedUpload:
    """Validate an uploaded file and return what may be stored; raise ValidationError otherwise.

    `uploaded_file` is a Django File (UploadedFile, FieldFile, ContentFile). Order: emptiness and size
    (the declared size first, then the bytes actually read), kind by magic bytes against
    `allowed_kinds`, then per kind: images are limited to `max_pixels`, verified and re-encoded without
    metadata; PDFs go through `inspect_pdf`. Error codes: empty, file_too_large, file_type,
    image_too_large, image_damaged, pdf_damaged, pdf_active_content.
    """
    allowed_kinds = _check_kinds(allowed_kinds)
    original_name = sanitise_original_name(getattr(uploaded_file, "name", ""))
    display_name = original_name or UNNAMED_FILE

    def error(code: str, message_key: str | None = None, **params) -> ValidationError:
        return ValidationError(MESSAGES[message_key or code], code=code, params={"name": display_name, **params})

    def too_large(size: int) -> ValidationError:
        return error("file_too_large", size=filesizeformat(size), max_size=filesizeformat(max_bytes))

    declared_size = getattr(uploaded_file, "size", None)
    if declared_size == 0:
        raise error("empty")
    if declared_size is not None and declared_size > max_bytes:
        raise too_large(declared_size)
    content = _read_bounded(uploaded_file, max_bytes)
    if content is None:
        raise too_large(max_bytes + 1)
    if not content:
        raise error("empty")

    kinds_label = _kinds_label(allowed_kinds)
    kind = sniff_kind(content)
    if kind is None:
        raise error("file_type", kinds=kinds_label)
    if kind not in allowed_kinds:
        raise error("file_type", "file_kind_not_accepted", kind=KIND_LABELS[kind], kinds=kinds_label)

    width = height = None
    stored = content
    if kind == PDF:
        try:
            inspect_pdf(content)
        except PdfProblem as problem:
            logger.info("uploads: PDF refused (%s)", problem)
            raise error(problem.code) from problem
    else:
        try:
            image = _load_clean_image(content, kind, max_pixels)
        except _ImageTooLarge as exc:
            raise error(
                "image_too_large", width=exc.width, height=exc.height, max_megapixels=_megapixels(max_pixels)
            ) from exc
        except _ImageDamaged as exc:
            logger.info("uploads: %s image refused as damaged (%s)", kind, exc)
            raise error("image_damaged") from exc
        width, height = image.size
        stored = _encode(image, kind)

    return ValidatedUpload(
        kind=kind,
        mime_type=KIND_MIME_TYPES[kind],
        size=len(stored),
        original_size=len(content),
        original_name=original_name,
        content=stored,
        width=width,
        height=height,
    )


@deconstructible
class UploadValidator:
    """A validator for model FileFields (e.g. the admin): refuses what `validate_upload` refuses.

    It only validates; the form fields below also replace the content with the re-encoded bytes and the
    name with a random one, so public forms should use them.
    """

    def __init__(
        self,
        allowed_kinds: Iterable[str] = DOCUMENT_KINDS,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_pixels: int = DEFAULT_MAX_PIXELS,
    ):
        self.allowed_kinds = _check_kinds(allowed_kinds)
        self.max_bytes = max_bytes
        self.max_pixels = max_pixels

    def __call__(self, value):
        if value:
            validate_upload(
                value, allowed_kinds=self.allowed_kinds, max_bytes=self.max_bytes, max_pixels=self.max_pixels
            )

    def __eq__(self, other):
        return isinstance(other, UploadValidator) and (
            (self.allowed_kinds, self.max_bytes, self.max_pixels)
            == (other.allowed_kinds, other.max_bytes, other.max_pixels)
        )

    def __hash__(self):
        return hash((self.allowed_kinds, self.max_bytes, self.max_pixels))


# FORM FIELDS
# ------------------------------------------------------------------------------
class ValidatedFileField(forms.FileField):
    """A FileField whose cleaned value is a `ValidatedFile`: sniffed, limited, re-encoded, randomly named.

    An unchanged initial file (editing a ModelForm) and "clear" (False) pass through untouched.
    """

    def __init__(
        self,
        *,
        allowed_kinds: Iterable[str] = DOCUMENT_KINDS,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_pixels: int = DEFAULT_MAX_PIXELS,
        **kwargs,
    ):
        self.allowed_kinds = _check_kinds(allowed_kinds)
        self.max_bytes = max_bytes
        self.max_pixels = max_pixels
        # Emptiness is checked by validate_upload, with a message that names the file.
        kwargs["allow_empty_file"] = True
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs["accept"] = ",".join(_ACCEPT_HINTS[kind] for kind in self.allowed_kinds)
        return attrs

    def validate_file(self, uploaded_file) -> "ValidatedFile":
        upload = validate_upload(
            uploaded_file, allowed_kinds=self.allowed_kinds, max_bytes=self.max_bytes, max_pixels=self.max_pixels
        )
        return upload.as_file()

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if not value or value is initial or isinstance(value, ValidatedFile):
            return value
        return self.validate_file(value)


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleValidatedFileField(ValidatedFileField):
    """Several files in one input; the cleaned value is a list of `ValidatedFile` (empty when none).

    More than `max_files` files is refused before any is read; otherwise every file is checked and all
    problems are reported together, each naming its file.
    """

    widget = MultipleFileInput

    def __init__(self, *, max_files: int = DEFAULT_MAX_FILES, **kwargs):
        if max_files < 1:
            raise ValueError("max_files must be at least 1")
        self.max_files = max_files
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = [item for item in (data if isinstance(data, (list, tuple)) else [data]) if item]
        if not files:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if len(files) > self.max_files:
            raise ValidationError(
                MESSAGES["too_many_files"], code="too_many_files", params={"max": self.max_files, "count": len(files)}
            )
        cleaned, errors = [], []
        for uploaded_file in files:
            try:
                cleaned.append(super().clean(uploaded_file))
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return cleaned
