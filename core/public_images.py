"""Images shown on public pages: checked by content, re-encoded without metadata, in several sizes.

An image may be *withheld* (a press photo under embargo): its files then live in the private storage,
outside MEDIA_ROOT, and no public address exists for them. Publishing it copies the files to public media
under fresh random names, so no name a clerk saw while it was withheld ever leads to the public file.
"""

import posixpath
from typing import NamedTuple

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.db import transaction

from core.models import PublicImage
from core.uploads import IMAGE_KINDS, JPEG, make_renditions, random_upload_name, validate_upload

RENDITION_FORMATS = ("webp", "jpg")


class StoredFile(NamedTuple):
    """A stored file as `core.private_documents.stored_file_response` needs it: a storage and a name."""

    storage: object
    name: str


def image_storage(image: PublicImage):
    """The storage holding `image`'s files: the private one while it is withheld, public media otherwise."""
    return storages["private"] if image.withheld else default_storage


def image_original(image: PublicImage) -> StoredFile:
    return StoredFile(image_storage(image), image.image.name)


def image_rendition(image: PublicImage, *, width: int, extension: str) -> StoredFile | None:
    """The rendition of `image` in `width` and `extension` ("webp" or "jpg"), or None when there is none."""
    for rendition in image.renditions:
        if rendition["width"] == width and rendition["format"] == extension:
            return StoredFile(image_storage(image), rendition["name"])
    return None


def public_image_create(*, uploaded_file, alt_text: str, acting_user, withheld: bool = False) -> PublicImage:
    """Store a public image with its alternative text and WebP + JPEG renditions of several widths.

    The upload is validated by content (JPEG, PNG or WebP, pixel limit against decompression bombs)
    and re-encoded, so no EXIF or GPS data reaches a public URL. Raises ValidationError for a bad
    file; `alt_text` is required (WCAG 1.1.1). `withheld=True` (a photo of a release under embargo)
    stores every file in the private storage: nothing is written under MEDIA_ROOT until
    `public_image_publish`.
    """
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    alt_text = " ".join((alt_text or "").split())
    if not alt_text:
        raise ValidationError(_("Describe what the image shows (alternative text)."), code="alt_required")
    upload = validate_upload(uploaded_file, allowed_kinds=IMAGE_KINDS)
    storage = storages["private"] if withheld else default_storage
    base_name = random_upload_name(upload.kind)
    stem = posixpath.splitext(base_name)[0]
    stored = []
    renditions = []
    try:
        for rendition in make_renditions(upload.content):
            extension = "webp" if rendition.format.lower() == "webp" else "jpg"
            name = storage.save(
                f"images/renditions/{stem}-{rendition.width}.{extension}", ContentFile(rendition.content)
            )
            stored.append(name)
            renditions.append({"width": rendition.width, "format": extension, "name": name})
        original = storage.save(f"images/{base_name}", ContentFile(upload.content))
        stored.append(original)
        with transaction.atomic():
            image = PublicImage(
                alt_text=alt_text[:250],
                renditions=renditions,
                uploaded_by=acting_user,
                width=upload.width,
                height=upload.height,
                withheld=withheld,
            )
            image.image.name = original
            image.save()
    except Exception:
        for name in stored:
            storage.delete(name)
        raise
    return image


def image_files_move(image, *, source, target) -> list[str]:
    """Copy `image`'s original and renditions from `source` to `target` under fresh random names.

    Sets the new names on `image` (not saved) and returns the old names. On any failure the copies made
    so far are deleted and the error is raised: the image is left as it was.
    """
    extension = posixpath.splitext(image.image.name)[1] or ".jpg"
    stem = posixpath.splitext(random_upload_name(JPEG))[0]
    copied = []
    try:
        renditions = []
        for rendition in image.renditions:
            with source.open(rendition["name"], "rb") as handle:
                name = target.save(
                    f"images/renditions/{stem}-{rendition['width']}.{rendition['format']}", ContentFile(handle.read())
                )
            copied.append(name)
            renditions.append({**rendition, "name": name})
        with source.open(image.image.name, "rb") as handle:
            original = target.save(f"images/{stem}{extension}", ContentFile(handle.read()))
        copied.append(original)
    except Exception:
        for name in copied:
            target.delete(name)
        raise
    old_names = [image.image.name, *(rendition["name"] for rendition in image.renditions)]
    image.image.name = original
    image.renditions = renditions
    return old_names


def _delete_after_commit(storage, names: list[str]) -> None:
    def delete():
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete)


def public_image_publish(image: PublicImage) -> PublicImage:
    """Make a withheld image public: its files move to public media under fresh names (idempotent).

    Called when what withholds the image is published (a press release leaving its embargo). The row is
    locked, so two runs never copy twice; the private copies are deleted once the change commits. If a
    file cannot be copied the image stays withheld and the error is raised (a later run retries).
    """
    with transaction.atomic():
        locked = PublicImage.objects.select_for_update().get(pk=image.pk)
        if not locked.withheld:
            return locked
        old_names = image_files_move(locked, source=storages["private"], target=default_storage)
        locked.withheld = False
        locked.save(update_fields=["image", "renditions", "withheld"])
        _delete_after_commit(storages["private"], old_names)
    return locked


def picture_sources(image: PublicImage, *, url=None) -> dict:
    """The srcsets of a <picture>: WebP first, the JPEG fallback, and the largest JPEG as <img src>.

    `url(rendition)` gives a rendition's address (default: its public media URL); a withheld image has no
    public media URL, so its owner passes a view that checks the image may be shown (without one, a withheld
    image gets empty sources).
    """
    if url is None:
        if image.withheld:
            # No public address exists: whoever forgot to check gets empty sources, never a wrong URL.
            return {"webp_srcset": "", "jpeg_srcset": "", "src": ""}
        url = lambda rendition: default_storage.url(rendition["name"])  # noqa: E731
    webp = [r for r in image.renditions if r["format"] == "webp"]
    jpeg = [r for r in image.renditions if r["format"] == "jpg"]

    def srcset(items):
        return ", ".join(f"{url(r)} {r['width']}w" for r in items)

    fallback = max(jpeg, key=lambda r: r["width"]) if jpeg else None
    return {
        "webp_srcset": srcset(webp),
        "jpeg_srcset": srcset(jpeg),
        "src": url(fallback) if fallback else default_storage.url(image.image.name),
    }
