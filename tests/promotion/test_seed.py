"""The demo investment sites, inquiries and the festival: the public list shows the published cards, the festival its
budget, tasks and links; a second run adds nothing."""

import io
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from core.deadlines import open_deadlines
from core.models import StatusChange
from promotion.models import EventProduction, InvestmentSite, InvestorInquiry, SiteTransport, SiteUtility
from promotion.selectors import production_budget
from tests.events.factories import EventFactory
from tests.press.factories import PressReleaseFactory


def seed():
    call_command("seed_promotion", "--allow-outside-debug", stdout=io.StringIO())


def test_a_newcomer_sees_the_cards_and_a_second_run_adds_nothing(db, client):
    seed()
    counts = (
        InvestmentSite.objects.count(),
        SiteUtility.objects.count(),
        SiteTransport.objects.count(),
        InvestorInquiry.objects.count(),
        StatusChange.objects.count(),
    )
    seed()
    assert (
        InvestmentSite.objects.count(),
        SiteUtility.objects.count(),
        SiteTransport.objects.count(),
        InvestorInquiry.objects.count(),
        StatusChange.objects.count(),
    ) == counts
    assert sorted(InvestorInquiry.objects.values_list("status", flat=True)) == ["answered", "received"]
    page = client.get("/tereny-inwestycyjne/").content.decode()
    assert "Park Biznesu Szyb Walenty" in page
    assert "Orzegów" not in page  # the draft card
    assert client.get("/tereny-inwestycyjne/halemba-a4/").status_code == 200


def test_the_demo_festival_has_its_budget_tasks_partner_and_links(db, clerk):
    event = EventFactory(title="Dni Rudy Śląskiej")
    release = PressReleaseFactory(title="Dni Rudy Śląskiej: program")
    seed()
    seed()
    festival = EventProduction.objects.get()
    assert (festival.calendar_event, festival.press_release) == (event, release)
    assert festival.partners.count() == 1
    assert production_budget(festival).planned == 295000
    today = timezone.localdate()
    assert festival.tasks.filter(done_on__isnull=False).count() == 1
    overdue = [row for row in open_deadlines(section="promotion") if row.due_date < today and "Dni Rudy" in row.title]
    assert overdue  # the artists' contracts are late
    assert festival.starts_on == today + timedelta(days=35)
    page = clerk.get(f"/admin/promotion/eventproduction/{festival.pk}/change/").content.decode()
    assert "Dni Rudy Śląskiej: program" in page
