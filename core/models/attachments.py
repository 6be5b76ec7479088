"""A document residents download from a public page: an event's programme, a release's PDF, a call's rules.

One abstract model for every such file. A concrete attachment names its parent (a foreign key), the parents
residents may see now and the URL of its download (`core.public_attachments.public_attachment_download`):

    class EventAttachment(PublicAttachment):
        parent_field = "event"
        download_url_name = "events:attachment_download"
        upload_dir = "events/attachments"
        event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attachments")

        @classmethod
        def public_parents(cls):
            return Event.objects.published()

The file is kept in the private storage, never under MEDIA_ROOT: it has no address but the download view, which
checks on every request that the parent is public. A deleted attachment (also one deleted with its parent) and a
replaced file take their stored file with them once the transaction commits.
"""

import posixpath
from typing import ClassVar

from django.db import models, transaction
from django.db.models.signals import class_prepared, post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models.base import TimeStampedModel
from core.models.records import private_storage
from core.slugs import polish_slugify
from core.uploads import KIND_EXTENSIONS, KIND_MIME_TYPES, PDF, UploadValidator

ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
ATTACHMENT_KINDS = (PDF,)
_KIND_OF_MIME_TYPE = {mime_type: kind for kind, mime_type in KIND_MIME_TYPES.items()}


def attachment_upload_to(instance, filename: str) -> str:
    """The storage name of an attachment: its model's folder and the (random) name the validated upload got."""
    return posixpath.join(instance.upload_dir, filename)


class PublicAttachment(TimeStampedModel):
    """Abstract: a PDF of a public page, checked like every upload (core.uploads), served while its page is public."""

    #: The name of the foreign key to the page the attachment belongs to (its URL carries the parent's slug).
    parent_field: ClassVar[str]
    #: The URL name of the download, taking the parent's `slug` and the attachment's `pk`.
    download_url_name: ClassVar[str]
    #: The storage folder, e.g. "events/attachments".
    upload_dir: ClassVar[str]
    #: The downloaded file's name when the title gives no letters.
    download_name: ClassVar[str] = "zalacznik"

    title = models.CharField(
        _("title"), max_length=200, help_text=_("The link text, e.g. “Programme of the festival”.")
    )
    file = models.FileField(
        _("file (PDF)"),
        storage=private_storage,
        upload_to=attachment_upload_to,
        max_length=200,
        validators=[UploadValidator(ATTACHMENT_KINDS, max_bytes=ATTACHMENT_MAX_BYTES)],
        help_text=_("An accessible PDF (with text, not a scan), at most 10 MB."),
    )
    original_name = models.CharField(_("original file name"), max_length=120, blank=True, editable=False)
    mime_type = models.CharField(_("type"), max_length=60, default="application/pdf", editable=False)
    size = models.PositiveIntegerField(_("size in bytes"), default=0, editable=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Record the new file's size, name and type; a replaced file is deleted once the save commits."""
        replaced = None
        if self.file and not self.file._committed:
            upload = getattr(self.file.file, "upload", None)  # a core.uploads.ValidatedFile
            if upload is not None:
                self.original_name, self.mime_type = upload.original_name, upload.mime_type
            if self.pk is not None:
                replaced = type(self).objects.filter(pk=self.pk).values_list("file", flat=True).first()
        if self.file:
            self.size = self.file.size
        super().save(*args, **kwargs)
        if replaced and replaced != self.file.name:
            _delete_file_on_commit(self.file.storage, replaced)

    def get_absolute_url(self):
        return reverse(self.download_url_name, kwargs={"slug": self.parent.slug, "pk": self.pk})

    @classmethod
    def public_parents(cls) -> models.QuerySet:
        """The parents residents may see now (their attachments are served, any other's are not)."""
        raise NotImplementedError

    @property
    def parent(self):
        return getattr(self, self.parent_field)

    @property
    def download_filename(self) -> str:
        """The file name a browser shows: the title as an address and the extension of the content type."""
        extension = KIND_EXTENSIONS.get(_KIND_OF_MIME_TYPE.get(self.mime_type, PDF), "pdf")
        return f"{polish_slugify(self.title) or self.download_name}.{extension}"


def _delete_file_on_commit(storage, name: str) -> None:
    transaction.on_commit(lambda: storage.delete(name))


def _attachment_file_delete(sender, instance, **kwargs):
    """Remove the file of a deleted attachment (also when its parent is deleted) once the deletion commits."""
    if instance.file:
        _delete_file_on_commit(instance.file.storage, instance.file.name)


@receiver(class_prepared)
def _connect_file_clean_up(sender, **kwargs):
    # Connected per concrete model, not for every sender: a receiver without a sender would stop Django's fast
    # deletes of every model in the project.
    if issubclass(sender, PublicAttachment) and not sender._meta.abstract:
        post_delete.connect(_attachment_file_delete, sender=sender, dispatch_uid=f"{sender._meta.label}.file_delete")
