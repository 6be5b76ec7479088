"""The sprostowanie as the city's letter to the editor-in-chief, rendered to PDF with WeasyPrint.

Prawo prasowe art. 31a ust. 1 and 5: in writing, signed, with the requester's name and address for correspondence,
titled "Sprostowanie"; the letter quotes the corrected fragment and gives the text to publish. Signed by the Mayor or,
on the Mayor's behalf, by an authorised person (`core.documents.department_signatory`).
"""

from django.utils import timezone

from core.documents import AUTHORITY, department_signatory, place_and_date, render_letter_pdf
from monitoring.models import PressCorrection

CORRECTION_TEMPLATE = "monitoring/documents/correction_letter.html"


def correction_signature(correction: PressCorrection) -> dict[str, str]:
    """The signature block: the Mayor in person, or the clerk the Mayor authorised (core.documents.AUTHORITY)."""
    if correction.signatory == PressCorrection.Signatory.AUTHORISED and correction.signed_by is not None:
        return department_signatory(signed_by=correction.signed_by)
    return {"signatory_name": correction.mayor_name.strip() or AUTHORITY, "signatory_title": AUTHORITY}


def correction_letter_context(correction: PressCorrection) -> dict:
    mention = correction.mention
    addressee = [f"Pan/Pani {correction.editor_in_chief}", "Redaktor Naczelny", mention.outlet.name]
    addressee += [line.strip() for line in correction.editorial_address.splitlines() if line.strip()]
    return {
        "case_mark": correction.reference,
        "place_and_date": place_and_date(correction.sent_on or timezone.localdate()),
        "addressee_lines": addressee,
        "subject": f"sprostowanie do materiału prasowego „{mention.title}”",
        "legal_basis": "art. 31a ustawy z dnia 26 stycznia 1984 r. – Prawo prasowe",
        "body_html": "-",  # the template writes the body from the fields below
        "correction": correction,
        "mention": mention,
        **correction_signature(correction),
    }


def correction_letter_pdf(correction: PressCorrection) -> bytes:
    """Render the sprostowanie's letter as an A4 PDF (always in Polish)."""
    return render_letter_pdf(template_name=CORRECTION_TEMPLATE, context=correction_letter_context(correction))


def review_pdf(review) -> bytes:
    """The press review as an A4 PDF (always in Polish): the same entries as its e-mail."""
    from django.template.loader import render_to_string
    from django.utils import translation

    from core.documents import html_to_pdf
    from monitoring.services import review_entries

    with translation.override("pl"):
        html = render_to_string(
            "monitoring/documents/press_review.html",
            {"review": review, "entries": review_entries(review), "generated_at": timezone.localtime()},
        )
    return html_to_pdf(html)
