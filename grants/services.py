"""Every state change of grants: calls, offers, the committee, agreements, reports, controls and settlements.

Plain functions with keyword-only arguments and the acting user; statuses move only through
`core.services.transition_perform`, whose effects (the functions named `*_published`, `*_resolved`…)
hold the guards of each step, so a button in the admin and a call from code obey the same rules.
Rules themselves (limits, clocks, arithmetic) live in `grants.rules`.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from core.mail import mail_enqueue
from core.models import CaseMessage, Channel, InformationClause, PrivateDocument
from core.private_documents import document_attach
from core.services import CaseWorkError, case_message_add, case_open, transition_perform
from core.slugs import polish_slugify
from grants import rules
from grants.models import (
    AgreementTranche,
    CommitteeMember,
    GrantAgreement,
    GrantCall,
    GrantControl,
    GrantOffer,
    GrantReport,
    GrantSettlement,
    MeritScore,
    OfferAction,
    OfferAssignment,
    OfferCostLine,
    OfferDraft,
    OfferResult,
    SmallGrantComment,
    TaxArrearsInterestRate,
    YearPlan,
)
from grants.rules import format_pln

#: Offers whose subsidy is granted: they take their part of the call's budget and the small-grant limits.
GRANTED_STATUSES = (GrantOffer.Status.GRANTED, GrantOffer.Status.AGREEMENT, GrantOffer.Status.SETTLED)


class GrantError(CaseWorkError):
    """A refusal of a grants service, with a Polish message a clerk or an offeror can read."""


def _today() -> date:
    return timezone.localdate()


def _validation_message(error: ValidationError) -> str:
    return " ".join(error.messages)


# ------------------------------------------------------------------------------------------------------------------
# Calls
# ------------------------------------------------------------------------------------------------------------------


def call_publish(*, call: GrantCall, acting_user) -> GrantCall:
    """Publish a call (u.d.p.p. art. 13 ust. 3); the guards are in `call_published`. Raises GrantError."""
    return transition_perform(obj=call, name="publish", acting_user=acting_user)


def call_published(call: GrantCall, *, acting_user, note: str) -> None:
    """Effect of "publish": the offers deadline is ≥ 21 days after the last announcement (u.d.p.p. art. 13 ust. 1).

    Also refuses a call without merit criteria (art. 13 ust. 2 pkt 5: the criteria are part of the call).
    """
    error = rules.call_offers_deadline_error(
        announcements=call.announcements, offers_deadline=timezone.localdate(call.offers_deadline)
    )
    if error:
        raise GrantError(error, code="deadline_too_early")
    if not call.criteria.filter(kind="merit").exists():
        raise GrantError(_("Add at least one merit criterion with points before publishing."), code="no_criteria")


def call_closed(call: GrantCall, *, acting_user, note: str) -> None:
    """Effect of "close_offers": not before the offers deadline has passed (u.d.p.p. art. 13 ust. 2 pkt 4)."""
    if timezone.now() <= call.offers_deadline:
        raise GrantError(_("Offers are accepted until the deadline; the call can be closed after it."), code="early")


def call_cancelled(call: GrantCall, *, acting_user, note: str) -> None:
    """Effect of "cancel": only when no offer came in or none met the call's requirements (u.d.p.p. art. 18a ust. 1).

    The cancellation is published like the call (art. 18a ust. 2): the call's public page shows it with the
    reason. Offerors are told through their cases.
    """
    offers = list(call.offers.all())
    good = [offer for offer in offers if offer.status not in (GrantOffer.Status.REJECTED_FORMAL,)]
    if not rules.call_may_be_cancelled(offers_count=len(offers), offers_meeting_requirements=len(good)):
        raise GrantError(
            _("A call with offers that meet its requirements cannot be cancelled (art. 18a u.d.p.p.)."), code="offers"
        )
    call.cancellation_reason = note
    call.save(update_fields=["cancellation_reason", "updated_at"])
    for offer in offers:
        case_message_add(
            case=offer,
            body=_("The call “%(call)s” has been cancelled: %(reason)s") % {"call": call.title, "reason": note},
            author_kind=CaseMessage.Author.CLERK,
            acting_user=acting_user,
        )


def call_resolved(call: GrantCall, *, acting_user, note: str) -> None:
    """Effect of "resolve": grant or refuse every formally correct offer and publish the results.

    u.d.p.p. art. 15 ust. 2h–2j: results (offeror, task, amount) published at once; the choice is not an
    administrative decision. An offer with a granted amount gets the subsidy, the rest do not; the total stays
    within the budget of the call (art. 13 ust. 2 pkt 2). Offers still in the formal check block the result.
    """
    offers = list(call.offers.all())
    pending = [o for o in offers if o.status in (GrantOffer.Status.SUBMITTED, GrantOffer.Status.INCOMPLETE)]
    if pending:
        raise GrantError(
            _("Finish the formal check first: %(marks)s.") % {"marks": ", ".join(o.case_mark for o in pending)},
            code="pending",
        )
    candidates = [o for o in offers if o.status == GrantOffer.Status.FORMAL_OK]
    # An offer granted on its own before the resolution takes its part of the budget too.
    already = [o.granted_amount or 0 for o in offers if o.status in GRANTED_STATUSES]
    error = rules.granted_total_error(
        granted=[*already, *(o.granted_amount or 0 for o in candidates)], budget=call.budget
    )
    if error:
        raise GrantError(error, code="budget")
    for offer in candidates:
        name = "grant" if offer.granted_amount else "not_grant"
        transition_perform(obj=offer, name=name, acting_user=acting_user)
    call.results_published_at = timezone.now()
    call.save(update_fields=["results_published_at", "updated_at"])


def call_copy(*, call: GrantCall, acting_user, year: int | None = None) -> GrantCall:
    """Copy a call with its criteria into a new draft (publication dates and deadlines to be set again)."""
    with transaction.atomic():
        copy = GrantCall(
            title=call.title,
            year=year or call.year,
            task_type=call.task_type,
            mode=call.mode,
            budget=call.budget,
            max_subsidy=call.max_subsidy,
            min_own_percent=call.min_own_percent,
            max_admin_percent=call.max_admin_percent,
            rules=call.rules,
            implementation_from=call.implementation_from,
            implementation_to=call.implementation_to,
            offers_deadline=call.offers_deadline,
            selection_date=call.selection_date,
            previous_year_info=call.previous_year_info,
            copied_from=call,
            # Announcement dates are set again for the new call: its 21 days run from them.
            published_bip_on=None,
            published_board_on=None,
            published_web_on=None,
        )
        base = polish_slugify(f"{call.title} {copy.year}")[:100] or "konkurs"
        slug, n = base, 1
        while GrantCall.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        copy.slug = slug
        copy.full_clean()
        copy.save()
        for criterion in call.criteria.all():
            criterion.pk = None
            criterion.call = copy
            criterion.save()
    return copy


# ------------------------------------------------------------------------------------------------------------------
# Offers
# ------------------------------------------------------------------------------------------------------------------


@dataclass
class OfferInput:
    """What the offer form collected, cleaned: the offer's own fields and its three tables."""

    fields: dict
    actions: list[dict]
    results: list[dict]
    costs: list[dict]


