"""The coordinator's clocks read off a printed calendar of late 2026 and early 2027.

Polish statutory days off on the way: Wed 11 November 2026, Thu 24 December (Wigilia, a day off from 2025), Fri 25 and
Sat 26 December, Fri 1 January 2027, Wed 6 January 2027 (Trzech Króli); Sunday 28 February 2027.
"""

from datetime import date

import pytest

from accessibility.deadlines import (
    accessibility_extension_latest,
    accessibility_request_answer_due,
    digital_demand_answer_due,
)


@pytest.mark.parametrize(
    ("filed", "due"),
    [
        (date(2026, 11, 13), date(2026, 11, 27)),  # Friday + 14 = Friday: a working day
        (date(2026, 11, 14), date(2026, 11, 30)),  # Saturday + 14 = Saturday: the next Monday
        (date(2026, 12, 9), date(2026, 12, 23)),  # the day before Wigilia: kept
        (date(2026, 12, 10), date(2026, 12, 28)),  # Wigilia, Christmas, Saturday, Sunday: Monday 28
        (date(2026, 12, 11), date(2026, 12, 28)),  # the first day of Christmas
        (date(2026, 12, 12), date(2026, 12, 28)),  # the second day of Christmas, a Saturday
    ],
)
def test_a_request_is_answered_within_14_days(filed, due):
    assert accessibility_request_answer_due(filed) == due


@pytest.mark.parametrize(
    ("filed", "due"),
    [
        (date(2026, 11, 4), date(2026, 11, 12)),  # 11 November: the next day
        (date(2026, 12, 16), date(2026, 12, 23)),  # the day before Wigilia: kept
        (date(2026, 12, 17), date(2026, 12, 28)),  # Wigilia
        (date(2026, 12, 18), date(2026, 12, 28)),  # Christmas
        (date(2026, 12, 29), date(2027, 1, 5)),  # the day before Trzech Króli: kept
        (date(2026, 12, 30), date(2027, 1, 7)),  # Trzech Króli: the day after
    ],
)
def test_a_digital_demand_is_met_within_7_days(filed, due):
    assert digital_demand_answer_due(filed) == due


@pytest.mark.parametrize(
    ("filed", "latest"),
    [
        (date(2026, 10, 23), date(2026, 12, 23)),  # the day of the same number
        (date(2026, 10, 24), date(2026, 12, 28)),  # 24 December, Wigilia: after Christmas and the weekend
        (date(2026, 12, 30), date(2027, 3, 1)),  # no 30 February: its last day, a Sunday, then Monday
        (date(2026, 12, 31), date(2027, 3, 1)),
        (date(2027, 1, 15), date(2027, 3, 15)),  # a Monday: kept
    ],
)
def test_a_notified_delay_ends_at_most_2_months_after_filing(filed, latest):
    assert accessibility_extension_latest(filed) == latest
