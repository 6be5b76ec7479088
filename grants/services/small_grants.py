"""Small grants outside a call (u.d.p.p. art. 19a): limits, 7 days of publication and comments."""

from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from grants import rules
from grants.models import GrantOffer, SmallGrantComment, YearPlan
from grants.services.common import GRANTED_STATUSES, GrantError


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


def small_grant_check_publish(offer: GrantOffer, *, acting_user, note: str) -> None:
    """Guard of "publish_small_grant": a small grant within the limits of u.d.p.p. art. 19a ust. 1, 4 and 5."""
    if offer.kind != GrantOffer.Kind.SMALL_GRANT:
        raise GrantError(_("Only small-grant offers are published for comments."), code="kind")
    problems = small_grant_problems(offer=offer, amount=offer.requested_amount)
    if problems:
        raise GrantError(" ".join(p.message for p in problems), code="limits")


def on_small_grant_publish(offer: GrantOffer, *, acting_user, note: str) -> None:
    """Effect of "publish_small_grant": 7 days of publication with comments (u.d.p.p. art. 19a ust. 3)."""
    offer.published_on = timezone.localdate()
    offer.comments_until = rules.small_grant_comments_until(offer.published_on)
    offer.save(update_fields=["published_on", "comments_until", "updated_at"])


def small_grant_comment_add(*, offer: GrantOffer, author_name: str, text: str) -> SmallGrantComment:
    """Take a comment on a published small-grant offer, only within its 7 days (u.d.p.p. art. 19a ust. 3)."""
    today = timezone.localdate()
    if offer.status != GrantOffer.Status.PUBLISHED or not (offer.published_on <= today <= offer.comments_until):
        raise GrantError(_("Comments on this offer are no longer accepted."), code="closed")
    comment = SmallGrantComment(offer=offer, author_name=author_name.strip(), text=text.strip())
    comment.full_clean()
    comment.save()
    return comment
