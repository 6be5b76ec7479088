"""The admin kernel is safe by default: no history reverts, edits save editable fields only, services create."""

import pytest
from django.contrib import admin
from django.contrib.admin.models import ADDITION, LogEntry
from django.test import RequestFactory

from core.admin_mixins import HistoryViewOnlyMixin, ServiceCreateAdminMixin, WorkflowAdminMixin, adopt_created
from core.models import Feedback
from core.services import case_open
from tests.core.urls_service_admin import REFUSED

SITE = "Redakcja portalu"


@pytest.fixture
def feedback(db):
    return case_open(case=Feedback(message="Proszę o kalendarz dla seniorów."), title="Opinia o portalu")


def workflow_admins():
    return [
        model_admin
        for model, model_admin in admin.site._registry.items()
        if getattr(model, "workflow", None) is not None and hasattr(model.workflow, "transitions")
    ]


def test_every_registered_workflow_model_has_the_kernels_admin():
    admins = workflow_admins()
    assert admins
    for model_admin in admins:
        assert isinstance(model_admin, WorkflowAdminMixin), type(model_admin).__name__
        assert isinstance(model_admin, HistoryViewOnlyMixin), type(model_admin).__name__
        assert model_admin.revert_disabled(None) is True


def test_a_post_to_an_older_version_of_feedback_is_refused(clerk_client, feedback):
    client = clerk_client(groups=[SITE])
    feedback.message = "Zmieniona treść."
    feedback.save()
    version = feedback.history.order_by("history_id").first()
    url = f"/admin/core/feedback/{feedback.pk}/history/{version.history_id}/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"message": "Stara treść"}).status_code == 403
    feedback.refresh_from_db()
    assert feedback.message == "Zmieniona treść."


def test_an_edit_saves_only_the_editable_fields(feedback, make_clerk):
    """A status moved meanwhile by a service is not written back by a clerk's edit, nor is the handler, which only
    taking or assigning the case changes."""
    clerk = make_clerk(groups=[SITE])
    loaded = Feedback.objects.get(pk=feedback.pk)
    Feedback.objects.filter(pk=feedback.pk).update(status=Feedback.Status.ANSWERED)
    loaded.incoming_reg_no = "KW/12/2026"
    loaded.handler = clerk
    request = RequestFactory().post("/")
    request.user = clerk
    admin.site._registry[Feedback].save_model(request, loaded, form=None, change=True)
    feedback.refresh_from_db()
    assert (feedback.incoming_reg_no, feedback.status) == ("KW/12/2026", Feedback.Status.ANSWERED)
    assert feedback.handler is None


def test_adopting_a_created_record_takes_its_key_values_and_state(feedback):
    unsaved = Feedback(message="Tekst z formularza")
    adopt_created(unsaved, feedback)
    assert (unsaved.pk, unsaved.case_mark, unsaved.message) == (feedback.pk, feedback.case_mark, feedback.message)
    assert unsaved._state.adding is False
    assert unsaved._state.db == "default"


@pytest.mark.urls("tests.core.urls_service_admin")
def test_the_add_form_creates_the_record_through_the_service(clerk_client):
    client = clerk_client(is_superuser=True)
    response = client.post("/usluga/core/feedback/add/", {"message": "Wpisane przez urzędnika.", "page_path": ""})
    created = Feedback.objects.get()
    assert response.status_code == 302
    assert response["Location"] == "/usluga/core/feedback/"
    assert created.case_mark  # what only the service writes
    assert created.register_entry_id
    entry = LogEntry.objects.get()
    assert (entry.action_flag, entry.object_id, entry.object_repr) == (ADDITION, str(created.pk), str(created))


@pytest.mark.urls("tests.core.urls_service_admin")
def test_a_refusal_of_the_service_is_shown_on_the_form_and_keeps_what_was_typed(clerk_client):
    client = clerk_client(is_superuser=True)
    response = client.post("/usluga/core/feedback/add/", {"message": "To jest odmowa, tekst zostaje."})
    assert response.status_code == 200  # the form again, not a redirect to an empty one
    form = response.context["adminform"].form
    assert form.non_field_errors() == [REFUSED]
    body = response.content.decode()
    assert REFUSED in body
    assert "To jest odmowa, tekst zostaje." in body
    assert not Feedback.objects.exists()
    assert not LogEntry.objects.exists()
    accepted = client.post("/usluga/core/feedback/add/", {"message": "Poprawione.", "page_path": ""})
    assert accepted.status_code == 302  # the next request is not refused by the last one's error
    assert Feedback.objects.get().message == "Poprawione."


def test_an_admin_without_the_hook_says_so(rf):
    class Incomplete(ServiceCreateAdminMixin, admin.ModelAdmin):
        pass

    with pytest.raises(NotImplementedError, match="Incomplete"):
        Incomplete(Feedback, admin.site).create_through_service(rf.post("/"), None, [])
