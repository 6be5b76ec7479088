"""The security manager's PESEL is encrypted at rest with a key from the environment (core.encryption).

The column holds a Fernet token, never the digits; Python code, the masked admin display and validation see the
number; a key rotation keeps old rows readable and `reencrypt_personal_data` moves them to the new key; production
without a key fails `check --deploy`; the data migration encrypts existing rows and its reverse decrypts them.
"""

from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.checks import run_checks
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from mass_events.models import MassEventPermitApplication
from tests.mass_events.conftest import PERMIT_URL, PESEL

BEFORE_ENCRYPTION = ("mass_events", "0003_correctable_statutory_dates")
TABLE = MassEventPermitApplication._meta.db_table


def stored_pesel(pk: int) -> str:
    """What the database column holds, read with plain SQL (what a dump or a stolen copy would show)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT security_manager_pesel FROM {TABLE} WHERE id = %s", [pk])  # noqa: S608 — a constant
        return cursor.fetchone()[0]


@pytest.fixture
def application(client, permit_data, db):
    assert client.post(PERMIT_URL, permit_data()).status_code == 302
    return MassEventPermitApplication.objects.get()


def test_the_column_holds_a_token_never_the_number(application):
    stored = stored_pesel(application.pk)

    assert stored.startswith("gAAAAA")  # a Fernet token: version byte 0x80 in base64
    assert PESEL not in stored
    assert PESEL[:6] not in stored
    assert application.security_manager_pesel == PESEL
    assert application.masked_pesel == "•••••••••59"


def test_two_applications_with_the_same_pesel_store_different_tokens(application, client, permit_data):
    assert client.post(PERMIT_URL, permit_data(event_name="Drugi festiwal")).status_code == 302
    first, second = MassEventPermitApplication.objects.order_by("pk")

    assert stored_pesel(first.pk) != stored_pesel(second.pk)


def test_the_database_cannot_be_searched_by_pesel(application):
    with pytest.raises(FieldError, match="An encrypted field allows no 'exact' lookup"):
        MassEventPermitApplication.objects.filter(security_manager_pesel=PESEL).exists()


def test_without_the_right_key_the_number_cannot_be_read(application, settings):
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]

    with pytest.raises(ImproperlyConfigured, match="cannot be decrypted"):
        MassEventPermitApplication.objects.get(pk=application.pk)


def test_a_rotated_key_reads_old_rows_and_the_command_moves_them_to_the_new_key(application, settings):
    old = settings.FIELD_ENCRYPTION_KEYS[0]
    new = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    assert MassEventPermitApplication.objects.get(pk=application.pk).security_manager_pesel == PESEL
    token_before = stored_pesel(application.pk)

    out = StringIO()
    call_command("reencrypt_personal_data", stdout=out)

    assert "mass_events.masseventpermitapplication.security_manager_pesel: 1" in out.getvalue()
    assert stored_pesel(application.pk) != token_before
    settings.FIELD_ENCRYPTION_KEYS = [new]  # the old key dropped
    assert MassEventPermitApplication.objects.get(pk=application.pk).security_manager_pesel == PESEL


def test_the_retention_purge_blanks_the_column(application):
    # What core.retention.case_anonymise does with PERSONAL_DATA_FIELDS.
    MassEventPermitApplication.objects.filter(pk=application.pk).update(security_manager_pesel="")

    assert stored_pesel(application.pk) == ""
    assert MassEventPermitApplication.objects.get(pk=application.pk).masked_pesel == ""


def test_a_wrong_pesel_is_still_refused_with_its_message(client, permit_data, db):
    response = client.post(PERMIT_URL, permit_data(security_manager_pesel="44051401358"))

    assert response.status_code == 200
    assert "ostatnia cyfra" in response.content.decode()
    assert not MassEventPermitApplication.objects.exists()


def _deploy_check_ids() -> set[str]:
    return {message.id for message in run_checks(include_deployment_checks=True)}


def test_check_deploy_accepts_a_key_and_refuses_a_malformed_one(settings):
    """Without a key in production: tests/core/test_settings.py (the real settings, in a subprocess)."""
    settings.DEBUG = False
    assert not {"core.E010", "core.E011"} & _deploy_check_ids()

    settings.FIELD_ENCRYPTION_KEYS = ["not-a-fernet-key"]
    assert "core.E011" in {message.id for message in run_checks()}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_encrypts_existing_rows_and_its_reverse_decrypts_them(client, permit_data):
    assert client.post(PERMIT_URL, permit_data()).status_code == 302
    pk = MassEventPermitApplication.objects.get().pk
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes("mass_events")

    MigrationExecutor(connection).migrate([BEFORE_ENCRYPTION])
    assert stored_pesel(pk) == PESEL

    MigrationExecutor(connection).migrate(latest)
    assert stored_pesel(pk).startswith("gAAAAA")
    assert MassEventPermitApplication.objects.get(pk=pk).security_manager_pesel == PESEL
