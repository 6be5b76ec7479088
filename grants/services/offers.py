"""Offers: drafts, submission, completion after the department's call, amounts and the decision on the grant.

u.d.p.p. art. 14, 15 and annex 1 to Dz.U. 2018 poz. 2057 (the offer's form and its cost table).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import CaseMessage, Channel, InformationClause
from core.money import format_pln
from core.private_documents import document_attach_upload
from core.services import case_message_add, case_open
from grants import rules
from grants.documents import offer_pdf_attach
from grants.models import GrantCall, GrantOffer, GrantSettlement, OfferAction, OfferCostLine, OfferDraft, OfferResult
from grants.services.calls import call_accepts_offers
from grants.services.common import GRANTED_STATUSES, GrantError, cost_funding, cost_lines, validation_message
from grants.services.small_grants import small_grant_offer_problems, small_grant_problems


@dataclass
class OfferInput:
    """What the offer form collected, cleaned: the offer's own fields and its three tables."""

    fields: dict
    actions: list[dict]
    results: list[dict]
    costs: list[dict]


def offer_limits(call: GrantCall | None) -> rules.CallLimits:
    """The limits of the call an offer meets; a small grant has no call, and its own limits (u.d.p.p. art. 19a
    ust. 1 and 6) are checked by `small_grant_offer_problems`, which names the rule rather than a call."""
    if call is None:
        return rules.CallLimits(mode="support")
    return call.limits


def _small_grant_offer_check(call: GrantCall | None, fields: dict) -> None:
    """For a small grant, refuse an offer beyond u.d.p.p. art. 19a ust. 1 or the organisation's ust. 6 (GrantError)."""
    if call is not None:
        return
    problems = small_grant_offer_problems(
        register_number=fields.get("register_number", ""),
        amount=fields.get("requested_amount") or Decimal(0),
        start=fields["start_date"],
        end=fields["end_date"],
    )
    if problems:
        raise GrantError(" ".join(p.message for p in problems), code="limits")


def offer_cost_summary(*, call: GrantCall | None, costs: list[dict], funding: dict) -> rules.CostSummary:
    """Run the cost-table rules (grants.rules.cost_table_check) on the form's cleaned values."""
    return rules.cost_table_check(
        cost_lines(costs), cost_funding(funding, subsidy_field="requested_amount"), offer_limits(call)
    )


def offer_draft_save(*, draft: OfferDraft | None, call: GrantCall | None, data: dict) -> OfferDraft:
    """Keep the form's data under the draft's private token (a new draft when `draft` is None).

    Nothing is validated: a half-written offer is saved as it is. A submitted draft cannot change.
    """
    if draft is None:
        return OfferDraft.objects.create(call=call, data=data)
    if draft.offer_id:
        raise GrantError(_("This offer has already been submitted and cannot be changed."), code="submitted")
    draft.data = data
    draft.save(update_fields=["data", "updated_at"])
    return draft


