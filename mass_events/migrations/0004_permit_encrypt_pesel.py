"""Encrypt the security manager's PESEL at rest (core.encryption.EncryptedTextField, Fernet).

Three steps: widen the column to text, encrypt the rows that still hold the 11 digits, then let the field
encrypt and decrypt by itself. The reverse decrypts them back into an 11-character column. The data step uses
the `cryptography` package and the keys from the settings directly (not the project's code), so it keeps working
however the project changes; it needs DJANGO_FIELD_ENCRYPTION_KEYS only when there are rows to convert.
"""

from django.db import migrations, models

import core.encryption
import mass_events.models

BATCH_SIZE = 500


def _cipher():
    from cryptography.fernet import Fernet, MultiFernet
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    keys = [key for key in getattr(settings, "FIELD_ENCRYPTION_KEYS", ()) if key]
    if not keys:
        raise ImproperlyConfigured("Set DJANGO_FIELD_ENCRYPTION_KEYS before migrating: PESEL numbers are encrypted.")
    return MultiFernet([Fernet(key) for key in keys])


def _convert(apps, convert, needs_converting):
    application = apps.get_model("mass_events", "MassEventPermitApplication")
    rows = application.objects.exclude(security_manager_pesel="").values_list("pk", "security_manager_pesel")
    cipher = None
    for pk, value in rows.iterator(chunk_size=BATCH_SIZE):
        if needs_converting(value):
            cipher = cipher or _cipher()
            application.objects.filter(pk=pk).update(security_manager_pesel=convert(cipher, value))


def encrypt_pesels(apps, schema_editor):
    _convert(
        apps,
        lambda cipher, value: cipher.encrypt(value.encode()).decode("ascii"),
        lambda value: value.isdigit(),
    )


def decrypt_pesels(apps, schema_editor):
    _convert(
        apps,
        lambda cipher, value: cipher.decrypt(value.encode("ascii")).decode(),
        lambda value: not value.isdigit(),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("mass_events", "0003_correctable_statutory_dates"),
    ]

    operations = [
        migrations.AlterField(
            model_name="masseventpermitapplication",
            name="security_manager_pesel",
            field=models.TextField(
                validators=[mass_events.models.validate_pesel], verbose_name="security manager's PESEL"
            ),
        ),
        migrations.RunPython(encrypt_pesels, decrypt_pesels, elidable=False),
        migrations.AlterField(
            model_name="masseventpermitapplication",
            name="security_manager_pesel",
            field=core.encryption.EncryptedTextField(
                validators=[mass_events.models.validate_pesel], verbose_name="security manager's PESEL"
            ),
        ),
    ]
