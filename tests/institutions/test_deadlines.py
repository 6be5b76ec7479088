"""The register's statutory clock at its edges: the odpis is sent within 14 days of the request.

Every expected date below was read off a printed calendar, never computed by the code under test. Weekdays are
noted next to the dates; holidays are named.
"""

from datetime import date as D

import pytest

from institutions.deadlines import register_extract_due


@pytest.mark.parametrize(
    ("received_on", "expected"),
    [
        (D(2026, 2, 26), D(2026, 3, 12)),  # Thu -> Thu
        (D(2026, 2, 27), D(2026, 3, 13)),  # Fri -> Fri: the day before the weekend
        (D(2026, 2, 28), D(2026, 3, 16)),  # +14 = Sat 14.03 -> Mon
        (D(2026, 3, 1), D(2026, 3, 16)),  # +14 = Sun 15.03 -> Mon
        (D(2026, 3, 2), D(2026, 3, 16)),  # +14 = Mon: the day after the weekend
        (D(2026, 3, 23), D(2026, 4, 7)),  # +14 = Easter Monday -> Tue
        (D(2025, 12, 10), D(2025, 12, 29)),  # +14 = Wigilia 2025 -> Mon 29
        (D(2024, 12, 10), D(2024, 12, 24)),  # +14 = 24.12.2024, a working day
        (D(2026, 4, 17), D(2026, 5, 4)),  # +14 = Fri 1 May -> Mon 4
        (D(2025, 8, 1), D(2025, 8, 18)),  # +14 = Fri 15 August -> Mon
        (D(2025, 10, 18), D(2025, 11, 3)),  # +14 = Sat 1 November -> Mon
        (D(2025, 10, 28), D(2025, 11, 12)),  # +14 = Tue 11 November -> Wed
        (D(2025, 12, 23), D(2026, 1, 7)),  # +14 = Tue 6 January -> Wed
        (D(2026, 5, 21), D(2026, 6, 5)),  # +14 = Corpus Christi -> Fri
        (D(2024, 2, 15), D(2024, 2, 29)),  # leap year: Thu 29 February
        (D(2025, 2, 15), D(2025, 3, 3)),  # +14 = Sat 1 March 2025 -> Mon
    ],
)
def test_register_extract_due(received_on, expected):
    assert register_extract_due(received_on) == expected
