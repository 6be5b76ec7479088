"""Fixtures for every test: Polish language, a clean cache, and clerks signed in as in production.

`clerk_client(groups=[...])` gives a test Client signed in as a new staff clerk in the given role groups
(core.roles group names), with an OTP-verified session.
"""

import itertools

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY

from core.auth import new_totp_device, totp_device_for
from core.roles import sync_roles


@pytest.fixture(autouse=True)
def _polish_and_clean_cache():
    """Run every test in Polish, with an empty cache (rate-limit counters)."""
    cache.clear()
    with translation.override("pl"):
        yield
    cache.clear()


CLERK_PASSWORD = "Wydzial-Kultury-Test-2026"


def otp_login(client, user, device=None):
    """Sign `user` in on `client` as the admin's login form does after a good password and code.

    The session gets the user and, under django_otp.DEVICE_ID_SESSION_KEY, the confirmed device that
    verified them: what django_otp.login() stores. The device is the user's TOTP device (created if none).
    """
    device = device or totp_device_for(user) or new_totp_device(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


@pytest.fixture
def make_clerk(db):
    """A factory of staff clerks: make_clerk(groups=[...], with_device=True, username=None, **user fields)."""
    numbers = itertools.count(1)

    def make(*, groups=(), username=None, password=CLERK_PASSWORD, with_device=True, **fields):
        groups = list(groups)
        if Group.objects.filter(name__in=groups).count() != len(set(groups)):
            sync_roles()
        found = list(Group.objects.filter(name__in=groups))
        if len(found) != len(set(groups)):
            raise ValueError(f"Unknown role groups: {sorted(set(groups) - {g.name for g in found})}")
        fields.setdefault("is_staff", True)
        user = get_user_model().objects.create_user(
            username=username or f"urzednik{next(numbers)}", password=password, **fields
        )
        user.groups.set(found)
        if with_device:
            new_totp_device(user)
        return user

    return make


@pytest.fixture
def clerk_client(make_clerk):
    """A factory: clerk_client(groups=[...], **make_clerk options) -> a signed-in, OTP-verified test Client.

    The clerk is `client.clerk`, the device that verified them `client.otp_device`.
    """

    def make(groups=(), **options):
        user = make_clerk(groups=groups, **options)
        client = Client()
        client.otp_device = otp_login(client, user)
        client.clerk = user
        return client

    return make


def pytest_collection_modifyitems(config, items):
    """Refuse a transactional test that does not restore the migrations' data (serialized_rollback).

    Its flush at teardown runs post_migrate, which recreates the role groups with new ids; the next
    serialized test then restores the migrated groups beside them and fails on their unique names
    (on PostgreSQL, in whichever worker the two meet). One rule for every transactional test keeps it from
    depending on the order the workers happen to run them in.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker is None or not marker.kwargs.get("transaction"):
            continue
        if not marker.kwargs.get("serialized_rollback"):
            raise pytest.UsageError(
                f"{item.nodeid}: a transactional test must restore the migrations' data; "
                "mark it django_db(transaction=True, serialized_rollback=True)."
            )


@pytest.fixture
def rendered_letters(monkeypatch):
    """The HTML source of every PDF letter or decision rendered during the test (core.documents)."""
    from core import documents as core_documents

    sources = []
    original = core_documents.render_letter_html

    def spy(**kwargs):
        html = original(**kwargs)
        sources.append(html)
        return html

    monkeypatch.setattr(core_documents, "render_letter_html", spy)
    return sources
