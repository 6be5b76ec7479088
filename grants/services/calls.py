"""Calls for offers: publication, closing, cancellation, resolution and copies (u.d.p.p. art. 13, 15, 18a)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import CaseMessage
from core.services import case_message_add, transition_perform
from core.slugs import unique_slug
from grants import rules, selectors
from grants.models import GrantCall, GrantOffer
from grants.services.common import GRANTED_STATUSES, GrantError


def call_publish(*, call: GrantCall, acting_user) -> GrantCall:
    """Publish a call (u.d.p.p. art. 13 ust. 3); the guard is `call_check_publish`. Raises GrantError."""
    return transition_perform(obj=call, name="publish", acting_user=acting_user)


def call_check_publish(call: GrantCall, *, acting_user, note: str) -> None:
    """Guard of "publish": the offers deadline is ≥ 21 days after the last announcement (u.d.p.p. art. 13 ust. 1).

    Also refuses a call without merit criteria (art. 13 ust. 2 pkt 5: the criteria are part of the call).
    """
    error = rules.call_offers_deadline_error(
        announcements=call.announcements, offers_deadline=timezone.localdate(call.offers_deadline)
    )
    if error:
        raise GrantError(error, code="deadline_too_early")
    if not call.criteria.filter(kind="merit").exists():
        raise GrantError(_("Add at least one merit criterion with points before publishing."), code="no_criteria")


def call_check_close(call: GrantCall, *, acting_user, note: str) -> None:
    """Guard of "close_offers": not before the offers deadline has passed (u.d.p.p. art. 13 ust. 2 pkt 4)."""
    if timezone.now() <= call.offers_deadline:
        raise GrantError(_("Offers are accepted until the deadline; the call can be closed after it."), code="early")


def call_check_cancel(call: GrantCall, *, acting_user, note: str) -> None:
    """Guard of "cancel": only when no offer came in or none met the call's requirements (u.d.p.p. art. 18a ust. 1)."""
    offers = list(call.offers.all())
    good = [offer for offer in offers if offer.status not in (GrantOffer.Status.REJECTED_FORMAL,)]
    if not rules.call_may_be_cancelled(offers_count=len(offers), offers_meeting_requirements=len(good)):
        raise GrantError(
            _("A call with offers that meet its requirements cannot be cancelled (art. 18a u.d.p.p.)."), code="offers"
        )


def on_call_cancel(call: GrantCall, *, acting_user, note: str) -> None:
    """Effect of "cancel": the cancellation is published like the call (u.d.p.p. art. 18a ust. 2).

    The call's public page shows it with the reason; offerors are told through their cases.
    """
    call.cancellation_reason = note
    call.save(update_fields=["cancellation_reason", "updated_at"])
    for offer in call.offers.all():
        case_message_add(
            case=offer,
            body=_("The call “%(call)s” has been cancelled: %(reason)s") % {"call": call.title, "reason": note},
            author_kind=CaseMessage.Author.CLERK,
            acting_user=acting_user,
        )


def call_check_resolve(call: GrantCall, *, acting_user, note: str) -> None:
    """Guard of "resolve": no offer is still in the formal check, the amounts granted fit the budget and the
    committee whose opinion is used was lawfully composed.

    u.d.p.p. art. 13 ust. 2 pkt 2: the subsidies of a call stay within its amount of public funds, counting the
    offers granted on their own before the resolution. u.d.p.p. art. 15 ust. 2d: no person nominated by an
    organisation that submitted an offer still sits on the committee. ust. 2da: a committee on which no person
    nominated by NGOs sits (none nominated, none took part, or all excluded under ust. 2d or 2f) has its reason
    recorded on the call.
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
    excluded = selectors.committee_excluded_members(call)
    if excluded:
        members = call.committee.filter(pk__in=excluded).select_related("user")
        raise GrantError(
            _(
                "Remove from the committee the persons nominated by organisations that submitted offers "
                "(u.d.p.p. art. 15 ust. 2d): %(members)s."
            )
            % {
                "members": "; ".join(
                    f"{selectors.committee_candidate_label(m.user)} ({m.nominated_by}, {excluded[m.pk].case_mark})"
                    for m in members
                )
            },
            code="nominee_excluded",
        )
    sitting = len(selectors.committee_sitting_ngo_members(call))
    if rules.committee_needs_reason_without_ngo(sitting_ngo_members=sitting, reason=call.committee_without_ngo_reason):
        raise GrantError(
            _(
                "No person nominated by NGOs sits on the committee. Record on the call why it sits without them "
                "(u.d.p.p. art. 15 ust. 2da) before resolving."
            ),
            code="committee_without_ngo",
        )


def on_call_resolve(call: GrantCall, *, acting_user, note: str) -> None:
    """Effect of "resolve": grant or refuse every formally correct offer and publish the results.

    u.d.p.p. art. 15 ust. 2h–2j: results (offeror, task, amount) published at once; the choice is not an
    administrative decision. An offer with a granted amount gets the subsidy, the rest do not.
    """
    for offer in call.offers.filter(status=GrantOffer.Status.FORMAL_OK):
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
        copy.slug = unique_slug(
            GrantCall.objects.all(),
            f"{call.title} {copy.year}",
            fallback="konkurs",
            max_length=100,
            route_name="grants:call_detail",
        )
        copy.full_clean()
        copy.save()
        for criterion in call.criteria.all():
            criterion.pk = None
            criterion.call = copy
            criterion.save()
    return copy


def call_accepts_offers(call: GrantCall | None, now=None) -> bool:
    """Offers are accepted while the call is published and its deadline has not passed (u.d.p.p. art. 13)."""
    if call is None:
        return True
    now = now or timezone.now()
    return call.status == GrantCall.Status.PUBLISHED and now <= call.offers_deadline
