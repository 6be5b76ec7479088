"""Private case documents: random storage names, and downloads only for the right staff or the applicant."""

import re
import secrets
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone

from core.checks import check_personal_data_fields, check_private_media_outside_public_roots
from core.models import Feedback, PrivateDocument
from core.private_documents import document_attach, document_download
from core.roles import SECTION_BY_CODE
from core.services import CaseWorkError, case_open
from tests.helpers import close_response

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
ORIGINAL_NAME = "Odpowiedź dla Jana Kowalskiego.pdf"
STORED_NAME = re.compile(r"^documents/\d{4}/\d{2}/[0-9a-f]{32}\.pdf$")
OTP_MIDDLEWARE = "django_otp.middleware.OTPMiddleware"


def staff_login(client, user):
    """Log `user` in as the admin would: a session and a verified second factor.

    A confirmed device of the user is stored in the session under django_otp.DEVICE_ID_SESSION_KEY — exactly what
    django_otp.login() does after a token check, and what django-otp's middleware reads.
    """
    client.force_login(user)
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.models import Device

    device_model = next(model for model in apps.get_models() if issubclass(model, Device) and not model._meta.abstract)
    device = device_model.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def make_user(username, *, is_staff=True, groups=(), permissions=()):
    user = get_user_model().objects.create_user(username=username, password="x" * 16, is_staff=is_staff)
    user.groups.set(Group.objects.filter(name__in=groups))
    for codename in permissions:
        user.user_permissions.add(Permission.objects.get(content_type__app_label="core", codename=codename))
    return user


def open_feedback(email="jan.kowalski@example.com"):
    return case_open(case=Feedback(message="Brakuje godzin otwarcia muzeum.", contact_email=email), title="Opinia")


def attach(case, *, kind=PrivateDocument.Kind.LETTER, acting_user=None, content=PDF, name=ORIGINAL_NAME):
    return document_attach(
        case=case,
        content=content,
        original_name=name,
        mime_type="application/pdf",
        kind=kind,
        acting_user=acting_user,
    )


def stored_files():
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


def staff_url(document):
    return reverse("core:document_download", kwargs={"pk": document.pk})


def token_url(case, document):
    return reverse("core:case_document_download", kwargs={"token": case.tracking_token, "pk": document.pk})


@pytest.fixture
def editor(db):
    """A clerk of the portal's editorial section, whose role may view opinions (core.view_feedback)."""
    return make_user("redakcja", groups=[SECTION_BY_CODE["site"].group_name])


@pytest.fixture
def registry_clerk(db):
    """A clerk of another section, staff but without any permission on opinions."""
    return make_user("kancelaria", groups=[SECTION_BY_CODE["casework"].group_name])


@pytest.fixture
def case(db):
    return open_feedback()


@pytest.fixture
def letter(case, editor):
    return attach(case, acting_user=editor)


def fetch(client, url):
    """GET `url`, read the whole body into `response.body` and close the file behind it."""
    response = client.get(url)
    response.body = b"".join(response.streaming_content) if response.streaming else response.content
    close_response(response)
    return response


# STORAGE
# ------------------------------------------------------------------------------
@pytest.mark.django_db
def test_document_is_stored_privately_under_a_random_name(case, editor):
    document = attach(case, acting_user=editor, name="../../etc/Jan Kowalski.pdf")

    assert STORED_NAME.match(document.file.name)
    assert "Kowalski" not in document.file.name
    assert document.original_name == "Jan Kowalski.pdf"
    assert (document.size, document.mime_type, document.uploaded_by) == (len(PDF), "application/pdf", editor)
    path = Path(storages["private"].path(document.file.name)).resolve()
    assert path.read_bytes() == PDF
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert attach(case).file.name != document.file.name


@pytest.mark.django_db
def test_sniffed_type_wins_over_the_declared_one_and_django_files_are_accepted(case):
    upload = SimpleUploadedFile("opinia.html", PDF, content_type="text/html")
    document = document_attach(
        case=case,
        content=upload,
        original_name=upload.name,
        mime_type="text/html",
        kind=PrivateDocument.Kind.ATTACHMENT,
        acting_user=None,
    )
    assert document.mime_type == "application/pdf"
    assert document.file.name.endswith(".pdf")
    assert document.uploaded_by is None


@pytest.mark.django_db
def test_no_document_can_be_added_to_an_anonymised_case(case):
    """Refused, and the file written before the check is removed again."""
    Feedback.objects.filter(pk=case.pk).update(anonymised_at=timezone.now())
    before = stored_files()
    with pytest.raises(CaseWorkError) as refusal:
        attach(case)
    assert refusal.value.code == "anonymised"
    assert not PrivateDocument.objects.exists()
    assert stored_files() == before


# STAFF DOWNLOAD
# ------------------------------------------------------------------------------
@pytest.mark.django_db
def test_staff_with_the_role_gets_the_exact_bytes_as_a_sandboxed_attachment(client, editor, letter):
    staff_login(client, editor)
    response = fetch(client, staff_url(letter))

    assert response.status_code == 200
    assert response.body == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(PDF))
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Odpowied%C5%BA%20dla%20Jana%20Kowalskiego.pdf"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "Location" not in response


@pytest.mark.django_db
def test_document_without_original_name_gets_a_neutral_file_name(client, editor, case):
    document = attach(case, name="")
    staff_login(client, editor)
    response = fetch(client, staff_url(document))
    assert response["Content-Disposition"] == f'attachment; filename="dokument-{document.pk}.pdf"'


