"""What an upload may be: the known kinds and their sniffing by content, messages, names, the accepted result."""

import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

# KINDS
# ------------------------------------------------------------------------------
PDF, JPEG, PNG, WEBP = "pdf", "jpeg", "png", "webp"
MP4, WEBM = "mp4", "webm"
KNOWN_KINDS = (PDF, JPEG, PNG, WEBP, MP4, WEBM)
DOCUMENT_KINDS = (PDF, JPEG, PNG, WEBP)
IMAGE_KINDS = (JPEG, PNG, WEBP)
# Recordings, e.g. a request filed in Polish Sign Language (PJM): stored as sent, only where a field allows them.
VIDEO_KINDS = (MP4, WEBM)
VIDEO_MAX_BYTES = 50 * 1024 * 1024

KIND_MIME_TYPES = {
    PDF: "application/pdf",
    JPEG: "image/jpeg",
    PNG: "image/png",
    WEBP: "image/webp",
    MP4: "video/mp4",
    WEBM: "video/webm",
}
KIND_EXTENSIONS = {PDF: "pdf", JPEG: "jpg", PNG: "png", WEBP: "webp", MP4: "mp4", WEBM: "webm"}
# Names shown to people: proper names of formats, the same in Polish.
KIND_LABELS = {PDF: "PDF", JPEG: "JPEG", PNG: "PNG", WEBP: "WebP", MP4: "MP4", WEBM: "WebM"}
# The ISO base media brands of a video (an AVIF or HEIC image shares the "ftyp" box and is not one).
_VIDEO_BRANDS = (b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"M4V ", b"qt  ", b"dash")
# File-picker hint only (the browser may ignore it); the server decides by content.
_ACCEPT_HINTS = {
    PDF: "application/pdf,.pdf",
    JPEG: "image/jpeg,.jpg,.jpeg",
    PNG: "image/png,.png",
    WEBP: "image/webp,.webp",
    MP4: "video/mp4,video/quicktime,.mp4,.mov",
    WEBM: "video/webm,.webm",
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
    """Return the kind ("pdf", "jpeg", "png", "webp", "mp4", "webm") told by the first bytes of `content`, or None.

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
    if len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in _VIDEO_BRANDS:
        return MP4
    if head.startswith(b"\x1a\x45\xdf\xa3") and b"webm" in bytes(content[:64]):
        return WEBM
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
