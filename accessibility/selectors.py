"""What the Terminarz reads: the open clocks of requests for accessibility and demands for digital accessibility."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accessibility.deadlines import accessibility_request_answer_due, digital_demand_answer_due
from accessibility.models import AccessibilityCase, AccessibilityRequest, DigitalAccessibilityDemand
from core.deadlines import OpenDeadline

SECTION = "accessibility"
OPEN_FIELDS = ("pk", "case_mark", "received_on", "extended_to", "status", "handler_id")


def _open_deadlines(model, due, *, title, rule: str, extended_rule: str):
    rows = model.objects.filter(status__in=AccessibilityCase.OPEN_STATUSES).only(*OPEN_FIELDS)
    for case in rows:
        extended = case.status == AccessibilityCase.Status.EXTENDED and case.extended_to
        yield OpenDeadline(
            due_date=case.extended_to if extended else due(case.received_on),
            title=str(title) % {"mark": case.case_mark},
            rule=extended_rule if extended else rule,
            case_mark=case.case_mark,
            url=reverse(f"admin:accessibility_{model._meta.model_name}_change", args=[case.pk]),
            section=SECTION,
            handler_id=case.handler_id,
        )


def request_open_deadlines():
    """The answer to each open request for accessibility, one query: 14 days from filing, or the new date of a
    notified delay (ustawa z 19.07.2019 art. 31 ust. 1 and 2; DOMAIN.md §G.2)."""
    return _open_deadlines(
        AccessibilityRequest,
        accessibility_request_answer_due,
        title=_("Answer the request for accessibility %(mark)s"),
        rule="ustawa z 19.07.2019 art. 31 ust. 1: odpowiedź w 14 dni",
        extended_rule="ustawa z 19.07.2019 art. 31 ust. 2: nowy termin, nie dłużej niż 2 miesiące",
    )


def demand_open_deadlines():
    """The answer to each open demand for digital accessibility, one query: 7 days from filing, or the new date of a
    notified delay (ustawa z 4.04.2019 art. 18; DOMAIN.md §G.4)."""
    return _open_deadlines(
        DigitalAccessibilityDemand,
        digital_demand_answer_due,
        title=_("Answer the demand for digital accessibility %(mark)s"),
        rule="ustawa z 4.04.2019 art. 18: realizacja żądania w 7 dni",
        extended_rule="ustawa z 4.04.2019 art. 18: nowy termin, nie dłużej niż 2 miesiące",
    )
