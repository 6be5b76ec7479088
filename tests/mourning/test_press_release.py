"""A condolence press release started from the department's template (DOMAIN.md §F.6): a draft the press office
edits and publishes through the release's own workflow."""

import pytest
from django.urls import reverse

from press.models import PressRelease
from tests.mourning.factories import make_period

PRESS_GROUP = "Biuro prasowe"
EVENTS_GROUP = "Wydarzenia i imprezy masowe"

pytestmark = pytest.mark.django_db


def start_url(period):
    return reverse("admin:mourning_mourningperiod_release", args=[period.pk])


def test_the_press_office_starts_a_draft_with_the_act_the_period_and_the_condolence_book(clerk_client):
    period = make_period(condolence_book_place="Urząd Miasta, hol główny", condolence_book_hours="8:00–16:00")
    clerk = clerk_client(groups=[PRESS_GROUP])

    assert (
        "Rozpocznij komunikat kondolencyjny"
        in clerk.get(reverse("admin:mourning_mourningperiod_change", args=[period.pk])).content.decode()
    )
    response = clerk.post(start_url(period))

    release = PressRelease.objects.get()
    assert response["Location"] == reverse("admin:press_pressrelease_change", args=[release.pk])
    assert release.status == PressRelease.Status.DRAFT
    assert release.title.startswith("Kondolencje: żałoba w mieście dla uczczenia ofiar katastrofy")
    assert "Zarządzenie nr 465/2026 Prezydenta Miasta Ruda Śląska" in release.body
    assert "Urząd Miasta, hol główny" in release.body
    assert 'href="https://bip.rudaslaska.pl/zarzadzenia/465-2026"' in release.body
    assert release.created_by == clerk.clerk


def test_a_clerk_who_may_not_write_releases_cannot_start_one(clerk_client):
    period = make_period()
    clerk = clerk_client(groups=[EVENTS_GROUP])

    assert clerk.post(start_url(period)).status_code == 403
    assert clerk.get(start_url(period)).status_code == 405
    assert not PressRelease.objects.exists()
