"""The clocks of sprostowania at their edges (Prawo prasowe art. 31a and 32).

Every expected date below was read off a printed calendar, never computed by the code under test. Weekdays are
noted next to the dates; holidays are named.
"""

from datetime import date as D

import pytest

from press.deadlines import press_correction_online_publication_due, press_correction_request_latest


@pytest.mark.parametrize(
    ("published_on", "expected"),
    [
        (D(2026, 2, 27), D(2026, 3, 20)),  # + 21 = Fri
        (D(2026, 2, 28), D(2026, 3, 23)),  # + 21 = Sat -> Mon
        (D(2026, 3, 1), D(2026, 3, 23)),  # + 21 = Sun -> Mon
        (D(2026, 3, 2), D(2026, 3, 23)),  # + 21 = Mon
        (D(2025, 12, 3), D(2025, 12, 29)),  # + 21 = Wigilia 2025 -> Mon 29
        (D(2025, 12, 5), D(2025, 12, 29)),  # + 21 = Fri 26.12 -> Mon 29
        (D(2024, 12, 3), D(2024, 12, 24)),  # + 21 = 24.12.2024, a working day
        (D(2026, 5, 13), D(2026, 6, 3)),  # + 21 = Wed before Corpus Christi
        (D(2026, 5, 14), D(2026, 6, 5)),  # + 21 = Corpus Christi -> Fri
        (D(2026, 7, 25), D(2026, 8, 17)),  # + 21 = Sat 15 August -> Mon
    ],
)
def test_press_correction_request_latest(published_on, expected):
    """Prawo prasowe art. 31a: sprostowanie sent within 21 days of publication."""
    assert press_correction_request_latest(published_on) == expected


@pytest.mark.parametrize(
    ("received_on", "expected"),
    [
        (D(2026, 3, 9), D(2026, 3, 12)),  # Mon -> Tue, Wed, Thu
        (D(2026, 3, 11), D(2026, 3, 16)),  # Wed -> Thu, Fri, Mon
        (D(2026, 3, 12), D(2026, 3, 17)),  # Thu -> Fri, Mon, Tue
        (D(2026, 3, 13), D(2026, 3, 18)),  # Fri -> Mon, Tue, Wed
        (D(2026, 3, 14), D(2026, 3, 18)),  # Sat -> Mon, Tue, Wed
        (D(2026, 3, 15), D(2026, 3, 18)),  # Sun -> Mon, Tue, Wed
        (D(2026, 4, 2), D(2026, 4, 8)),  # Thu -> Good Friday, Tue, Wed (Easter Monday skipped)
        (D(2025, 12, 22), D(2025, 12, 30)),  # Mon -> Tue 23, Mon 29, Tue 30
        (D(2024, 12, 23), D(2024, 12, 30)),  # Mon -> Tue 24 (working in 2024), Fri 27, Mon 30
        (D(2026, 6, 3), D(2026, 6, 9)),  # Wed -> Fri 5, Mon 8, Tue 9 (Corpus Christi skipped)
        (D(2025, 12, 30), D(2026, 1, 5)),  # Tue -> Wed 31, Fri 2, Mon 5 (Nowy Rok skipped)
        (D(2026, 1, 2), D(2026, 1, 8)),  # Fri -> Mon 5, Wed 7, Thu 8 (Trzech Króli skipped)
        (D(2026, 4, 29), D(2026, 5, 5)),  # Wed -> Thu 30, Mon 4, Tue 5 (1-3 May skipped)
        (D(2025, 11, 7), D(2025, 11, 13)),  # Fri -> Mon 10, Wed 12, Thu 13 (11 November skipped)
    ],
)
def test_press_correction_online_publication_due(received_on, expected):
    """Prawo prasowe art. 32 ust. 1 pkt 1: 3 working days; Saturdays do not count."""
    assert press_correction_online_publication_due(received_on) == expected
