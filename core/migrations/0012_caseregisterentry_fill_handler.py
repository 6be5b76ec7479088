"""Copy each case's handler onto its line in the list of cases, for the cases opened before the line carried it.

Rows are read through the historical models. A case model whose migrations have not run yet has no cases either
(a fresh database): it is skipped. One update per handler and case type, so the backfill stays short.
"""

from django.db import migrations


def fill(apps, schema_editor):
    entry_model = apps.get_model("core", "CaseRegisterEntry")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    type_ids = entry_model.objects.exclude(content_type=None).values_list("content_type", flat=True).distinct()
    for content_type in content_type_model.objects.filter(pk__in=list(type_ids)):
        try:
            historical = apps.get_model(content_type.app_label, content_type.model)
        except LookupError:
            continue
        by_handler: dict[int, list[int]] = {}
        for pk, handler_id in historical.objects.exclude(handler=None).values_list("pk", "handler_id").iterator():
            by_handler.setdefault(handler_id, []).append(pk)
        for handler_id, pks in by_handler.items():
            for start in range(0, len(pks), 500):
                entry_model.objects.filter(content_type=content_type, object_id__in=pks[start : start + 500]).update(
                    handler_id=handler_id
                )


def unfill(apps, schema_editor):
    apps.get_model("core", "CaseRegisterEntry").objects.update(handler=None)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0011_caseregisterentry_handler"),
    ]

    operations = [migrations.RunPython(fill, unfill)]