def offer_limits(call: GrantCall | None) -> rules.CallLimits:
    """The limits an offer meets: the call's, or for a small grant the 10 000 zł of u.d.p.p. art. 19a ust. 1."""
    if call is None:
        return rules.CallLimits(mode="support", max_subsidy=rules.SMALL_GRANT_MAX_AMOUNT)
    return call.limits


def offer_cost_summary(*, call: GrantCall | None, costs: list[dict], funding: dict) -> rules.CostSummary:
    """Run the cost-table rules (grants.rules.cost_table_check) on the form's cleaned values."""
    lines = [
        rules.CostLine(
            number=n,
            name=line.get("name", ""),
            category=line.get("category", "action"),
            unit_cost=line.get("unit_cost") or Decimal(0),
            units=line.get("units") or Decimal(0),
            declared_total=line.get("total"),
        )
        for n, line in enumerate(costs, start=1)
    ]
    money = rules.Funding(
        subsidy=funding.get("requested_amount") or Decimal(0),
        own_financial=funding.get("own_financial") or Decimal(0),
        own_personal=funding.get("own_personal") or Decimal(0),
        own_material=funding.get("own_material") or Decimal(0),
        recipient_fees=funding.get("recipient_fees") or Decimal(0),
    )
    return rules.cost_table_check(lines, money, offer_limits(call))


