"""Case marks (znak sprawy): format, per-year and per-class numbering, safety under concurrency."""

import threading

import pytest
from django.db import connection, connections

from core.models import CaseRegisterEntry, JrwaClass, OrganisationalUnit
from core.services import case_mark_allocate


@pytest.fixture
def unit(db):
    return OrganisationalUnit.objects.get(symbol="KSP")


@pytest.fixture
def jrwa(db):
    return JrwaClass.objects.get(symbol="5240")


def test_mark_is_unit_class_number_year(unit, jrwa):
    entry = case_mark_allocate(unit=unit, jrwa_class=jrwa, title="Zezwolenie na imprezę masową", year=2026)
    assert entry.case_mark == "KSP.5240.1.2026"
    assert case_mark_allocate(unit=unit, jrwa_class=jrwa, title="Druga", year=2026).case_mark == "KSP.5240.2.2026"


def test_numbering_restarts_each_year_and_is_separate_per_class(unit, jrwa):
    other = JrwaClass.objects.get(symbol="5220")
    case_mark_allocate(unit=unit, jrwa_class=jrwa, title="a", year=2026)
    case_mark_allocate(unit=unit, jrwa_class=jrwa, title="b", year=2026)
    assert case_mark_allocate(unit=unit, jrwa_class=jrwa, title="c", year=2027).case_mark == "KSP.5240.1.2027"
    assert case_mark_allocate(unit=unit, jrwa_class=other, title="d", year=2026).case_mark == "KSP.5220.1.2026"


def test_unit_symbol_and_classes_are_data(unit, jrwa):
    """Renaming the unit's symbol changes the marks of new cases, not of existing ones."""
    first = case_mark_allocate(unit=unit, jrwa_class=jrwa, title="a", year=2026)
    unit.symbol = "KPM"
    unit.save()
    second = case_mark_allocate(unit=unit, jrwa_class=jrwa, title="b", year=2026)
    first.refresh_from_db()
    assert (first.case_mark, second.case_mark) == ("KSP.5240.1.2026", "KPM.5240.2.2026")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are meaningful on PostgreSQL only")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_openings_never_share_or_skip_a_number():
    """16 threads × 25 openings on PostgreSQL: numbers 1..400, no duplicate, none missing."""
    unit = OrganisationalUnit.objects.get(symbol="KSP")
    jrwa = JrwaClass.objects.get(symbol="5240")
    errors = []
    barrier = threading.Barrier(16)

    def open_cases():
        try:
            barrier.wait()
            from django.db import transaction

            for _ in range(25):
                with transaction.atomic():
                    case_mark_allocate(unit=unit, jrwa_class=jrwa, title="równolegle", year=2026)
        except Exception as error:  # noqa: BLE001 — collected and asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=open_cases) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(CaseRegisterEntry.objects.filter(jrwa_class=jrwa, year=2026).values_list("number", flat=True))
    assert numbers == list(range(1, 401))
