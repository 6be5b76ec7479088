"""One workflow mechanism for every app: the allowed moves of a model are a readable table.

    workflow = Workflow(
        action_prefix="core.feedback",
        transitions=[
            Transition("take", source={NEW}, target=IN_PROGRESS, label=_("Take the case")),
            ...
        ],
    )

`core.services.transition_perform` is the only code that changes a status: it locks the row,
checks the table and the permission, runs the guard, saves the changed fields, writes one StatusChange
row, runs the effect and then tells the applicant what the transition declares (`note_to_applicant`,
`announce_status`); a record that is not a case itself (a grant report) names the case whose applicant is told
as its `applicant_case`. Guards are named `<entity>_check_<verb>`, effects `on_<entity>_<verb>`.
A case model may also declare `applicant_changes = ApplicantChanges(...)`: what its applicant may
change from the tracking page while the department waits for changes (see core.applicant_changes).
"""

import functools
from collections.abc import Iterable

from django.apps import apps
from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Transition:
    """A move from any status in `source` to `target`, named for its dotted action code."""

    def __init__(
        self,
        name: str,
        *,
        source: Iterable[str],
        target: str,
        label: str | Promise,
        permission: str | None = None,
        closes_case: bool = False,
        reopens_case: bool = False,
        note_required: bool = False,
        effect: str | None = None,
        note_to_applicant: bool = False,
        guard: str | None = None,
        note_message: str | None = None,
        announce_status: bool = False,
        by_applicant: bool = False,
    ):
        self.name = name
        self.source = frozenset(source)
        self.target = target
        self.label = label
        # "app_label.codename"; None means any clerk who may change the model.
        self.permission = permission
        # A closing transition stamps closed_at on a case: retention counts from it.
        self.closes_case = closes_case
        self.reopens_case = reopens_case
        self.note_required = note_required
        # Dotted path of `effect(obj, *, acting_user, note)`, run in the transition's transaction after the
        # history row (e.g. accepting a submission publishes its event). A string avoids import cycles.
        self.effect = effect
        # The kernel sends the clerk's note to the applicant after the effect: a department message in the case
        # conversation (tracking page), announced by e-mail. The admin panel says so beside the note.
        self.note_to_applicant = note_to_applicant
        # Dotted path of `note_message(obj, note) -> str`: the message the applicant gets instead of the bare note
        # (e.g. the fee before the clerk's note). It runs after the effect, so it reads what the effect stamped.
        self.note_message = note_message
        # The kernel e-mails the applicant the case's new status (case mark, status, tracking link) after the effect.
        self.announce_status = announce_status
        if note_message and not note_to_applicant:
            raise ValueError(f"Transition {name}: note_message needs note_to_applicant=True.")
        # A move only the applicant makes, from the private tracking link (acting_user None): the admin panel offers
        # no button for it and `transition_perform` refuses it for a signed-in clerk (e.g. an online report filed).
        self.by_applicant = by_applicant
        # Dotted path of `guard(obj, *, acting_user, note)`: may this move happen now? It runs on the locked row
        # before anything is written and refuses by raising CaseWorkError (e.g. "no extract before the fee").
        self.guard = guard

    def __repr__(self):
        return f"<Transition {self.name}: {sorted(self.source)} -> {self.target}>"


class Workflow:
    """The transition table of one model."""

    def __init__(self, *, action_prefix: str, transitions: Iterable[Transition], status_field: str = "status"):
        self.action_prefix = action_prefix
        self.transitions = tuple(transitions)
        self.status_field = status_field
        self._by_name = {t.name: t for t in self.transitions}
        if len(self._by_name) != len(self.transitions):
            raise ValueError(f"Duplicate transition names in {action_prefix}")

    def get(self, name: str) -> Transition | None:
        return self._by_name.get(name)

    def available(self, obj, user=None) -> list[Transition]:
        """Transitions allowed from the record's current status (and for `user`, if given: no applicant's move)."""
        current = getattr(obj, self.status_field)
        return [
            t
            for t in self.transitions
            if current in t.source and (user is None or (not t.by_applicant and user_may(user, obj, t)))
        ]

    def action_code(self, transition: Transition) -> str:
        return f"{self.action_prefix}.{transition.name}"


def user_may(user, obj, transition: Transition) -> bool:
    opts = obj._meta
    if transition.permission:
        return user.has_perm(transition.permission)
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


class ApplicantChanges:
    """What the applicant of a case model may change, in which statuses, and how the case goes back.

    `statuses`: the statuses in which the department waits for changes; `resubmit`: the name of the workflow
    transition that hands the case back; `form`: dotted path of the CaseChangesForm subclass; `label`: the
    tracking page's button (default "Change your submission").
    """

    def __init__(self, *, statuses, resubmit: str, form: str, label=None):
        self.statuses = frozenset(statuses)
        self.resubmit = resubmit
        self.form = form
        self.label = label or _("Change your submission")

    def allows(self, case) -> bool:
        """True while the department waits for the applicant's changes (and the case is open and not purged)."""
        status_field = type(case).workflow.status_field
        return (
            getattr(case, status_field) in self.statuses
            and not getattr(case, "closed_at", None)
            and not getattr(case, "anonymised_at", None)
        )

    def form_class(self):
        """The form class (a core.applicant_changes.CaseChangesForm subclass)."""
        return import_string(self.form)


@functools.cache
def _workflow_models() -> dict[str, type]:
    return {model.workflow.action_prefix: model for model in apps.get_models() if hasattr(model, "workflow")}


def case_model(action_prefix: str):
    """The model whose workflow writes actions under `action_prefix` (also the key of its public form), or None."""
    return _workflow_models().get(action_prefix)


def case_model_choices() -> list[tuple[str, str]]:
    """(action prefix, the case model's name) of every model with a workflow, by name."""
    names = [(prefix, capfirst(model._meta.verbose_name)) for prefix, model in _workflow_models().items()]
    return sorted(names, key=lambda choice: choice[1])


#: A change of a case's handler in its history (core.services.case_take, case_assign, the section's rule).
HANDLER_ACTION_LABELS = {
    "handler_take": _("Case taken by the clerk"),
    "handler_assign": _("Case assigned by the head of department"),
    "handler_rule": _("Case assigned by the section's rule"),
}


def action_label(action: str) -> str:
    """What a history row's dotted action code (`events.submission.accept`) means, in the reader's language.

    A transition's own label; opening a case ("….open") is its receipt. A code no workflow knows any more is
    named as a status change, never shown as it is.
    """
    prefix, _dot, name = action.rpartition(".")
    if name == "open":
        return gettext("Case received")
    if name in HANDLER_ACTION_LABELS:
        return str(HANDLER_ACTION_LABELS[name])
    model = _workflow_models().get(prefix)
    transition = model.workflow.get(name) if model is not None else None
    return str(transition.label) if transition is not None else gettext("status change")


def status_label(model, value: str) -> str:
    """The label of a stored status value of `model` (its workflow's status field), or "—" for none."""
    if not value:
        return "—"
    workflow = getattr(model, "workflow", None)
    if model is None or workflow is None:
        return value
    return str(dict(model._meta.get_field(workflow.status_field).flatchoices).get(value, value))
