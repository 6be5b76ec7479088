"""Test settings: the project's settings with fast hashing, in-memory mail and temporary media."""

import os
import tempfile

os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-not-for-production-0123456789abcdef")
os.environ.setdefault("DJANGO_ADMIN_URL", "admin/")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
# A fixed Fernet key of the fields encrypted at rest (core/encryption.py), for tests only.
os.environ.setdefault("DJANGO_FIELD_ENCRYPTION_KEYS", "dGVzdC1vbmx5LWZpZWxkLWVuY3J5cHRpb24ta2V5LTA=")

from culture_dept.settings import *  # noqa: E402, F403
from culture_dept.settings import SILENCED_SYSTEM_CHECKS, STORAGES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests-pages"},
}
# The page cache is off in tests that do not ask for it (tests/core/test_page_cache.py turns it on): the suite's
# tests write inside a transaction that never commits, so no commit would end a kept page.
# DJANGO_PAGE_CACHE=true runs a browser test file with it on, as in production.
PAGE_CACHE_ENABLED = os.environ.get("DJANGO_PAGE_CACHE", "false") == "true"
_media = tempfile.mkdtemp(prefix="portal-test-media-")
MEDIA_ROOT = os.path.join(_media, "public")
PRIVATE_MEDIA_ROOT = os.path.join(_media, "private")
STORAGES = {
    **STORAGES,
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": MEDIA_ROOT}},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PUBLIC_FORM_MIN_SECONDS = 3
# Each test process has its own run locks (core.locks on SQLite): parallel workers never see each other's.
RUN_LOCK_DIR = tempfile.mkdtemp(prefix="portal-test-locks-")
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Cookies over the plain HTTP of the test server and Chromium: without Secure, no __Host- prefix (as in debug mode).
SESSION_COOKIE_NAME = "sessionid"
CSRF_COOKIE_NAME = "csrftoken"
# Static files come from the finders in tests; WhiteNoise needs an existing root.
STATIC_ROOT = tempfile.mkdtemp(prefix="portal-test-static-")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Login throttling counters in the per-process test cache: fine for tests (axes.W001 is about production).
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "axes.W001"]
# Under mutation testing (`make mutants`, which removes the file first) every mutant's run is a new pytest session:
# one kept SQLite test database (--reuse-db) spares each of them the migrations.
if "MUTANT_UNDER_TEST" in os.environ and DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(BASE_DIR, "var", "mutants-tests.sqlite3")}  # noqa: F405
