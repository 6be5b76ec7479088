"""Link the opinions organisers attached before the checklist kept its files (0005) to their checklist lines.

The public form has always stored each body's opinion with one fixed description; until 0005 the clerk's
checklist did not know them and showed every opinion as not attached. Only lines still without a document are
filled, with the first such file of the application. The reverse leaves the links: 0005's reverse drops them.
"""

from django.db import migrations

BATCH_SIZE = 500
# The descriptions the permit form stores with each opinion (mass_events.forms.PERMIT_ATTACHMENTS).
OPINION_DESCRIPTIONS = {
    "police": "Opinia Komendanta Miejskiego Policji",
    "fire": "Opinia Komendanta Miejskiego PSP",
    "medical": "Opinia dysponenta ratownictwa medycznego",
    "sanitary": "Opinia Państwowego Powiatowego Inspektora Sanitarnego",
}


def link_opinion_documents(apps, schema_editor):
    content_type = (
        apps.get_model("contenttypes", "ContentType")
        .objects.filter(app_label="mass_events", model="masseventpermitapplication")
        .first()
    )
    if content_type is None:
        return
    document = apps.get_model("core", "PrivateDocument")
    opinion = apps.get_model("mass_events", "MassEventOpinion")
    for body, description in OPINION_DESCRIPTIONS.items():
        files = (
            document.objects.filter(
                content_type=content_type, description=description, kind="attachment", uploaded_by__isnull=True
            )
            .order_by("object_id", "created_at", "pk")
            .values_list("object_id", "pk")
        )
        first = {}
        for application_id, document_id in files.iterator(chunk_size=BATCH_SIZE):
            first.setdefault(application_id, document_id)
        for application_id, document_id in first.items():
            opinion.objects.filter(application_id=application_id, body=body, document__isnull=True).update(
                document_id=document_id
            )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("mass_events", "0005_opinion_document"),
    ]

    operations = [migrations.RunPython(link_opinion_documents, migrations.RunPython.noop)]
