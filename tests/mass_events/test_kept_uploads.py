"""Kept uploads (core.uploads.stash) on the permit form: only accepted files, within limits, gone within minutes."""

import shutil
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from core.public_forms import HONEYPOT_FIELD
from mass_events.models import MassEventPermitApplication
from tests.core.upload_corpus import valid_pdf
from tests.mass_events.conftest import PERMIT_URL

pytestmark = pytest.mark.django_db

PDF_SIZE = len(valid_pdf())
#: An application 20 days ahead is shown again with the late warning: its eight files are kept.
LATE = 20
FILES_PER_SEND = 8


@pytest.fixture
def stash(settings) -> Path:
    """The kept uploads' directory, emptied of what earlier tests of this process left."""
    directory = Path(settings.PRIVATE_MEDIA_ROOT) / "upload-stash"
    shutil.rmtree(directory, ignore_errors=True)
    return directory


def kept_on_disk(stash: Path) -> list[Path]:
    return sorted(path for path in stash.rglob("*") if path.is_file()) if stash.exists() else []


def test_only_files_that_passed_their_checks_are_kept(client, permit_data, stash):
    data = permit_data(days_ahead=LATE)
    data["site_plan"] = SimpleUploadedFile("plan.pdf", b"<html>not a pdf</html>", content_type="application/pdf")

    response = client.post(PERMIT_URL, data)

    assert len(response.context["kept_files"]) == FILES_PER_SEND - 1
    assert "plan.pdf" not in {file["name"] for file in response.context["kept_files"]}
    assert len(kept_on_disk(stash)) == FILES_PER_SEND - 1
    assert b"not a pdf" not in b"".join(path.read_bytes() for path in kept_on_disk(stash))
    assert 'id="files-notice"' in response.content.decode()


def test_a_bots_send_keeps_nothing(client, permit_data, stash):
    response = client.post(PERMIT_URL, permit_data(days_ahead=LATE, **{HONEYPOT_FIELD: "http://spam.example"}))

    assert response.status_code == 200
    assert kept_on_disk(stash) == []


def test_sending_again_with_the_token_writes_no_file_twice(client, permit_data, stash):
    first = client.post(PERMIT_URL, permit_data(days_ahead=LATE))
    on_disk = kept_on_disk(stash)

    # Still not confirmed: the form comes back again with the same kept files.
    again = permit_data(days_ahead=LATE, with_files=False, with_opinions=False)
    second = client.post(PERMIT_URL, {**again, "kept_files": first.context["kept_files_token"]})

    assert len(second.context["kept_files"]) == FILES_PER_SEND
    assert kept_on_disk(stash) == on_disk


def test_a_replaced_file_is_deleted_at_once(client, permit_data, stash):
    first = client.post(PERMIT_URL, permit_data(days_ahead=LATE))
    before = set(kept_on_disk(stash))

    again = permit_data(days_ahead=LATE, with_files=False, with_opinions=False)
    again["site_plan"] = SimpleUploadedFile("nowy-plan.pdf", valid_pdf(), content_type="application/pdf")
    client.post(PERMIT_URL, {**again, "kept_files": first.context["kept_files_token"]})

    after = set(kept_on_disk(stash))
    assert len(after) == FILES_PER_SEND
    assert len(before - after) == 1  # the old site plan
    assert len(after - before) == 1  # the new one


def test_five_sends_from_one_client_keep_at_most_the_clients_limit(client, permit_data, stash, settings):
    """The audit's flood: every send a new form full of files. The client's own oldest files make room."""
    settings.UPLOAD_STASH_CLIENT_MAX_BYTES = int(1.5 * FILES_PER_SEND * PDF_SIZE)

    responses = [client.post(PERMIT_URL, permit_data(days_ahead=LATE)) for _send in range(5)]

    assert [response.status_code for response in responses] == [200] * 5
    kept_bytes = sum(path.stat().st_size for path in kept_on_disk(stash))
    assert kept_bytes <= settings.UPLOAD_STASH_CLIENT_MAX_BYTES
    # The latest form still has all its files: an honest person who started again loses nothing.
    assert len(responses[-1].context["kept_files"]) == FILES_PER_SEND
    assert 'id="files-notice"' not in responses[-1].content.decode()


def test_past_the_overall_limit_nothing_more_is_kept_and_the_form_says_so(client, permit_data, stash, settings):
    settings.UPLOAD_STASH_TOTAL_MAX_BYTES = FILES_PER_SEND * PDF_SIZE
    client.post(PERMIT_URL, permit_data(days_ahead=LATE), REMOTE_ADDR="192.0.2.10")

    response = client.post(PERMIT_URL, permit_data(days_ahead=LATE), REMOTE_ADDR="192.0.2.20")

    assert response.context["kept_files"] == []
    assert "Niektóre wybrane pliki nie zostały zachowane" in response.content.decode()
    assert sum(path.stat().st_size for path in kept_on_disk(stash)) <= settings.UPLOAD_STASH_TOTAL_MAX_BYTES


def test_kept_files_expire_within_minutes_and_the_timer_command_deletes_them(client, permit_data, stash, settings):
    first = client.post(PERMIT_URL, permit_data(days_ahead=LATE))
    assert len(kept_on_disk(stash)) == FILES_PER_SEND
    assert settings.UPLOAD_STASH_MAX_AGE <= 30 * 60

    out = StringIO()
    with time_machine.travel(timezone.now() + timedelta(seconds=settings.UPLOAD_STASH_MAX_AGE - 60)):
        call_command("purge_upload_stash", stdout=out)
    assert "removed=0" in out.getvalue()
    assert len(kept_on_disk(stash)) == FILES_PER_SEND

    with time_machine.travel(timezone.now() + timedelta(seconds=settings.UPLOAD_STASH_MAX_AGE + 60)):
        call_command("purge_upload_stash", stdout=out)
        assert f"removed={FILES_PER_SEND}" in out.getvalue()
        assert kept_on_disk(stash) == []
        assert [path for path in stash.iterdir()] == []  # the client's directory went too

        # The confirming send comes too late: the files are asked for again, nothing is opened.
        confirm = permit_data(days_ahead=LATE, late_confirmed="on", with_files=False, with_opinions=False)
        response = client.post(PERMIT_URL, {**confirm, "kept_files": first.context["kept_files_token"]})
    assert response.status_code == 200
    assert MassEventPermitApplication.objects.count() == 0


def test_opening_the_case_deletes_its_kept_files(client, permit_data, stash):
    first = client.post(PERMIT_URL, permit_data(days_ahead=LATE))
    confirm = permit_data(days_ahead=LATE, late_confirmed="on", with_files=False, with_opinions=False)

    response = client.post(PERMIT_URL, {**confirm, "kept_files": first.context["kept_files_token"]})

    assert response.status_code == 302
    assert kept_on_disk(stash) == []
