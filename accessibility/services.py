"""Every state change of requests for accessibility and demands for digital accessibility (DOMAIN.md §G.2, §G.4).

Status changes go through `core.services.transition_perform`; the functions below that take
`(case, *, acting_user, note)` are the workflow's guards (`accessibility_case_check_<verb>`) and effects
(`on_accessibility_case_<verb>`). The answer and the notice of delay are letters of the department (PDF, kept with
the case and downloadable from the tracking page); the answer names the complaint path of its act.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from accessibility.deadlines import (
    PFRON_COMPLAINT_DAYS,
    accessibility_extension_latest,
    accessibility_request_answer_due,
    digital_demand_answer_due,
)
from accessibility.models import (
    AccessibilityCase,
    AccessibilityRequest,
    AccessibilityStatus,
    DigitalAccessibilityDemand,
)
from core.documents import department_signatory, place_and_date
from core.private_documents import document_attach_upload, letter_issue
from core.services import CaseWorkError, case_open

Status = AccessibilityStatus


class AccessibilityError(CaseWorkError):
    """A refusal of the coordinator's duty, with a translated message a clerk or applicant can read."""


def polish_date(value) -> str:
    """A date as the department writes it in messages: 05.01.2027."""
    return value.strftime("%d.%m.%Y")


def answer_due(case: AccessibilityCase):
    """The date the answer is due: the new date of a notified delay, else 14 days (request) or 7 days (demand)."""
    if case.extended_to:
        return case.extended_to
    if isinstance(case, DigitalAccessibilityDemand):
        return digital_demand_answer_due(case.received_on)
    return accessibility_request_answer_due(case.received_on)


def accessibility_case_prepare(*, case: AccessibilityCase, received_on=None) -> AccessibilityCase:
    """Stamp the day of filing: the 14 days (request) or 7 days (demand) and the 2 months run from it."""
    case.received_on = received_on or timezone.localdate()
    return case


def accessibility_case_received(*, case: AccessibilityCase, video=None) -> None:
    """Keep the PJM video the applicant filed with the form (ustawa z 19.07.2019 art. 30 ust. 4: a request may be
    filed in Polish Sign Language; DOMAIN.md §G.2)."""
    if video:
        document_attach_upload(case=case, upload=video, description="Nagranie w polskim języku migowym (PJM)")


def accessibility_case_title(case: AccessibilityCase) -> str:
    """The title of the case's entry in the case register: the barrier's place or the page, never the person."""
    if isinstance(case, DigitalAccessibilityDemand):
        return _("Digital accessibility: %(page)s") % {"page": case.page_url[:150]}
    return _("Accessibility: %(place)s") % {"place": case.barrier_place[:150]}


def accessibility_case_open(
    *, case: AccessibilityCase, received_on=None, acting_user=None, acknowledge=True, video=None
) -> AccessibilityCase:
    """Receive a request or a demand that does not come through the public form (paper, e-mail, demo data, tests).

    A case on paper may come without contact data: it is received, and the clerk leaves it without consideration
    ("leave_unconsidered", 19.07.2019 art. 31 ust. 4 / 4.04.2019 art. 19).
    """
    accessibility_case_prepare(case=case, received_on=received_on)
    return case_open(
        case=case,
        title=accessibility_case_title(case),
        acting_user=acting_user,
        acknowledge=acknowledge,
        on_open=lambda opened: accessibility_case_received(case=opened, video=video),
    )


# ------------------------------------------------------------------------------------------------------------------
# Guards
# ------------------------------------------------------------------------------------------------------------------


def accessibility_case_check_extend(case, *, acting_user, note: str = "") -> None:
    """Guard of "extend": the new date and the reason are written, and the date is at most 2 months from filing.

    19.07.2019 art. 31 ust. 2 / 4.04.2019 art. 18 ust. 2 (DOMAIN.md §G.2, §G.4): the applicant is told the reason
    of the delay and the new date, which is not later than 2 months from the filing.
    """
    if not case.extended_to:
        raise AccessibilityError(_("Write the new date of the answer first."), code="date_missing")
    if not case.delay_reason.strip():
        raise AccessibilityError(_("Write the reason of the delay first."), code="reason_missing")
    latest = accessibility_extension_latest(case.received_on)
    if case.extended_to > latest:
        raise AccessibilityError(
            _("The new date may be at most 2 months from the filing: %(date)s.") % {"date": polish_date(latest)},
            code="too_late",
        )
    if case.extended_to <= timezone.localdate():
        raise AccessibilityError(_("The new date must be in the future."), code="past")


def _check_contact(case) -> None:
    if not case.has_contact_data:
        raise AccessibilityError(
            _("The case has no contact data: the answer cannot reach the applicant."), code="no_contact"
        )


