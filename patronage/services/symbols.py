"""Requests to use the city's coat of arms, flag, logo or colours (DOMAIN.md §E.2): receipt, answer, revocation.

Status changes go through `core.services.transition_perform`; the functions below that take
`(request, *, acting_user, note)` are the workflow's guards (`symbol_request_check_<verb>`) and effects
(`on_symbol_request_<verb>`).
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from core.documents import department_signatory, place_and_date
from core.private_documents import document_attach_upload, letter_issue
from core.services import case_open
from patronage.models import SymbolUseRequest
from patronage.services.common import PatronageError, polish_date

Status = SymbolUseRequest.Status


def symbol_request_prepare(*, request: SymbolUseRequest, received_on=None) -> SymbolUseRequest:
    """Stamp the day of receipt: the 30 days to answer run from it (`symbol_request_answer_due`, DOMAIN.md §E.2)."""
    request.received_on = received_on or timezone.localdate()
    return request


def symbol_request_received(*, request: SymbolUseRequest, design=None) -> None:
    """Keep the graphic design of the intended use the applicant sent (DOMAIN.md §E.2)."""
    if design:
        document_attach_upload(case=request, upload=design, description="Projekt graficzny użycia symbolu")


def symbol_request_case_title(request: SymbolUseRequest) -> str:
    """The title of the request's entry in the case register."""
    return _("Use of the city's %(symbol)s: %(name)s") % {
        "symbol": request.get_symbol_display(),
        "name": request.applicant_name[:150],
    }


def symbol_request_open(
    *, request: SymbolUseRequest, received_on=None, acting_user=None, acknowledge=True, design=None
):
    """Receive a request that does not come through the public form (paper, e-mail, demo data, tests)."""
    symbol_request_prepare(request=request, received_on=received_on)
    return case_open(
        case=request,
        title=symbol_request_case_title(request),
        acting_user=acting_user,
        acknowledge=acknowledge,
        on_open=lambda case: symbol_request_received(request=case, design=design),
    )


def symbol_request_check_consent_with_conditions(request, *, acting_user, note: str = "") -> None:
    """Guard of "consent_with_conditions": the conditions are written before the letter prints them (§E.2 [K])."""
    if not request.conditions.strip():
        raise PatronageError(_("Write the conditions of the consent first."), code="conditions_missing")


def _answer_letter(request, *, acting_user, template_name: str, description: str, file_name: str, **extra) -> None:
    letter_issue(
        case=request,
        template_name=template_name,
        context={
            "case_mark": request.case_mark,
            "place_and_date": place_and_date(timezone.localdate()),
            "addressee_lines": [request.applicant_name, request.applicant_address],
            "subject": f"wniosku o zgodę na używanie symbolu Miasta Ruda Śląska ({request.get_symbol_display()})",
            "body_html": "<p></p>",
            **department_signatory(),
            "request": request,
            "recipients": [request.applicant_name, "a/a"],
            **extra,
        },
        acting_user=acting_user,
        description=description,
        file_name=file_name,
    )


def on_symbol_request_consent(request, *, acting_user, note: str = "") -> None:
    """Effect of a consent (with or without conditions): the letter of consent as a PDF.

    DOMAIN.md §E.2: a written consent of the Prezydent, for the purpose, medium and period requested; typical
    conditions [K]: no change to the sign, no suggestion that the city endorses a product, revocable.
    """
    request.decided_on = timezone.localdate()
    request.save(update_fields=["decided_on", "updated_at"])
    _answer_letter(
        request,
        acting_user=acting_user,
        template_name="patronage/documents/symbol_consent.html",
        description="Zgoda na używanie symbolu miasta",
        file_name=f"zgoda-{request.case_mark}.pdf",
        with_conditions=request.status == Status.CONSENT_WITH_CONDITIONS,
    )


def on_symbol_request_refuse(request, *, acting_user, note: str = "") -> None:
    """Effect of a refusal: the letter with the reasons as a PDF (DOMAIN.md §E.2: no appeal)."""
    request.decided_on = timezone.localdate()
    request.save(update_fields=["decided_on", "updated_at"])
    _answer_letter(
        request,
        acting_user=acting_user,
        template_name="patronage/documents/symbol_refusal.html",
        description="Odmowa zgody na używanie symbolu miasta",
        file_name=f"odmowa-{request.case_mark}.pdf",
        reasons=note,
    )


def symbol_request_message_answer(request, note: str) -> str:
    """What the applicant reads when the request is answered: the letter is on the case page, then the note."""
    texts = {
        Status.CONSENT: _(
            "The Prezydent consents to the use of the city's symbol as requested. The letter is on your case page."
        ),
        Status.CONSENT_WITH_CONDITIONS: _(
            "The Prezydent consents to the use of the city's symbol on the conditions stated in the letter on your "
            "case page."
        ),
        Status.REFUSED: _(
            "The Prezydent does not consent to the use of the city's symbol. The letter with the reasons is on your "
            "case page."
        ),
    }
    text = str(texts[request.status])
    return f"{text}\n\n{note}" if note else text


def on_symbol_request_revoke(request, *, acting_user, note: str = "") -> None:
    """Effect: stamp the revocation; the consent is revocable (DOMAIN.md §E.2 [K]). The note gives the reason."""
    request.revoked_on = timezone.localdate()
    request.save(update_fields=["revoked_on", "updated_at"])


def symbol_request_check_expire(request, *, acting_user, note: str = "") -> None:
    """Guard of "expire": the period of the consent has ended (DOMAIN.md §E.2: a consent is given for a period)."""
    if request.period_to >= timezone.localdate():
        raise PatronageError(
            _("The consent is valid until %(date)s.") % {"date": polish_date(request.period_to)}, code="still_valid"
        )
