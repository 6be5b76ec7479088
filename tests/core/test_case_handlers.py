"""A clerk takes a case, the head of department assigns it; the case's history and the list of cases show who.

Roles: a clerk of the section that handles the case type (Redakcja portalu for opinions), a clerk of another
section, the head of department and the Kancelaria wydziału (which keeps the list of cases but handles none).
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from core.models import CaseRegisterEntry, Feedback, SectionSettings, StatusChange
from core.roles import HEAD_OF_DEPARTMENT_GROUP
from core.services import CaseWorkError, case_assign, case_open, case_take, transition_perform
from tests.conftest import otp_login
from tests.helpers import public_form_data

SITE = "Redakcja portalu"
PRESS = "Biuro prasowe"
CASEWORK = "Kancelaria wydziału"


@pytest.fixture
def feedback(db):
    return case_open(
        case=Feedback(message="Proszę o kalendarz dla seniorów.", contact_email="jan.kowalski@example.pl"),
        title="Opinia o portalu",
    )


@pytest.fixture
def site_clerk(make_clerk):
    return make_clerk(groups=[SITE], first_name="Anna", last_name="Nowak")


@pytest.fixture
def head(make_clerk):
    return make_clerk(groups=[HEAD_OF_DEPARTMENT_GROUP], first_name="Krzysztof", last_name="Piecha")


def take_url(case):
    return reverse("admin:core_case_take", args=[ContentType.objects.get_for_model(case).pk, case.pk])


def assign_url(case):
    return reverse("admin:core_case_assign", args=[ContentType.objects.get_for_model(case).pk, case.pk])


def change_url(case):
    return reverse("admin:core_feedback_change", args=[case.pk])


def signed_in(user):
    client = Client()
    otp_login(client, user)
    return client


def history(case):
    return list(StatusChange.objects.filter(object_id=case.pk, action__contains=".handler_").order_by("pk"))


def test_a_section_clerk_takes_a_new_case(feedback, site_clerk):
    """Before: nobody handles it. After: the clerk does, the history names them, the list of cases shows them."""
    assert feedback.handler is None

    case_take(case=feedback, acting_user=site_clerk)

    feedback.refresh_from_db()
    assert feedback.handler == site_clerk
    assert feedback.status == Feedback.Status.NEW  # taking does not move the status
    (row,) = history(feedback)
    assert row.actor == site_clerk
    assert row.action_label() == "Sprawa przyjęta przez pracownika"
    assert "Anna Nowak" in row.note
    assert CaseRegisterEntry.objects.get(pk=feedback.register_entry_id).handler == site_clerk


def test_a_clerk_of_another_section_may_not_take_it(feedback, make_clerk):
    press_clerk = make_clerk(groups=[PRESS])

    with pytest.raises(CaseWorkError) as refusal:
        case_take(case=feedback, acting_user=press_clerk)

    assert "obsługuje inny referat" in refusal.value.message
    feedback.refresh_from_db()
    assert feedback.handler is None
    assert history(feedback) == []


@pytest.mark.parametrize("group", [CASEWORK, HEAD_OF_DEPARTMENT_GROUP])
def test_the_registry_and_the_head_do_not_take_cases_themselves(feedback, make_clerk, group):
    with pytest.raises(CaseWorkError):
        case_take(case=feedback, acting_user=make_clerk(groups=[group]))

    feedback.refresh_from_db()
    assert feedback.handler is None


def test_a_case_someone_handles_is_not_taken_from_them(feedback, site_clerk, make_clerk):
    colleague = make_clerk(groups=[SITE], first_name="Ewa", last_name="Zielińska")
    case_take(case=feedback, acting_user=site_clerk)

    with pytest.raises(CaseWorkError) as refusal:
        case_take(case=feedback, acting_user=colleague)

    assert "Anna Nowak" in refusal.value.message
    feedback.refresh_from_db()
    assert feedback.handler == site_clerk


def test_a_closed_case_is_not_taken(feedback, site_clerk):
    transition_perform(obj=feedback, name="close", acting_user=site_clerk, note="Bez odpowiedzi.")

    with pytest.raises(CaseWorkError, match="zamknięta"):
        case_take(case=feedback, acting_user=site_clerk)


def test_the_head_assigns_a_case_to_a_section_clerk_and_reassigns_it(feedback, site_clerk, head, make_clerk):
    colleague = make_clerk(groups=[SITE], first_name="Ewa", last_name="Zielińska")
    case_take(case=feedback, acting_user=site_clerk)

    case_assign(case=feedback, handler=colleague, acting_user=head)

    feedback.refresh_from_db()
    assert feedback.handler == colleague
    taken, assigned = history(feedback)
    assert assigned.actor == head
    assert assigned.action_label() == "Sprawa przydzielona przez naczelnika"
    assert "Ewa Zielińska" in assigned.note
    assert "Anna Nowak" in assigned.note
    assert CaseRegisterEntry.objects.get(pk=feedback.register_entry_id).handler == colleague


def test_the_head_may_not_assign_to_a_clerk_of_another_section(feedback, head, make_clerk):
    with pytest.raises(CaseWorkError, match="nie może prowadzić"):
        case_assign(case=feedback, handler=make_clerk(groups=[PRESS]), acting_user=head)

    feedback.refresh_from_db()
    assert feedback.handler is None


@pytest.mark.parametrize("group", [SITE, PRESS, CASEWORK])
def test_only_the_head_assigns(feedback, site_clerk, make_clerk, group):
    with pytest.raises(CaseWorkError, match="naczelnik"):
        case_assign(case=feedback, handler=site_clerk, acting_user=make_clerk(groups=[group]))

    feedback.refresh_from_db()
    assert feedback.handler is None


# --- the admin: the panel's buttons and the posts -------------------------------------------------------------


def test_the_panel_offers_a_section_clerk_the_take_button_and_it_works(feedback, site_clerk):
    client = signed_in(site_clerk)

    page = client.get(change_url(feedback)).content.decode()
    assert f'action="{take_url(feedback)}"' in page
    assert "Przyjmij sprawę" in page
    assert f'action="{assign_url(feedback)}"' not in page

    response = client.post(take_url(feedback), follow=True)

    assert response.redirect_chain[-1][0] == change_url(feedback)
    assert f"Przyjęto sprawę {feedback.case_mark}" in response.content.decode()
    feedback.refresh_from_db()
    assert feedback.handler == site_clerk
    # The case's history on its page shows the take, who and when.
    assert "Sprawa przyjęta przez pracownika" in response.content.decode()


def test_a_clerk_of_another_section_is_refused_in_polish_not_with_an_error_page(feedback, make_clerk):
    press_clerk = make_clerk(groups=[PRESS])
    client = signed_in(press_clerk)

    response = client.post(take_url(feedback), {"next": reverse("admin:core_my_cases")}, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("admin:core_my_cases")
    assert "Nie możesz przyjąć tej sprawy" in response.content.decode()
    feedback.refresh_from_db()
    assert feedback.handler is None


def test_the_head_sees_the_assign_form_with_the_section_clerks_only(feedback, site_clerk, head, make_clerk):
    press_clerk = make_clerk(groups=[PRESS], first_name="Piotr", last_name="Prasowy")
    client = signed_in(head)

    page = client.get(change_url(feedback)).content.decode()

    assert f'action="{assign_url(feedback)}"' in page
    assert f'<option value="{site_clerk.pk}">Anna Nowak</option>' in page
    assert "Piotr Prasowy" not in page
    assert f'action="{take_url(feedback)}"' not in page  # the head only views the section's cases

    response = client.post(assign_url(feedback), {"handler": str(site_clerk.pk)}, follow=True)

    assert "została przydzielona" in response.content.decode()
    feedback.refresh_from_db()
    assert feedback.handler == site_clerk

    refused = client.post(assign_url(feedback), {"handler": str(press_clerk.pk)}, follow=True)
    assert refused.status_code == 200
    assert "nie może prowadzić spraw tego rodzaju" in refused.content.decode()
    missing = client.post(assign_url(feedback), {"handler": "nie-liczba"}, follow=True)
    assert "Wybierz pracownika" in missing.content.decode()
    feedback.refresh_from_db()
    assert feedback.handler == site_clerk


def test_the_handler_cannot_be_typed_in_the_change_form(feedback, site_clerk, make_clerk):
    colleague = make_clerk(groups=[SITE])
    client = signed_in(site_clerk)

    page = client.get(change_url(feedback)).content.decode()
    assert 'name="handler"' not in page
    client.post(change_url(feedback), {"handler": str(colleague.pk)})

    feedback.refresh_from_db()
    assert feedback.handler is None


def test_take_and_assign_accept_only_a_post_with_the_csrf_token(feedback, site_clerk):
    client = Client(enforce_csrf_checks=True)
    otp_login(client, site_clerk)

    assert client.get(take_url(feedback)).status_code == 405
    assert client.post(take_url(feedback)).status_code == 403

    feedback.refresh_from_db()
    assert feedback.handler is None


def test_a_record_that_is_not_a_case_is_not_found(feedback, site_clerk):
    client = signed_in(site_clerk)
    user_type = ContentType.objects.get(app_label="auth", model="user")

    assert client.post(reverse("admin:core_case_take", args=[user_type.pk, site_clerk.pk])).status_code == 404
    assert client.post(reverse("admin:core_case_take", args=[999999, 1])).status_code == 404
    content_type = ContentType.objects.get_for_model(Feedback)
    assert client.post(reverse("admin:core_case_take", args=[content_type.pk, 999999])).status_code == 404


def test_next_outside_the_site_is_ignored(feedback, site_clerk):
    client = signed_in(site_clerk)

    response = client.post(take_url(feedback), {"next": "https://evil.example/"})

    assert response.status_code == 302
    assert response.url == change_url(feedback)


# --- the section's rule ------------------------------------------------------------------------------------------


def test_a_case_sent_through_the_public_form_goes_to_the_sections_default_handler(client, site_clerk):
    SectionSettings.objects.create(section="site", default_handler=site_clerk)

    response = client.post("/opinia/", public_form_data(message="Brakuje godzin otwarcia.", contact_email=""))

    assert response.status_code == 302
    case = Feedback.objects.get()
    assert case.handler == site_clerk
    (row,) = history(case)
    assert row.actor is None
    assert row.action_label() == "Sprawa przydzielona regułą referatu"
    assert CaseRegisterEntry.objects.get(pk=case.register_entry_id).handler == site_clerk


def test_a_default_handler_who_may_not_handle_the_type_is_ignored(client, make_clerk):
    SectionSettings.objects.create(section="site", default_handler=make_clerk(groups=[PRESS]))

    client.post("/opinia/", public_form_data(message="Brakuje godzin otwarcia.", contact_email=""))

    case = Feedback.objects.get()
    assert case.handler is None
    assert history(case) == []


def test_without_a_rule_a_new_case_waits_to_be_taken(feedback):
    assert feedback.handler is None
    assert CaseRegisterEntry.objects.get(pk=feedback.register_entry_id).handler is None
