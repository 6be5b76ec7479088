"""The PDFs of grants: the offer (annex 1 to Dz.U. 2018 poz. 2057) and the agreement (annex 3).

Rendered through core.documents; each is kept privately with the offer's case.
"""

from django.utils import timezone

from core.models import PrivateDocument
from core.private_documents import document_attach
from core.slugs import polish_slugify
from grants import rules
from grants.models import GrantAgreement, GrantOffer


def offer_pdf(*, offer: GrantOffer) -> bytes:
    """The offer as a PDF following the sections of the statutory form (annex 1 to Dz.U. 2018 poz. 2057)."""
    from core.documents import AUTHORITY, place_and_date, render_letter_pdf

    context = {
        "case_mark": offer.case_mark,
        "place_and_date": place_and_date(timezone.localdate(offer.created_at)),
        "addressee_lines": [AUTHORITY],
        "subject": "Oferta realizacji zadania publicznego",
        "body_html": "-",
        "signatory_name": offer.contact_name or offer.organisation_name,
        "signatory_title": offer.organisation_name,
        "offer": offer,
        "actions": list(offer.actions.all()),
        "results": list(offer.results.all()),
        "costs": list(offer.costs.all()),
        "action_costs": [c for c in offer.costs.all() if c.category == "action"],
        "admin_costs": [c for c in offer.costs.all() if c.category == "admin"],
        "own_share": rules.own_contribution_share(offer.funding),
        "funding": offer.funding,
    }
    return render_letter_pdf(template_name="grants/documents/offer.html", context=context)


def offer_pdf_attach(*, offer: GrantOffer, completed: bool = False) -> PrivateDocument:
    """Keep the offer's PDF with its case as the offeror's own attachment (they download it from the tracking page).

    A completed offer gets a new PDF dated the day of completion; the one submitted first stays in the case.
    """
    name, description = f"oferta-{offer.case_mark}.pdf", "Oferta realizacji zadania publicznego"
    if completed:
        today = timezone.localdate()
        name = f"oferta-{offer.case_mark}-uzupelniona-{today:%Y-%m-%d}.pdf"
        description = f"Oferta realizacji zadania publicznego — uzupełniona {today:%d.%m.%Y}"
    return document_attach(
        case=offer,
        content=offer_pdf(offer=offer),
        original_name=name,
        mime_type="application/pdf",
        kind=PrivateDocument.Kind.ATTACHMENT,
        acting_user=None,
        description=description,
    )


def agreement_pdf_issue(*, agreement: GrantAgreement, acting_user) -> PrivateDocument:
    """Render the agreement from its template (framework agreement, annex 3) and keep it with the offer's case."""
    from core.documents import AUTHORITY, place_and_date
    from core.private_documents import letter_issue

    offer = agreement.offer
    context = {
        "case_mark": offer.case_mark,
        "place_and_date": place_and_date(agreement.signed_on),
        "addressee_lines": [offer.organisation_name, offer.address],
        "subject": f"Umowa nr {agreement.number} o wsparcie realizacji zadania publicznego",
        "body_html": "-",
        "signatory_name": AUTHORITY,
        "signatory_title": "za Zleceniodawcę",
        "agreement": agreement,
        "offer": offer,
        "tranches": list(agreement.tranches.all()),
        "report_due": rules.final_report_due(agreement.implementation_to),
        "unused_return_due": rules.unused_subsidy_return_due(agreement.implementation_to),
    }
    return letter_issue(
        case=offer,
        template_name="grants/documents/agreement.html",
        context=context,
        acting_user=acting_user,
        description=f"Umowa {agreement.number}",
        file_name=f"umowa-{polish_slugify(agreement.number)}.pdf",
    )
