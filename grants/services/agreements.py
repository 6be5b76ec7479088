"""Agreements, their tranches, reports and controls (u.d.p.p. art. 16–18, framework agreement)."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import CaseMessage
from core.services import case_message_add, transition_perform
from grants import rules
from grants.documents import agreement_pdf_issue
from grants.models import AgreementTranche, GrantAgreement, GrantControl, GrantOffer, GrantReport
from grants.services.common import GrantError, validation_message


def agreement_sign(
    *,
    offer: GrantOffer,
    number: str,
    signed_on: date,
    bank_account: str,
    tranches: list[tuple[date, Decimal]],
    acting_user,
    budget_updated: bool = False,
    use_deadline: date | None = None,
) -> GrantAgreement:
    """Sign the agreement on a granted offer, with its tranches and the final report it owes.

    u.d.p.p. art. 16 and the framework agreement (annex 3 to Dz.U. 2018 poz. 2057): the amount is the one
    granted; tranches add up to it; with less granted than asked, the updated schedule and cost table must be
    attached; the subsidy is used by 31 December of the budget year at the latest (u.f.p. art. 221 ust. 3
    pkt 3), by default until the end of the task.
    The final report is due 30 days after the task (u.d.p.p. art. 18 ust. 1). Issues the agreement PDF.
    """
    if offer.status != GrantOffer.Status.GRANTED:
        raise GrantError(_("An agreement is signed only for a granted offer."), code="status")
    amount = offer.granted_amount
    error = rules.tranches_error(amount=amount, tranches=[value for _due, value in tranches])
    if error:
        raise GrantError(error, code="tranches")
    if rules.budget_update_required(requested=offer.requested_amount, granted=amount) and not budget_updated:
        raise GrantError(
            _("Less is granted than asked for: attach the updated schedule and cost table first."), code="update"
        )
    year_end = date(offer.call.year if offer.call else offer.end_date.year, 12, 31)
    use_deadline = use_deadline or min(offer.end_date, year_end)
    if use_deadline > year_end:
        raise GrantError(_("The subsidy must be used by 31 December of the budget year."), code="use_deadline")
    with transaction.atomic():
        agreement = GrantAgreement(
            offer=offer,
            number=number,
            signed_on=signed_on,
            amount=amount,
            bank_account=bank_account,
            implementation_from=offer.start_date,
            implementation_to=offer.end_date,
            use_deadline=use_deadline,
            budget_updated=budget_updated,
        )
        try:
            agreement.full_clean()
        except ValidationError as exc:
            raise GrantError(validation_message(exc), code="invalid") from exc
        agreement.save()
        for n, (due_on, value) in enumerate(tranches, start=1):
            AgreementTranche.objects.create(agreement=agreement, position=n, due_on=due_on, amount=value)
        GrantReport.objects.create(
            agreement=agreement, kind=GrantReport.Kind.FINAL, due_on=rules.final_report_due(offer.end_date)
        )
        transition_perform(obj=offer, name="sign", acting_user=acting_user)
    agreement_pdf_issue(agreement=agreement, acting_user=acting_user)
    return agreement


def agreement_transfer_record(*, agreement: GrantAgreement, transferred_on: date, acting_user) -> GrantAgreement:
    """Record the day the subsidy was transferred: interest on a misused subsidy runs from it (u.f.p. art. 252)."""
    agreement.transferred_on = transferred_on
    agreement.save(update_fields=["transferred_on", "updated_at"])
    return agreement


def report_request_partial(*, agreement: GrantAgreement, due_on: date, acting_user) -> GrantReport:
    """Demand a partial report; its deadline is at least 30 days from the call (u.d.p.p. art. 18 ust. 3)."""
    earliest = rules.partial_report_earliest_due(timezone.localdate())
    if due_on < earliest:
        raise GrantError(
            _("A partial report may be due on %(date)s at the earliest.") % {"date": earliest.strftime("%d.%m.%Y")},
            code="too_early",
        )
    return GrantReport.objects.create(agreement=agreement, kind=GrantReport.Kind.PARTIAL, due_on=due_on)


def report_check_call(report: GrantReport, *, acting_user, note: str) -> None:
    """Guard of "call": only a report past its deadline is called for."""
    if timezone.localdate() <= report.due_on:
        raise GrantError(_("The report is not overdue yet."), code="not_overdue")


def on_report_call(report: GrantReport, *, acting_user, note: str) -> None:
    """Effect of "call": a report overdue is called for with 7 days to file it (framework agreement) [K]."""
    report.called_on = timezone.localdate()
    report.call_due_on = rules.missing_report_call_due(report.called_on)
    report.save(update_fields=["called_on", "call_due_on", "updated_at"])
    case_message_add(
        case=report.agreement.offer,
        body=_("The report on agreement %(number)s is overdue. Please file it by %(date)s.")
        % {"number": report.agreement.number, "date": report.call_due_on.strftime("%d.%m.%Y")},
        author_kind=CaseMessage.Author.CLERK,
        acting_user=acting_user,
    )


def on_report_receive(report: GrantReport, *, acting_user, note: str) -> None:
    """Effect of "receive": stamp the day the report came in."""
    report.submitted_on = timezone.localdate()
    report.save(update_fields=["submitted_on", "updated_at"])


def report_receive(*, report: GrantReport, costs_used: Decimal, acting_user) -> GrantReport:
    """Register a report with the subsidy it says was used (annex 5, part II)."""
    if costs_used < 0 or costs_used > report.agreement.amount:
        raise GrantError(_("The amount used must be between 0 and the subsidy."), code="amount")
    with transaction.atomic():
        transition_perform(obj=report, name="receive", acting_user=acting_user)
        report.costs_used = costs_used
        report.save(update_fields=["costs_used", "updated_at"])
    return report


def control_record(
    *,
    agreement: GrantAgreement,
    controlled_on: date,
    scope: str,
    findings: str,
    recommendations: str,
    acting_user,
    recommendations_due: date | None = None,
) -> GrantControl:
    """Record a control of the task with its findings, recommendations and their follow-up date (u.d.p.p. art. 17)."""
    control = GrantControl(
        agreement=agreement,
        controlled_on=controlled_on,
        scope=scope,
        findings=findings,
        recommendations=recommendations,
        recommendations_due=recommendations_due,
    )
    control.full_clean()
    control.save()
    return control
