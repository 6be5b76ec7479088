"""What both case types of the duty share: the duty's error and the head of their letters."""

from core.services import CaseWorkError


class PatronageError(CaseWorkError):
    """A refusal of the patronage and symbols duty, with a translated message a clerk or applicant can read."""


def polish_date(value) -> str:
    """A date as the department writes it in messages: 05.01.2027."""
    return value.strftime("%d.%m.%Y")
