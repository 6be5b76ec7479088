"""Seed the calendar's categories; clerks edit them in the admin."""

from django.db import migrations

CATEGORIES = [
    ("koncerty", "Koncerty"),
    ("teatr", "Teatr"),
    ("wystawy", "Wystawy"),
    ("film", "Film"),
    ("spotkania-i-wyklady", "Spotkania i wykłady"),
    ("warsztaty", "Warsztaty"),
    ("festyny-i-plenery", "Festyny i plenery"),
    ("sport-i-rekreacja", "Sport i rekreacja"),
    ("dla-dzieci", "Dla dzieci"),
    ("inne", "Inne"),
]


def seed(apps, schema_editor):
    Category = apps.get_model("events", "Category")
    for position, (slug, name) in enumerate(CATEGORIES):
        Category.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})


def unseed(apps, schema_editor):
    apps.get_model("events", "Category").objects.filter(slug__in=[slug for slug, _name in CATEGORIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
