"""The PDFs of the duty (WeasyPrint): the investment site's card in Polish or English (DOMAIN.md §I.2), a plan's
yearly implementation report (DOMAIN.md §I.5), and an own event's co-organisation agreement and report (duty 4)."""

from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.documents import AUTHORITY, CITY, html_to_pdf, place_and_date, polish_long_date
from core.money import money
from core.site import site_url
from promotion.models import EventProduction, InvestmentSite, ProductionPartner
from promotion.selectors import plan_actions, production_budget


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


def production_agreement_html(*, partner: ProductionPartner) -> str:
    """The co-organisation agreement (porozumienie o współorganizacji) of an own event with one partner, in Polish.

    The template holds the standard clauses [K: no statute prescribes the form; the Kodeks cywilny governs it]; the
    record fills the parties, the event, each side's obligations (one a line) and contributions.
    """
    production = partner.production
    with translation.override("pl"):
        return render_to_string(
            "promotion/production_agreement_pdf.html",
            {
                "production": production,
                "partner": partner,
                "partner_obligations": partner.lines(partner.partner_obligations),
                "city_obligations": partner.lines(partner.city_obligations),
                "authority": AUTHORITY,
                "city": CITY,
                "place_and_date": place_and_date(partner.agreement_signed_on or timezone.localdate()),
            },
        )


def production_agreement_pdf(*, partner: ProductionPartner) -> bytes:
    """The co-organisation agreement as an A4 PDF, ready to print in two copies and sign."""
    return html_to_pdf(production_agreement_html(partner=partner))


def production_report_html(*, production: EventProduction) -> str:
    """The report after an own event: attendance, the budget line by line (planned, spent, difference) and in sum,
    the tasks done and still open, the partners."""
    lines = list(production.budget_lines.all())
    tasks = list(production.tasks.all())
    with translation.override("pl"):
        return render_to_string(
            "promotion/production_report_pdf.html",
            {
                "production": production,
                "lines": [{"line": line, "difference": money(line.planned - line.spent)} for line in lines],
                "budget": production_budget(production),
                "tasks_done": sum(1 for task in tasks if task.done_on),
                "tasks_open": [task for task in tasks if not task.done_on],
                "partners": list(production.partners.all()),
                "generated_on": polish_long_date(production.reported_on or timezone.localdate()),
            },
        )


def production_report_pdf(*, production: EventProduction) -> bytes:
    """The report after an own event as an A4 PDF, in Polish (kept with the event's file, shown to the head)."""
    return html_to_pdf(production_report_html(production=production))
