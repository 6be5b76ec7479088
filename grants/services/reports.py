"""The organisation files its report online from the offer's private link; the clerk accepts or returns it.

u.d.p.p. art. 18 with the report form of annex 5 to Dz.U. 2018 poz. 2057 (a small grant: the simplified report,
annex 2 to Dz.U. 2018 poz. 2055). The status moves only through the report's workflow: "file" (the organisation,
guarded by `report_check_file`), "accept" and "return" (the clerk; the note goes to the organisation).
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.private_documents import document_attach_upload
from core.services import transition_perform
from grants import rules
from grants.documents import report_pdf_attach
from grants.models import GrantReport, GrantReportCostLine
from grants.services.common import GrantError, cost_funding, cost_lines

#: Files an organisation may attach to one report [K: the framework agreement asks for attachments only on demand].
REPORT_MAX_ATTACHMENTS = 5


@dataclass
class ReportInput:
    """What the organisation states on the report form: the fields of parts I–III and the executed cost lines."""

    fields: dict
    costs: list[dict] = field(default_factory=list)


def report_cost_summary(*, report: GrantReport, costs: list[dict], fields: dict) -> rules.CostSummary:
    """Check the report's cost table as the offer's is checked (grants.rules.report_cost_table_check)."""
    call = report.agreement.offer.call
    return rules.report_cost_table_check(
        cost_lines(costs),
        cost_funding(fields, subsidy_field="costs_used"),
        granted=report.agreement.amount,
        max_admin_percent=call.limits.max_admin_percent if call is not None else None,
    )


def report_check_file(report: GrantReport, *, acting_user, note: str) -> None:
    """Guard of "file": a report is filed online only when it is due (grants.rules.report_may_be_filed)."""
    if not report.may_be_filed(timezone.localdate()):
        raise GrantError(
            _("This report cannot be filed yet: a final report is filed from %(date)s, the day the task ends.")
            % {"date": rules.final_report_opens(report.agreement.implementation_to).strftime("%d.%m.%Y")},
            code="not_due",
        )


def on_report_file(report: GrantReport, *, acting_user, note: str) -> None:
    """Effect of "file": stamp the day the report was filed (the date the deadline is judged by)."""
    report.submitted_on = timezone.localdate()
    report.filed_at = timezone.now()
    report.save(update_fields=["submitted_on", "filed_at", "updated_at"])


def report_file(*, report: GrantReport, data: ReportInput, attachments=()) -> GrantReport:
    """File the report online on the statutory form, from the offer's private link (the organisation acts).

    Checks the cost table as the offer's (and the subsidy used against the agreement's), stores parts I–III and
    the executed cost lines in place of an earlier filing of a returned report, keeps the attachments and the
    report's PDF with the offer's case and moves the report to "submitted" ("file", guarded by
    `report_check_file`). All or nothing: a refusal (GrantError) stores nothing.
    """
    summary = report_cost_summary(report=report, costs=data.costs, fields=data.fields)
    if summary.problems:
        raise GrantError(" ".join(problem.message for problem in summary.problems), code="costs")
    offer = report.agreement.offer
    with transaction.atomic():
        locked = GrantReport.objects.select_for_update().get(pk=report.pk)
        if locked.status not in GrantReport.FILEABLE_STATUSES:
            raise GrantError(_("This report has already been filed."), code="filed")
        for name in (
            "period_from",
            "period_to",
            "results_description",
            "actions_description",
            "additional_information",
            "costs_used",
            "own_financial",
            "own_personal",
            "own_material",
            "recipient_fees",
        ):
            setattr(locked, name, data.fields.get(name))
        locked.save()
        locked.costs.all().delete()
        GrantReportCostLine.objects.bulk_create(
            GrantReportCostLine(
                report=locked,
                position=n,
                category=line.get("category") or "action",
                name=line["name"],
                unit=line["unit"],
                unit_cost=line["unit_cost"],
                units=line["units"],
                total=rules.line_total(line["unit_cost"], line["units"]),
            )
            for n, line in enumerate(data.costs, start=1)
        )
        transition_perform(obj=locked, name="file", acting_user=None)
        for upload in attachments:
            document_attach_upload(
                case=offer, upload=upload, description=_("Attachment to the report %(report)s") % {"report": locked}
            )
        locked.refresh_from_db()
        report_pdf_attach(report=locked)
    report.refresh_from_db()
    return report


def report_message_return(report: GrantReport, note: str) -> str:
    """The organisation's message when its report is returned: what to correct, and where to file it again."""
    return _(
        "Your %(kind)s report on agreement %(number)s has been returned for correction:\n\n%(note)s\n\n"
        "Correct it and file it again from the page of this case (the button “Correct and file the report”)."
    ) % {"kind": report.get_kind_display(), "number": report.agreement.number, "note": note}


def report_message_accept(report: GrantReport, note: str) -> str:
    """The organisation's message when its report is accepted, with the clerk's note if there is one."""
    message = _("Your %(kind)s report on agreement %(number)s has been accepted.") % {
        "kind": report.get_kind_display(),
        "number": report.agreement.number,
    }
    return f"{message}\n\n{note}" if note else message
