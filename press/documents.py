"""The reception list of a press conference (lista akredytowanych) as a PDF for the reception desk.

Rendered with WeasyPrint through core.documents.html_to_pdf: nothing is fetched from the
network. Only accepted accreditations are listed.
"""

from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.documents import html_to_pdf, polish_long_date
from press.models import Accreditation, PressConference


def reception_rows(conference: PressConference) -> list[tuple[str, ...]]:
    """(name, outlet, role, press card, crew, equipment) of every accepted journalist, by outlet and name."""
    accepted = conference.accreditations.filter(status=Accreditation.Status.ACCEPTED).order_by(
        "outlet_name", "full_name"
    )
    return [
        (a.full_name, a.outlet_name, a.role, a.press_card_number, " / ".join(a.crew.split("\n")).strip(), a.equipment)
        for a in accepted
    ]


def reception_list_pdf(conference: PressConference) -> bytes:
    """Render the reception list of `conference` as an A4 PDF (always in Polish)."""
    with translation.override("pl"):
        html = render_to_string(
            "press/reception_list.html",
            {
                "conference": conference,
                "rows": reception_rows(conference),
                "date": polish_long_date(timezone.localtime(conference.starts_at)),
                "generated_at": timezone.localtime(),
            },
        )
    return html_to_pdf(html)
