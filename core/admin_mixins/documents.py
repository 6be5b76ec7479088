"""A case's documents on its admin page, each a link the clerk can open (`core:document_download`)."""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from core.models import PrivateDocument


def case_documents_html(case) -> str:
    """Links to a case's documents (applicants' attachments and letters) for its admin page, or "—".

    Each goes to `core:document_download`, which serves it only to staff permitted on the case's model.
    """
    if case is None or case.pk is None:
        return "—"
    documents = PrivateDocument.objects.filter(
        content_type=ContentType.objects.get_for_model(type(case)), object_id=case.pk
    ).order_by("created_at", "pk")
    links = [(document_link_html(doc), doc.get_kind_display()) for doc in documents]
    if not links:
        return "—"
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{} ({})</li>", links))


def document_link_html(document) -> str:
    """A link to one case document (`core:document_download`: staff permitted on the case's model only)."""
    return format_html('<a href="{}">{}</a>', reverse("core:document_download", args=[document.pk]), str(document))


class CaseDocumentsAdminMixin:
    """A read-only "documents" field on a change page: the case's documents, each a link the clerk can open.

    Add "documents" to the admin's fields and readonly_fields. A record that is not itself the case (a grant
    agreement belongs to its offer's case) names its case in `documents_case`.
    """

    def documents_case(self, obj):
        return obj

    @admin.display(description=_("documents"))
    def documents(self, obj):
        return case_documents_html(self.documents_case(obj) if obj is not None else None)
