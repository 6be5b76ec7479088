"""Admin building blocks every case app uses: the workflow panel, status history and case messages.

The status field is always read-only; the only way to change it is a button (or a bulk action)
for a transition the workflow table allows from the current status, which calls
`core.services.transition_perform`. Every workflow admin is safe by default: an edit saves only the
editable fields (`save_editable_fields`) and older versions are never restored (`HistoryViewOnlyMixin`).
A record the admin adds through a service uses `ServiceCreateAdminMixin`.

Import the names from `core.admin_mixins`; the modules say what each part does:

| module | holds |
| --- | --- |
| `workflow` | `WorkflowAdminMixin`, `CaseAdminMixin`, `case_handler_context` (the panel, its buttons, the handler) |
| `inlines` | `StatusHistoryInline`, `CaseMessageInline`, `ApplicantChangeInline` (rows services wrote) |
| `saving` | `save_editable_fields`, `ServiceCreateAdminMixin`, `ServiceRefusalAdminMixin`, `action_for_each` |
| `read_only` | `HistoryViewOnlyMixin`, `ReadOnlyInlineMixin`, `ReadOnlyModelAdmin` |
| `documents` | `CaseDocumentsAdminMixin`, `case_documents_html`, `document_link_html` |
| `exports` | `ChangeListExportMixin` ("Eksport do CSV" / "Eksport do XLSX") |
| `polish` | `PolishAdminTitlesMixin`, `ChoiceLabelsHistoryHelper` (titles and history in correct Polish) |
"""

from core.admin_mixins.documents import CaseDocumentsAdminMixin, case_documents_html, document_link_html
from core.admin_mixins.exports import ChangeListExportMixin
from core.admin_mixins.inlines import (
    APPLICANT_CHANGES_GROUP,
    ApplicantChangeInline,
    CaseMessageInline,
    StatusHistoryInline,
)
from core.admin_mixins.polish import ChoiceLabelsHistoryHelper, PolishAdminTitlesMixin
from core.admin_mixins.read_only import HistoryViewOnlyMixin, ReadOnlyInlineMixin, ReadOnlyModelAdmin
from core.admin_mixins.saving import (
    ServiceCreateAdminMixin,
    ServiceRefusalAdminMixin,
    action_for_each,
    adopt_created,
    save_editable_fields,
)
from core.admin_mixins.workflow import CaseAdminMixin, WorkflowAdminMixin, case_handler_context

__all__ = [
    "APPLICANT_CHANGES_GROUP",
    "ApplicantChangeInline",
    "CaseAdminMixin",
    "CaseDocumentsAdminMixin",
    "CaseMessageInline",
    "ChangeListExportMixin",
    "ChoiceLabelsHistoryHelper",
    "HistoryViewOnlyMixin",
    "PolishAdminTitlesMixin",
    "ReadOnlyInlineMixin",
    "ReadOnlyModelAdmin",
    "ServiceCreateAdminMixin",
    "ServiceRefusalAdminMixin",
    "StatusHistoryInline",
    "WorkflowAdminMixin",
    "action_for_each",
    "adopt_created",
    "case_documents_html",
    "case_handler_context",
    "document_link_html",
    "save_editable_fields",
]
