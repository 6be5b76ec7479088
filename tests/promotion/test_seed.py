"""The demo investment sites and inquiries: the public list shows the published cards, a second run adds nothing."""

import io

from django.core.management import call_command

from core.models import StatusChange
from promotion.models import InvestmentSite, InvestorInquiry, SiteTransport, SiteUtility


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
