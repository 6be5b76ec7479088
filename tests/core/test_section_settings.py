"""Per-section settings: which section handles each case type, and who may set a section's inbox and rules."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from core.models import SectionSettings
from core.retention import case_models
from core.roles import HEAD_OF_DEPARTMENT_GROUP, SECTION_BY_CODE, SECTIONS, section_of_model
from tests.conftest import otp_login


@pytest.mark.parametrize("model", case_models(), ids=lambda model: model._meta.label)
def test_every_case_type_belongs_to_a_section_other_than_the_registry(model):
    section = section_of_model(model._meta.label)

    assert section in SECTION_BY_CODE
    assert section != "casework"


def test_sections_of_known_case_types():
    assert section_of_model("grants.GrantOffer") == "grants"
    assert section_of_model("institutions.ExtractRequest") == "institutions"
    assert section_of_model("no_such.Model") is None


@pytest.mark.django_db
def test_a_section_without_settings_gets_unsaved_defaults():
    settings = SectionSettings.objects.for_section("press")

    assert settings.pk is None
    assert settings.inbox_email == ""
    assert settings.default_handler is None
    assert settings.escalation_after_working_days == SectionSettings.DEFAULT_ESCALATION_WORKING_DAYS


@pytest.mark.django_db
def test_saved_settings_are_found_by_section():
    SectionSettings.objects.create(section="press", inbox_email="prasa@example.org", escalation_after_working_days=5)

    settings = SectionSettings.objects.for_section("press")

    assert settings.inbox_email == "prasa@example.org"
    assert settings.escalation_after_working_days == 5
    assert SectionSettings.objects.for_section("grants").pk is None


@pytest.mark.django_db
@pytest.mark.parametrize("group", [section.group_name for section in SECTIONS] + [HEAD_OF_DEPARTMENT_GROUP])
def test_no_clerk_group_may_change_section_settings(clerk_client, group):
    client = clerk_client(groups=[group])

    response = client.get(reverse("admin:core_sectionsettings_add"))

    assert response.status_code == 403


@pytest.mark.django_db
def test_an_administrator_sets_a_section_inbox():
    admin_user = get_user_model().objects.create_superuser("administrator", "it@example.org", "x")
    client = Client()
    otp_login(client, admin_user)

    response = client.post(
        reverse("admin:core_sectionsettings_add"),
        {"section": "grants", "inbox_email": "dotacje@example.org", "escalation_after_working_days": "2"},
    )

    assert response.status_code == 302
    assert SectionSettings.objects.for_section("grants").inbox_email == "dotacje@example.org"
