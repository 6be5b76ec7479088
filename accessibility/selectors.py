"""What the pages and the Terminarz read: the open clocks of the cases, the published declaration and its yearly
review, and the 4-yearly report."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accessibility.deadlines import (
    accessibility_report_due,
    accessibility_request_answer_due,
    declaration_review_due,
    digital_demand_answer_due,
)
from accessibility.models import (
    AccessibilityCase,
    AccessibilityDeclaration,
    AccessibilityReport,
    AccessibilityRequest,
    DigitalAccessibilityDemand,
)
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


def published_declaration(language: str) -> AccessibilityDeclaration | None:
    """The published declaration of a language version of the portal (ustawa z 4.04.2019 art. 10: one per language
    version), or None."""
    return AccessibilityDeclaration.objects.published().filter(language=language).order_by("pk").first()


def declaration_open_deadlines():
    """The yearly review of each published declaration, by 31 March of the year after the last one (ustawa
    z 4.04.2019 art. 10; DOMAIN.md §G.4), one query."""
    for declaration in AccessibilityDeclaration.objects.published().only(
        "pk", "language", "prepared_on", "reviewed_on"
    ):
        yield OpenDeadline(
            due_date=declaration_review_due(declaration.last_review),
            title=str(_("Review the declaration of accessibility (%(language)s)"))
            % {"language": declaration.get_language_display()},
            rule="ustawa z 4.04.2019 art. 10: przegląd i aktualizacja co roku do 31 marca",
            case_mark="",
            url=reverse("admin:accessibility_accessibilitydeclaration_change", args=[declaration.pk]),
            section=SECTION,
            handler_id=None,
        )


def stale_declarations_message(today) -> str | None:
    """The dashboard's notice while a published declaration is past its yearly review (ustawa z 4.04.2019 art. 10)."""
    stale = [
        declaration
        for declaration in AccessibilityDeclaration.objects.published().only("language", "prepared_on", "reviewed_on")
        if declaration_review_due(declaration.last_review) < today
    ]
    if not stale:
        return None
    return str(_("The declaration of accessibility needs its yearly review (due by 31 March): %(languages)s.")) % {
        "languages": ", ".join(str(declaration.get_language_display()) for declaration in stale)
    }


def report_open_deadlines():
    """The next report on the state of accessibility, by 31 March of the reporting year (ustawa z 19.07.2019 art. 11;
    DOMAIN.md §G.3), until the report of that year is sent to the voivode; one query."""
    due = accessibility_report_due(timezone.localdate())
    if AccessibilityReport.objects.filter(year=due.year, sent_to_voivode_on__isnull=False).exists():
        return
    yield OpenDeadline(
        due_date=due,
        title=str(_("Publish the report on the state of accessibility for %(year)s and send it to the voivode"))
        % {"year": due.year},
        rule="ustawa z 19.07.2019 art. 11: raport co 4 lata do 31 marca, BIP i wojewoda",
        case_mark="",
        url=reverse("admin:accessibility_accessibilityreport_changelist"),
        section=SECTION,
        handler_id=None,
    )
