"""The scholarship contract (umowa stypendialna) as a PDF, kept with the application's case.

Rendered through core.documents (WeasyPrint, the department's letterhead) and issued as a letter of the case, so
the scholar downloads it from the tracking page (DOMAIN.md §D.2: a civil-law contract after the Mayor's grant).
"""

from core.models import PrivateDocument
from core.slugs import polish_slugify

CONTRACT_TEMPLATE = "awards/documents/contract.html"


def contract_context(*, application) -> dict:
    """What the contract prints: the parties, the Mayor's order, the purpose, the amount and its schedule, the report.

    The city signs through the department's signatory (core.documents.department_signatory); the scholar's PESEL
    and account appear only here, in the private document, never on a page.
    """
    from core.documents import department_signatory, place_and_date

    return {
        "case_mark": application.case_mark,
        "place_and_date": place_and_date(application.contract_signed_on),
        "addressee_lines": [application.candidate_name, application.candidate_address or "—"],
        "subject": f"Umowa stypendialna nr {application.contract_number}",
        "body_html": "-",
        **department_signatory(),
        "application": application,
        "call": application.call,
        "payments": list(application.payments.order_by("position", "due_on", "pk")),
        "legal_basis": "art. 7b ust. 1–3 ustawy z dnia 25 października 1991 r. o organizowaniu i prowadzeniu "
        f"działalności kulturalnej; {application.call.resolution_label}",
    }


def contract_pdf_issue(*, application, acting_user) -> PrivateDocument:
    """Render the contract and keep it with the case as its letter (the scholar sees it on the tracking page)."""
    from core.private_documents import letter_issue

    return letter_issue(
        case=application,
        template_name=CONTRACT_TEMPLATE,
        context=contract_context(application=application),
        acting_user=acting_user,
        description=f"Umowa stypendialna nr {application.contract_number}",
        file_name=f"umowa-stypendialna-{polish_slugify(application.contract_number)}.pdf",
    )
