"""The one download of a public attachment (core.models.PublicAttachment): only while its parent is public.

Each app routes its attachments to this view with the concrete model:

    path(
        "wydarzenia/<slug:slug>/zalaczniki/<int:pk>/",
        public_attachment_download,
        {"model": EventAttachment},
        name="attachment_download",
    )

The parent is looked up among `model.public_parents()` on every request, so the attachment of a draft, of a
page scheduled for later or of a release under embargo has no public address, and an attachment is reachable
only under its own parent. The file opens in the browser with the headers of every stored file
(`core.private_documents.stored_file_response`) and may be cached for five minutes.

Clerks add attachments in the parent's admin through `PublicAttachmentInline` (or `PublicAttachmentForm` in a
model admin of their own): the file is sniffed as a PDF, checked for active content and stored under a random
name; the admin never links the stored file, which has no URL of its own.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from core.models import PublicAttachment
from core.models.attachments import ATTACHMENT_KINDS, ATTACHMENT_MAX_BYTES
from core.private_documents import stored_file_response
from core.uploads import ValidatedFileField

PUBLIC_CACHE_CONTROL = "public, max-age=300"


@require_safe
def public_attachment_download(request, slug: str, pk: int, *, model: type[PublicAttachment]):
    """Serve the attachment `pk` of `model` under the public parent `slug`; Http404 otherwise."""
    parent = get_object_or_404(model.public_parents(), slug=slug)
    attachment = get_object_or_404(model, pk=pk, **{model.parent_field: parent})
    return stored_file_response(
        attachment.file,
        filename=attachment.download_filename,
        mime_type=attachment.mime_type,
        as_attachment=False,
        cache_control=PUBLIC_CACHE_CONTROL,
    )


class PrivateFileInput(AdminFileWidget):
    """The admin's file input without the "currently: <link>" of the stored file: a private file has no URL
    (the storage's would point under /media/, where it is not); an admin may link a preview of its own instead."""

    def is_initial(self, value):
        return False


class PublicAttachmentForm(forms.ModelForm):
    """The admin form of any public attachment (the admin supplies the model)."""

    # Sniffed as PDF, checked for active content and stored under a random name (core.uploads).
    file = ValidatedFileField(
        label=_("file (PDF)"),
        allowed_kinds=ATTACHMENT_KINDS,
        max_bytes=ATTACHMENT_MAX_BYTES,
        widget=PrivateFileInput,
        help_text=_("An accessible PDF (with text, not a scan), at most 10 MB."),
    )


class PublicAttachmentInline(admin.TabularInline):
    """The attachments of a public page in its admin form; set `model`."""

    form = PublicAttachmentForm
    extra = 0
    fields = ["title", "file", "position"]
