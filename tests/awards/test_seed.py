"""The demo scholarships and awards: two open calls, applications in each state, a deadline in the Terminarz."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from awards.models import AwardApplication, AwardCall
from core.deadlines import open_deadlines

pytestmark = pytest.mark.django_db


def test_demo_calls_and_applications_load_once_and_show(client):
    call_command("seed_awards", "--allow-outside-debug", stdout=io.StringIO())
    call_command("seed_awards", "--allow-outside-debug", stdout=io.StringIO())
    assert AwardCall.objects.count() == 2
    statuses = set(AwardApplication.objects.values_list("status", flat=True))
    assert statuses == {"submitted", "incomplete", "formal_ok", "granted", "refused"}
    page = client.get(reverse("awards:call_list")).content.decode()
    for call in AwardCall.objects.all():
        assert call.title in page
    incomplete = AwardApplication.objects.get(status="incomplete")
    assert incomplete.case_mark in [deadline.case_mark for deadline in open_deadlines("grants")]