def offer_submit(
    *,
    call: GrantCall | None,
    data: OfferInput,
    draft: OfferDraft | None = None,
    attachments=(),
    info_clause: InformationClause | None = None,
    submission_token=None,
    tracking_url_for=None,
) -> GrantOffer:
    """Submit an offer: check the call is open and the arithmetic is right, open the case and send the receipt.

    u.d.p.p. art. 13 ust. 2 pkt 4 (offers until the deadline), annex 1 to Dz.U. 2018 poz. 2057 section V (the
    cost table adds up); a small grant within art. 19a ust. 1 and the organisation's yearly 20 000 zł (ust. 6).
    Creates the offer with its actions, results and cost lines, a case mark, the offer's PDF as the offeror's
    attachment; `case_open` e-mails the receipt with the private tracking link.
    `attachments` (validated files, `core.uploads.ValidatedFile`: signed declarations, annexes) are kept
    privately with the case. Raises GrantError with every arithmetic problem.
    """
    if not call_accepts_offers(call):
        raise GrantError(
            _("This call is not accepting offers: the deadline has passed or it was closed."), code="closed"
        )
    summary = offer_cost_summary(call=call, costs=data.costs, funding=data.fields)
    if summary.problems:
        raise GrantError(" ".join(p.message for p in summary.problems), code="arithmetic")
    _small_grant_offer_check(call, data.fields)
    offer = GrantOffer(
        kind=GrantOffer.Kind.COMPETITION if call else GrantOffer.Kind.SMALL_GRANT,
        call=call,
        channel=Channel.WEB_FORM,
        total_costs=summary.total,
        declarations_accepted_at=timezone.now(),
        **data.fields,
    )

    def on_open(case):
        _offer_rows_create(case, data)
        if draft is not None:
            draft.offer = case
            draft.save(update_fields=["offer", "updated_at"])

    title = _("Offer: %(title)s") % {"title": data.fields.get("title", "")[:200]}
    try:
        with transaction.atomic():
            offer = case_open(
                case=offer,
                title=title,
                info_clause=info_clause,
                submission_token=submission_token,
                on_open=on_open,
                tracking_url_for=tracking_url_for,
            )
            for upload in attachments:
                document_attach_upload(case=offer, upload=upload, description=_("Attachment to the offer"))
    except ValidationError as error:
        raise GrantError(validation_message(error), code="invalid") from error
    offer_pdf_attach(offer=offer)
    return offer


def _offer_rows_create(offer: GrantOffer, data: OfferInput) -> None:
    """The offer's three tables from the form's rows; each line's total is computed, never taken as typed."""
    for n, row in enumerate(data.actions, start=1):
        OfferAction.objects.create(offer=offer, position=n, **row)
    for n, row in enumerate(data.results, start=1):
        OfferResult.objects.create(offer=offer, position=n, **row)
    for n, row in enumerate(data.costs, start=1):
        values = {key: value for key, value in row.items() if key != "total"}
        OfferCostLine.objects.create(
            offer=offer, position=n, total=rules.line_total(row["unit_cost"], row["units"]), **values
        )


def offer_changes_apply(*, offer: GrantOffer, data: OfferInput, attachments=()) -> GrantOffer:
    """Write the offer as the offeror completed it after the call to complete (formal check, rules of the call).

    Called by `core.applicant_changes.case_changes_send`, which has locked the offer, keeps both versions and
    hands it back to the clerk ("completed"). Annex 1 to Dz.U. 2018 poz. 2057 section V: the cost table must
    add up, as on submission (GrantError with every problem otherwise). Replaces the offer's fields and its
    three tables, recomputes the total costs and keeps the files sent (validated uploads) as the offeror's
    attachments.
    """
    summary = offer_cost_summary(call=offer.call, costs=data.costs, funding=data.fields)
    if summary.problems:
        raise GrantError(" ".join(p.message for p in summary.problems), code="arithmetic")
    _small_grant_offer_check(offer.call, data.fields)
    for name, value in data.fields.items():
        setattr(offer, name, value)
    offer.total_costs = summary.total
    try:
        offer.full_clean(exclude=["register_entry"])
    except ValidationError as error:
        raise GrantError(validation_message(error), code="invalid") from error
    offer._change_reason = _("Changes sent by the applicant.")
    offer.save(update_fields=[*data.fields, "total_costs", "updated_at"])
    for model in (OfferAction, OfferResult, OfferCostLine):
        model.objects.filter(offer=offer).delete()
    _offer_rows_create(offer, data)
    for upload in attachments:
        document_attach_upload(case=offer, upload=upload, description=_("Attachment to the offer"))
    return offer


def on_offer_call_to_complete(offer: GrantOffer, *, acting_user, note: str) -> None:
    """Effect of "call_to_complete": 7 days to complete the offer (formal check, rules of the call) [K]."""
    offer.completion_due = rules.offer_completion_due(timezone.localdate())
    offer.save(update_fields=["completion_due", "updated_at"])


def offer_message_call_to_complete(offer: GrantOffer, note: str) -> str:
    """What the offeror is told when called to complete the offer: the deadline the effect stamped, then the note."""
    return _("Please complete the offer by %(date)s: %(note)s") % {
        "date": offer.completion_due.strftime("%d.%m.%Y"),
        "note": note,
    }


