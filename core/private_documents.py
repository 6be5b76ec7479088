"""Private documents of cases: storing them under random names and serving them only to who may read them.

Applicants' attachments and the department's letters live in the "private" storage, outside MEDIA_ROOT
(`core.checks` guards that), and never have a URL of their own: every download goes through one of the
two views below, which check access on each request and answer with an attachment that a browser will
not render inline (CSP sandbox, nosniff) nor keep in a cache.

* `document_download` — staff: an authenticated, active staff user (OTP-verified when django-otp's
  middleware is installed, unless settings.OTP_REQUIRED is False) with the `view` (or `change`, as in the
  admin) permission on the document's case model. Anyone else gets 404, staff without the permission 403.
* `case_document_download` — the applicant, through the private tracking token of their case: only the
  documents of that case which are letters of the department or attachments the applicant uploaded
  (uploaded_by is empty: public forms have no user). Anything else is 404.

Anonymous and non-staff requests get 404, not a redirect to the admin login: document ids are sequential,
a 404 tells nothing about which exist, and a redirect would reveal the admin's address, which is
configured per deployment (DJANGO_ADMIN_URL) precisely so that it is not public.
"""

import mimetypes
import re
import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.models import Case, CaseRegisterEntry, PrivateDocument
from core.services import CaseWorkError
from core.uploads import KIND_MIME_TYPES, random_upload_name, sanitise_original_name, sniff_kind

_MIME_TYPE = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$")
_FALLBACK_MIME_TYPE = "application/octet-stream"


# SERVICE
# ------------------------------------------------------------------------------
def _storage_basename(content: bytes, mime_type: str) -> tuple[str, str]:
    """Return (random "YYYY/MM/<hex>.ext" name, mime type): the content's sniffed type wins over the declared one.

    PrivateDocument.file's upload_to puts it under "documents/".
    """
    kind = sniff_kind(content)
    if kind:
        return random_upload_name(kind), KIND_MIME_TYPES[kind]
    mime_type = (mime_type or "").strip().lower()
    if not _MIME_TYPE.match(mime_type):
        mime_type = _FALLBACK_MIME_TYPE
    extension = mimetypes.guess_extension(mime_type, strict=False) or ".bin"
    return f"{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}{extension}", mime_type


def document_attach(
    *,
    case: Case,
    content,
    original_name: str,
    mime_type: str,
    kind: str,
    acting_user,
    description: str = "",
) -> PrivateDocument:
    """Store a document of `case` in private storage under a random name and record it.

    `content` is bytes or a Django File (an UploadedFile, a
    `core.uploads.ValidatedFile`); validate public uploads first (`core.uploads.ValidatedFileField`),
    this service does not. The storage path is "documents/YYYY/MM/<random hex>.<ext>" — never the
    client's name, which is kept (sanitised) in `original_name` only. When the bytes are a known type
    (PDF, JPEG, PNG, WebP) the sniffed type replaces `mime_type`. `acting_user` is the clerk who adds
    it, or None for the applicant (a public form). Raises CaseWorkError for an unknown kind, an empty
    file or an anonymised case (its data would outlive its retention). If saving the row fails the
    stored file is deleted again.
    """
    if kind not in PrivateDocument.Kind.values:
        raise CaseWorkError(_("Unknown kind of document."), code="document_kind")
    source = content
    if isinstance(source, bytes | bytearray | memoryview):
        content = bytes(source)
    else:
        file = source if isinstance(source, File) else File(source)
        content = b"".join(file.chunks())
    if not content:
        raise CaseWorkError(_("The file is empty."), code="empty")
    name, stored_mime_type = _storage_basename(content, mime_type)
    document = PrivateDocument(
        content_type=ContentType.objects.get_for_model(type(case)),
        object_id=case.pk,
        kind=kind,
        original_name=sanitise_original_name(original_name),
        mime_type=stored_mime_type,
        size=len(content),
        description=(description or "")[:200],
        uploaded_by=acting_user if acting_user is not None and acting_user.is_authenticated else None,
    )
    document.file.save(name, ContentFile(content), save=False)
    try:
        with transaction.atomic():
            # Locks the case row as the retention purge does, so a document cannot slip in after it.
            anonymised_at = (
                type(case)
                ._default_manager.select_for_update()
                .filter(pk=case.pk)
                .values_list("anonymised_at", flat=True)
                .first()
            )
            if anonymised_at:
                raise CaseWorkError(_("The case has been anonymised; documents cannot be added."), code="anonymised")
            document.full_clean()
            document.save()
    except Exception:
        document.file.storage.delete(document.file.name)
        raise
    return document


def document_attach_upload(*, case: Case, upload, description: str = "", acting_user=None) -> PrivateDocument:
    """Keep a file the applicant sent through a public form with `case`, as one of its attachments.

    `upload` is a validated file (`core.uploads.ValidatedFile`, from a `ValidatedFileField`): its client's name
    and type come from `upload.upload`; a plain File keeps its own name and the type is sniffed. `acting_user`
    is None for the applicant (the default) or the clerk who adds it. See `document_attach` for what is stored.
    """
    details = getattr(upload, "upload", None)
    return document_attach(
        case=case,
        content=upload,
        original_name=getattr(details, "original_name", "") or upload.name or "",
        mime_type=getattr(details, "mime_type", ""),
        kind=PrivateDocument.Kind.ATTACHMENT,
        acting_user=acting_user,
        description=description,
    )


