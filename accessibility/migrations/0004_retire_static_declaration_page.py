"""Retire the static page "Deklaracja dostępności" of the demo data: the declaration is data of its own now
(accessibility.AccessibilityDeclaration, rendered in the ministry's v2.0 structure at /deklaracja-dostepnosci/), and
the footer links it by itself. The page is unpublished, not deleted, so a clerk's text stays in its history."""

from django.db import migrations

SLUG = "deklaracja-dostepnosci"


def retire(apps, schema_editor):
    apps.get_model("core", "StaticPage").objects.filter(slug=SLUG).update(is_published=False, show_in_footer=False)


class Migration(migrations.Migration):
    dependencies = [("accessibility", "0003_declaration_plan_and_report"), ("core", "0014_search_index")]

    operations = [migrations.RunPython(retire, migrations.RunPython.noop)]
