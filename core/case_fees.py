"""Fees an applicant pays for a case (opłata skarbowa): what is due, where to pay it, and the proof of payment.

One mechanism for every case type that charges a fee. A case model declares it:

    case_fee = CaseFee(due="institutions.services.extract_request_fee_due")

`due(case)` returns a `FeeDue`, or None when nothing is to be paid in that case now. The tracking page then shows
the amount (or, while the department has not counted it yet, the rate), the City Hall's account and the transfer's
title, and, while `FeeDue.accepts_proof`, a form for the proof of payment (`/sprawy/<token>/oplata/`). The proof is
kept as the case's private document like every applicant's attachment (core.private_documents: random storage
name, never a public URL) and the applicant's message in the case tells the clerk it has arrived. Whether the fee
has been paid is the clerk's record, kept by the app.

Ustawa z 16.11.2006 o opłacie skarbowej, art. 8 ust. 1 and art. 12: the fee is paid to the account of the
municipality's office; the account is configuration (STAMP_DUTY_ACCOUNT_NUMBER), as are the apps' rates.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.module_loading import import_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from core.models import CaseMessage, PrivateDocument
from core.private_documents import document_attach_upload
from core.public_forms import PublicFormMixin, rate_limit_exceeded
from core.services import CaseWorkError, case_message_add
from core.uploads import JPEG, PDF, PNG, ValidatedFileField, stash

FEE_ANCHOR = "oplata"
NRB_DIGITS = 26
# The made-up account debug mode shows (settings.py): valid check digits, every other digit zero.
DEMO_ACCOUNT_DIGITS = "04" + "0" * 24


# DECLARATION
# ------------------------------------------------------------------------------
@dataclass(frozen=True)
class FeeDue:
    """What the applicant of a case is to pay, as the tracking page shows it.

    `amount` is None while the department has not counted it yet (the page then shows `pending_note` and `rate`);
    `breakdown` says how the amount was counted ("2 strony × 1 egzemplarz × 5,00 zł").
    """

    title: str
    rate: str
    amount: Decimal | None = None
    pending_note: str = ""
    breakdown: str = ""
    paid: bool = False
    accepts_proof: bool = False


class CaseFee:
    """The fee of a case model: `due` is the dotted path of `due(case) -> FeeDue | None` (no import cycle)."""

    def __init__(self, *, due: str):
        self.due = due

    def due_for(self, case) -> FeeDue | None:
        return import_string(self.due)(case)


def fee_of(case) -> CaseFee | None:
    return getattr(type(case), "case_fee", None)


# THE ACCOUNT
# ------------------------------------------------------------------------------
def nrb_digits(number: str) -> str:
    """The digits of a Polish account number (NRB) as typed, without spaces or the "PL" prefix."""
    text = (number or "").upper().replace(" ", "").replace("-", "")
    return text.removeprefix("PL")


def nrb_is_valid(number: str) -> bool:
    """True for a 26-digit NRB whose check digits are right (ISO 13616: the IBAN "PL…" modulo 97 is 1)."""
    digits = nrb_digits(number)
    if len(digits) != NRB_DIGITS or not digits.isdigit():
        return False
    # "PL" is 25 21 in the IBAN's letters-to-numbers rule; the check digits go to the end.
    return int(digits[2:] + "2521" + digits[:2]) % 97 == 1


def nrb_display(number: str) -> str:
    """The account grouped as banks print it: "NN NNNN NNNN NNNN NNNN NNNN NNNN"."""
    digits = nrb_digits(number)
    if len(digits) != NRB_DIGITS:
        return (number or "").strip()
    return " ".join([digits[:2], *(digits[i : i + 4] for i in range(2, NRB_DIGITS, 4))])


def stamp_duty_account() -> dict:
    """The City Hall's account for opłata skarbowa (settings): holder and number, ready to show; empty if unset."""
    return {
        "holder": settings.STAMP_DUTY_ACCOUNT_HOLDER,
        "number": nrb_display(settings.STAMP_DUTY_ACCOUNT_NUMBER),
    }


