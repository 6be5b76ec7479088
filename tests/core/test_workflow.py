"""The one workflow mechanism: allowed moves leave one history row, refused ones leave no trace."""

import pytest
from django.contrib.auth.models import Permission, User
from django.core.exceptions import PermissionDenied

from core.models import Feedback, StatusChange
from core.services import CaseWorkError, case_open, transition_perform
from core.workflow import Transition, Workflow


@pytest.fixture
def feedback(db):
    return case_open(case=Feedback(message="Za mało wydarzeń dla seniorów."), title="Opinia o portalu")


@pytest.fixture
def clerk(db):
    user = User.objects.create_user("redaktor", password="hasło-bardzo-długie", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_feedback"))
    return user


def history(case):
    return list(StatusChange.objects.filter(object_id=case.pk).order_by("pk").values_list("action", "to_status"))


def test_allowed_transition_leaves_exactly_one_history_row(feedback, clerk):
    before = history(feedback)
    transition_perform(obj=feedback, name="take", acting_user=clerk)
    feedback.refresh_from_db()
    assert feedback.status == Feedback.Status.IN_PROGRESS
    assert history(feedback) == [*before, ("core.feedback.take", "in_progress")]
    change = StatusChange.objects.latest("pk")
    assert (change.actor, change.from_status) == (clerk, "new")


def test_disallowed_transition_is_refused_in_polish_and_leaves_no_trace(feedback, clerk):
    transition_perform(obj=feedback, name="answer", acting_user=clerk)
    before = history(feedback)
    with pytest.raises(CaseWorkError) as refused:
        transition_perform(obj=feedback, name="take", acting_user=clerk)
    assert "nie jest możliwe" in refused.value.message
    feedback.refresh_from_db()
    assert feedback.status == Feedback.Status.ANSWERED
    assert history(feedback) == before


def test_closing_stamps_closed_at_and_reopening_clears_it(feedback, clerk):
    transition_perform(obj=feedback, name="answer", acting_user=clerk)
    feedback.refresh_from_db()
    assert feedback.closed_at is not None
    transition_perform(obj=feedback, name="reopen", acting_user=clerk)
    feedback.refresh_from_db()
    assert feedback.closed_at is None


def test_transition_needing_a_reason_is_refused_without_one(feedback, clerk):
    with pytest.raises(CaseWorkError, match="wymaga adnotacji z uzasadnieniem"):
        transition_perform(obj=feedback, name="close", acting_user=clerk, note="  ")
    transition_perform(obj=feedback, name="close", acting_user=clerk, note="Opinia bez treści merytorycznej.")
    assert StatusChange.objects.latest("pk").note == "Opinia bez treści merytorycznej."


def test_user_without_permission_cannot_move_a_case(feedback):
    visitor = User.objects.create_user("gosc", password="hasło-bardzo-długie", is_staff=True)
    with pytest.raises(PermissionDenied, match="Brak uprawnień do wykonania tej czynności"):
        transition_perform(obj=feedback, name="take", acting_user=visitor)
    feedback.refresh_from_db()
    assert feedback.status == Feedback.Status.NEW


def test_available_transitions_follow_the_table(feedback, clerk):
    names = [t.name for t in Feedback.workflow.available(feedback, clerk)]
    assert names == ["take", "answer", "close"]


def refuse_without_reply(feedback, *, acting_user, note):
    """A guard for the test table below: an answer needs a note (checked before anything is written)."""
    if not note:
        raise CaseWorkError("Najpierw wpisz odpowiedź.", code="no_reply")


def test_a_guard_refuses_before_anything_is_written_and_lets_the_move_through_once_satisfied(
    feedback, clerk, monkeypatch
):
    guarded = Workflow(
        action_prefix="core.feedback",
        transitions=[
            Transition(
                "answer",
                source={Feedback.Status.NEW},
                target=Feedback.Status.ANSWERED,
                label="Odpowiedz",
                guard="tests.core.test_workflow.refuse_without_reply",
            )
        ],
    )
    monkeypatch.setattr(Feedback, "workflow", guarded)
    before = history(feedback)
    with pytest.raises(CaseWorkError) as refused:
        transition_perform(obj=feedback, name="answer", acting_user=clerk)
    assert refused.value.code == "no_reply"
    feedback.refresh_from_db()
    assert (feedback.status, feedback.closed_at) == (Feedback.Status.NEW, None)
    assert history(feedback) == before

    transition_perform(obj=feedback, name="answer", acting_user=clerk, note="Dziękujemy, dodamy więcej wydarzeń.")
    feedback.refresh_from_db()
    assert feedback.status == Feedback.Status.ANSWERED
    assert history(feedback) == [*before, ("core.feedback.answer", "answered")]