def call_accepts_offers(call: GrantCall | None, now=None) -> bool:
    """Offers are accepted while the call is published and its deadline has not passed (u.d.p.p. art. 13)."""
    if call is None:
        return True
    now = now or timezone.now()
    return call.status == GrantCall.Status.PUBLISHED and now <= call.offers_deadline


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
    cost table adds up). Creates the offer with its actions, results and cost lines, a case mark, the
    offer's PDF as the offeror's attachment, and e-mails the receipt with the private tracking link.
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
        tracking = tracking_url_for(case) if tracking_url_for else ""
        mail_enqueue(
            to=[case.email],
            subject=_("Your offer has been received — %(mark)s") % {"mark": case.case_mark},
            template="case_opened",
            context={"case_mark": case.case_mark, "tracking_url": tracking},
        )

    title = _("Offer: %(title)s") % {"title": data.fields.get("title", "")[:200]}
    try:
        with transaction.atomic():
            offer = case_open(
                case=offer, title=title, info_clause=info_clause, submission_token=submission_token, on_open=on_open
            )
            for upload in attachments:
                document_attach(
                    case=offer,
                    content=upload,
                    original_name=upload.upload.original_name,
                    mime_type=upload.upload.mime_type,
                    kind=PrivateDocument.Kind.ATTACHMENT,
                    acting_user=None,
                    description=_("Attachment to the offer"),
                )
    except ValidationError as error:
        raise GrantError(_validation_message(error), code="invalid") from error
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
    for name, value in data.fields.items():
        setattr(offer, name, value)
    offer.total_costs = summary.total
    try:
        offer.full_clean(exclude=["register_entry"])
    except ValidationError as error:
        raise GrantError(_validation_message(error), code="invalid") from error
    offer._change_reason = _("Changes sent by the applicant.")
    offer.save(update_fields=[*data.fields, "total_costs", "updated_at"])
    for model in (OfferAction, OfferResult, OfferCostLine):
        model.objects.filter(offer=offer).delete()
    _offer_rows_create(offer, data)
    for upload in attachments:
        document_attach(
            case=offer,
            content=upload,
            original_name=upload.upload.original_name,
            mime_type=upload.upload.mime_type,
            kind=PrivateDocument.Kind.ATTACHMENT,
            acting_user=None,
            description=_("Attachment to the offer"),
        )
    return offer


def offer_pdf(*, offer: GrantOffer) -> bytes:
    """The offer as a PDF following the sections of the statutory form (annex 1 to Dz.U. 2018 poz. 2057)."""
    from core.documents import place_and_date, render_letter_pdf

    context = {
        "case_mark": offer.case_mark,
        "place_and_date": place_and_date(timezone.localdate(offer.created_at)),
        "addressee_lines": ["Prezydent Miasta Ruda Śląska"],
        "subject": "Oferta realizacji zadania publicznego",
        "body_html": "-",
        "signatory_name": offer.contact_name or offer.organisation_name,
        "signatory_title": offer.organisation_name,
        "offer": offer,
        "actions": list(offer.actions.all()),
        "results": list(offer.results.all()),
        "costs": list(offer.costs.all()),
        "action_costs": [c for c in offer.costs.all() if c.category == "action"],
        "admin_costs": [c for c in offer.costs.all() if c.category == "admin"],
        "own_share": rules.own_contribution_share(offer.funding),
        "funding": offer.funding,
    }
    return render_letter_pdf(template_name="grants/documents/offer.html", context=context)