def offer_amounts_set(*, offer: GrantOffer, acting_user, recommended=None, granted=None) -> GrantOffer:
    """Record the committee's recommended amount and the amount the Prezydent grants (u.d.p.p. art. 15 ust. 2j).

    Only for a formally correct offer (or a small grant after comments); the granted amount is at most
    the amount asked for (a database constraint too). Raises GrantError.
    """
    if offer.status not in (GrantOffer.Status.FORMAL_OK, GrantOffer.Status.PUBLISHED):
        raise GrantError(_("Amounts are set only for formally correct offers."), code="status")
    for value in (recommended, granted):
        if value is not None and (value < 0 or value > offer.requested_amount):
            raise GrantError(
                _("The amount must be between 0 and the subsidy asked for (%(amount)s).")
                % {"amount": format_pln(offer.requested_amount)},
                code="amount",
            )
    offer.recommended_amount = recommended if recommended is not None else offer.recommended_amount
    offer.granted_amount = granted if granted is not None else offer.granted_amount
    offer.save(update_fields=["recommended_amount", "granted_amount", "updated_at"])
    return offer


def offer_check_grant(offer: GrantOffer, *, acting_user, note: str) -> None:
    """Guard of "grant": an amount above 0; for a small grant the comment period is over and the limits hold.

    u.d.p.p. art. 19a ust. 4 and 5 (7 days of comments before the agreement) and ust. 1, 6, 7 (limits).
    """
    if not offer.granted_amount or offer.granted_amount <= 0:
        raise GrantError(_("Set the amount granted first."), code="amount")
    if offer.kind == GrantOffer.Kind.COMPETITION:
        # u.d.p.p. art. 15: offers are chosen after the deadline, in the evaluation; art. 13 ust. 2 pkt 2: the
        # subsidies of a call stay within its amount of public funds, whichever step grants them.
        call = offer.call
        # RESOLVED: the resolution's own "grant" steps run once the call has taken its new status.
        if call.status not in (GrantCall.Status.EVALUATION, GrantCall.Status.RESOLVED):
            raise GrantError(_("A competition offer is granted only while its call is being evaluated."), code="stage")
        others = call.offers.filter(status__in=GRANTED_STATUSES).exclude(pk=offer.pk)
        error = rules.granted_total_error(
            granted=[*others.values_list("granted_amount", flat=True), offer.granted_amount], budget=call.budget
        )
        if error:
            raise GrantError(error, code="budget")
    if offer.kind == GrantOffer.Kind.SMALL_GRANT:
        if offer.comments_until is None or timezone.localdate() <= offer.comments_until:
            raise GrantError(_("The 7-day period for comments has not ended yet."), code="comments")
        problems = small_grant_problems(offer=offer, amount=offer.granted_amount)
        if problems:
            raise GrantError(" ".join(p.message for p in problems), code="limits")


def on_offer_grant(offer: GrantOffer, *, acting_user, note: str) -> None:
    """Effect of "grant": the offeror is told the amount (u.d.p.p. art. 15 ust. 2h)."""
    case_message_add(
        case=offer,
        body=_(
            "The subsidy of %(amount)s has been granted for the task “%(title)s”. "
            "We will contact you about the agreement."
        )
        % {"amount": format_pln(offer.granted_amount), "title": offer.title},
        author_kind=CaseMessage.Author.CLERK,
        acting_user=acting_user,
    )


def offer_message_not_grant(offer: GrantOffer, note: str) -> str:
    """What the offeror learns when the subsidy is refused (u.d.p.p. art. 15 ust. 2h; no appeal, ust. 2j)."""
    body = _("The subsidy has not been granted for the task “%(title)s”.") % {"title": offer.title}
    return f"{body} {note}" if note else body


def offer_check_settle(offer: GrantOffer, *, acting_user, note: str) -> None:
    """Guard of "settle": the settlement is closed (u.f.p. art. 251–252)."""
    settlement = GrantSettlement.objects.filter(agreement__offer=offer).first()
    if settlement is None or settlement.settled_at is None:
        raise GrantError(_("Close the settlement first."), code="settlement")
