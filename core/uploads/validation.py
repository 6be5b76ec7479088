"""`validate_upload`: the one check every upload goes through, and its model-field validator."""

import logging
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.formats import number_format

from core.uploads.images import _encode, _ImageDamaged, _ImageTooLarge, _load_clean_image
from core.uploads.kinds import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_PIXELS,
    DOCUMENT_KINDS,
    KIND_LABELS,
    KIND_MIME_TYPES,
    MESSAGES,
    PDF,
    UNNAMED_FILE,
    VIDEO_KINDS,
    ValidatedUpload,
    _check_kinds,
    _kinds_label,
    sanitise_original_name,
    sniff_kind,
)
from core.uploads.pdf import PdfProblem, inspect_pdf

logger = logging.getLogger(__name__)


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
    elif kind in VIDEO_KINDS:
        # A recording is kept as sent: it is never shown on a public page, only to the clerk of its case.
        pass
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


@deconstructible(path="core.uploads.UploadValidator")
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
