"""The culture development programme and the promotion plan (DOMAIN.md §I.5): the public summary with each indicator
as a chart and a table of the same figures, the adopting act, the yearly implementation report as a PDF, drafts never
public, and the clerk recording a year's value in the admin."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from promotion.charts import indicator_chart
from promotion.documents import plan_report_html
from promotion.models import ActionYear, PlanAction, PlanGoal, PlanObjective, StrategicPlan
from promotion.selectors import published_plan_or_none
from tests.promotion.conftest import PROMOTION_GROUP

pytestmark = pytest.mark.django_db
THIS_YEAR = timezone.localdate().year


def make_plan(*, slug="program-kultury", published=True, actions=1) -> StrategicPlan:
    plan = StrategicPlan.objects.create(
        kind="culture",
        title="Program rozwoju kultury",
        slug=slug,
        first_year=THIS_YEAR - 1,
        last_year=THIS_YEAR + 2,
        adopting_act="resolution",
        act_number="uchwała nr PR.0007.214.2024",
        adopted_on=date(THIS_YEAR - 2, 11, 28),
        is_published=published,
    )
    goal = PlanGoal.objects.create(plan=plan, number=1, title="Kultura w każdej dzielnicy")
    objective = PlanObjective.objects.create(goal=goal, number=1, title="Oferta domów kultury")
    for number in range(1, actions + 1):
        action = PlanAction.objects.create(
            objective=objective,
            number=number,
            title=f"Zajęcia stałe {number}",
            responsible_unit="Miejskie Centrum Kultury",
            budget=Decimal("1200000.00"),
            indicator=f"uczestnicy zajęć {number}",
            unit="osób",
            baseline=Decimal("2400"),
            baseline_year=THIS_YEAR - 2,
        )
        ActionYear.objects.create(
            action=action, year=THIS_YEAR - 1, target=Decimal("2600"), value=Decimal("2710"), spent=Decimal("300000")
        )
        ActionYear.objects.create(action=action, year=THIS_YEAR, target=Decimal("2800"))
    return plan


def test_the_summary_shows_the_act_the_tree_and_each_indicator_as_chart_and_table(client):
    make_plan()
    response = client.get("/plany/program-kultury/")
    assert response.status_code == 200
    page = response.content.decode()
    for text in (
        "uchwała nr PR.0007.214.2024",
        "Cel 1",
        "1.1. Oferta domów kultury",
        "1.1.1. Zajęcia stałe 1",
        "Miejskie Centrum Kultury",
        "1\u00a0200\u00a0000,00\u00a0zł",
        "2\u00a0710",  # the value reached, in the chart's label
        "nie zmierzono jeszcze",  # this year's value, in the table
    ):
        assert text in page, text
    [svg] = re.findall(r'<svg class="plan-chart__svg".*?</svg>', page, re.S)
    assert svg.count("<rect") == 4  # last year's target and value, this year's target, and the pattern's tile
    assert 'role="img"' in svg
    assert "style=" not in page  # no inline style: the CSP needs no 'unsafe-inline'


def test_the_chart_is_proportional_and_labelled():
    chart = indicator_chart(
        baseline=Decimal("100"), rows=[(2025, Decimal("200"), Decimal("100")), (2026, Decimal("200"), None)]
    )
    target, value, next_target = chart.bars
    assert (target.kind, value.kind, next_target.kind) == ("target", "value", "target")
    assert target.height == 2 * value.height
    assert chart.baseline_y == value.y
    assert [bar.label for bar in chart.bars] == ["200", "100", "200"]
    assert [year.text for year in chart.years] == ["2025", "2026"]


def test_a_draft_plan_is_not_public(client):
    make_plan(slug="szkic", published=False)
    assert client.get("/plany/szkic/").status_code == 404
    assert "/plany/szkic/" not in client.get("/plany/").content.decode()


def test_the_yearly_report_is_a_pdf_for_a_year_begun_only(client):
    make_plan()
    response = client.get(f"/plany/program-kultury/sprawozdanie/{THIS_YEAR - 1}.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    assert (
        response["Content-Disposition"] == f'attachment; filename="sprawozdanie-program-kultury-{THIS_YEAR - 1}.pdf"'
    )
    assert client.get(f"/plany/program-kultury/sprawozdanie/{THIS_YEAR + 1}.pdf").status_code == 404
    html = plan_report_html(plan=published_plan_or_none("program-kultury"), year=THIS_YEAR - 1)
    assert "104%" in html  # 2710 of 2600
    assert "300\u00a0000,00\u00a0zł" in html


def test_the_summary_reads_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    make_plan(actions=1)
    # the shell (with the mourning notice), the plan, its goals, objectives, actions and their yearly values, and the
    # metryczka's six reads of the plan's versions and one of its number of views (core.public_information)
    with django_assert_max_num_queries(15) as few:
        client.get("/plany/program-kultury/")
    StrategicPlan.objects.all().delete()
    make_plan(actions=12)
    with django_assert_max_num_queries(len(few)):
        client.get("/plany/program-kultury/")


def test_a_clerk_records_a_years_value_and_the_summary_shows_it(clerk_client, client):
    plan = make_plan()
    action = PlanAction.objects.get(objective__goal__plan=plan)
    clerk = clerk_client(groups=[PROMOTION_GROUP])
    url = reverse("admin:promotion_planaction_change", args=[action.pk])
    form = clerk.get(url)
    assert form.status_code == 200
    this_year = action.years.get(year=THIS_YEAR)
    last_year = action.years.get(year=THIS_YEAR - 1)
    data = {
        "objective": action.objective_id,
        "number": "1",
        "title": action.title,
        "responsible_unit": action.responsible_unit,
        "budget": "1200000.00",
        "indicator": action.indicator,
        "unit": action.unit,
        "baseline": "2400",
        "baseline_year": str(action.baseline_year),
        "years-TOTAL_FORMS": "2",
        "years-INITIAL_FORMS": "2",
        "years-MIN_NUM_FORMS": "0",
        "years-MAX_NUM_FORMS": "1000",
        "years-0-id": str(last_year.pk),
        "years-0-action": str(action.pk),
        "years-0-year": str(THIS_YEAR - 1),
        "years-0-target": "2600",
        "years-0-value": "2710",
        "years-0-spent": "300000",
        "years-1-id": str(this_year.pk),
        "years-1-action": str(action.pk),
        "years-1-year": str(THIS_YEAR),
        "years-1-target": "2800",
        "years-1-value": "2935",
        "years-1-spent": "",
    }
    response = clerk.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    this_year.refresh_from_db()
    assert this_year.value == Decimal("2935")
    assert "2\u00a0935" in client.get("/plany/program-kultury/").content.decode()
