"""The rows the register puts in the clerks' Terminarz, as a clerk reads them: the date, what is due, the case and the
rule. The odpis: sent or handed over within 14 days of the request (rozporządzenie MKiDN z 26.01.2012, § 12);
inspections' recommendations and targeted subsidies (u.f.p. art. 251) until they are carried out or settled.
"""

import datetime
from decimal import Decimal

import pytest

from core.deadlines import open_deadlines
from institutions.deadlines import register_extract_due
from institutions.models import ExtractRequest, Inspection, InstitutionSubsidy
from tests.institutions import factories

D = datetime.date
Status = ExtractRequest.Status


def row_of(case_mark):
    rows = [row for row in open_deadlines(section="institutions") if row.case_mark == case_mark]
    return rows[0] if rows else None


@pytest.mark.parametrize(
    ("kind", "status", "delivery", "title"),
    [
        ("full", Status.RECEIVED, "post_registered", "Odpis pełny: {name}"),
        ("abridged", Status.RECEIVED, "post_registered", "Odpis skrócony: {name}"),
        ("full", Status.AWAITING_FEE, "in_person", "Odpis pełny: {name}"),
        ("full", Status.CHANGES_REQUESTED, "electronic", "Odpis pełny (czeka na poprawki wnioskodawcy): {name}"),
        ("full", Status.ISSUED, "post_registered", "Odpis pełny (wydany — do wysłania lub odbioru): {name}"),
        ("abridged", Status.ISSUED, "in_person", "Odpis skrócony (wydany — do wysłania lub odbioru): {name}"),
        ("full", Status.ISSUED, "electronic", None),  # sent when issued
        ("full", Status.DELIVERED, "post_registered", None),
        ("full", Status.REJECTED, "post_registered", None),
    ],
)
def test_an_extract_request_is_in_the_terminarz_until_the_odpis_is_sent(
    client, clerk, mck, kind, status, delivery, title
):
    request = factories.extract_request(client, mck, kind=kind, delivery=delivery)
    ExtractRequest.objects.filter(pk=request.pk).update(status=status, handler=clerk)

    row = row_of(request.case_mark)
    if title is None:
        assert row is None
        assert row_of(factories.extract_request(client, mck).case_mark)  # a new request still shows
        return
    assert row.title == title.format(name=mck.full_name)
    assert row.due_date == register_extract_due(request.received_on)
    assert row.handler_id == clerk.pk  # on the handling clerk's own list
    assert [mine.case_mark for mine in open_deadlines(handler_id=clerk.pk)] == [request.case_mark]
    assert row.rule == "odpis z rejestru instytucji kultury: wysłanie lub wydanie w 14 dni"
    assert row.url.endswith(f"/extractrequest/{request.pk}/change/")


def test_an_inspections_recommendations_are_due_on_their_follow_up_day(mck):
    Inspection.objects.create(
        institution=mck,
        scope="Gospodarka finansowa",
        date_from=D(2025, 6, 2),
        date_to=D(2025, 6, 13),
        follow_up_due=D(2025, 12, 31),
    )
    Inspection.objects.create(institution=mck, scope="Bez zaleceń", date_from=D(2025, 6, 2), date_to=D(2025, 6, 3))

    [row] = [row for row in open_deadlines(section="institutions") if row.case_mark == f"RIK {mck.entry_no}"]
    assert row.due_date == D(2025, 12, 31)
    assert row.title == f"Zalecenia pokontrolne: {mck.full_name} — Gospodarka finansowa"
    assert row.rule == "nadzór organizatora: termin wykonania zaleceń"


def test_a_long_title_is_cut_to_120_characters(mck):
    scope = "Gospodarka finansowa, zamówienia publiczne i ewidencja środków trwałych w latach 2022–2025"
    Inspection.objects.create(
        institution=mck, scope=scope, date_from=D(2025, 6, 2), date_to=D(2025, 6, 13), follow_up_due=D(2025, 12, 31)
    )

    [row] = [row for row in open_deadlines(section="institutions") if row.case_mark == f"RIK {mck.entry_no}"]
    full_title = f"Zalecenia pokontrolne: {mck.full_name} — {scope}"
    assert len(full_title) > 121
    assert row.title == full_title[:120]


def test_a_targeted_subsidy_is_due_on_its_settlement_day(mck):
    InstitutionSubsidy.objects.create(
        institution=mck,
        year=2026,
        kind=InstitutionSubsidy.Kind.TARGETED_CURRENT,
        purpose="Industriada",
        amount=Decimal("150000.00"),
        settlement_due=D(2027, 1, 31),
    )
    InstitutionSubsidy.objects.create(
        institution=mck, year=2026, kind="subject", purpose="Działalność", amount=Decimal("100.00")
    )

    [row] = [row for row in open_deadlines(section="institutions") if row.case_mark == f"RIK {mck.entry_no}"]
    assert row.due_date == D(2027, 1, 31)
    assert row.title == f"Rozliczenie dotacji: {mck.full_name} — Industriada"
    assert row.rule == "u.f.p. art. 251: rozliczenie dotacji celowej"
