"""The migration that copies each case's handler onto its line in the list of cases, for cases opened before."""

import importlib

from django.apps import apps

from core.models import CaseRegisterEntry, Feedback
from core.services import case_open, case_take

backfill = importlib.import_module("core.migrations.0012_caseregisterentry_fill_handler")


def test_the_backfill_copies_each_handler_and_leaves_unhandled_cases_empty(make_clerk):
    clerk = make_clerk(groups=["Redakcja portalu"])
    handled = case_open(case=Feedback(message="Opinia pierwsza."), title="Opinia")
    waiting = case_open(case=Feedback(message="Opinia druga."), title="Opinia")
    case_take(case=handled, acting_user=clerk)
    CaseRegisterEntry.objects.update(handler=None)  # as the lines were before the column existed

    backfill.fill(apps, None)

    assert CaseRegisterEntry.objects.get(pk=handled.register_entry_id).handler == clerk
    assert CaseRegisterEntry.objects.get(pk=waiting.register_entry_id).handler is None
    backfill.unfill(apps, None)
    assert not CaseRegisterEntry.objects.exclude(handler=None).exists()
