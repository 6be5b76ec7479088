"""What changes scholarship applications and award nominations: the workflow's guards, effects and messages.

u.o.p.d.k. art. 7a (awards) and art. 7b (scholarships) with the Rada Miasta's resolution (art. 7a ust. 3, art. 7b
ust. 3; DOMAIN.md §D): the Prezydent grants by zarządzenie after the committee's opinion, which does not bind him;
the amount stays within the resolution's cap and the call's budget; no appeal lies (DOMAIN.md §D.2 [V-sec]).
"""

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.deadlines import award_completion_due
from awards.models import AwardApplication
from core.money import format_pln, money
from core.services import CaseWorkError


class AwardError(CaseWorkError):
    """A refusal of an awards service, with a Polish message a clerk or an applicant can read."""


def requested_amount_error(call, amount) -> str | None:
    """Why `amount` cannot be asked for under `call`, or None (the resolution's cap, u.o.p.d.k. art. 7b ust. 3)."""
    if amount is None:
        return None
    if amount <= 0:
        return _("The amount must be greater than zero.")
    if call.max_amount is not None and amount > call.max_amount:
        return _("The resolution allows at most %(cap)s per application.") % {"cap": format_pln(call.max_amount)}
    return None


def on_application_call_to_complete(application: AwardApplication, *, acting_user, note: str) -> None:
    """Effect of "call_to_complete": the clock of the completion starts (`awards.deadlines`, [K])."""
    application.completion_due = award_completion_due(timezone.localdate())
    application.save(update_fields=["completion_due", "updated_at"])


def application_message_call_to_complete(application: AwardApplication, note: str) -> str:
    """What the applicant is told when called to complete: the deadline the effect stamped, then the note."""
    return _(
        "Please complete the application by %(date)s, replying on this page; an application not completed in time "
        "is not considered. %(note)s"
    ) % {"date": application.completion_due.strftime("%d.%m.%Y"), "note": note}


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
    amount = amount or 0
    if call.max_amount is not None and amount > call.max_amount:
        raise AwardError(
            _("The resolution allows at most %(cap)s per application.") % {"cap": format_pln(call.max_amount)},
            code="cap",
        )
    others = (
        AwardApplication.objects.filter(call=call, status=AwardApplication.Status.GRANTED)
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
