"""Every workflow of the portal declares its guards and effects the one way (docs/architecture.md).

A guard (`<entity>_check_<verb>`) says whether a move may happen and runs on the locked row before anything is
written; an effect does what follows the move. A check written as an effect would run after the status and its
history row are saved, so it is refused here by its name, and every dotted path must import. What the applicant
is told is declared by flags (`note_to_applicant`, `note_message`, `announce_status`) and sent by the kernel.
"""

import re

import pytest
from django.apps import apps
from django.utils.module_loading import import_string

from core.workflow import Transition, Workflow

GUARD_NAME = re.compile(r"^[a-z_]+_check_[a-z_]+$")
MESSAGE_NAME = re.compile(r"^[a-z_]+_message_[a-z_]+$")
EFFECT_NAME = re.compile(r"^on_[a-z_]+_[a-z_]+$")


def declared_transitions():
    for model in apps.get_models():
        workflow = getattr(model, "workflow", None)
        if isinstance(workflow, Workflow):
            for transition in workflow.transitions:
                yield model, transition


def test_the_portal_has_workflows_with_guards():
    transitions = list(declared_transitions())
    assert len({model for model, _t in transitions}) >= 8
    assert sum(1 for _m, t in transitions if t.guard) >= 8


def test_every_guard_and_effect_imports():
    for model, transition in declared_transitions():
        for path in filter(None, (transition.guard, transition.effect, transition.note_message)):
            assert callable(import_string(path)), f"{model._meta.label}.{transition.name}: {path}"


def test_guards_are_named_as_checks_and_no_effect_is_a_check():
    wrong = []
    for model, transition in declared_transitions():
        where = f"{model._meta.label}.{transition.name}"
        if transition.guard and not GUARD_NAME.match(transition.guard.rsplit(".", 1)[1]):
            wrong.append(f"{where}: guard {transition.guard}")
        if transition.effect and re.search(r"_check_|guard", transition.effect.rsplit(".", 1)[1]):
            wrong.append(f"{where}: effect {transition.effect} checks; make it the guard")
    assert wrong == []


def test_effects_are_named_on_entity_verb():
    """One rule for what follows a move (`on_offer_grant`), apart from the services clerks call by name."""
    wrong = [
        f"{model._meta.label}.{transition.name}: effect {transition.effect}"
        for model, transition in declared_transitions()
        if transition.effect and not EFFECT_NAME.match(transition.effect.rsplit(".", 1)[1])
    ]
    assert wrong == []


def test_note_messages_are_named_as_messages_and_go_with_the_note():
    wrong = []
    for model, transition in declared_transitions():
        where = f"{model._meta.label}.{transition.name}"
        if transition.note_message and not MESSAGE_NAME.match(transition.note_message.rsplit(".", 1)[1]):
            wrong.append(f"{where}: note_message {transition.note_message}")
    assert wrong == []


def test_a_note_message_without_the_note_to_the_applicant_is_refused():
    with pytest.raises(ValueError, match="note_to_applicant"):
        Transition("take", source={"new"}, target="taken", label="take", note_message="core.services.case_open")
