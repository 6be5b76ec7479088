"""What the services of both case types share: the duty's error, the organiser's messages and the letters' heads."""

from core.models import CaseMessage
from core.services import CaseWorkError, case_message_add


class MassEventError(CaseWorkError):
    """A refusal of the mass-events duty, with a translated message a clerk or organiser can read."""


def organiser_tell(case, body: str, acting_user) -> None:
    """Post the department's message on the organiser's tracking page (the kernel e-mails them that it is there).

    For a message the step itself writes (a decision issued, an appeal received); the clerk's note goes through the
    transition's `note_to_applicant` flag.
    """
    case_message_add(case=case, body=body, author_kind=CaseMessage.Author.CLERK, acting_user=acting_user)


def addressee_lines(case) -> list[str]:
    """The organiser's name and postal address at the head of a letter (the correspondence address first)."""
    return [case.organiser_name, case.correspondence_address or case.organiser_address]
