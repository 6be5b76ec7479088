"""An own event's production in Chromium: the promotion clerk records the festival, finds the checklist's tasks on its
page, adds a task of their own and a budget line, sees the budget's sums, and meets the new task in the Terminarz."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from promotion.models import ChecklistItem, EventProduction, ProductionKind
from tests.e2e.journeys import clerk_signs_in

PROMOTION_GROUP = "Promocja i gospodarka"


def test_the_clerk_records_an_own_event_and_adds_its_tasks_and_budget(site_url, new_page):
    kind = ProductionKind.objects.create(name="Festiwal plenerowy")
    ChecklistItem.objects.create(kind=kind, title="Umowy z artystami", days_before=60)
    starts_on = timezone.localdate() + timedelta(days=90)
    clerk = clerk_signs_in(new_page, site_url, groups=[PROMOTION_GROUP])
    page = clerk.page

    page.goto(site_url + reverse("admin:promotion_eventproduction_add"))
    page.locator("#id_title").fill("Dni Rudy Śląskiej")
    page.locator("#id_kind").select_option(label="Festiwal plenerowy")
    page.locator("#id_starts_on").fill(starts_on.isoformat())
    page.locator("#id_ends_on").fill((starts_on + timedelta(days=1)).isoformat())
    page.locator("#id_place").fill("Park Strzelnica")
    page.locator("#id_coordinator").select_option(label="Ewa Urzędnicza")
    page.locator('input[name="_save"]').click()

    production = EventProduction.objects.get(title="Dni Rudy Śląskiej")
    page.wait_for_url(site_url + reverse("admin:promotion_eventproduction_change", args=[production.pk]))
    assert page.locator("#id_tasks-0-title").input_value() == "Umowy z artystami"

    page.locator("#tasks-group .add-row a").click()
    page.locator("#id_tasks-1-title").fill("Zamówić scenę")
    page.locator("#id_tasks-1-due_on").fill((timezone.localdate() + timedelta(days=2)).isoformat())
    page.locator("#id_tasks-1-owner").select_option(label="Ewa Urzędnicza")
    page.locator("#budget_lines-group .add-row a").click()
    page.locator("#id_budget_lines-0-title").fill("Scena i nagłośnienie")
    page.locator("#id_budget_lines-0-planned").fill("48000")
    page.locator("#id_budget_lines-0-spent").fill("12500.50")
    page.locator('input[name="_continue"]').click()
    page.locator(".messagelist .success").wait_for()

    summary = page.locator(".production-budget").inner_text().replace("\xa0", " ")
    assert "48 000,00 zł" in summary
    assert "12 500,50 zł" in summary
    assert "35 499,50 zł" in summary
    assert list(production.tasks.order_by("due_on").values_list("title", flat=True)) == [
        "Zamówić scenę",
        "Umowy z artystami",
    ]

    page.goto(site_url + "/admin/terminarz/?scope=mine")
    page.get_by_text("Zamówić scenę — Dni Rudy Śląskiej").wait_for()
    assert page.get_by_text("Umowy z artystami — Dni Rudy Śląskiej").count() == 1