def accessibility_case_check_ensure(case, *, acting_user, note: str = "") -> None:
    """Guard of "ensure": the answer says what was done, and there is an address to send it to (DOMAIN.md §G.2)."""
    _check_contact(case)
    if not case.answer.strip():
        raise AccessibilityError(_("Write what was done in the answer first."), code="answer_missing")


def accessibility_case_check_alternative(case, *, acting_user, note: str = "") -> None:
    """Guard of "alternative": the alternative access offered is written (19.07.2019 art. 31 ust. 3; 4.04.2019
    art. 18 ust. 3: where accessibility is impossible or disproportionate, the applicant gets alternative access)."""
    _check_contact(case)
    if not case.answer.strip():
        raise AccessibilityError(_("Describe the alternative access in the answer first."), code="answer_missing")


def accessibility_case_check_leave_unconsidered(case, *, acting_user, note: str = "") -> None:
    """Guard of "leave_unconsidered": only a case without any contact data is left without consideration.

    19.07.2019 art. 31 ust. 4 [V-sec] and 4.04.2019 art. 19 [K]: a request or demand without the applicant's contact
    data is left without consideration (DOMAIN.md §G.2).
    """
    if case.has_contact_data:
        raise AccessibilityError(_("The case has contact data: it must be considered."), code="has_contact")


# ------------------------------------------------------------------------------------------------------------------
# Effects and messages
# ------------------------------------------------------------------------------------------------------------------


def _letter(case, *, acting_user, template_name: str, description: str, file_name: str, subject: str, **extra):
    is_demand = isinstance(case, DigitalAccessibilityDemand)
    letter_issue(
        case=case,
        template_name=template_name,
        context={
            "case_mark": case.case_mark,
            "place_and_date": place_and_date(timezone.localdate()),
            "addressee_lines": [case.applicant_name, case.contact_address or case.contact_email],
            "subject": subject,
            "body_html": "<p></p>",
            **department_signatory(),
            "case": case,
            "is_demand": is_demand,
            "pfron_days": PFRON_COMPLAINT_DAYS,
            "recipients": [case.applicant_name, "a/a"],
            **extra,
        },
        acting_user=acting_user,
        description=description,
        file_name=file_name,
    )


def _subject(case) -> str:
    if isinstance(case, DigitalAccessibilityDemand):
        return "żądania zapewnienia dostępności cyfrowej"
    return "wniosku o zapewnienie dostępności"


def on_accessibility_case_extend(case, *, acting_user, note: str = "") -> None:
    """Effect of "extend": stamp the notice and issue the notice of the delay with the reason and the new date
    (19.07.2019 art. 31 ust. 2; 4.04.2019 art. 18 ust. 2)."""
    case.delay_notified_on = timezone.localdate()
    case.save(update_fields=["delay_notified_on", "updated_at"])
    _letter(
        case,
        acting_user=acting_user,
        template_name="accessibility/documents/delay_notice.html",
        description="Zawiadomienie o opóźnieniu",
        file_name=f"zawiadomienie-{case.case_mark}.pdf",
        subject=_subject(case),
    )


def on_accessibility_case_answer(case, *, acting_user, note: str = "") -> None:
    """Effect of "ensure" and "alternative": stamp the answer and issue it as a letter that explains the complaint.

    The complaint path differs per act: for a request, a complaint to the Prezes Zarządu PFRON within 30 days
    (19.07.2019 art. 32); for a digital demand, a complaint to the entity, then to the Rzecznik Praw Obywatelskich
    (4.04.2019 art. 18 ust. 4, art. 20; DOMAIN.md §G.4).
    """
    case.answered_on = timezone.localdate()
    case.save(update_fields=["answered_on", "updated_at"])
    _letter(
        case,
        acting_user=acting_user,
        template_name="accessibility/documents/answer.html",
        description="Odpowiedź",
        file_name=f"odpowiedz-{case.case_mark}.pdf",
        subject=_subject(case),
        alternative=case.status == Status.ALTERNATIVE,
    )


def accessibility_case_message_extend(case, note: str) -> str:
    """What the applicant reads when the delay is notified: the new date; the notice is on the case page."""
    text = _(
        "We cannot answer within the statutory period. We will answer by %(date)s; the notice with the reason is on "
        "your case page."
    ) % {"date": polish_date(case.extended_to)}
    return f"{text}\n\n{note}" if note else text


def accessibility_case_message_answer(case, note: str) -> str:
    """What the applicant reads when the case is answered: the letter with the complaint path is on the case page."""
    if case.status == Status.ALTERNATIVE:
        text = _("We provide alternative access. The answer, with how to complain, is on your case page.")
    else:
        text = _("Accessibility has been ensured. The answer, with how to complain, is on your case page.")
    return f"{text}\n\n{note}" if note else text


__all__ = [
    "AccessibilityError",
    "AccessibilityRequest",
    "DigitalAccessibilityDemand",
    "accessibility_case_open",
    "answer_due",
]
