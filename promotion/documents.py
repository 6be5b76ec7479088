"""The PDFs of the duty (WeasyPrint): the investment site's card in Polish or English (DOMAIN.md §I.2) and a plan's
yearly implementation report (DOMAIN.md §I.5)."""

from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.documents import html_to_pdf, polish_long_date
from core.money import money
from core.site import site_url
from promotion.models import InvestmentSite
from promotion.selectors import plan_actions


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


def plan_report_html(*, plan, year: int) -> str:
    """The yearly implementation report's HTML: per action its target, value reached, share and money spent."""
    rows = []
    for goal, objective, action in plan_actions(plan):
        record = next((row for row in action.years.all() if row.year == year), None)
        share = None
        if record and record.value is not None and record.target:
            share = (record.value / record.target * 100).quantize(Decimal("1"))
        rows.append({"goal": goal, "objective": objective, "action": action, "record": record, "share": share})
    spent = [row["record"].spent for row in rows if row["record"] and row["record"].spent is not None]
    with translation.override("pl"):
        return render_to_string(
            "promotion/plan_report_pdf.html",
            {
                "plan": plan,
                "year": year,
                "rows": rows,
                "spent_total": money(sum(spent, Decimal("0"))) if spent else None,
                "generated_on": polish_long_date(timezone.localdate()),
            },
        )


def plan_report_pdf(*, plan, year: int) -> bytes:
    """The yearly implementation report of a plan as an A4 PDF, in Polish (an official report of the department)."""
    return html_to_pdf(plan_report_html(plan=plan, year=year))
