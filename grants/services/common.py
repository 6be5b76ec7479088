"""What every grants service shares: the refusal they raise and the statuses that hold a granted subsidy."""

from django.core.exceptions import ValidationError

from core.services import CaseWorkError
from grants.models import GrantOffer

#: Offers whose subsidy is granted: they take their part of the call's budget and the small-grant limits.
GRANTED_STATUSES = (GrantOffer.Status.GRANTED, GrantOffer.Status.AGREEMENT, GrantOffer.Status.SETTLED)


class GrantError(CaseWorkError):
    """A refusal of a grants service, with a Polish message a clerk or an offeror can read."""


def validation_message(error: ValidationError) -> str:
    """A model's validation errors as one sentence for a GrantError."""
    return " ".join(error.messages)
