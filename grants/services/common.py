"""What every grants service shares: the refusal they raise and the statuses that hold a granted subsidy."""

from decimal import Decimal

from django.core.exceptions import ValidationError

from core.services import CaseWorkError
from grants import rules
from grants.models import GrantOffer

#: Offers whose subsidy is granted: they take their part of the call's budget and the small-grant limits.
GRANTED_STATUSES = (GrantOffer.Status.GRANTED, GrantOffer.Status.AGREEMENT, GrantOffer.Status.SETTLED)


class GrantError(CaseWorkError):
    """A refusal of a grants service, with a Polish message a clerk or an offeror can read."""


def validation_message(error: ValidationError) -> str:
    """A model's validation errors as one sentence for a GrantError."""
    return " ".join(error.messages)


def cost_lines(rows: list[dict]) -> list[rules.CostLine]:
    """The cost table's rows as typed on a form (the offer's table V.A or the report's as executed), numbered."""
    return [
        rules.CostLine(
            number=n,
            name=row.get("name", ""),
            category=row.get("category", "action"),
            unit_cost=row.get("unit_cost") or Decimal(0),
            units=row.get("units") or Decimal(0),
            declared_total=row.get("total"),
        )
        for n, row in enumerate(rows, start=1)
    ]


def cost_funding(values: dict, *, subsidy_field: str) -> rules.Funding:
    """The sources of the costs as typed on a form; the subsidy is the amount asked for or, in a report, used."""
    return rules.Funding(
        subsidy=values.get(subsidy_field) or Decimal(0),
        own_financial=values.get("own_financial") or Decimal(0),
        own_personal=values.get("own_personal") or Decimal(0),
        own_material=values.get("own_material") or Decimal(0),
        recipient_fees=values.get("recipient_fees") or Decimal(0),
    )