# THE TRACKING PAGE
# ------------------------------------------------------------------------------
class FeeProofForm(PublicFormMixin):
    proof = ValidatedFileField(
        label=_("Proof of payment"),
        allowed_kinds=[PDF, JPEG, PNG],
        help_text=_("A PDF, JPEG or PNG file: the bank's transfer confirmation or a scan of the receipt."),
        error_messages={"required": _("Choose the file with the proof of payment.")},
    )


def fee_context(case, token: str, *, form: FeeProofForm | None = None) -> dict:
    """What the tracking page shows about the case's fee; empty when the case type charges nothing now."""
    declaration = fee_of(case)
    due = declaration.due_for(case) if declaration is not None else None
    if due is None:
        return {}
    accepts_proof = due.accepts_proof and not getattr(case, "closed_at", None)
    return {
        "fee": due,
        "fee_account": stamp_duty_account(),
        "fee_transfer_title": gettext("%(mark)s — %(title)s") % {"mark": case.case_mark, "title": due.title},
        "fee_proof_form": (form or FeeProofForm()) if accepts_proof else None,
        "fee_proof_url": reverse("core:case_fee_proof", kwargs={"token": token}) if accepts_proof else "",
    }


# SERVICE
# ------------------------------------------------------------------------------
def case_fee_proof_send(*, case, proof) -> PrivateDocument:
    """Keep the applicant's proof of payment in the case and tell the clerk in the case's messages.

    Preconditions, checked on the locked case before anything is written: the model declares `case_fee` and its
    fee accepts a proof now (not paid yet, case open); otherwise CaseWorkError "proof_not_expected". `proof` is a
    validated upload (`ValidatedFileField`). Effects, in one transaction: a private document (an applicant's
    attachment, no uploader) and the applicant's message saying the proof has been sent.
    """
    model = type(case)
    with transaction.atomic():
        locked = model._default_manager.select_for_update().get(pk=case.pk)
        declaration = fee_of(locked)
        due = declaration.due_for(locked) if declaration is not None else None
        if due is None or not due.accepts_proof or getattr(locked, "closed_at", None):
            raise CaseWorkError(
                gettext("The department is not waiting for a proof of payment in this case."),
                code="proof_not_expected",
            )
        document = document_attach_upload(
            case=locked, upload=proof, description=gettext("Proof of payment: %(title)s") % {"title": due.title}
        )
        case_message_add(
            case=locked,
            body=gettext("I have sent the proof of payment (%(title)s).") % {"title": due.title},
            author_kind=CaseMessage.Author.APPLICANT,
        )
    return document


# VIEW
# ------------------------------------------------------------------------------
@never_cache
def case_fee_proof(request, token):
    """The applicant sends the proof of payment from the private tracking link (the form is on the tracking page)."""
    from core.public_cases import _entry_for_token, private_response

    entry = _entry_for_token(token)
    case = entry.case
    if fee_of(case) is None:
        raise Http404
    tracking = reverse("core:case_tracking", kwargs={"token": token})
    form = None
    if request.method == "POST":
        if rate_limit_exceeded(request, "case_fee_proof"):
            return private_response(render(request, "429.html", status=429))
        # With the file kept from the send that showed the form again (core.uploads.stash).
        form = FeeProofForm(request.POST, stash.restore(request))
        if form.is_valid():
            if form.is_bot:
                return redirect(tracking)
            try:
                case_fee_proof_send(case=case, proof=form.cleaned_data["proof"])
            except CaseWorkError as error:
                messages.error(request, error.message)
                return redirect(tracking)
            stash.discard(request)
            messages.success(
                request, gettext("The proof of payment has been sent. The department will check the payment.")
            )
            return redirect(f"{tracking}#{FEE_ANCHOR}")
    context = fee_context(case, token, form=form)
    if not context:
        raise Http404
    if context["fee_proof_form"] is None and request.method != "POST":
        messages.info(request, gettext("The department is not waiting for a proof of payment in this case."))
        return redirect(tracking)
    context.update(entry=entry, case=case, tracking_url=tracking, **stash.kept_files_context(form, request))
    return private_response(render(request, "core/case_fee.html", context))
