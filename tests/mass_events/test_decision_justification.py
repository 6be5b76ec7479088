"""A permit decision's justification: written in the editor, sanitised on save, printed formatted in the PDF."""

import io
import re

from django.apps import apps as global_apps
from django.urls import reverse
from pypdf import PdfReader

from core.models import PrivateDocument
from core.services import transition_perform
from mass_events.models import MassEventPermitApplication
from tests.helpers import workflow
from tests.mass_events.factories import PermitApplicationFactory, fill_decision

Status = MassEventPermitApplication.Status
JUSTIFICATION = (
    '<p onclick="alert(1)">Organizator spełnił wymogi <strong>bezpieczeństwa</strong>.</p>'
    "<ul><li>opinia Policji pozytywna</li><li>opinia PSP pozytywna</li></ul><script>alert(2)</script>"
)


def decision_pdf_text(application) -> str:
    document = PrivateDocument.objects.filter(object_id=application.pk, kind=PrivateDocument.Kind.LETTER).latest("pk")
    with document.file.open("rb") as handle:
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)
    return " ".join(text.split())


def test_the_justification_is_sanitised_and_printed_with_its_formatting(clerk, rendered_letters, db):
    application = PermitApplicationFactory(status=Status.DECISION_DRAFTED)
    fill_decision(application)
    application.decision_justification = JUSTIFICATION
    application.save(update_fields=["decision_justification"])
    application.refresh_from_db()
    assert application.decision_justification == (
        "<p>Organizator spełnił wymogi <strong>bezpieczeństwa</strong>.</p>"
        "<ul><li>opinia Policji pozytywna</li><li>opinia PSP pozytywna</li></ul>"
    )

    transition_perform(obj=application, name="issue_permit", acting_user=clerk.clerk)

    justification = rendered_letters[-1].split("Uzasadnienie", 1)[1]
    assert "<strong>bezpieczeństwa</strong>" in justification
    assert "<li>opinia PSP pozytywna</li>" in justification
    assert "alert" not in rendered_letters[-1]
    text = decision_pdf_text(application)
    assert "Organizator spełnił wymogi bezpieczeństwa." in text
    assert "opinia Policji pozytywna" in text


def test_a_refusals_reason_typed_as_a_note_keeps_its_paragraphs(clerk, rendered_letters, db):
    application = PermitApplicationFactory(status=Status.DECISION_DRAFTED)
    fill_decision(application)
    workflow(clerk, application, "refuse", note="Negatywna opinia PSP <drogi pożarowe>.\n\nBrak planu ewakuacji.")
    application.refresh_from_db()
    assert application.status == Status.REFUSED
    assert application.decision_justification == (
        "<p>Negatywna opinia PSP &lt;drogi pożarowe&gt;.</p><p>Brak planu ewakuacji.</p>"
    )
    assert "<p>Brak planu ewakuacji.</p>" in rendered_letters[-1]


def test_the_data_migration_turns_old_justifications_into_paragraphs(db):
    migration = __import__("mass_events.migrations.0009_rich_text_justification", fromlist=["to_html"])
    application = PermitApplicationFactory()
    MassEventPermitApplication.objects.filter(pk=application.pk).update(
        decision_justification="Wniosek niekompletny.\nBrak opinii PSP."
    )
    untouched = PermitApplicationFactory(event_name="Inna impreza")

    migration.to_html(global_apps, None)

    application.refresh_from_db()
    assert application.decision_justification == "<p>Wniosek niekompletny.<br>Brak opinii PSP.</p>"
    untouched.refresh_from_db()
    assert untouched.decision_justification == ""


def test_the_clerk_writes_the_justification_in_the_editor(clerk, db):
    application = PermitApplicationFactory(status=Status.DECISION_DRAFTED)
    page = clerk.get(reverse("admin:mass_events_masseventpermitapplication_change", args=[application.pk]))
    textarea = re.search(r'<textarea[^>]*name="decision_justification"[^>]*>', page.content.decode())
    assert textarea
    assert "data-django-prose-editor-configurable=" in textarea.group(0)
