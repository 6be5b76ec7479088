"""The clocks of open competitions and subsidies at their edges (u.d.p.p. art. 13 and 18, u.f.p. art. 252).

Every expected date below was read off a printed calendar, never computed by the code under test. Weekdays are
noted next to the dates; holidays are named.
"""

from datetime import date as D

import pytest

from grants.deadlines import grant_report_due, open_competition_offers_earliest_deadline, subsidy_return_due


@pytest.mark.parametrize(
    ("announced_on", "expected"),
    [
        (D(2026, 2, 27), D(2026, 3, 20)),  # Fri + 21 = Fri
        (D(2026, 2, 28), D(2026, 3, 23)),  # + 21 = Sat -> Mon
        (D(2026, 3, 1), D(2026, 3, 23)),  # + 21 = Sun -> Mon
        (D(2026, 3, 2), D(2026, 3, 23)),  # + 21 = Mon
        (D(2026, 3, 16), D(2026, 4, 7)),  # + 21 = Easter Monday -> Tue
        (D(2026, 10, 21), D(2026, 11, 12)),  # + 21 = Wed 11 November -> Thu
        (D(2025, 12, 3), D(2025, 12, 29)),  # + 21 = Wigilia 2025 -> Mon 29
        (D(2024, 2, 8), D(2024, 2, 29)),  # leap year
    ],
)
def test_open_competition_offers_earliest_deadline(announced_on, expected):
    """u.d.p.p. art. 13 ust. 1: offers deadline not shorter than 21 days from the last announcement."""
    assert open_competition_offers_earliest_deadline(announced_on) == expected


@pytest.mark.parametrize(
    ("task_end", "expected"),
    [
        (D(2026, 7, 1), D(2026, 7, 31)),  # + 30 = Fri
        (D(2026, 7, 2), D(2026, 8, 3)),  # + 30 = Sat 1.08 -> Mon
        (D(2026, 7, 3), D(2026, 8, 3)),  # + 30 = Sun 2.08 -> Mon
        (D(2026, 7, 4), D(2026, 8, 3)),  # + 30 = Mon
        (D(2026, 1, 31), D(2026, 3, 2)),  # + 30 across February 2026 = Mon 2 March
        (D(2024, 1, 31), D(2024, 3, 1)),  # + 30 across leap February = Fri 1 March
        (D(2025, 12, 31), D(2026, 1, 30)),  # across the year end
        (D(2026, 7, 16), D(2026, 8, 17)),  # + 30 = Sat 15 August -> Mon
        (D(2026, 5, 5), D(2026, 6, 5)),  # + 30 = Corpus Christi -> Fri
        (D(2026, 10, 2), D(2026, 11, 2)),  # + 30 = Sun 1 November -> Mon
        (D(2025, 11, 24), D(2025, 12, 29)),  # + 30 = Wigilia 2025 -> Mon 29
    ],
)
def test_grant_report_due(task_end, expected):
    """u.d.p.p. art. 18 ust. 1: within 30 days of the end of the task."""
    assert grant_report_due(task_end) == expected


@pytest.mark.parametrize(
    ("found_on", "expected"),
    [
        (D(2026, 3, 12), D(2026, 3, 27)),  # + 15 = Fri
        (D(2026, 3, 13), D(2026, 3, 30)),  # + 15 = Sat -> Mon
        (D(2026, 3, 14), D(2026, 3, 30)),  # + 15 = Sun -> Mon
        (D(2026, 3, 15), D(2026, 3, 30)),  # + 15 = Mon
        (D(2026, 4, 16), D(2026, 5, 4)),  # + 15 = Fri 1 May -> Mon 4
        (D(2026, 7, 31), D(2026, 8, 17)),  # + 15 = Sat 15 August -> Mon
        (D(2025, 12, 11), D(2025, 12, 29)),  # + 15 = Fri 26.12.2025 -> Mon 29
        (D(2024, 2, 14), D(2024, 2, 29)),  # leap year
        (D(2025, 2, 14), D(2025, 3, 3)),  # + 15 = Sat 1 March 2025 -> Mon
    ],
)
def test_subsidy_return_due(found_on, expected):
    """u.f.p. art. 252 ust. 1: within 15 days of the finding."""
    assert subsidy_return_due(found_on) == expected
