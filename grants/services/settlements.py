"""Settlement of the subsidy, its return and the interest on it (u.f.p. art. 251, 252)."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import CaseMessage
from core.money import format_pln
from core.services import case_message_add, transition_perform
from grants import rules
from grants.models import GrantAgreement, GrantReport, GrantSettlement, RegisteredLetterFee, TaxArrearsInterestRate
from grants.services.common import GrantError


def interest_rates() -> list[rules.InterestRate]:
    return [rules.InterestRate(r.valid_from, r.annual_percent) for r in TaxArrearsInterestRate.objects.all()]


def interest_minimums() -> list[rules.InterestMinimum]:
    """The table of registered-letter fees behind the minimum interest charged (o.p. art. 54 § 1 pkt 5)."""
    return [rules.InterestMinimum(r.valid_from, r.fee) for r in RegisteredLetterFee.objects.all()]


def settlement_record(
    *,
    agreement: GrantAgreement,
    used: Decimal,
    acting_user,
    misused: Decimal = Decimal(0),
    undue: Decimal = Decimal(0),
    found_on: date | None = None,
) -> GrantSettlement:
    """Settle the subsidy after the final report: used, unused, misused and undue parts and their deadlines.

    u.f.p. art. 251 ust. 3 (unused: 15 days after the use deadline set in the agreement) or ust. 1 (by 31 January
    for a subsidy used until 31 December), and art. 252 ust. 1 (misused or undue: 15 days from the day it was
    found). Needs the final report accepted.
    """
    if not agreement.reports.filter(kind=GrantReport.Kind.FINAL, status=GrantReport.Status.ACCEPTED).exists():
        raise GrantError(_("The final report must be accepted before the settlement."), code="report")
    try:
        amounts = rules.settlement_amounts(granted=agreement.amount, used=used, misused=misused, undue=undue)
    except ValueError as exc:
        raise GrantError(str(exc), code="amounts") from exc
    if (amounts.misused or amounts.undue) and found_on is None:
        raise GrantError(_("Give the day the misuse was found."), code="found_on")
    if amounts.misused and agreement.transferred_on is None:
        # u.f.p. art. 252 ust. 6 pkt 1 (rules.interest_start): a misused part bears interest from the transfer.
        raise GrantError(
            _("Record the day the subsidy was transferred first: interest on a misused part runs from it."),
            code="transferred_on",
        )
    settlement, _created = GrantSettlement.objects.update_or_create(
        agreement=agreement,
        defaults={
            "used_amount": amounts.used,
            "unused_amount": amounts.unused,
            "misused_amount": amounts.misused,
            "undue_amount": amounts.undue,
            "found_on": found_on,
            "unused_return_due": rules.unused_subsidy_return_due(agreement.use_deadline) if amounts.unused else None,
            "misused_return_due": rules.misused_subsidy_return_due(found_on) if found_on else None,
        },
    )
    if amounts.to_return:
        case_message_add(
            case=agreement.offer,
            body=_("Settlement of agreement %(number)s: please return %(amount)s.")
            % {
                "number": agreement.number,
                "amount": format_pln(amounts.to_return),
            },
            author_kind=CaseMessage.Author.CLERK,
            acting_user=acting_user,
        )
    return settlement


def settlement_interest(*, settlement: GrantSettlement, returned_on: date) -> Decimal:
    """Interest due on the parts returned on `returned_on` (u.f.p. art. 251 ust. 5, art. 252 ust. 6, o.p. art. 56).

    Misused part: from the transfer day; undue part: from the day after its 15-day deadline; unused part
    returned late: from the day after its deadline. Rates from the TaxArrearsInterestRate table; interest not
    exceeding three times the registered-letter fee valid on the day of the return is not charged
    (RegisteredLetterFee, o.p. art. 54 § 1 pkt 5).
    """
    rates = interest_rates()
    minimums = interest_minimums()
    agreement = settlement.agreement
    total = Decimal(0)
    parts = []
    if settlement.misused_amount:
        parts.append(("misused", settlement.misused_amount, settlement.misused_return_due))
    if settlement.undue_amount:
        parts.append(("undue", settlement.undue_amount, settlement.misused_return_due))
    if settlement.unused_amount:
        parts.append(("unused", settlement.unused_amount, settlement.unused_return_due))
    try:
        for kind, amount, due in parts:
            first = rules.interest_start(kind=kind, transferred_on=agreement.transferred_on, return_due=due)
            # Each part rounds on its own: separate titles of return in the settlement.
            total += rules.interest_for_tax_arrears(
                amount, first_day=first, paid_on=returned_on, rates=rates, minimums=minimums
            )
    except ValueError as exc:
        raise GrantError(
            _(
                "Interest cannot be computed: check the transfer date, the table of interest rates and the table "
                "of registered-letter fees."
            ),
            code="rates",
        ) from exc
    return rules.money(total)


def settlement_return_record(
    *, settlement: GrantSettlement, returned_amount: Decimal, returned_on: date, acting_user
) -> GrantSettlement:
    """Record the return of the amounts due and compute the interest owed with it."""
    if returned_amount < settlement.to_return:
        raise GrantError(
            _("%(amount)s is to be returned; a smaller return leaves a decision on return (u.f.p. art. 252).")
            % {"amount": format_pln(settlement.to_return)},
            code="partial",
        )
    settlement.returned_amount = returned_amount
    settlement.returned_on = returned_on
    settlement.interest_amount = settlement_interest(settlement=settlement, returned_on=returned_on)
    settlement.save(update_fields=["returned_amount", "returned_on", "interest_amount", "updated_at"])
    return settlement


def settlement_close(*, settlement: GrantSettlement, acting_user) -> GrantSettlement:
    """Close the settlement once everything due is returned, and mark the offer settled."""
    if settlement.to_return and settlement.returned_on is None:
        raise GrantError(_("The amounts to return have not been returned yet."), code="not_returned")
    with transaction.atomic():
        settlement.settled_at = timezone.now()
        settlement.save(update_fields=["settled_at", "updated_at"])
        transition_perform(obj=settlement.agreement.offer, name="settle", acting_user=acting_user)
    return settlement
