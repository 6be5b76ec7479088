"""Inventory numbers: consecutive, never given twice, not even after a write-off or an import of an old book."""

import threading
from datetime import date

import pytest
from django.db import IntegrityError, connection, connections, transaction

from library import services
from library.models import InventoryCounter, LibraryItem, WriteOffProtocol
from tests.library.factories import make_item


@pytest.mark.django_db
def test_items_get_consecutive_numbers_from_one():
    assert [make_item().inventory_number for _ in range(3)] == [1, 2, 3]


@pytest.mark.django_db
def test_a_written_off_number_is_not_given_again():
    """The last item written off keeps its number in the book; the next item gets the one after it."""
    first, last = make_item(), make_item()
    services.write_off_record(
        protocol=WriteOffProtocol(number="1/2026", drawn_up_on=date(2026, 3, 2), reason="lost"),
        items=[last],
        acting_user=None,
    )
    last.refresh_from_db()
    assert last.write_off.number == "1/2026"
    assert LibraryItem.objects.filter(pk=last.pk).exists()
    assert make_item().inventory_number == 3
    assert first.inventory_number == 1


@pytest.mark.django_db
def test_the_database_refuses_a_second_item_under_a_number():
    item = make_item()
    with pytest.raises(IntegrityError), transaction.atomic():
        LibraryItem.objects.create(inventory_number=item.inventory_number, title="Drugi", acquired_on=date(2026, 1, 1))


@pytest.mark.django_db
def test_the_number_is_not_editable_in_the_admin_form():
    assert LibraryItem._meta.get_field("inventory_number").editable is False


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are meaningful on PostgreSQL only")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_additions_never_share_or_skip_a_number():
    """8 threads × 20 additions on PostgreSQL, with write-offs between them: numbers 1..160, each once."""
    errors = []
    barrier = threading.Barrier(8)

    def add_items(thread_no):
        try:
            barrier.wait()
            for n in range(20):
                item = services.item_add(
                    acting_user=None, title=f"Równolegle {thread_no}-{n}", acquired_on=date(2026, 3, 2)
                )
                if n % 5 == 0:
                    services.write_off_record(
                        protocol=WriteOffProtocol(
                            number=f"{thread_no}-{n}", drawn_up_on=date(2026, 3, 2), reason="lost"
                        ),
                        items=[item],
                        acting_user=None,
                    )
        except Exception as error:  # noqa: BLE001 — collected and asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=add_items, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(LibraryItem.objects.values_list("inventory_number", flat=True))
    assert numbers == list(range(1, 161))
    assert InventoryCounter.objects.get().last_number == 160
