"""The invitation to a sitting and the minutes of a sitting as A4 PDFs (DOMAIN.md §I.1: the department prepares them).

Rendered with WeasyPrint through core.documents (nothing fetched from the network), always in Polish.
"""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.documents import CITY, html_to_pdf, place_and_date, polish_long_date
from council.models import CouncilMember, CouncilSitting


def invitation_html(sitting: CouncilSitting) -> str:
    chair = (
        CouncilMember.objects.filter(term_id=sitting.term_id, role="chair")
        .serving(timezone.localdate(sitting.starts_at))
        .first()
    )
    with translation.override("pl"):
        return render_to_string(
            "council/documents/invitation.html",
            {
                "sitting": sitting,
                "chair": chair,
                "place_and_date": place_and_date(timezone.localdate(sitting.invitations_sent_at or timezone.now())),
                "sitting_date": polish_long_date(sitting.starts_at),
                "city": CITY,
            },
        )


def invitation_pdf(sitting: CouncilSitting) -> bytes:
    """The invitation to `sitting`: date, hour, place and agenda, from the chair of the council."""
    return html_to_pdf(invitation_html(sitting))


def minutes_html(sitting: CouncilSitting) -> str:
    with translation.override("pl"):
        return render_to_string(
            "council/documents/minutes.html",
            {
                "sitting": sitting,
                "sitting_date": polish_long_date(sitting.starts_at),
                "attendees": sitting.attendees.order_by("full_name"),
                "opinions": sitting.opinions.order_by("pk"),
                "approved_at": sitting.minutes_approved_at,
                "approved_date": (
                    polish_long_date(sitting.minutes_approved_at.starts_at) if sitting.minutes_approved_at else ""
                ),
            },
        )


def minutes_pdf(sitting: CouncilSitting) -> bytes:
    """The minutes of `sitting`: attendance, agenda, the course of the sitting and each vote."""
    return html_to_pdf(minutes_html(sitting))


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    """A generated PDF shown in the browser: no script runs in it, no type sniffing."""
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response
