"""Small grants outside a call (u.d.p.p. art. 19a): city-wide limits, 7 days of publication and comments."""

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from grants import rules
from grants.models import ExternalSmallGrant, GrantOffer, SmallGrantComment, YearPlan
from grants.services.common import GRANTED_STATUSES, GrantError


def register_key(number: str) -> str:
    """One organisation's register number however it was typed: "KRS 0000123456" = "0000123456" = "krs: 0000123456".

    The digits when there are any (KRS and other registers number their entries), else the text casefolded.
    """
    digits = "".join(character for character in number if character.isdigit())
    return digits or " ".join(number.split()).casefold()


def small_grants_granted_in_year(*, year: int, register_number: str, exclude_offer=None) -> tuple[Decimal, Decimal]:
    """What the city has granted in small grants in `year`: (to this organisation, to all), in and outside the portal.

    u.d.p.p. art. 19a ust. 6 and 7 bind the city's executive organ, so both totals count the granted offers of the
    portal (by the year of the task's start) and the small grants clerks record as made outside it
    (`ExternalSmallGrant`, by the year of the agreement). The organisation is matched by `register_key`, so a new
    spelling of the register number does not open a new 20 000 zł. Two queries.
    """
    key = register_key(register_number)
    granted = GrantOffer.objects.filter(
        kind=GrantOffer.Kind.SMALL_GRANT, start_date__year=year, status__in=GRANTED_STATUSES
    )
    if exclude_offer is not None and exclude_offer.pk:
        granted = granted.exclude(pk=exclude_offer.pk)
    rows = [
        *granted.values_list("register_number", "granted_amount"),
        *ExternalSmallGrant.objects.filter(granted_on__year=year).values_list("register_number", "amount"),
    ]
    organisation_total = sum(
        (value or Decimal(0) for number, value in rows if register_key(number) == key), Decimal(0)
    )
    year_total = sum((value or Decimal(0) for _number, value in rows), Decimal(0))
    return organisation_total, year_total


def small_grant_problems(*, offer: GrantOffer, amount: Decimal) -> list[rules.ArithmeticProblem]:
    """The art. 19a limits for `offer` with `amount`, counting what the city already granted in its year.

    u.d.p.p. art. 19a ust. 1 (10 000 zł, 90 days), ust. 6 (20 000 zł to the organisation) and ust. 7 (20 % of
    the subsidies planned for NGOs), the yearly totals city-wide (`small_grants_granted_in_year`).
    """
    year = offer.start_date.year
    organisation_total, year_total = small_grants_granted_in_year(
        year=year, register_number=offer.register_number, exclude_offer=offer
    )
    plan = YearPlan.objects.filter(year=year).first()
    return rules.small_grant_problems(
        amount=amount,
        start=offer.start_date,
        end=offer.end_date,
        organisation_year_total=organisation_total,
        year_pool_planned=plan.planned_ngo_subsidies if plan else None,
        year_small_grants_total=year_total,
    )


def small_grant_offer_problems(*, register_number: str, amount: Decimal, start, end) -> list[rules.ArithmeticProblem]:
    """The limits an offeror answers for, checked when a small-grant offer is sent (u.d.p.p. art. 19a ust. 1 and 6).

    The organisation's yearly total counts every small grant the city made to it in the task's year, in the portal
    and outside it. The 20 % of the pool (ust. 7) is the city's to keep and is checked before publication.
    """
    organisation_total, _year_total = small_grants_granted_in_year(year=start.year, register_number=register_number)
    return rules.small_grant_offer_problems(
        amount=amount, start=start, end=end, organisation_year_total=organisation_total
    )


def small_grant_check_publish(offer: GrantOffer, *, acting_user, note: str) -> None:
    """Guard of "publish_small_grant": a small grant within the limits of u.d.p.p. art. 19a ust. 1, 6 and 7."""
    if offer.kind != GrantOffer.Kind.SMALL_GRANT:
        raise GrantError(_("Only small-grant offers are published for comments."), code="kind")
    problems = small_grant_problems(offer=offer, amount=offer.requested_amount)
    if problems:
        raise GrantError(" ".join(p.message for p in problems), code="limits")


def on_small_grant_publish(offer: GrantOffer, *, acting_user, note: str) -> None:
    """Effect of "publish_small_grant": put up for 7 days with comments (u.d.p.p. art. 19a ust. 3 and 4).

    The clerk publishes the offer in BIP, on the notice board and on the website the same day; the 7 days of
    comments run from it.
    """
    offer.published_on = timezone.localdate()
    offer.comments_until = rules.small_grant_comments_until(offer.published_on)
    offer.save(update_fields=["published_on", "comments_until", "updated_at"])


def small_grant_comment_add(*, offer: GrantOffer, author_name: str, text: str) -> SmallGrantComment:
    """Take a comment on a published small-grant offer, only within its 7 days (u.d.p.p. art. 19a ust. 4)."""
    today = timezone.localdate()
    if offer.status != GrantOffer.Status.PUBLISHED or not (offer.published_on <= today <= offer.comments_until):
        raise GrantError(_("Comments on this offer are no longer accepted."), code="closed")
    comment = SmallGrantComment(offer=offer, author_name=author_name.strip(), text=text.strip())
    comment.full_clean()
    comment.save()
    return comment
