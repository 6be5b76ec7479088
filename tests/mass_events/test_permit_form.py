"""The public permit application: received with its attachments, late ones received after a warning, bad input kept."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext

from core.models import PrivateDocument
from mass_events.deadlines import Timeliness
from mass_events.models import MassEventOpinion, MassEventPermitApplication
from tests.helpers import pdf_file
from tests.mass_events.conftest import PERMIT_URL

pytestmark = pytest.mark.django_db


def test_form_groups_fields_and_shows_the_information_clause(client):
    page = client.get(PERMIT_URL).content.decode()
    assert page.count("<fieldset") >= 6
    assert "<legend>" in page
    assert 'enctype="multipart/form-data"' in page
    assert "Administratorem danych osobowych" in page
    assert 'name="security_manager_pesel"' in page


def test_an_application_on_time_opens_a_case_with_opinions_attachments_and_an_email(
    client, permit_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(PERMIT_URL, permit_data())
    assert response.status_code == 302
    application = MassEventPermitApplication.objects.get()
    assert response["Location"] == f"/sprawy/{application.register_entry.tracking_token}/potwierdzenie/"
    assert application.case_mark.startswith("KSP.5240.")
    assert application.timeliness == Timeliness.ON_TIME
    assert application.status == MassEventPermitApplication.Status.RECEIVED
    assert application.security_manager_pesel == "44051401359"
    assert sorted(application.opinions.values_list("body", flat=True)) == ["fire", "medical", "police", "sanitary"]
    assert set(application.opinions.values_list("verdict", flat=True)) == {MassEventOpinion.Verdict.MISSING}
    documents = PrivateDocument.objects.filter(object_id=application.pk, kind=PrivateDocument.Kind.ATTACHMENT)
    assert documents.count() == 8
    assert "Opinia Komendanta Miejskiego Policji" in set(documents.values_list("description", flat=True))
    assert application.info_clause.form_key == "mass_events.permit"
    assert len(mail.outbox) == 1
    assert application.case_mark in mail.outbox[0].subject


def test_a_pesel_typed_with_spaces_is_accepted(client, permit_data):
    assert client.post(PERMIT_URL, permit_data(security_manager_pesel="440 514 013 59")).status_code == 302
    assert MassEventPermitApplication.objects.get().security_manager_pesel == "44051401359"


def test_a_late_application_is_warned_about_first_and_received_after_confirmation(client, permit_data):
    """Under 30 days without a reason: the first send only warns (nothing stored, answers and files kept)."""
    response = client.post(PERMIT_URL, permit_data(days_ahead=20))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="late-warning"' in page
    assert 'name="late_confirmed"' in page
    assert 'value="Festiwal Rudzkie Lato"' in page
    assert 'id="files-kept"' in page
    assert "site_plan.pdf" in page
    assert 'id="files-notice"' not in page
    assert MassEventPermitApplication.objects.count() == 0
    token = response.context["kept_files_token"]
    assert token

    # The confirming send carries no file at all: the eight kept ones are attached to the case.
    data = permit_data(days_ahead=20, late_confirmed="on", with_files=False, with_opinions=False, kept_files=token)
    response = client.post(PERMIT_URL, data)
    assert response.status_code == 302
    application = MassEventPermitApplication.objects.get()
    assert application.timeliness == Timeliness.LATE
    assert application.is_late
    documents = PrivateDocument.objects.filter(object_id=application.pk, kind=PrivateDocument.Kind.ATTACHMENT)
    assert documents.count() == 8
    assert "Opinia Komendanta Miejskiego Policji" in set(documents.values_list("description", flat=True))


def test_kept_files_are_refused_with_a_forged_or_expired_token(client, permit_data, settings):
    response = client.post(PERMIT_URL, permit_data(days_ahead=20))
    token = response.context["kept_files_token"]
    data = permit_data(days_ahead=20, late_confirmed="on", with_files=False, with_opinions=False)
    response = client.post(PERMIT_URL, {**data, "kept_files": token[:-2] + "xx"})
    assert response.status_code == 200
    assert "site_plan" in response.context["form"].errors
    settings.UPLOAD_STASH_MAX_AGE = -1
    response = client.post(PERMIT_URL, {**data, "kept_files": token})
    assert response.status_code == 200
    assert MassEventPermitApplication.objects.count() == 0


def test_a_new_file_replaces_the_kept_one_for_its_field(client, permit_data):
    response = client.post(PERMIT_URL, permit_data(days_ahead=20))
    token = response.context["kept_files_token"]
    data = permit_data(days_ahead=20, late_confirmed="on", with_files=False, with_opinions=False, kept_files=token)
    data["site_plan"] = pdf_file("nowy-plan.pdf")
    assert client.post(PERMIT_URL, data).status_code == 302
    documents = PrivateDocument.objects.filter(kind=PrivateDocument.Kind.ATTACHMENT)
    assert documents.count() == 8
    names = set(documents.values_list("original_name", flat=True))
    assert "nowy-plan.pdf" in names
    assert "site_plan.pdf" not in names


def test_a_refused_new_file_next_to_kept_ones_asks_to_choose_it_again(client, permit_data):
    response = client.post(PERMIT_URL, permit_data(days_ahead=20))
    token = response.context["kept_files_token"]
    data = permit_data(days_ahead=20, with_files=False, with_opinions=False, kept_files=token)
    data["site_plan"] = SimpleUploadedFile("plan.pdf", b"not a pdf at all", content_type="application/pdf")
    page = client.post(PERMIT_URL, data).content.decode()
    assert 'id="files-kept"' in page
    assert 'id="files-notice"' in page
    assert MassEventPermitApplication.objects.count() == 0


def test_a_justified_application_between_14_and_30_days_is_on_the_shortened_track(client, permit_data):
    data = permit_data(days_ahead=20, shortened_deadline_justification="Nagła zmiana terminu przez gwiazdę.")
    assert 'id="late-warning"' in client.post(PERMIT_URL, data).content.decode()
    data = permit_data(
        days_ahead=20, shortened_deadline_justification="Nagła zmiana terminu przez gwiazdę.", late_confirmed="on"
    )
    assert client.post(PERMIT_URL, data).status_code == 302
    assert MassEventPermitApplication.objects.get().timeliness == Timeliness.SHORTENED


def test_a_late_application_is_flagged_in_the_clerks_list(client, permit_data, clerk):
    client.post(PERMIT_URL, permit_data(days_ahead=10, late_confirmed="on"))
    page = clerk.get("/admin/mass_events/masseventpermitapplication/").content.decode()
    assert 'class="late-flag"' in page
    assert str(Timeliness.LATE.label) in page
    assert clerk.get("/admin/mass_events/masseventpermitapplication/?timeliness__exact=late").status_code == 200


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"security_manager_pesel": "44051401358"},
            "security_manager_pesel",
            "This PESEL number is not valid: its last digit does not match the others. Check it for a typo.",
        ),
        ({"security_manager_pesel": "1234"}, "security_manager_pesel", "A PESEL number has exactly 11 digits."),
        ({"security_manager_pesel": ""}, "security_manager_pesel", "Enter the security manager's PESEL."),
        (
            {"places_available": "6000"},
            "places_available",
            "The organiser cannot make available more places than the object has.",
        ),
        (
            {"high_risk": "on"},
            "security_manager_licence",
            "For a high-risk event give the security manager's licence number (u.b.i.m. art. 26 ust. 1).",
        ),
        ({"paid_entry": "on"}, "insurance", "With paid entry, attach the organiser's liability insurance policy."),
        ({"starts_at": "2020-01-01T10:00"}, "starts_at", "The start must be in the future."),
        (
            {"contact_phone": "call me"},
            "contact_phone",
            "Enter a phone number using digits, spaces and the signs + ( ) - only.",
        ),
    ],
)
def test_bad_input_gives_a_clear_message_and_keeps_the_answers(client, permit_data, changes, field, message):
    response = client.post(PERMIT_URL, permit_data(**changes))
    assert response.status_code == 200
    form = response.context["form"]
    assert gettext(message) in form.errors[field]
    page = response.content.decode()
    assert "error-summary" in page
    assert 'value="Stowarzyszenie Rudzkie Lato"' in page
    assert 'id="files-kept"' in page  # the valid files are kept for the next send
    assert MassEventPermitApplication.objects.count() == 0


def test_a_missing_or_fake_attachment_is_refused_without_an_error_page(client, permit_data):
    data = permit_data()
    del data["site_plan"]
    data["fee_proof"] = pdf_file("oplata.pdf")
    data["fire_instruction"] = pdf_file("instrukcja.pdf")
    data["regulations"] = SimpleUploadedFile("regulamin.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(PERMIT_URL, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "site_plan" in errors
    assert "regulamin.pdf" in errors["regulations"][0]
    assert MassEventPermitApplication.objects.count() == 0


def test_a_double_submit_opens_one_case(client, permit_data):
    data = permit_data()
    token = data["submission_token"]
    client.post(PERMIT_URL, data)
    client.post(PERMIT_URL, permit_data(submission_token=token))
    assert MassEventPermitApplication.objects.count() == 1


def _fourteen_files(permit_data, **changes):
    """The most the form invites: its 9 named attachments (paid entry asks for the insurance) and 5 others."""
    data = permit_data(paid_entry="on", **changes)
    data["insurance"] = pdf_file("insurance.pdf")
    data["other_attachments"] = [pdf_file(f"inny-{number}.pdf") for number in range(5)]
    return data


def test_the_most_files_the_form_invites_fit_in_one_request(client, permit_data):
    from mass_events.forms import PERMIT_MAX_FILES

    data = _fourteen_files(permit_data)
    assert sum(1 for value in data.values() if hasattr(value, "read")) + len(data["other_attachments"]) == 14
    assert PERMIT_MAX_FILES == 14
    response = client.post(PERMIT_URL, data)
    assert response.status_code == 302
    application = MassEventPermitApplication.objects.get()
    assert PrivateDocument.objects.filter(object_id=application.pk, kind=PrivateDocument.Kind.ATTACHMENT).count() == 14


def test_the_form_names_its_file_limits_and_refuses_too_much_together_in_polish(client, permit_data, monkeypatch):
    with translation.override("pl"):
        hint = gettext(
            "PDF, JPEG, PNG or WebP, up to 10 MB each; at most %(max_files)s files and %(max_size)s together. "
            "If an opinion has not come yet, send the application without it: we will ask for it."
        ) % {"max_files": 14, "max_size": filesizeformat(50 * 1024 * 1024)}
    assert hint in client.get(PERMIT_URL).content.decode()
    monkeypatch.setattr("mass_events.forms.PERMIT_MAX_TOTAL_BYTES", 1000)
    response = client.post(PERMIT_URL, _fourteen_files(permit_data))
    assert response.status_code == 200
    assert MassEventPermitApplication.objects.count() == 0
    with translation.override("pl"):
        expected = gettext(
            "All attachments together may have at most %(max_size)s; you chose %(size)s. Make the biggest "
            "files smaller (e.g. scan them at a lower resolution) and choose them again."
        )
    assert expected.split("%(max_size)s")[0] in response.content.decode()


def test_a_late_application_confirmed_up_front_is_received_with_all_files_in_one_send(client, permit_data):
    """The confirmation box is on the form from the start: ticking it avoids the second send and losing files."""
    page = client.get(PERMIT_URL).content.decode()
    assert 'name="late_confirmed"' in page
    assert 'id="late-warning"' not in page
    response = client.post(PERMIT_URL, _fourteen_files(permit_data, days_ahead=20, late_confirmed="on"))
    assert response.status_code == 302
    application = MassEventPermitApplication.objects.get()
    assert application.timeliness == Timeliness.LATE
    assert PrivateDocument.objects.filter(object_id=application.pk, kind=PrivateDocument.Kind.ATTACHMENT).count() == 14