@pytest.mark.django_db
def test_staff_of_another_section_gets_403(client, registry_clerk, letter):
    staff_login(client, registry_clerk)
    assert fetch(client, staff_url(letter)).status_code == 403


@pytest.mark.django_db
def test_non_staff_user_even_with_the_permission_gets_404(client, letter):
    user = make_user("mieszkaniec", is_staff=False, permissions=["view_feedback"])
    client.force_login(user)
    assert fetch(client, staff_url(letter)).status_code == 404


@pytest.mark.django_db
def test_anonymous_never_gets_a_document(client, case, letter):
    """No success and no redirect (it would reveal the admin's address): 404 for every id and token."""
    applicant_upload = attach(case, kind=PrivateDocument.Kind.ATTACHMENT)
    responses = [fetch(client, reverse("core:document_download", kwargs={"pk": pk})) for pk in range(1, 6)]
    for document in (letter, applicant_upload):
        responses += [
            fetch(client, reverse("core:case_document_download", kwargs={"token": token, "pk": document.pk}))
            for token in [secrets.token_urlsafe(32) for _ in range(5)] + ["", "x" * 65]
            if token
        ]
    responses.append(client.post(token_url(case, letter)))
    assert [r.status_code for r in responses if r.status_code < 400] == []
    assert {r.status_code for r in responses} <= {404, 405}


@pytest.mark.django_db
@override_settings(OTP_REQUIRED=True)
def test_staff_not_verified_by_otp_gets_404(editor, letter):
    """When django-otp's middleware marks the user unverified, the download behaves as for anonymous."""
    request = RequestFactory().get(staff_url(letter))
    editor.is_verified = lambda: False
    request.user = editor
    with pytest.raises(Http404):
        document_download(request, pk=letter.pk)
    editor.is_verified = lambda: True
    response = document_download(request, pk=letter.pk)
    close_response(response)
    assert response.status_code == 200


@pytest.mark.django_db
@override_settings(OTP_REQUIRED=True)
def test_staff_signed_in_without_the_second_factor_gets_404(client, editor, letter):
    """Signed in with the password only, the clerk gets 404 as anonymous does; the check rests on django-otp's
    middleware, so the settings must install it."""
    assert OTP_MIDDLEWARE in settings.MIDDLEWARE
    client.force_login(editor)
    assert fetch(client, staff_url(letter)).status_code == 404


@pytest.mark.django_db
@override_settings(OTP_REQUIRED=False)
def test_second_factor_is_not_asked_when_the_settings_switch_it_off(editor, letter):
    """Debug mode may turn OTP off (settings.OTP_REQUIRED): the download then follows the admin's rule."""
    request = RequestFactory().get(staff_url(letter))
    editor.is_verified = lambda: False
    request.user = editor
    response = document_download(request, pk=letter.pk)
    close_response(response)
    assert response.status_code == 200


# APPLICANT DOWNLOAD
# ------------------------------------------------------------------------------
@pytest.mark.django_db
def test_applicant_gets_letters_and_own_attachments_of_their_case_only(client, case, editor, letter):
    own_upload = attach(case, kind=PrivateDocument.Kind.ATTACHMENT, acting_user=None)
    clerk_scan = attach(case, kind=PrivateDocument.Kind.ATTACHMENT, acting_user=editor)
    other_case = open_feedback("anna.nowak@example.com")
    other_letter = attach(other_case, acting_user=editor)

    response = fetch(client, token_url(case, letter))
    assert response.status_code == 200
    assert response.body == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "no-referrer"
    assert fetch(client, token_url(case, own_upload)).status_code == 200
    # A clerk's own attachment is internal; another case's letter is not reachable with this token.
    assert fetch(client, token_url(case, clerk_scan)).status_code == 404
    assert fetch(client, token_url(case, other_letter)).status_code == 404
    assert fetch(client, token_url(other_case, letter)).status_code == 404
    assert fetch(client, token_url(other_case, other_letter)).status_code == 200


@pytest.mark.django_db
def test_tracking_page_lists_the_documents_the_applicant_may_download(client, case, editor, letter):
    own_upload = attach(case, kind=PrivateDocument.Kind.ATTACHMENT, acting_user=None, name="skan-wniosku.pdf")
    clerk_scan = attach(case, kind=PrivateDocument.Kind.ATTACHMENT, acting_user=editor, name="notatka.pdf")
    page = client.get(reverse("core:case_tracking", kwargs={"token": case.tracking_token})).content.decode()
    assert f'href="{token_url(case, letter)}"' in page
    assert ORIGINAL_NAME in page
    assert f'href="{token_url(case, own_upload)}"' in page
    assert token_url(case, clerk_scan) not in page
    assert "notatka.pdf" not in page


@pytest.mark.django_db
def test_missing_file_gives_404_not_500(client, case, letter):
    storages["private"].delete(letter.file.name)
    assert fetch(client, token_url(case, letter)).status_code == 404


# CHECKS
# ------------------------------------------------------------------------------
def test_private_media_outside_public_roots_passes_with_test_settings():
    assert check_private_media_outside_public_roots() == []


def test_private_media_inside_media_root_is_an_error():
    inside = str(Path(settings.MEDIA_ROOT) / "private")
    storages_setting = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": inside, "base_url": "/media/private/"},
        },
    }
    with override_settings(PRIVATE_MEDIA_ROOT=inside, STORAGES=storages_setting):
        ids = [error.id for error in check_private_media_outside_public_roots()]
    assert ids == ["core.E001", "core.E002"]


def test_personal_data_fields_of_case_models_can_be_cleared():
    assert check_personal_data_fields() == []
