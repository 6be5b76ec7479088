"""Extracts (odpisy) from the register of cultural institutions: requests, the fee and the issued document.

DOMAIN.md §A.5. The extract itself is rendered by `institutions.documents`.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.case_fees import FeeDue
from core.models import CaseMessage, PrivateDocument
from core.money import format_pln
from core.private_documents import document_attach
from core.services import case_message_add
from institutions.deadlines import extract_fee_per_page
from institutions.documents import extract_pdf, pdf_page_count
from institutions.models import ExtractRequest
from institutions.models.extracts import FEE_OPEN_STATUSES, MAX_PAGES
from institutions.services.register import RegisterError


def extract_fee(pages: int, copies: int = 1):
    """Opłata skarbowa for an odpis: the rate for each full or started page of each copy [K].

    Ustawa o opłacie skarbowej, załącznik cz. II pkt 2: the fee is per page of every certified copy issued,
    so two copies of a three-page extract cost six pages' fee. The rate is `extract_fee_per_page()` (settings).
    """
    return extract_fee_per_page() * pages * max(copies, 1)


def extract_fee_breakdown(request: ExtractRequest) -> str:
    """How the fee was counted, in words: "2 strony × 1 egzemplarz × 5,00 zł"."""
    pages = ngettext("%(count)d page", "%(count)d pages", request.pages) % {"count": request.pages}
    copies = ngettext("%(count)d copy", "%(count)d copies", request.copies) % {"count": request.copies}
    return _("%(pages)s × %(copies)s × %(rate)s zł") % {
        "pages": pages,
        "copies": copies,
        "rate": format_pln(extract_fee_per_page(), unit=False),
    }


def extract_request_fee_due(request: ExtractRequest) -> FeeDue | None:
    """The stamp duty of a request as its tracking page shows it (core.case_fees); None once left unprocessed.

    DOMAIN.md §A.5: 5 zł [K] for each page of each copy. Until the clerk records the pages only the rate is known;
    a proof of payment is welcome until the fee is recorded as paid, also before the amount is known (the
    applicant may pay with the request, counting the pages themself).
    """
    if request.status == ExtractRequest.Status.REJECTED:
        return None
    return FeeDue(
        title=_("Stamp duty for an extract from the register of cultural institutions"),
        rate=_("%(rate)s zł for each started page of each copy")
        % {"rate": format_pln(extract_fee_per_page(), unit=False)},
        amount=extract_fee(request.pages, request.copies) if request.pages else None,
        pending_note=_("The department counts the pages of the extract and will show the amount here."),
        breakdown=extract_fee_breakdown(request) if request.pages else "",
        paid=request.fee_paid,
        accepts_proof=not request.fee_paid and request.status in FEE_OPEN_STATUSES,
    )


def _refuse_without_pages(request: ExtractRequest) -> None:
    if request.pages is None:
        raise RegisterError(
            _("Record the pages of the extract first: the fee is counted from them."), code="pages_unknown"
        )


def extract_request_check_request_fee(request: ExtractRequest, *, acting_user, note: str = "") -> None:
    """Guard of "Ask for the fee": the amount must be known, so the pages of the extract are recorded (§A.5)."""
    _refuse_without_pages(request)


def extract_request_check_issue(request: ExtractRequest, *, acting_user, note: str = "") -> None:
    """Guard of "issue", on the locked request before anything is written: the pages are known and the fee paid.

    Ustawa o opłacie skarbowej art. 6 ust. 1 pkt 2: the fee for a certified copy is due when it is issued, so the
    department issues the extract once the payment of the fee counted from its pages has been recorded.
    """
    _refuse_without_pages(request)
    if not request.fee_paid:
        raise RegisterError(
            _("The extract waits for the fee: record the payment as received before issuing it."), code="fee_unpaid"
        )
    # The fee is per page of the certified copy itself: the document about to be issued may not have more pages
    # than were paid for (e.g. an entry made in the book since the pages were counted). The effect issues this PDF.
    pdf = extract_request_document(request, acting_user=acting_user)
    pages = pdf_page_count(pdf)
    if pages > request.pages:
        raise RegisterError(
            ngettext(
                "The extract now has %(pages)d page, more than the %(paid)d the fee was counted for: record the "
                "pages again and ask for the rest of the fee.",
                "The extract now has %(pages)d pages, more than the %(paid)d the fee was counted for: record the "
                "pages again and ask for the rest of the fee.",
                pages,
            )
            % {"pages": pages, "paid": request.pages},
            code="pages_more_than_paid",
        )
    request._extract_pdf = pdf


def extract_request_document(request: ExtractRequest, *, acting_user) -> bytes:
    """The certified extract of `request` as it would be issued now by `acting_user` (PDF): the clerk's preview
    counts its pages, "issue" keeps it in the case."""
    return extract_pdf(
        institution=request.institution,
        kind=request.kind,
        case_mark=request.case_mark,
        addressee_lines=[request.applicant_name, *request.applicant_address.splitlines()],
        signed_by=acting_user,
    )


def extract_request_message_request_fee(request: ExtractRequest, note: str) -> str:
    """What "Ask for the fee" tells the applicant: the amount, then the clerk's note, if any.

    The kernel posts it to the tracking page, which shows the amount, the City Hall's account and the form for the
    proof of payment (core.case_fees), and announces it by e-mail with the link (`note_to_applicant`).
    """
    body = _(
        "The stamp duty for the extract is %(amount)s zł (%(breakdown)s). The account number and the form for the "
        "proof of payment are on this page."
    ) % {
        "amount": format_pln(extract_fee(request.pages, request.copies), unit=False),
        "breakdown": extract_fee_breakdown(request),
    }
    return f"{body}\n\n{note}" if note else body


def extract_request_check_fee_record(request: ExtractRequest, *, pages: int | None, fee_paid: bool) -> None:
    """Refuse (RegisterError) recording `pages` and `fee_paid` on `request` as it is now; the admin form asks too.

    The pages and the payment are recorded while the request is being handled; once the extract is issued (or the
    request left unprocessed) they are the case's record. A payment cannot be checked before its amount is known.
    """
    if (pages, fee_paid) == (request.pages, request.fee_paid):
        return
    if request.status not in FEE_OPEN_STATUSES:
        raise RegisterError(
            _("The pages and the fee can no longer be changed: the request is “%(status)s”.")
            % {"status": request.get_status_display()},
            code="fee_closed",
        )
    if pages is not None and not 1 <= pages <= MAX_PAGES:
        raise RegisterError(
            _("Enter the pages of the extract as a number from 1 to %(max)d.") % {"max": MAX_PAGES}, code="pages"
        )
    if fee_paid and pages is None:
        _refuse_without_pages(request)


def extract_request_fee_record(
    *, request: ExtractRequest, pages: int | None, fee_paid: bool, acting_user
) -> ExtractRequest:
    """Record the pages of the extract (so the fee due) and whether the fee has been paid.

    DOMAIN.md §A.5 and ustawa o opłacie skarbowej, załącznik cz. II pkt 2: the fee is the rate for each page of
    each copy, so the clerk counts the pages before asking for it; the applicant sees the amount on the tracking
    page. Preconditions, checked on the locked row before any write (`extract_request_check_fee_record`): the clerk may
    change the request; it is still being handled; a payment needs the pages. Effects: the two fields saved with a
    history row. Raises PermissionDenied or RegisterError.
    """
    if not acting_user.has_perm("institutions.change_extractrequest"):
        raise PermissionDenied(_("You may not perform this action."))
    with transaction.atomic():
        locked = ExtractRequest.objects.select_for_update().get(pk=request.pk)
        extract_request_check_fee_record(locked, pages=pages, fee_paid=fee_paid)
        locked.pages, locked.fee_paid = pages, fee_paid
        locked._change_reason = _("Pages and fee recorded.")
        locked.save(update_fields=["pages", "fee_paid", "updated_at"])
    request.pages, request.fee_paid = locked.pages, locked.fee_paid
    return locked


def on_extract_request_issue(request: ExtractRequest, *, acting_user, note: str = "") -> None:
    """Workflow effect of "issue": render the certified extract and keep it in the case as the department's letter.

    Issued within 14 days of the request (`institutions.deadlines.register_extract_due`); the guard
    (`extract_request_check_issue`) has made sure the fee for the recorded pages is paid and rendered the document
    it checked, which is the one kept. The applicant can download an electronic extract through the case's private
    link.
    """
    pdf = getattr(request, "_extract_pdf", None) or extract_request_document(request, acting_user=acting_user)
    document_attach(
        case=request,
        content=pdf,
        original_name=f"odpis-{request.institution.entry_no}-{request.case_mark}.pdf",
        mime_type="application/pdf",
        kind=PrivateDocument.Kind.LETTER,
        acting_user=acting_user,
        description=request.get_kind_display(),
    )
    request.issued_on = timezone.localdate()
    request.save(update_fields=["issued_on", "updated_at"])
    if request.delivery == ExtractRequest.Delivery.ELECTRONIC:
        # § 12: an electronic odpis is sent as an electronic document; the message e-mails the applicant the
        # case's private tracking link, where the signed extract can be downloaded (core.services.case_message_add).
        case_message_add(
            case=request,
            body=_("The extract has been issued as an electronic document. Download it from this page."),
            author_kind=CaseMessage.Author.CLERK,
            acting_user=acting_user,
        )


def extract_request_changes_apply(*, request: ExtractRequest, fields: dict) -> ExtractRequest:
    """Write the request as its applicant corrected it after the department asked for corrections.

    Called by `core.applicant_changes.case_changes_send`, which has locked the request, keeps both versions and
    hands it back to the clerk ("resubmit"). Another institution or kind of extract means another document:
    pages counted for the old one are forgotten (the fee is counted again); another amount (other document or
    number of copies) takes back a payment recorded for the old one until the clerk checks it again.
    """
    other_document = request.institution_id != fields["institution"].pk or request.kind != fields["kind"]
    other_amount = other_document or request.copies != fields["copies"]
    for name, value in fields.items():
        setattr(request, name, value)
    changed = [*fields, "updated_at"]
    if other_document and request.pages is not None:
        request.pages = None
        changed.append("pages")
    if other_amount and request.fee_paid:
        # The payment was checked against another amount: the clerk checks it again against the new one.
        request.fee_paid = False
        changed.append("fee_paid")
    try:
        request.full_clean(exclude=["register_entry"])
    except ValidationError as error:
        raise RegisterError(" ".join(error.messages), code="invalid") from error
    request._change_reason = _("Changes sent by the applicant.")
    request.save(update_fields=changed)
    return request
