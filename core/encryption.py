"""Encryption at rest of single text fields holding personal data the law requires (the security manager's PESEL).

Fernet from the `cryptography` package (the Python Cryptographic Authority's library: AES-128-CBC with an
HMAC-SHA256 over the whole token, a fresh IV for every value) under MultiFernet: the first key of
FIELD_ENCRYPTION_KEYS (env DJANGO_FIELD_ENCRYPTION_KEYS) encrypts, every listed key decrypts. Rotating a key is
putting a new one first, restarting, re-encrypting the rows (`manage.py reencrypt_personal_data`) and then
dropping the old key (docs/operations.md). The keys never live in the database, so a database backup alone does
not reveal the values (docs/deployment.md, backups).

An encrypted column cannot be searched or compared in the database (every value encrypts differently): the
field allows only `isnull` lookups. The empty string stays empty, so the retention purge can blank the field
and a blank stays recognisable. Production without a key fails `check --deploy` (core.E010); a value that is
not a valid key fails every check (core.E011).
"""

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.db import models


@lru_cache(maxsize=4)
def _cipher(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except (ValueError, TypeError):
        raise ImproperlyConfigured(
            "DJANGO_FIELD_ENCRYPTION_KEYS holds a value that is not a Fernet key (32 url-safe base64-encoded bytes)."
        ) from None


def field_cipher() -> MultiFernet:
    """The MultiFernet of FIELD_ENCRYPTION_KEYS (first key encrypts); ImproperlyConfigured without a valid key."""
    keys = tuple(key for key in getattr(settings, "FIELD_ENCRYPTION_KEYS", ()) if key)
    if not keys:
        raise ImproperlyConfigured(
            "DJANGO_FIELD_ENCRYPTION_KEYS is not set: personal data such as PESEL numbers cannot be stored or read."
        )
    return _cipher(keys)


def encrypt_text(value: str) -> str:
    """Encrypt `value` with the first key; "" stays ""."""
    if not value:
        return value
    return field_cipher().encrypt(value.encode()).decode("ascii")


def decrypt_text(token: str) -> str:
    """Decrypt a token made by `encrypt_text` with any listed key; "" stays "".

    Raises ImproperlyConfigured when no listed key opens it (a key removed too early, or the wrong environment).
    """
    if not token:
        return token
    try:
        return field_cipher().decrypt(token.encode("ascii")).decode()
    except (InvalidToken, UnicodeError):
        raise ImproperlyConfigured(
            "An encrypted value cannot be decrypted with any key of DJANGO_FIELD_ENCRYPTION_KEYS: was a key "
            "removed before `manage.py reencrypt_personal_data` ran?"
        ) from None


class EncryptedTextField(models.TextField):
    """A text field stored encrypted (Fernet); read and written as plain text by Python code and forms."""

    description = "Text encrypted at rest"

    def from_db_value(self, value, expression, connection):
        return decrypt_text(value) if value else value

    def get_db_prep_save(self, value, connection):
        value = self.get_prep_value(value)
        return encrypt_text(value) if value else value

    def get_lookup(self, lookup_name):
        if lookup_name != "isnull":
            raise FieldError(f"An encrypted field allows no {lookup_name!r} lookup: its values cannot be compared.")
        return super().get_lookup(lookup_name)


def encrypted_fields() -> list[tuple[type[models.Model], EncryptedTextField]]:
    """Every (model, field) of the project stored encrypted, for re-encryption after a key rotation."""
    from django.apps import apps

    return [
        (model, field)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, EncryptedTextField)
    ]
