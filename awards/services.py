"""What changes scholarship applications and award nominations: the workflow's guards, effects and messages.

u.o.p.d.k. art. 7a (awards) and art. 7b (scholarships) with the Rada Miasta's resolution (art. 7a ust. 3, art. 7b
ust. 3; DOMAIN.md §D): the Prezydent grants by zarządzenie after the committee's opinion, which does not bind him;
the amount stays within the resolution's cap and the call's budget; no appeal lies (DOMAIN.md §D.2 [V-sec]).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.deadlines import award_completion_due, scholarship_report_due
from awards.models import (
    COMMITTEE_MAX_POINTS,
    AwardApplication,
    AwardAssignment,
    AwardCommittee,
    AwardCommitteeMember,
    AwardInterview,
    AwardScore,
    ScholarshipType,
)
from core.committee import rules as committee_rules
from core.committee import services as committee
from core.models import CaseMessage
from core.money import format_pln, money
from core.pesel import validate_pesel
from core.private_documents import document_attach_upload
from core.services import CaseWorkError, case_message_add, transition_perform
from core.validators import validate_nrb

#: [K] Files a scholar may attach to the report.
REPORT_MAX_ATTACHMENTS = 5
#: [K] Full years after the year the case closed during which the scholar's PESEL and bank account are kept: the
#: payer's tax documents are kept until the tax obligation is time-barred, 5 years from the end of the year the tax
#: fell due (Ordynacja podatkowa art. 70 § 1, art. 86 § 1). The case itself is category A (JRWA 5230) and stays.
CONTRACT_DATA_KEEP_YEARS = 5


class AwardError(CaseWorkError):
    """A refusal of an awards service, with a Polish message a clerk or an applicant can read."""


def cap_error(call, amount, scholarship_type: str = "") -> str | None:
    """Why `amount` is above the cap of one application of `call`, or None (`AwardCall.cap_for`: the lower of the
    call's own cap and its resolution's, for the kind of scholarship where the resolution caps them apart)."""
    cap = call.cap_for(scholarship_type)
    if cap is None or amount <= cap:
        return None
    if scholarship_type and call.distinguishes_scholarship_types:
        return _("The resolution allows at most %(cap)s for a %(kind)s.") % {
            "cap": format_pln(cap),
            "kind": ScholarshipType(scholarship_type).label,
        }
    return _("The resolution allows at most %(cap)s per application.") % {"cap": format_pln(cap)}


def requested_amount_error(call, amount, scholarship_type: str = "") -> str | None:
    """Why `amount` cannot be asked for under `call`, or None (the resolution's cap, u.o.p.d.k. art. 7b ust. 3)."""
    if amount is None:
        return None
    if amount <= 0:
        return _("The amount must be greater than zero.")
    return cap_error(call, amount, scholarship_type)


def on_application_call_to_complete(application: AwardApplication, *, acting_user, note: str) -> None:
    """Effect of "call_to_complete": the clock of the completion starts (`awards.deadlines`, [K])."""
    application.completion_due = award_completion_due(timezone.localdate())
    application.save(update_fields=["completion_due", "updated_at"])


def application_message_call_to_complete(application: AwardApplication, note: str) -> str:
    """What the applicant is told when called to complete: the deadline the effect stamped, then the note."""
    return _(
        "Please complete the application by %(date)s with the button “Complete the application” on this page; an "
        "application not completed in time is not considered. %(note)s"
    ) % {"date": application.completion_due.strftime("%d.%m.%Y"), "note": note}


def application_complete(*, application: AwardApplication, fields: dict, documentation=()) -> None:
    """Write the applicant's completion into the application (locked by the caller) and keep the files sent.

    `fields` come cleaned by the form, which checks them as the public form does (the cap, the fields of art).

    Called by `awards.forms.ApplicationCompletionForm.apply` inside `core.applicant_changes.case_changes_send`,
    which keeps both versions and then performs "completed" (the case is submitted again, with its history row).
    """
    for name, value in fields.items():
        setattr(application, name, value)
    application.save(update_fields=[*fields, "updated_at"])
    for upload in documentation:
        document_attach_upload(
            case=application, upload=upload, description=_("Documentation sent with the completion")
        )


def application_message_reject_formal(application: AwardApplication, note: str) -> str:
    """What the applicant is told of a formal rejection (the council's resolution: late or incomplete)."""
    return _("The application has been rejected on formal grounds and will not be considered. %(note)s") % {
        "note": note
    }


def _decision_recorded(application: AwardApplication) -> None:
    if not application.decision_number or not application.decision_date:
        raise AwardError(_("Enter the number and date of the Mayor's order first."), code="decision")


def application_check_grant(application: AwardApplication, *, acting_user, note: str) -> None:
    """Guard of "grant": the Mayor's order is recorded and the amount keeps to the cap and the budget.

    u.o.p.d.k. art. 7b ust. 1–3 / art. 7a ust. 1–3: the Prezydent grants by zarządzenie (number and date) the amount
    the council's resolution allows; all grants of one call stay within its budget. A scholarship has an amount
    above 0 and at most the amount requested; an award may be a diploma without money (DOMAIN.md §D.3).
    """
    _decision_recorded(application)
    call = application.call
    amount = application.granted_amount
    if call.is_scholarship:
        if not amount or amount <= 0:
            raise AwardError(_("Set the amount granted first."), code="amount")
        if application.requested_amount is not None and amount > application.requested_amount:
            raise AwardError(_("The amount granted cannot exceed the amount requested."), code="amount")
    else:
        _award_form_check(application)
    amount = amount or 0
    error = cap_error(call, amount, application.scholarship_type)
    if error:
        raise AwardError(error, code="cap")
    # Every grant of the call counts, also one whose contract is signed, paid or reported on.
    others = (
        AwardApplication.objects.filter(call=call, status__in=AwardApplication.GRANTED_STATUSES)
        .exclude(pk=application.pk)
        .aggregate(total=Sum("granted_amount"))["total"]
        or 0
    )
    if money(others + amount) > call.budget:
        raise AwardError(
            _("The amounts granted would exceed the call's budget of %(budget)s (%(left)s left).")
            % {"budget": format_pln(call.budget), "left": format_pln(max(call.budget - others, 0))},
            code="budget",
        )


def _award_form_check(application: AwardApplication) -> None:
    """An award is money, a material prize or a diploma only (DOMAIN.md §D.3 [V Miastkowo]).

    Money has an amount above 0; a material prize may state its value; a diploma only carries no amount.
    """
    form = application.award_form
    amount = application.granted_amount
    Form = AwardApplication.AwardForm
    if not form:
        raise AwardError(_("Choose the form of the award first."), code="award_form")
    if form == Form.MONEY and (not amount or amount <= 0):
        raise AwardError(_("A money prize needs the amount granted."), code="amount")
    if form == Form.DIPLOMA and amount:
        raise AwardError(_("A diploma only carries no amount: clear the amount granted."), code="amount")


def application_check_refuse(application: AwardApplication, *, acting_user, note: str) -> None:
    """Guard of "refuse": the Mayor's order that decided the call is recorded (u.o.p.d.k. art. 7a/7b ust. 3)."""
    _decision_recorded(application)


def application_message_grant(application: AwardApplication, note: str) -> str:
    """What the applicant is told of the grant: the Mayor's order and the amount, then the note."""
    facts = {
        "number": application.decision_number,
        "date": application.decision_date.strftime("%d.%m.%Y"),
    }
    if application.granted_amount:
        body = _("By the Mayor's order no. %(number)s of %(date)s you have been granted %(amount)s.") % {
            **facts,
            "amount": format_pln(application.granted_amount),
        }
    else:
        body = _("By the Mayor's order no. %(number)s of %(date)s the award has been granted.") % facts
    return f"{body}\n\n{note}" if note else body


def application_message_refuse(application: AwardApplication, note: str) -> str:
    """What the applicant is told of a refusal: no appeal lies (DOMAIN.md §D.2 [V Gorzów, Cieszyn])."""
    body = _(
        "By the Mayor's order no. %(number)s of %(date)s the scholarship or award has not been granted. "
        "No appeal lies against this decision."
    ) % {"number": application.decision_number, "date": application.decision_date.strftime("%d.%m.%Y")}
    return f"{body}\n\n{note}" if note else body


# After the decision: the scholarship contract, its payments and the scholar's report (DOMAIN.md §D.2) -------------


def application_check_sign_contract(application: AwardApplication, *, acting_user, note: str) -> None:
    """Guard of "sign_contract": a scholarship with its contract's data and a payment schedule of the amount granted.

    DOMAIN.md §D.2: after the grant the city and the scholar sign a civil-law umowa stypendialna stating the
    amount, the way and dates of payment to the scholar's account, the period and the report. The PESEL and the
    bank account are checked again here: the contract is printed with them.
    """
    if not application.call.is_scholarship:
        raise AwardError(_("Only a scholarship has a contract; an award is presented at the ceremony."), code="kind")
    missing = [
        str(AwardApplication._meta.get_field(name).verbose_name)
        for name in ("contract_number", "contract_signed_on", "pesel", "bank_account", "period_from", "period_to")
        if not getattr(application, name)
    ]
    if missing:
        raise AwardError(_("Fill in before the contract: %(fields)s.") % {"fields": ", ".join(missing)}, code="data")
    try:
        validate_pesel(application.pesel)
        validate_nrb(application.bank_account)
    except ValidationError as error:
        raise AwardError(" ".join(error.messages), code="data") from None
    scheduled = money(sum((payment.amount for payment in application.payments.all()), 0))
    if scheduled != application.granted_amount:
        raise AwardError(
            _("The payment schedule adds up to %(scheduled)s; it must give the amount granted, %(granted)s.")
            % {"scheduled": format_pln(scheduled), "granted": format_pln(application.granted_amount)},
            code="schedule",
        )


def on_application_sign_contract(application: AwardApplication, *, acting_user, note: str) -> None:
    """Effect of "sign_contract": the report's deadline is stamped and the contract's PDF kept with the case.

    The PDF is a letter of the case: the scholar downloads it from the tracking page.
    """
    from awards.documents import contract_pdf_issue

    application.report_due = scholarship_report_due(application.period_to)
    application.save(update_fields=["report_due", "updated_at"])
    contract_pdf_issue(application=application, acting_user=acting_user)


def application_message_sign_contract(application: AwardApplication, note: str) -> str:
    """What the scholar is told when the contract is signed: where its copy is and when the report is due."""
    body = _(
        "The scholarship contract no. %(number)s of %(date)s has been signed; its copy is among the documents on "
        "this page. The report on the scholarship is due by %(due)s."
    ) % {
        "number": application.contract_number,
        "date": application.contract_signed_on.strftime("%d.%m.%Y"),
        "due": application.report_due.strftime("%d.%m.%Y"),
    }
    return f"{body}\n\n{note}" if note else body


def application_check_pay(application: AwardApplication, *, acting_user, note: str) -> None:
    """Guard of "pay": every instalment of the contract's schedule has its transfer date."""
    if not application.payments.exists() or application.payments.filter(paid_on__isnull=True).exists():
        raise AwardError(_("Enter the transfer date of every instalment first."), code="unpaid")


def application_message_pay(application: AwardApplication, note: str) -> str:
    """What the scholar is told once paid in full: the report is filed from this page after the period."""
    body = _(
        "The scholarship has been paid in full. After the scholarship period ends, file your report from this page "
        "by %(due)s."
    ) % {"due": application.report_due.strftime("%d.%m.%Y")}
    return f"{body}\n\n{note}" if note else body


def report_may_be_filed(application: AwardApplication, today: datetime.date) -> bool:
    """Whether the scholar may file the report today: paid (or returned) and the period's last day has come."""
    return (
        application.status in AwardApplication.REPORT_FILEABLE_STATUSES
        and application.period_to is not None
        and today >= application.period_to
    )


def application_check_file_report(application: AwardApplication, *, acting_user, note: str) -> None:
    """Guard of "file_report": the report is filed after the period (DOMAIN.md §D.2), from its last day on."""
    if not report_may_be_filed(application, timezone.localdate()):
        raise AwardError(
            _("The report is filed from %(date)s, the last day of the scholarship period.")
            % {"date": application.period_to.strftime("%d.%m.%Y") if application.period_to else "—"},
            code="not_due",
        )


def on_application_file_report(application: AwardApplication, *, acting_user, note: str) -> None:
    """Effect of "file_report": stamp when the report was filed (the moment its deadline is judged by)."""
    application.report_filed_at = timezone.now()
    application.save(update_fields=["report_filed_at", "updated_at"])


def report_file(*, application: AwardApplication, text: str, attachments=()) -> AwardApplication:
    """File the scholar's report from the tracking link (the scholar acts: "file_report", `acting_user=None`).

    Stores the report's text in place of an earlier one that was returned, keeps the attachments with the case
    and moves the case to "report filed". All or nothing: a refusal (AwardError) stores nothing.
    """
    with transaction.atomic():
        locked = AwardApplication.objects.select_for_update().get(pk=application.pk)
        if locked.status not in AwardApplication.REPORT_FILEABLE_STATUSES:
            raise AwardError(_("This report has already been filed."), code="filed")
        locked.report_text = text
        locked.save(update_fields=["report_text", "updated_at"])
        transition_perform(obj=locked, name="file_report", acting_user=None)
        for upload in attachments:
            document_attach_upload(case=locked, upload=upload, description=_("Attachment to the scholar's report"))
    application.refresh_from_db()
    return application


def application_message_return_report(application: AwardApplication, note: str) -> str:
    """The scholar's message when the report is returned: what to correct, and where to file it again."""
    return _(
        "Your report on the scholarship has been returned for correction:\n\n%(note)s\n\n"
        "Correct it and file it again from this page (the button “Correct and file the report”)."
    ) % {"note": note}


def application_message_accept_report(application: AwardApplication, note: str) -> str:
    """The scholar's message when the report is accepted: the scholarship is settled."""
    body = _("Your report on the scholarship has been accepted; the scholarship is settled.")
    return f"{body}\n\n{note}" if note else body


def application_check_report_missing(application: AwardApplication, *, acting_user, note: str) -> None:
    """Guard of "report_missing": only once the report's deadline of the contract has passed."""
    if application.report_due is None or timezone.localdate() <= application.report_due:
        raise AwardError(
            _("The report is due by %(date)s; it is not missing before then.")
            % {"date": application.report_due.strftime("%d.%m.%Y") if application.report_due else "—"},
            code="not_late",
        )


def application_check_present(application: AwardApplication, *, acting_user, note: str) -> None:
    """Guard of "present": an award, handed at the call's ceremony, which has taken place (DOMAIN.md §D.3)."""
    call = application.call
    if call.is_scholarship:
        raise AwardError(_("A scholarship is not presented at a ceremony; it has a contract."), code="kind")
    if call.ceremony_date is None or call.ceremony_date > timezone.localdate():
        raise AwardError(_("Enter the date of the ceremony of the call once it has taken place."), code="ceremony")


def contract_data_purge(*, today: datetime.date | None = None) -> int:
    """Clear the scholar's PESEL and bank account of cases closed `CONTRACT_DATA_KEEP_YEARS` full years ago.

    DOMAIN.md §D, §J.4: the scholar's PESEL and account are internal and serve the contract, its payment and the
    payer's tax documents only; the case (JRWA 5230, category A) is kept, without them. Neither is in the change
    history. Returns the number of cases cleared; running it again clears nothing new.
    """
    today = today or timezone.localdate()
    cutoff = datetime.datetime(today.year - CONTRACT_DATA_KEEP_YEARS, 1, 1, tzinfo=timezone.get_current_timezone())
    closed = AwardApplication.objects.filter(closed_at__lt=cutoff).order_by("pk")
    # An encrypted column cannot be compared in the database: the values are read to find the ones still held.
    held = [
        pk for pk, pesel, account in closed.values_list("pk", "pesel", "bank_account").iterator() if pesel or account
    ]
    if not held:
        return 0
    return AwardApplication.objects.filter(pk__in=held).update(pesel="", bank_account="", updated_at=timezone.now())


# The committee (the kernel's core.committee; DOMAIN.md §D.2, §D.3) ------------------------------------------------
# u.o.p.d.k. art. 7a ust. 3 and art. 7b ust. 3 with the council's resolution: the Prezydent appoints a committee by
# zarządzenie; its members declare their impartiality (k.p.a. art. 24, as the resolution provides [K]) and give
# their opinion and points on each application; the committee may hear the candidate; its opinion does not bind the
# Prezydent, whose own order decides (`application_check_grant` stays as it is).


def application_assign(*, member: AwardCommitteeMember, application: AwardApplication, acting_user) -> AwardAssignment:
    """Give a formally correct application of the member's call to the member to score.

    Refused (AwardError) for an application of another call, one not accepted formally (late, incomplete or
    already decided), and before the Mayor's order appointing the committee is recorded on the call. An
    application already given to the member keeps its assignment and declaration.
    """
    if application.call_id != member.call_id:
        raise AwardError(_("The application belongs to another call."), code="call")
    if application.status != AwardApplication.Status.FORMAL_OK:
        raise AwardError(_("Only formally correct applications are given to the committee."), code="status")
    if not AwardCommittee.objects.filter(call_id=member.call_id).exists():
        raise AwardError(
            _("Record the Mayor's order appointing the committee on the call first."), code="committee_order"
        )
    assignment, _created = AwardAssignment.objects.get_or_create(member=member, application=application)
    return assignment


def impartiality_declare(*, assignment: AwardAssignment, has_conflict: bool, acting_user) -> AwardAssignment:
    """The member's declaration of impartiality on an assigned application (k.p.a. art. 24).

    The kernel's `core.committee.services.impartiality_declare`: only the member declares, once; a member who
    declares a conflict never scores the application.
    """
    return committee.impartiality_declare(
        assignment=assignment, has_conflict=has_conflict, acting_user=acting_user, error=AwardError
    )


def score_record(*, assignment: AwardAssignment, points, opinion: str, acting_user) -> AwardScore:
    """Record the member's points (0–`COMMITTEE_MAX_POINTS`) and opinion on an assigned application.

    Refused (PermissionDenied) to anyone but the member the application is assigned to and before a declaration of
    no conflict (`core.committee.services.scoring_check`); (AwardError) once the Mayor has decided, or with points
    outside the scale. A member scores again to correct: the last points count. An expert scores too: the points
    are shown to the clerk, not counted in the ranking (`awards.selectors.call_ranking`).
    """
    committee.scoring_check(assignment=assignment, acting_user=acting_user)
    if assignment.application.status != AwardApplication.Status.FORMAL_OK:
        raise AwardError(_("Applications are scored only before the Mayor's decision."), code="stage")
    error = committee_rules.points_error(points, COMMITTEE_MAX_POINTS)
    if error:
        raise AwardError(error, code="points")
    score, _created = AwardScore.objects.update_or_create(
        assignment=assignment, defaults={"points": points, "comment": (opinion or "").strip()}
    )
    return score


def interview_schedule(
    *, application: AwardApplication, starts_at: datetime.datetime, place: str, acting_user
) -> AwardInterview:
    """Set (or move) the candidate's interview with the committee and tell the applicant on the tracking page.

    DOMAIN.md §D.2 [V Jastrzębie, Gorzów]: the committee may hear the candidate. Only for an application being
    considered (accepted formally, before the decision) and for a time still ahead (AwardError). The applicant gets
    the date, the time and the place as the department's message in the case (`core.services.case_message_add`,
    announced by e-mail with the private link only).
    """
    if application.status != AwardApplication.Status.FORMAL_OK:
        raise AwardError(_("An interview is set only for an application being considered."), code="status")
    if starts_at <= timezone.now():
        raise AwardError(_("The interview must be set for a time still ahead."), code="past")
    place = (place or "").strip()
    if not place:
        raise AwardError(_("Give the place of the interview."), code="place")
    local = timezone.localtime(starts_at)
    with transaction.atomic():
        interview, _created = AwardInterview.objects.update_or_create(
            application=application, defaults={"starts_at": starts_at, "place": place}
        )
        case_message_add(
            case=application,
            body=_(
                "The committee invites the candidate to an interview on %(date)s at %(time)s, place: %(place)s. "
                "If the date does not suit you, reply on this page."
            )
            % {"date": local.strftime("%d.%m.%Y"), "time": local.strftime("%H:%M"), "place": place},
            author_kind=CaseMessage.Author.CLERK,
            acting_user=acting_user,
        )
    return interview
