"""Fill the new columns of the list of cases for the cases opened before it carried them.

Rows are read through the historical models; only the case models' declarations (APPLICANT_NAME_FIELDS,
APPLICANT_EMAIL_FIELD, the workflow's status field) come from the live registry, as names. A case model
whose migrations have not run yet has no cases either (a fresh database): it is skipped.
"""

from django.apps import apps as live_apps
from django.db import migrations


def _name(values) -> str:
    # The same rule as core.models.cases.applicant_name_from, copied: a migration imports no project code.
    parts = []
    for value in values:
        text = " ".join(str(value or "").split())
        if text and text not in parts:
            parts.append(text)
    return " — ".join(parts)[:300]


def fill(apps, schema_editor):
    entry_model = apps.get_model("core", "CaseRegisterEntry")
    kind_model = apps.get_model("core", "CaseKind")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    kinds = {kind.key: kind.pk for kind in kind_model.objects.all()}
    type_ids = entry_model.objects.exclude(content_type=None).values_list("content_type", flat=True).distinct()
    for content_type in content_type_model.objects.filter(pk__in=list(type_ids)):
        try:
            live = live_apps.get_model(content_type.app_label, content_type.model)
            historical = apps.get_model(content_type.app_label, content_type.model)
        except LookupError:
            continue
        name_paths = list(getattr(live, "APPLICANT_NAME_FIELDS", ()))
        email_field = getattr(live, "APPLICANT_EMAIL_FIELD", None)
        workflow = getattr(live, "workflow", None)
        status_field = workflow.status_field if workflow is not None else None
        columns = [*name_paths, *([email_field] if email_field else []), *([status_field] if status_field else [])]
        kind_id = kinds.get(f"{content_type.app_label}.{content_type.model}")
        for pk, closed_at, *values in historical.objects.values_list("pk", "closed_at", *columns).iterator():
            names = values[: len(name_paths)]
            rest = values[len(name_paths) :]
            email = (rest.pop(0) or "") if email_field else ""
            status = (rest.pop(0) or "") if status_field else ""
            entry_model.objects.filter(content_type=content_type, object_id=pk).update(
                kind_id=kind_id,
                applicant_name=_name(names),
                applicant_email=email[:254],
                status=status,
                closed_at=closed_at,
            )


def unfill(apps, schema_editor):
    apps.get_model("core", "CaseRegisterEntry").objects.update(
        kind=None, applicant_name="", applicant_email="", status="", closed_at=None
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0007_caseregisterentry_applicant_status_kind"),
    ]

    operations = [migrations.RunPython(fill, unfill)]