def offer_pdf_attach(*, offer: GrantOffer, completed: bool = False) -> PrivateDocument:
    """Keep the offer's PDF with its case as the offeror's own attachment (they download it from the tracking page).

    A completed offer gets a new PDF dated the day of completion; the one submitted first stays in the case.
    """
    name, description = f"oferta-{offer.case_mark}.pdf", "Oferta realizacji zadania publicznego"
    if completed:
        today = _today()
        name = f"oferta-{offer.case_mark}-uzupelniona-{today:%Y-%m-%d}.pdf"
        description = f"Oferta realizacji zadania publicznego — uzupełniona {today:%d.%m.%Y}"
    return document_attach(
        case=offer,
        content=offer_pdf(offer=offer),
        original_name=name,
        mime_type="application/pdf",
        kind=PrivateDocument.Kind.ATTACHMENT,
        acting_user=None,
        description=description,
    )


def offer_called_to_complete(offer: GrantOffer, *, acting_user, note: str) -> None:
    """Effect of "call_to_complete": 7 days to complete the offer (formal check, rules of the call) [K]."""
    offer.completion_due = rules.offer_completion_due(_today())
    offer.save(update_fields=["completion_due", "updated_at"])
    case_message_add(
        case=offer,
        body=_("Please complete the offer by %(date)s: %(note)s")
        % {"date": offer.completion_due.strftime("%d.%m.%Y"), "note": note},
        author_kind=CaseMessage.Author.CLERK,
        acting_user=acting_user,
    )


def offer_note_to_offeror(offer: GrantOffer, *, acting_user, note: str) -> None:
    """Effect of a refusal: the reason goes to the offeror's case conversation (and is announced by e-mail)."""
    case_message_add(case=offer, body=note, author_kind=CaseMessage.Author.CLERK, acting_user=acting_user)


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


def offer_granted(offer: GrantOffer, *, acting_user, note: str) -> None:
    """Effect of "grant": an amount above 0; for a small grant the comment period is over and the limits hold.

    u.d.p.p. art. 19a ust. 3 (7 days of comments before the agreement) and ust. 1, 4, 5 (limits).
    The offeror is told the amount (art. 15 ust. 2h).
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
        if offer.comments_until is None or _today() <= offer.comments_until:
            raise GrantError(_("The 7-day period for comments has not ended yet."), code="comments")
        problems = small_grant_problems(offer=offer, amount=offer.granted_amount)
        if problems:
            raise GrantError(" ".join(p.message for p in problems), code="limits")
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


def offer_not_granted(offer: GrantOffer, *, acting_user, note: str) -> None:
    """Effect of "not_grant": the offeror learns the result (u.d.p.p. art. 15 ust. 2h; no appeal, ust. 2j)."""
    body = _("The subsidy has not been granted for the task “%(title)s”.") % {"title": offer.title}
    if note:
        body = f"{body} {note}"
    case_message_add(case=offer, body=body, author_kind=CaseMessage.Author.CLERK, acting_user=acting_user)


def offer_settled(offer: GrantOffer, *, acting_user, note: str) -> None:
    """Effect of "settle": the settlement is closed (u.f.p. art. 251–252)."""
    settlement = GrantSettlement.objects.filter(agreement__offer=offer).first()
    if settlement is None or settlement.settled_at is None:
        raise GrantError(_("Close the settlement first."), code="settlement")


# ------------------------------------------------------------------------------------------------------------------
# The committee (u.d.p.p. art. 15 ust. 2a–2f)
# ------------------------------------------------------------------------------------------------------------------


def committee_member_add(*, call: GrantCall, user, role: str, acting_user) -> CommitteeMember:
    """Appoint a member of the call's committee (a person nominated by an offeror may not sit: ust. 2d)."""
    member, _created = CommitteeMember.objects.get_or_create(call=call, user=user, defaults={"role": role})
    return member


