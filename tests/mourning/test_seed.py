"""The demo mourning: a period that has ended, so `make run` shows no ribbon; a second run adds nothing."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from mourning.models import MourningPeriod
from mourning.services import period_covering


@pytest.mark.django_db
def test_the_demo_period_has_ended_and_is_seeded_once():
    call_command("seed_mourning", "--allow-outside-debug", stdout=io.StringIO())
    call_command("seed_mourning", "--allow-outside-debug", stdout=io.StringIO())

    period = MourningPeriod.objects.get()
    assert period.ends_at < timezone.now()
    assert period.has_condolence_book
    assert period_covering(timezone.now()) is None
