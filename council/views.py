"""Public pages of the Economic Council: the composition and the sittings, a sitting's page, the opinions, the PDFs.

Views are thin: `council.selectors` reads, `council.documents` renders the PDFs. The members' contacts show nowhere.
"""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from council import documents, selectors

PER_PAGE = 20


def index_breadcrumb():
    return [(gettext("Economic Council"), reverse("council:council_index"))]


@require_safe
def council_index(request):
    """ "Rada Gospodarcza": what it is, its composition in the current term, and its sittings (paginated)."""
    term = selectors.term_current()
    page_obj = Paginator(selectors.sittings_public(), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "council/council_index.html",
        {"term": term, "members": selectors.composition(term), "page_obj": page_obj, "query": ""},
    )


@require_safe
def opinion_list(request):
    """The council's published opinions, latest first (paginated)."""
    page_obj = Paginator(selectors.opinions_published(), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "council/opinion_list.html", {"page_obj": page_obj, "query": "", "breadcrumbs": index_breadcrumb()}
    )


@require_safe
def sitting_detail(request, pk):
    """A sitting: date, place, agenda, the invitation, the published opinions with their votes, approved minutes."""
    sitting = selectors.sitting_get_public_or_404(pk)
    return render(request, "council/sitting_detail.html", {"sitting": sitting, "breadcrumbs": index_breadcrumb()})


@require_safe
def sitting_invitation_pdf(request, pk):
    """The invitation to a sitting (the one e-mailed to the members), as a PDF."""
    sitting = selectors.sitting_get_public_or_404(pk)
    return documents.pdf_response(documents.invitation_pdf(sitting), f"zaproszenie-posiedzenie-{sitting.number}.pdf")


@require_safe
def sitting_minutes_pdf(request, pk):
    """The minutes of a sitting as a PDF, once approved at a later sitting."""
    sitting = selectors.sitting_get_public_or_404(pk)
    if not sitting.minutes_approved_at_id:
        raise Http404
    return documents.pdf_response(documents.minutes_pdf(sitting), f"protokol-posiedzenie-{sitting.number}.pdf")
