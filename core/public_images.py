"""Images shown on public pages: checked by content, re-encoded without metadata, in several sizes."""

import posixpath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from core.models import PublicImage
from core.uploads import IMAGE_KINDS, make_renditions, random_upload_name, validate_upload


def public_image_create(*, uploaded_file, alt_text: str, acting_user) -> PublicImage:
    """Store a public image with its alternative text and WebP + JPEG renditions of several widths.

    The upload is validated by content (JPEG, PNG or WebP, pixel limit against decompression bombs)
    and re-encoded, so no EXIF or GPS data reaches a public URL. Raises ValidationError for a bad
    file; `alt_text` is required (WCAG 1.1.1).
    """
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    alt_text = " ".join((alt_text or "").split())
    if not alt_text:
        raise ValidationError(_("Describe what the image shows (alternative text)."), code="alt_required")
    upload = validate_upload(uploaded_file, allowed_kinds=IMAGE_KINDS)
    base_name = random_upload_name(upload.kind)
    stem = posixpath.splitext(base_name)[0]
    stored = []
    renditions = []
    try:
        for rendition in make_renditions(upload.content):
            extension = "webp" if rendition.format.lower() == "webp" else "jpg"
            name = default_storage.save(
                f"images/renditions/{stem}-{rendition.width}.{extension}", ContentFile(rendition.content)
            )
            stored.append(name)
            renditions.append({"width": rendition.width, "format": extension, "name": name})
        with transaction.atomic():
            image = PublicImage(
                alt_text=alt_text[:250],
                renditions=renditions,
                uploaded_by=acting_user,
                width=upload.width,
                height=upload.height,
            )
            image.image.save(base_name, ContentFile(upload.content), save=False)
            stored.append(image.image.name)
            image.save()
    except Exception:
        for name in stored:
            default_storage.delete(name)
        raise
    return image


def picture_sources(image: PublicImage) -> dict:
    """The srcsets of a <picture>: WebP first, the JPEG fallback, and the largest JPEG as <img src>."""
    webp = [r for r in image.renditions if r["format"] == "webp"]
    jpeg = [r for r in image.renditions if r["format"] == "jpg"]

    def srcset(items):
        return ", ".join(f"{default_storage.url(r['name'])} {r['width']}w" for r in items)

    fallback = max(jpeg, key=lambda r: r["width"]) if jpeg else None
    return {
        "webp_srcset": srcset(webp),
        "jpeg_srcset": srcset(jpeg),
        "src": default_storage.url(fallback["name"]) if fallback else image.image.url,
    }
