"""The press office's guards refuse a move on the locked row before anything is written.

Scheduling a release without a future embargo, sending a letter without a text for review, planning a post
without its time and marking a post published without its address: each is refused by the transition's guard
(`<entity>_check_<verb>`), so no status, stamp or history row is written, not even for a rollback to undo.
"""

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import StatusChange
from core.services import transition_perform
from press.models import OccasionalLetter, PressRelease, SocialPost
from press.services import PressError
from tests.press.factories import OccasionalLetterFactory, PressReleaseFactory, SocialPostFactory


def release_without_embargo():
    return PressReleaseFactory(status=PressRelease.Status.APPROVED), "schedule", "no_embargo"


def letter_without_text():
    letter = OccasionalLetterFactory()
    transition_perform(obj=letter, name="start_draft", acting_user=None)
    return letter, "submit", "no_version"


def post_without_time():
    return SocialPostFactory(planned_at=None), "plan", "no_planned_at"


def post_without_address():
    return SocialPostFactory(status=SocialPost.Status.APPROVED), "publish", "no_post_url"


REFUSED_MOVES = [release_without_embargo, letter_without_text, post_without_time, post_without_address]


@pytest.mark.parametrize("refused_move", REFUSED_MOVES, ids=lambda make: make.__name__)
def test_a_refused_move_writes_nothing(db, refused_move):
    record, name, code = refused_move()
    status_before = record.status
    history_before = StatusChange.objects.filter(object_id=record.pk).count()
    with CaptureQueriesContext(connection) as queries, pytest.raises(PressError) as refusal:
        transition_perform(obj=record, name=name, acting_user=None)
    assert refusal.value.code == code
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert writes == []
    record.refresh_from_db()
    assert record.status == status_before
    assert StatusChange.objects.filter(object_id=record.pk).count() == history_before


@pytest.mark.parametrize(
    ("model", "name", "guard"),
    [
        (PressRelease, "schedule", "press.services.release_check_schedule"),
        (OccasionalLetter, "submit", "press.services.letter_check_submit"),
        (SocialPost, "plan", "press.services.social_post_check_plan"),
        (SocialPost, "publish", "press.services.social_post_check_publish"),
    ],
)
def test_the_checks_are_the_transitions_guards(model, name, guard):
    transition = model.workflow.get(name)
    assert transition.guard == guard
    assert transition.effect is None or transition.effect.rsplit(".", 1)[1].startswith("on_")


def test_every_press_effect_is_named_on_entity_verb():
    effects = [
        transition.effect
        for model in apps.get_app_config("press").get_models()
        if hasattr(model, "workflow")
        for transition in model.workflow.transitions
        if transition.effect
    ]
    assert len(effects) == 8
    assert [effect for effect in effects if not effect.startswith("press.services.on_")] == []