def offer_assign(*, member: CommitteeMember, offer: GrantOffer, acting_user) -> OfferAssignment:
    """Give a formally correct offer of the member's call to the member to score."""
    if offer.call_id != member.call_id:
        raise GrantError(_("The offer belongs to another call."), code="call")
    if offer.status != GrantOffer.Status.FORMAL_OK:
        raise GrantError(_("Only formally correct offers are scored."), code="status")
    assignment, _created = OfferAssignment.objects.get_or_create(member=member, offer=offer)
    return assignment


def impartiality_declare(*, assignment: OfferAssignment, has_conflict: bool, acting_user) -> OfferAssignment:
    """The member's declaration of impartiality on an assigned offer (k.p.a. art. 24 via u.d.p.p. art. 15 ust. 2d).

    Only the member themself declares; a declaration is final (a conflict cannot be withdrawn to score).
    """
    if assignment.member.user_id != acting_user.pk:
        raise PermissionDenied(_("Only the member declares their own impartiality."))
    if assignment.declared_at is not None:
        raise GrantError(_("The declaration has already been made."), code="declared")
    assignment.declared_at = timezone.now()
    assignment.has_conflict = bool(has_conflict)
    assignment.save(update_fields=["declared_at", "has_conflict"])
    return assignment


def scores_record(*, assignment: OfferAssignment, points: dict[int, Decimal], acting_user) -> OfferAssignment:
    """Record the member's points per merit criterion of the call and refresh the offer's score.

    u.d.p.p. art. 15 ust. 1. Refused (PermissionDenied) to anyone but the member, and (GrantError) without
    a declaration of no conflict, outside the evaluation stage, or with points outside 0…max.
    """
    if assignment.member.user_id != acting_user.pk:
        raise PermissionDenied(_("Only the member scores the offers assigned to them."))
    if not assignment.may_score:
        raise PermissionDenied(_("Declare impartiality first; a member with a conflict of interest does not score."))
    offer = assignment.offer
    if offer.call.status != GrantCall.Status.EVALUATION or offer.status != GrantOffer.Status.FORMAL_OK:
        raise GrantError(_("Offers are scored only while the call is being evaluated."), code="stage")
    criteria = {c.pk: c for c in offer.call.criteria.filter(kind="merit")}
    if set(points) != set(criteria):
        raise GrantError(_("Give points for every merit criterion."), code="criteria")
    for criterion_id, value in points.items():
        error = rules.points_error(value, criteria[criterion_id].max_points)
        if error:
            raise GrantError(f"{criteria[criterion_id].name}: {error}", code="points")
    with transaction.atomic():
        for criterion_id, value in points.items():
            MeritScore.objects.update_or_create(
                assignment=assignment, criterion_id=criterion_id, defaults={"points": value}
            )
        offer_score_refresh(offer=offer)
    return assignment


def offer_score_refresh(*, offer: GrantOffer) -> GrantOffer:
    """Store the offer's merit score: per-criterion mean of the members' points, summed (grants.rules)."""
    member_points: dict[int, dict[int, Decimal]] = {}
    for score in MeritScore.objects.filter(assignment__offer=offer).select_related("assignment"):
        member_points.setdefault(score.assignment.member_id, {})[score.criterion_id] = score.points
    offer.merit_score = rules.offer_merit_score(member_points) if member_points else None
    offer.save(update_fields=["merit_score", "updated_at"])
    return offer


# ------------------------------------------------------------------------------------------------------------------
# Agreements, reports, controls
# ------------------------------------------------------------------------------------------------------------------


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
    attached; the subsidy is used by 31 December of the budget year at the latest (u.f.p. art. 250).
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
            raise GrantError(_validation_message(exc), code="invalid") from exc
        agreement.save()
        for n, (due_on, value) in enumerate(tranches, start=1):
            AgreementTranche.objects.create(agreement=agreement, position=n, due_on=due_on, amount=value)
        GrantReport.objects.create(
            agreement=agreement, kind=GrantReport.Kind.FINAL, due_on=rules.final_report_due(offer.end_date)
        )
        transition_perform(obj=offer, name="sign", acting_user=acting_user)
    agreement_pdf_issue(agreement=agreement, acting_user=acting_user)
    return agreement