# VIEWS
# ------------------------------------------------------------------------------
def _is_verified_staff(user) -> bool:
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    # django-otp's middleware installs user.is_verified(); without it there is no second factor to ask for.
    # OTP_REQUIRED (off only in debug mode) keeps this view in step with the admin's sign-in.
    if not getattr(settings, "OTP_REQUIRED", True):
        return True
    return bool(getattr(user, "is_verified", lambda: True)())


def _may_view_case_documents(user, content_type: ContentType) -> bool:
    app_label, model_name = content_type.app_label, content_type.model
    # As in ModelAdmin.has_view_permission: "change" implies "view".
    return user.has_perm(f"{app_label}.view_{model_name}") or user.has_perm(f"{app_label}.change_{model_name}")


def _download_name(document: PrivateDocument) -> str:
    name = sanitise_original_name(document.original_name)
    if name:
        return name
    extension = mimetypes.guess_extension(document.mime_type, strict=False) or ""
    return f"dokument-{document.pk}{extension}"


def stored_file_response(
    field_file,
    *,
    filename: str,
    mime_type: str,
    as_attachment: bool = True,
    cache_control: str = "private, no-store",
) -> FileResponse:
    """Serve a stored file (private storage) safely: no script runs in it, no type sniffing, no referrer.

    Raises Http404 when the row survived but the file is gone (e.g. a retention purge interrupted before
    its commit). Public files (an event's programme) pass `as_attachment=False` and a public cache policy.
    """
    try:
        # The storage's own file object: its name is the real path, so FileResponse sets Content-Length.
        handle = field_file.storage.open(field_file.name, "rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404 from exc
    mime_type = mime_type if _MIME_TYPE.match(mime_type or "") else _FALLBACK_MIME_TYPE
    response = FileResponse(handle, as_attachment=as_attachment, filename=filename, content_type=mime_type)
    response["X-Content-Type-Options"] = "nosniff"
    # Set here, so the site-wide CSP middleware leaves it alone: a document opened anyway runs no script.
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = cache_control
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _file_response(document: PrivateDocument) -> FileResponse:
    return stored_file_response(document.file, filename=_download_name(document), mime_type=document.mime_type)


@require_safe
def document_download(request, pk: int):
    """Serve a case document to staff who may view the case's model (404 for others, 403 for wrong role)."""
    if not _is_verified_staff(request.user):
        raise Http404
    document = get_object_or_404(PrivateDocument.objects.select_related("content_type"), pk=pk)
    if not _may_view_case_documents(request.user, document.content_type):
        raise PermissionDenied
    return _file_response(document)


@require_safe
def image_preview(request, pk: int):
    """Show staff who may view public images the largest JPEG of an image, withheld or not (404 for others).

    A withheld image (a press photo under embargo) has no public address: this is how clerks see it in
    the admin. Answers are never cached, so a preview does not outlive the clerk's session in a cache.
    """
    from core.models import PublicImage
    from core.public_images import image_original, image_rendition

    if not _is_verified_staff(request.user):
        raise Http404
    if not (request.user.has_perm("core.view_publicimage") or request.user.has_perm("core.change_publicimage")):
        raise PermissionDenied
    image = get_object_or_404(PublicImage, pk=pk)
    jpeg = [r for r in image.renditions if r["format"] == "jpg"]
    if jpeg:
        largest = max(jpeg, key=lambda r: r["width"])
        stored, mime_type = image_rendition(image, width=largest["width"], extension="jpg"), "image/jpeg"
    else:
        stored = image_original(image)
        mime_type = mimetypes.guess_type(stored.name)[0] or _FALLBACK_MIME_TYPE
    return stored_file_response(
        stored,
        filename=f"podglad-{image.pk}.{stored.name.rsplit('.', 1)[-1]}",
        mime_type=mime_type,
        as_attachment=False,
    )


def applicant_documents(*, content_type_id: int, object_id: int):
    """The documents of a case its applicant may download: the department's letters and their own uploads.

    Attachments added by staff (uploaded_by set: internal notes, opinions) stay internal.
    """
    return PrivateDocument.objects.filter(content_type_id=content_type_id, object_id=object_id).filter(
        Q(kind=PrivateDocument.Kind.LETTER) | Q(kind=PrivateDocument.Kind.ATTACHMENT, uploaded_by__isnull=True)
    )


@require_safe
def case_document_download(request, token: str, pk: int):
    """Serve the applicant a letter or their own attachment of the case their tracking token opens."""
    if len(token) > 64:
        raise Http404
    entry = get_object_or_404(CaseRegisterEntry, tracking_token=token)
    if entry.content_type_id is None or entry.object_id is None:
        raise Http404
    documents = applicant_documents(content_type_id=entry.content_type_id, object_id=entry.object_id)
    return _file_response(get_object_or_404(documents, pk=pk))


def letter_issue(
    *, case: Case, template_name: str, context, acting_user, description: str = "", file_name: str = ""
) -> PrivateDocument:
    """Render a letter or decision of `case` to PDF and keep it with the case as a LETTER document.

    The PDF carries the case mark; the applicant can download it from the tracking page.
    """
    from core.documents import render_letter_pdf

    pdf = render_letter_pdf(template_name=template_name, context=context)
    return document_attach(
        case=case,
        content=pdf,
        original_name=file_name or f"{case.case_mark}.pdf",
        mime_type="application/pdf",
        kind=PrivateDocument.Kind.LETTER,
        acting_user=acting_user,
        description=description,
    )
