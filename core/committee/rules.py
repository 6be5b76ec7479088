"""Pure rules of a committee's scores: the range of points, the mean of the votes and the ranking."""

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

HUNDREDTH = Decimal("0.01")


def points_round(value) -> Decimal:
    """Points to two decimal places, half up (a mean of 7, 8 and 8 is 7.67)."""
    return Decimal(value).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)


def points_error(points, max_points: int) -> str:
    """Why `points` is not a valid score worth at most `max_points`, or "" (never negative, never above the scale)."""
    if points is None or Decimal(points) < 0 or Decimal(points) > max_points:
        return _("Points must be between 0 and %(max)d.") % {"max": max_points}
    return ""


def votes_mean(points: Iterable) -> Decimal | None:
    """The mean of the members' points to two decimal places; None when nobody has voted."""
    values = [Decimal(value) for value in points]
    if not values:
        return None
    return points_round(sum(values, Decimal(0)) / len(values))


def rank(scores: dict[int, Decimal]) -> list[tuple[int, int, Decimal]]:
    """[(place, case id, score)], highest score first; equal scores share a place (1, 2, 2, 4)."""
    ordered = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    result = []
    for index, (case_id, score) in enumerate(ordered):
        place = result[-1][0] if result and result[-1][2] == score else index + 1
        result.append((place, case_id, score))
    return result
