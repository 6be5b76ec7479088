"""Factories of the City Hall library, built the way the librarian does: items through `item_add` (so each gets the
next inventory number), loans and reservations through the loan services. `bulk_items(n)` is the fast path for
volume tests (numbers given in one run, as an import of an old book would)."""

import itertools
from datetime import date
from zoneinfo import ZoneInfo

import time_machine
from django.contrib.auth import get_user_model

from library import services
from library.models import InventoryCounter, LibraryItem, Loan

LIBRARY_GROUP = "Biblioteka urzędu"
OTHER_GROUP = "Biuro prasowe"
WARSAW = ZoneInfo("Europe/Warsaw")
#: A valid ISBN-13 (check digit 6) and its ISBN-10 form, invented for the tests.
ISBN = "9788326445316"
ISBN_10 = "83-264-4531-2"
_serial = itertools.count(1)


def on_day(day: date, hour: int = 10):
    """Freeze the clock at `hour` o'clock (Warsaw) of `day`."""
    from datetime import datetime

    return time_machine.travel(datetime(day.year, day.month, day.day, hour, tzinfo=WARSAW), tick=False)


def make_employee(**fields):
    """An active City Hall employee's account with an e-mail address (no role group)."""
    n = next(_serial)
    fields.setdefault("username", f"pracownik{n}")
    fields.setdefault("email", f"pracownik{n}@rudaslaska.example.pl")
    fields.setdefault("first_name", "Jan")
    fields.setdefault("last_name", f"Pracownik{n}")
    fields.setdefault("is_staff", True)
    return get_user_model().objects.create_user(**fields)


def make_item(*, acting_user=None, **fields) -> LibraryItem:
    """An item entered through `item_add` (the next inventory number), a book by default."""
    n = next(_serial)
    fields.setdefault("title", f"Komentarz do ustawy {n}")
    fields.setdefault("authors", "Kowalska Anna")
    fields.setdefault("acquired_on", date(2026, 1, 5))
    return services.item_add(acting_user=acting_user, **fields)


def make_loan(*, item=None, borrower=None, today: date = date(2026, 3, 2), acting_user=None) -> Loan:
    return services.loan_lend(
        item=item or make_item(), borrower=borrower or make_employee(), acting_user=acting_user, today=today
    )


def bulk_items(count: int, *, title: str = "Pozycja") -> list[LibraryItem]:
    """`count` books in one query, numbered after the counter, for volume tests."""
    counter, _created = InventoryCounter.objects.get_or_create(pk=1)
    start = counter.last_number
    items = LibraryItem.objects.bulk_create(
        LibraryItem(
            inventory_number=start + n,
            title=f"{title} {start + n}",
            authors="Nowak Jan",
            subjects="samorząd",
            acquired_on=date(2026, 1, 5),
        )
        for n in range(1, count + 1)
    )
    counter.last_number = start + count
    counter.save(update_fields=["last_number"])
    return items
