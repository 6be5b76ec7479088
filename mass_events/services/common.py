"""What the services of both case types share: the duty's error, the organiser's messages and the letters' heads."""

from django.utils import timezone
from django.utils.translation import gettext as _

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


# THE APPEAL TO THE SKO (both case types: a permit decision, u.b.i.m. art. 33; a ban, u.o.p.d.k. art. 36)
# ------------------------------------------------------------------------------
def appeal_record_forwarding(case) -> None:
    """Stamp the day the appeal went to the SKO with the case files (k.p.a. art. 133: within 7 days of receipt)."""
    case.appeal_forwarded_on = timezone.localdate()
    case.save(update_fields=["appeal_forwarded_on", "updated_at"])


def appeal_check_window_closed(delivered_on, appeal_latest, *, not_delivered: str, still_open: str) -> None:
    """What a decision (or a ban) needs to become final: it was delivered, and the days to appeal against it passed.

    `appeal_latest(delivered_on)` is the last day of the appeal (the statute's rule in mass_events.deadlines);
    `not_delivered` says which delivery to record, `still_open` names that last day as %(date)s. Raises
    MassEventError ("not_delivered", "appeal_window_open") before anything is written.
    """
    if not delivered_on:
        raise MassEventError(not_delivered, code="not_delivered")
    latest = appeal_latest(delivered_on)
    if timezone.localdate() <= latest:
        raise MassEventError(still_open % {"date": latest.strftime("%d.%m.%Y")}, code="appeal_window_open")


def appeal_check_outcome(case) -> None:
    """What every outcome of an appeal needs first: the SKO's decision number and its date (k.p.a. art. 138, 107).

    Raises MassEventError naming what is missing, before anything is written.
    """
    if not case.appeal_decision_number or not case.appeal_decided_on:
        raise MassEventError(
            _("Record the SKO's decision number and date first (they are printed on its decision)."),
            code="appeal_decision_missing",
        )


def appeal_record_outcome(case, outcome: str) -> None:
    """Stamp what the SKO decided (k.p.a. art. 138 § 1 pkt 1, § 1 pkt 2 or § 2)."""
    case.appeal_outcome = outcome
    case.save(update_fields=["appeal_outcome", "updated_at"])


def appeal_message_outcome(case, note: str, consequences: dict) -> str:
    """The organiser's message on the SKO's decision: its number, date and outcome, what follows, the clerk's note."""
    text = _("The appeal body (SKO) has decided on your appeal: decision %(number)s of %(date)s, %(outcome)s.") % {
        "number": case.appeal_decision_number,
        "date": case.appeal_decided_on.strftime("%d.%m.%Y"),
        "outcome": case.get_appeal_outcome_display(),
    }
    text += " " + str(consequences[case.appeal_outcome])
    return f"{text}\n\n{note}" if note else text
