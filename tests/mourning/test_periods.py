"""Mourning periods (DOMAIN.md §F.6): scheduled ahead, ending by themselves, never overlapping, every change kept."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from mourning.models import MourningPeriod
from mourning.services import next_change, period_covering, periods_overlapping
from tests.mourning.factories import local_midnight, make_period

pytestmark = pytest.mark.django_db


def test_a_period_is_in_force_from_its_start_until_just_before_its_end():
    period = make_period()
    start, end = period.starts_at, period.ends_at

    assert period_covering(start - timedelta(seconds=1)) is None
    assert period_covering(start) == period
    assert period_covering(end - timedelta(seconds=1)) == period
    assert period_covering(end) is None


def test_a_mourning_until_the_tenth_ends_at_midnight_and_names_the_tenth_its_last_day():
    period = make_period(starts_at=local_midnight(3), ends_at=local_midnight(6))

    assert period.ends_at_midnight
    assert period.last_day == local_midnight(5).date()


def test_the_next_change_is_the_next_start_then_the_end():
    period = make_period()

    assert next_change(period.starts_at - timedelta(hours=5)) == period.starts_at
    assert next_change(period.starts_at) == period.ends_at
    assert next_change(period.ends_at) is None


def test_an_overlapping_period_is_refused():
    first = make_period()

    with pytest.raises(ValidationError, match="nakłada się na inny okres żałoby"):
        make_period(starts_at=first.ends_at - timedelta(hours=1), kind=MourningPeriod.Kind.NATIONAL)
    with pytest.raises(ValidationError, match="nakłada się na inny okres żałoby"):
        make_period(starts_at=first.starts_at - timedelta(days=1), ends_at=first.ends_at + timedelta(days=1))
    assert MourningPeriod.objects.count() == 1


def test_a_period_may_start_the_moment_the_previous_one_ends():
    first = make_period()
    second = make_period(starts_at=first.ends_at, kind=MourningPeriod.Kind.NATIONAL)

    assert list(periods_overlapping(first.starts_at, second.ends_at)) == [first, second]
    assert period_covering(first.ends_at) == second


def test_editing_a_period_does_not_clash_with_itself():
    period = make_period()
    period.ends_at += timedelta(days=1)
    period.full_clean()


def test_a_period_ending_before_it_starts_is_refused():
    with pytest.raises(ValidationError, match="Żałoba musi się kończyć później"):
        make_period(starts_at=local_midnight(3), ends_at=local_midnight(2))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the exclusion constraint is PostgreSQL's")
def test_the_database_refuses_an_overlap_that_skips_the_form():
    first = make_period()
    with pytest.raises(IntegrityError), transaction.atomic():
        MourningPeriod.objects.create(
            kind=MourningPeriod.Kind.NATIONAL,
            reason="żałoba narodowa",
            starts_at=first.starts_at + timedelta(hours=1),
            ends_at=first.ends_at + timedelta(days=1),
            act_number="Rozporządzenie",
            act_date=first.act_date,
            act_url="https://dziennikustaw.gov.pl/",
        )


def test_every_change_of_a_period_keeps_its_history():
    period = make_period()
    period.reason = "dla uczczenia pamięci ofiar powodzi"
    period.save()

    assert [version.reason for version in period.history.order_by("history_date")] == [
        "dla uczczenia ofiar katastrofy w kopalni Halemba",
        "dla uczczenia pamięci ofiar powodzi",
    ]
