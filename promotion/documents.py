"""The investment site's card as a PDF (WeasyPrint), in Polish or English (DOMAIN.md §I.2)."""

from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.documents import html_to_pdf
from core.site import site_url
from promotion.models import InvestmentSite


def site_card_html(*, site: InvestmentSite, language: str) -> str:
    """The card's HTML in `language` ("pl" or "en"): the same sections as the public page."""
    with translation.override(language):
        return render_to_string(
            "promotion/site_card_pdf.html",
            {
                "site": site,
                "texts": site.texts(language),
                "language": language,
                "page_url": site_url(site.get_absolute_url()),
                "generated_on": timezone.localdate(),
            },
        )


def site_card_pdf(*, site: InvestmentSite, language: str) -> bytes:
    """The card as an A4 PDF an investor keeps or forwards (the same data as the page, nothing fetched)."""
    return html_to_pdf(site_card_html(site=site, language=language))
