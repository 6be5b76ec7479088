"""The library's demo data loads through the services and only once, so `make run` shows every part of it."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from library.models import LibraryItem, Loan, PeriodicalIssue, Reservation, Subscription, WriteOffProtocol


@pytest.mark.django_db
def test_the_demo_library_has_every_part_and_loads_once():
    call_command("seed_library", "--allow-outside-debug", stdout=io.StringIO())
    items = LibraryItem.objects.count()
    assert items >= 15
    assert WriteOffProtocol.objects.count() == 1
    today = timezone.localdate()
    assert Loan.objects.overdue(today).exists()
    assert Loan.objects.open().filter(due_on__lte=today + timedelta(days=3), due_on__gte=today).exists()
    assert Reservation.objects.filter(status=Reservation.Status.WAITING).count() == 2
    assert Reservation.objects.filter(status=Reservation.Status.READY).exists()
    assert Subscription.objects.filter(kind=Subscription.Kind.ONLINE).exists()
    assert PeriodicalIssue.objects.filter(routing__passed_on__isnull=True).exists()
    assert sorted(LibraryItem.objects.values_list("inventory_number", flat=True)) == list(range(1, items + 1))
    call_command("seed_library", "--allow-outside-debug", stdout=io.StringIO())
    assert LibraryItem.objects.count() == items
