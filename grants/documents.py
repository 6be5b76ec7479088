"""The PDFs of grants: the offer (annex 1 to Dz.U. 2018 poz. 2057) and the agreement (annex 3).

Rendered through core.documents; each is kept privately with the offer's case.
"""

from django.utils import timezone

from core.models import PrivateDocument
from core.private_documents import document_attach
from core.slugs import polish_slugify
from grants import rules
from grants.models import GrantAgreement, GrantOffer, GrantReport

AGREEMENT_TEMPLATE = "grants/documents/agreement.html"


def offer_pdf(*, offer: GrantOffer) -> bytes:
    """The offer as a PDF following the sections of the statutory form (annex 1 to Dz.U. 2018 poz. 2057).

    A small grant (u.d.p.p. art. 19a) follows the simplified offer instead (annex 1 to Dz.U. 2018 poz. 2055).
    """
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
    small_grant = offer.kind == GrantOffer.Kind.SMALL_GRANT
    if small_grant:
        context["subject"] = "Uproszczona oferta realizacji zadania publicznego"
    template = "grants/documents/small_grant_offer.html" if small_grant else "grants/documents/offer.html"
    return render_letter_pdf(template_name=template, context=context)


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


def agreement_context(*, agreement: GrantAgreement) -> dict:
    """What the agreement's template prints: the parties, the task, the money and every date of the agreement.

    The use deadline is the one of § 2; the unused part's return deadline is counted from it (u.f.p. art. 251 ust. 3,
    or ust. 1 for a use deadline of 31 December), the same date wherever the agreement speaks of it.
    """
    from core.documents import AUTHORITY, place_and_date

    offer = agreement.offer
    entrusted = bool(offer.call and offer.call.mode == "entrust")
    return {
        "case_mark": offer.case_mark,
        "place_and_date": place_and_date(agreement.signed_on),
        "addressee_lines": [offer.organisation_name, offer.address],
        "subject": f"Umowa nr {agreement.number} o {'powierzenie' if entrusted else 'wsparcie'} realizacji "
        "zadania publicznego",
        "body_html": "-",
        "signatory_name": AUTHORITY,
        "signatory_title": "za Zleceniodawcę",
        "agreement": agreement,
        "offer": offer,
        "entrusted": entrusted,
        "tranches": list(agreement.tranches.all()),
        "funding": offer.funding,
        "own_share": rules.own_contribution_share(offer.funding),
        "cost_shift_percent": rules.COST_LINE_SHIFT_MAX_PERCENT,
        "documentation_years": rules.DOCUMENTATION_KEEP_YEARS,
        "report_call_days": rules.MISSING_REPORT_CALL_DAYS,
        "partial_report_days": rules.PARTIAL_REPORT_MIN_DAYS,
        "report_due": rules.final_report_due(agreement.implementation_to),
        "used_until_year_end": rules.subsidy_used_until_year_end(agreement.use_deadline),
        "unused_return_days": rules.UNUSED_SUBSIDY_RETURN_DAYS,
        "unused_return_due": rules.unused_subsidy_return_due(agreement.use_deadline),
    }


def agreement_pdf(*, agreement: GrantAgreement) -> bytes:
    """The agreement as a PDF (framework agreement, annex 3 to Dz.U. 2018 poz. 2057)."""
    from core.documents import render_letter_pdf

    return render_letter_pdf(template_name=AGREEMENT_TEMPLATE, context=agreement_context(agreement=agreement))


def agreement_pdf_issue(*, agreement: GrantAgreement, acting_user) -> PrivateDocument:
    """Render the agreement from its template (framework agreement, annex 3) and keep it with the offer's case."""
    from core.private_documents import letter_issue

    return letter_issue(
        case=agreement.offer,
        template_name=AGREEMENT_TEMPLATE,
        context=agreement_context(agreement=agreement),
        acting_user=acting_user,
        description=f"Umowa {agreement.number}",
        file_name=f"umowa-{polish_slugify(agreement.number)}.pdf",
    )


def report_pdf(*, report: GrantReport) -> bytes:
    """The report as a PDF on the statutory form: annex 5 to Dz.U. 2018 poz. 2057, or annex 2 to poz. 2055."""
    from core.documents import AUTHORITY, place_and_date, render_letter_pdf

    agreement = report.agreement
    offer = agreement.offer
    costs = list(report.costs.all())
    funding = report.funding
    context = {
        "case_mark": offer.case_mark,
        "place_and_date": place_and_date(
            timezone.localdate(report.filed_at) if report.filed_at else agreement.signed_on
        ),
        "addressee_lines": [AUTHORITY],
        "subject": "Sprawozdanie z wykonania zadania publicznego",
        "body_html": "-",
        "signatory_name": offer.contact_name or offer.organisation_name,
        "signatory_title": offer.organisation_name,
        "report": report,
        "agreement": agreement,
        "offer": offer,
        "action_costs": [line for line in costs if line.category == "action"],
        "admin_costs": [line for line in costs if line.category == "admin"],
        "total_costs": sum((line.total for line in costs), rules.ZERO),
        "funding": funding,
        "subsidy_share": rules.percent(funding.subsidy, funding.total),
        "own_share": rules.own_contribution_share(funding),
    }
    return render_letter_pdf(template_name="grants/documents/report.html", context=context)


def report_pdf_attach(*, report: GrantReport) -> PrivateDocument:
    """Keep the filed report's PDF with the offer's case: the clerk reads it, the organisation downloads it.

    Each filing (a corrected one too) gets its own PDF, dated the day it was filed; earlier ones stay in the case.
    """
    offer = report.agreement.offer
    filed = timezone.localtime(report.filed_at or timezone.now())
    kind = "częściowe" if report.kind == "partial" else "końcowe"
    return document_attach(
        case=offer,
        content=report_pdf(report=report),
        original_name=f"sprawozdanie-{polish_slugify(kind)}-{polish_slugify(offer.case_mark)}-{filed:%Y-%m-%d-%H%M}.pdf",
        mime_type="application/pdf",
        kind=PrivateDocument.Kind.ATTACHMENT,
        acting_user=None,
        description=f"Sprawozdanie {kind} z {filed:%d.%m.%Y}",
    )
