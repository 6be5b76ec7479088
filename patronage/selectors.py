"""What the duty's pages and the Terminarz read: the public register of patronages and the open clocks."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.deadlines import OpenDeadline
from patronage.deadlines import patronage_answer_due, symbol_request_answer_due
from patronage.models import PatronageApplication, SymbolUseRequest

SECTION = "patronage"
REGISTER_FIELDS = ("pk", "case_mark", "event_name", "organiser_name", "starts_on", "ends_on", "venue", "scope")


def patronage_register(year: int | None = None):
    """The public register of granted patronages (DOMAIN.md §E.1): event, organiser, dates, newest first.

    One query for the page: only the public columns, filtered and ordered in the database.
    """
    rows = PatronageApplication.objects.in_register().only(*REGISTER_FIELDS).order_by("-starts_on", "-pk")
    if year:
        rows = rows.filter(starts_on__year=year)
    return rows


def patronage_register_years() -> list[int]:
    """The years the register has entries in, newest first (the page's filter)."""
    dates = PatronageApplication.objects.in_register().dates("starts_on", "year", order="DESC")
    return [day.year for day in dates]


def _common(case) -> dict:
    return {
        "case_mark": case.case_mark,
        "url": reverse(f"admin:patronage_{case._meta.model_name}_change", args=[case.pk]),
        "section": SECTION,
        "handler_id": case.handler_id,
    }


def application_open_deadlines():
    """The clocks of patronage applications (one query), each gone once its step is done.

    * the written answer 7 days before the event ([K] the department's aim, DOMAIN.md §E.1), until decided;
    * the organiser's report 3 days after the event (regulamin, DOMAIN.md §E.1), the clerk's reminder.
    """
    status = PatronageApplication.Status
    rows = PatronageApplication.objects.filter(
        status__in=[status.RECEIVED, status.OPINION_REQUESTED, status.REPORT_DUE]
    ).only("pk", "case_mark", "event_name", "starts_on", "status", "handler_id", "report_due_on")
    for application in rows:
        name = application.event_name[:80]
        if application.status == status.REPORT_DUE:
            if application.report_due_on:
                yield OpenDeadline(
                    due_date=application.report_due_on,
                    title=str(_("Report on the patronised event due: %(name)s")) % {"name": name},
                    rule="regulamin patronatu: sprawozdanie ze zdjęciami do 3 dni po wydarzeniu",
                    **_common(application),
                )
        else:
            yield OpenDeadline(
                due_date=patronage_answer_due(application.starts_on),
                title=str(_("Answer the patronage application: %(name)s")) % {"name": name},
                rule="regulamin patronatu [K]: odpowiedź pisemna ≥ 7 dni przed wydarzeniem",
                **_common(application),
            )


def symbol_request_open_deadlines():
    """The answer to each open symbols request within 30 days of receipt (DOMAIN.md §E.2), one query."""
    rows = SymbolUseRequest.objects.filter(status=SymbolUseRequest.Status.RECEIVED).only(
        "pk", "case_mark", "applicant_name", "symbol", "received_on", "handler_id"
    )
    for request in rows:
        yield OpenDeadline(
            due_date=symbol_request_answer_due(request.received_on),
            title=str(_("Answer the request to use the city's symbols: %(name)s"))
            % {"name": request.applicant_name[:80]},
            rule="uchwała o symbolach miasta: odpowiedź w 30 dni",
            **_common(request),
        )
