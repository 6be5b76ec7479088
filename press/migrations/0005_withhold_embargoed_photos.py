"""Photos of releases that are not public yet leave public media (issue 13, point 11).

Before this change every release photo was stored in public media under a random name from the moment it
was uploaded. The photos of releases not yet public (drafts, in review, approved, scheduled, withdrawn
before publication) move to the private storage under fresh names and are marked withheld; the public
files are deleted once the migration commits, so their old addresses stop existing. An image an event
shows, or a public release shows too, is already public by a clerk's choice and stays where it is.
Reversing publishes every withheld image again.
"""

import logging

from django.core.files.storage import default_storage, storages
from django.db import migrations, transaction
from django.utils import timezone

PUBLIC_STATUSES = ("scheduled", "published", "corrected")

logger = logging.getLogger(__name__)


def _delete_after_commit(storage, names):
    def delete():
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete)


def withhold(apps, schema_editor):
    from core.public_images import image_files_move

    PressRelease = apps.get_model("press", "PressRelease")
    ReleasePhoto = apps.get_model("press", "ReleasePhoto")
    PublicImage = apps.get_model("core", "PublicImage")
    Event = apps.get_model("events", "Event")

    public_releases = PressRelease.objects.filter(
        status__in=PUBLIC_STATUSES, publish_at__isnull=False, publish_at__lte=timezone.now()
    )
    shown = set(ReleasePhoto.objects.filter(release__in=public_releases).values_list("image_id", flat=True))
    shown |= set(Event.objects.filter(image__isnull=False).values_list("image_id", flat=True))
    embargoed = (
        ReleasePhoto.objects.exclude(release__in=public_releases).exclude(image_id__in=shown).values("image_id")
    )
    for image in PublicImage.objects.filter(pk__in=embargoed, withheld=False).order_by("pk"):
        try:
            old_names = image_files_move(image, source=default_storage, target=storages["private"])
        except OSError:
            # Its files are gone already: nothing is public, and the row is left as it was.
            logger.warning("event=photo_withhold_skipped image=%s", image.pk)
            continue
        image.withheld = True
        image.save(update_fields=["image", "renditions", "withheld"])
        _delete_after_commit(default_storage, old_names)


def publish(apps, schema_editor):
    from core.public_images import image_files_move

    PublicImage = apps.get_model("core", "PublicImage")
    for image in PublicImage.objects.filter(withheld=True).order_by("pk"):
        try:
            old_names = image_files_move(image, source=storages["private"], target=default_storage)
        except OSError:
            logger.warning("event=photo_publish_skipped image=%s", image.pk)
            continue
        image.withheld = False
        image.save(update_fields=["image", "renditions", "withheld"])
        _delete_after_commit(storages["private"], old_names)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_public_image_withheld"),
        ("events", "0006_submission_image"),
        ("press", "0004_social_media_plan"),
    ]

    operations = [migrations.RunPython(withhold, publish)]
