"""Re-encrypt every field encrypted at rest with the first key of DJANGO_FIELD_ENCRYPTION_KEYS.

The second step of a key rotation (docs/operations.md): after the new key is put first and the old one kept
after it, this rewrites every value under the new key, so the old key can be dropped. Prints one line per field
with the number of values rewritten; never a value.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from core.encryption import encrypted_fields

BATCH_SIZE = 500


class Command(BaseCommand):
    help = "Re-encrypt the fields encrypted at rest (the PESEL numbers) with the first key, after a key rotation."

    def handle(self, *args, **options):
        for model, field in encrypted_fields():
            rewritten = 0
            rows = model._base_manager.order_by("pk").values_list("pk", field.attname)
            for pk, value in rows.iterator(chunk_size=BATCH_SIZE):
                if not value:
                    continue
                with transaction.atomic():
                    model._base_manager.filter(pk=pk).update(**{field.attname: value})
                rewritten += 1
            self.stdout.write(f"{model._meta.label_lower}.{field.name}: {rewritten}")
