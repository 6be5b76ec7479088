"""Images: decoded only within a pixel limit, checked for truncation, re-encoded without metadata; renditions."""

import io
import logging
import zlib
from collections.abc import Sequence
from typing import NamedTuple

from PIL import Image, ImageCms, ImageOps, JpegImagePlugin, PngImagePlugin, WebPImagePlugin

from core.uploads.kinds import DEFAULT_MAX_PIXELS, IMAGE_KINDS, JPEG, PNG, RENDITION_WIDTHS, WEBP, sniff_kind

logger = logging.getLogger(__name__)


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
