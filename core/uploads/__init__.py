"""Validation of uploaded files: content sniffing, size and pixel limits, image re-encoding, PDF checks.

Every upload of the portal (applicants' documents, event images) goes through `validate_upload`, usually
through the form fields `ValidatedFileField` and `MultipleValidatedFileField`:

* the type is decided by the first bytes of the content (magic bytes), never by the file name or the
  content type the browser declared; only PDF, JPEG, PNG, WebP and the MP4 and WebM recordings are known,
  everything else is refused (a field accepts recordings only when it names `VIDEO_KINDS`);
* images are opened with Pillow only after their header says they have at most `max_pixels` pixels,
  then verified, decoded and re-encoded without any metadata (EXIF, GPS, XMP, ICC, comments): the
  bytes sent by the client are never stored, so a polyglot or a payload in a metadata block is gone;
* PDFs are stored as sent (re-rendering them would need a heavy library), after a check of the header,
  of the end-of-file marker and a scan for active content (see `inspect_pdf` for its limits);
* the storage name is random (`random_upload_name`); the client's file name is kept only as sanitised
  metadata (`sanitise_original_name`).

Messages are English msgids translated to Polish through gettext; each names the file, says what is
wrong and what is accepted.

The package: `kinds` (the known kinds, sniffing, names, the accepted result), `images`, `pdf`, `validation`
(`validate_upload`, `UploadValidator`), `fields` (the form fields) and `stash` (the accepted files of a public form
shown again, `KeptUploadsMixin`). Import the public names from `core.uploads`; the stash from `core.uploads.stash`.
"""

from core.uploads.fields import MultipleFileInput, MultipleValidatedFileField, ValidatedFileField
from core.uploads.images import Rendition, make_renditions
from core.uploads.kinds import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_FILES,
    DEFAULT_MAX_PIXELS,
    DOCUMENT_KINDS,
    IMAGE_KINDS,
    JPEG,
    KIND_EXTENSIONS,
    KIND_LABELS,
    KIND_MIME_TYPES,
    KNOWN_KINDS,
    MESSAGES,
    MP4,
    ORIGINAL_NAME_MAX_LENGTH,
    PDF,
    PNG,
    RENDITION_WIDTHS,
    UNNAMED_FILE,
    VIDEO_KINDS,
    VIDEO_MAX_BYTES,
    WEBM,
    WEBP,
    ValidatedFile,
    ValidatedUpload,
    random_upload_name,
    sanitise_original_name,
    sniff_kind,
)
from core.uploads.pdf import PdfProblem, inspect_pdf
from core.uploads.validation import UploadValidator, validate_upload

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_FILES",
    "DEFAULT_MAX_PIXELS",
    "DOCUMENT_KINDS",
    "IMAGE_KINDS",
    "JPEG",
    "KIND_EXTENSIONS",
    "KIND_LABELS",
    "KIND_MIME_TYPES",
    "KNOWN_KINDS",
    "MESSAGES",
    "ORIGINAL_NAME_MAX_LENGTH",
    "PDF",
    "PNG",
    "RENDITION_WIDTHS",
    "UNNAMED_FILE",
    "VIDEO_KINDS",
    "VIDEO_MAX_BYTES",
    "MP4",
    "WEBM",
    "WEBP",
    "MultipleFileInput",
    "MultipleValidatedFileField",
    "PdfProblem",
    "Rendition",
    "UploadValidator",
    "ValidatedFile",
    "ValidatedFileField",
    "ValidatedUpload",
    "inspect_pdf",
    "make_renditions",
    "random_upload_name",
    "sanitise_original_name",
    "sniff_kind",
    "validate_upload",
]
