"""The duty's clocks read off a printed calendar of late 2026 (Polish days off: 11 November, 25–26 December).

November 2026: Wed 11 (Narodowe Święto Niepodległości), Thu 12. December 2026: Fri 4, Thu 10, Fri 11, Sat 12,
Fri 25 and Sat 26 (Boże Narodzenie), Sun 27, Mon 28, Thu 31. January 2027: Sun 10.
"""

from datetime import date

import pytest

from patronage.deadlines import (
    patronage_answer_due,
    patronage_application_is_late,
    patronage_application_latest,
    patronage_report_due,
    symbol_request_answer_due,
)


@pytest.mark.parametrize(
    ("event", "latest"),
    [
        (date(2027, 1, 10), date(2026, 12, 11)),  # Sunday event: 30 days before is a Friday
        (date(2026, 12, 12), date(2026, 11, 12)),
        # 30 days before falls on 11 November: the organiser's act keeps the day (ePUAP and the post work)
        (date(2026, 12, 11), date(2026, 11, 11)),
    ],
)
def test_the_application_is_due_30_days_before_the_event(event, latest):
    assert patronage_application_latest(event) == latest


def test_the_30_day_rule_at_its_edge():
    event = date(2027, 1, 10)
    assert patronage_application_is_late(date(2026, 12, 10), event) is False
    assert patronage_application_is_late(date(2026, 12, 11), event) is False  # the 30th day before: on time
    assert patronage_application_is_late(date(2026, 12, 12), event) is True  # 29 days before: late


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2026, 12, 1), date(2026, 12, 31)),  # a Thursday: kept
        (date(2026, 10, 12), date(2026, 11, 12)),  # the 30th day is 11 November: the next working day
        (date(2026, 11, 26), date(2026, 12, 28)),  # Saturday 26 December (a holiday), Sunday: Monday 28
    ],
)
def test_the_symbols_answer_is_due_30_days_after_receipt(received, due):
    assert symbol_request_answer_due(received) == due


def test_the_report_is_due_3_days_after_the_event_on_a_working_day():
    assert patronage_report_due(date(2026, 12, 1)) == date(2026, 12, 4)
    # 25 December (Friday), 26 (Saturday, a holiday), 27 (Sunday): Monday 28
    assert patronage_report_due(date(2026, 12, 22)) == date(2026, 12, 28)


def test_the_answer_aim_moves_earlier_off_a_day_off():
    assert patronage_answer_due(date(2026, 12, 18)) == date(2026, 12, 11)
    # 7 days before 18 November is 11 November: the office answers on Tuesday 10
    assert patronage_answer_due(date(2026, 11, 18)) == date(2026, 11, 10)