def agreement_pdf_issue(*, agreement: GrantAgreement, acting_user) -> PrivateDocument:
    """Render the agreement from its template (framework agreement, annex 3) and keep it with the offer's case."""
    from core.documents import place_and_date
    from core.private_documents import letter_issue

    offer = agreement.offer
    context = {
        "case_mark": offer.case_mark,
        "place_and_date": place_and_date(agreement.signed_on),
        "addressee_lines": [offer.organisation_name, offer.address],
        "subject": f"Umowa nr {agreement.number} o wsparcie realizacji zadania publicznego",
        "body_html": "-",
        "signatory_name": "Prezydent Miasta Ruda Śląska",
        "signatory_title": "za Zleceniodawcę",
        "agreement": agreement,
        "offer": offer,
        "tranches": list(agreement.tranches.all()),
        "report_due": rules.final_report_due(agreement.implementation_to),
        "unused_return_due": rules.unused_subsidy_return_due(agreement.implementation_to),
    }
    return letter_issue(
        case=offer,
        template_name="grants/documents/agreement.html",
        context=context,
        acting_user=acting_user,
        description=f"Umowa {agreement.number}",
        file_name=f"umowa-{polish_slugify(agreement.number)}.pdf",
    )


def agreement_transfer_record(*, agreement: GrantAgreement, transferred_on: date, acting_user) -> GrantAgreement:
    """Record the day the subsidy was transferred: interest on a misused subsidy runs from it (u.f.p. art. 252)."""
    agreement.transferred_on = transferred_on
    agreement.save(update_fields=["transferred_on", "updated_at"])
    return agreement


def report_request_partial(*, agreement: GrantAgreement, due_on: date, acting_user) -> GrantReport:
    """Demand a partial report; its deadline is at least 30 days from the call (u.d.p.p. art. 18 ust. 3)."""
    earliest = rules.partial_report_earliest_due(_today())
    if due_on < earliest:
        raise GrantError(
            _("A partial report may be due on %(date)s at the earliest.") % {"date": earliest.strftime("%d.%m.%Y")},
            code="too_early",
        )
    return GrantReport.objects.create(agreement=agreement, kind=GrantReport.Kind.PARTIAL, due_on=due_on)


def report_called(report: GrantReport, *, acting_user, note: str) -> None:
    """Effect of "call": a report overdue is called for with 7 days to file it (framework agreement) [K]."""
    if _today() <= report.due_on:
        raise GrantError(_("The report is not overdue yet."), code="not_overdue")
    report.called_on = _today()
    report.call_due_on = rules.missing_report_call_due(report.called_on)
    report.save(update_fields=["called_on", "call_due_on", "updated_at"])
    case_message_add(
        case=report.agreement.offer,
        body=_("The report on agreement %(number)s is overdue. Please file it by %(date)s.")
        % {"number": report.agreement.number, "date": report.call_due_on.strftime("%d.%m.%Y")},
        author_kind=CaseMessage.Author.CLERK,
        acting_user=acting_user,
    )


def report_received(report: GrantReport, *, acting_user, note: str) -> None:
    """Effect of "receive": stamp the day the report came in."""
    report.submitted_on = _today()
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


# ------------------------------------------------------------------------------------------------------------------
# Settlement, return, interest (u.f.p. art. 251, 252)
# ------------------------------------------------------------------------------------------------------------------


def interest_rates() -> list[rules.InterestRate]:
    return [rules.InterestRate(r.valid_from, r.annual_percent) for r in TaxArrearsInterestRate.objects.all()]


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

    u.f.p. art. 251 ust. 1–2 (unused: 15 days after the task, 31 January for a task ending 31 December) and
    art. 252 ust. 1 (misused or undue: 15 days from the day it was found). Needs the final report accepted.
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
        # u.f.p. art. 252 ust. 1 pkt 1 (rules.interest_start): a misused part bears interest from the transfer.
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
            "unused_return_due": rules.unused_subsidy_return_due(agreement.implementation_to)
            if amounts.unused
            else None,
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
    """Interest due on the parts returned on `returned_on` (u.f.p. art. 251 ust. 5, art. 252 ust. 1, o.p. art. 56).

    Misused part: from the transfer day; undue part: from the day after its 15-day deadline; unused part
    returned late: from the day after its deadline. Rates from the TaxArrearsInterestRate table.
    """
    rates = interest_rates()
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
            total += rules.interest_for_tax_arrears(amount, first_day=first, paid_on=returned_on, rates=rates)
    except ValueError as exc:
        raise GrantError(
            _("Interest cannot be computed: check the transfer date and the table of interest rates."), code="rates"
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


# ------------------------------------------------------------------------------------------------------------------
# Small grants (u.d.p.p. art. 19a)
# ------------------------------------------------------------------------------------------------------------------


def register_key(number: str) -> str:
    """One organisation's register number however it was typed: "KRS 0000123456" = "0000123456" = "krs: 0000123456".

    The digits when there are any (KRS and other registers number their entries), else the text casefolded.
    """
    digits = "".join(character for character in number if character.isdigit())
    return digits or " ".join(number.split()).casefold()


def small_grant_problems(*, offer: GrantOffer, amount: Decimal) -> list[rules.ArithmeticProblem]:
    """The art. 19a limits for `offer` with `amount`, counting what was already granted in its year.

    The organisation's own total (art. 19a ust. 4) is matched by `register_key`, so a new spelling of the
    register number does not open a new 20 000 zł.
    """
    year = offer.start_date.year
    granted = GrantOffer.objects.filter(
        kind=GrantOffer.Kind.SMALL_GRANT, start_date__year=year, status__in=GRANTED_STATUSES
    ).exclude(pk=offer.pk)
    key = register_key(offer.register_number)
    organisation_total = sum(
        (
            value or Decimal(0)
            for number, value in granted.values_list("register_number", "granted_amount")
            if register_key(number) == key
        ),
        Decimal(0),
    )
    year_total = granted.aggregate(s=Sum("granted_amount"))["s"]
    plan = YearPlan.objects.filter(year=year).first()
    return rules.small_grant_problems(
        amount=amount,
        start=offer.start_date,
        end=offer.end_date,
        organisation_year_total=organisation_total,
        year_pool_planned=plan.planned_ngo_subsidies if plan else None,
        year_small_grants_total=year_total or Decimal(0),
    )


def small_grant_published(offer: GrantOffer, *, acting_user, note: str) -> None:
    """Effect of "publish_small_grant": limits checked, then 7 days of publication with comments (art. 19a ust. 3)."""
    if offer.kind != GrantOffer.Kind.SMALL_GRANT:
        raise GrantError(_("Only small-grant offers are published for comments."), code="kind")
    problems = small_grant_problems(offer=offer, amount=offer.requested_amount)
    if problems:
        raise GrantError(" ".join(p.message for p in problems), code="limits")
    offer.published_on = _today()
    offer.comments_until = rules.small_grant_comments_until(offer.published_on)
    offer.save(update_fields=["published_on", "comments_until", "updated_at"])


def small_grant_comment_add(*, offer: GrantOffer, author_name: str, text: str) -> SmallGrantComment:
    """Take a comment on a published small-grant offer, only within its 7 days (u.d.p.p. art. 19a ust. 3)."""
    today = _today()
    if offer.status != GrantOffer.Status.PUBLISHED or not (offer.published_on <= today <= offer.comments_until):
        raise GrantError(_("Comments on this offer are no longer accepted."), code="closed")
    comment = SmallGrantComment(offer=offer, author_name=author_name.strip(), text=text.strip())
    comment.full_clean()
    comment.save()
    return comment
