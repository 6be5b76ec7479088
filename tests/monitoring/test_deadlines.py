"""The clocks of sprostowania at their edges (Prawo prasowe art. 31a, 32 and 33).

Every expected date below was read off a printed calendar, never computed by the code under test. Weekdays are
noted next to the dates; holidays are named.
"""

from datetime import date as D

import pytest

from monitoring.deadlines import (
    IssueInterval,
    press_correction_broadcast_publication_due,
    press_correction_daily_publication_due,
    press_correction_lawsuit_latest,
    press_correction_length_allowed,
    press_correction_online_publication_due,
    press_correction_periodical_publication_due,
    press_correction_refusal_due,
    press_correction_request_latest,
)


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
    """Prawo prasowe art. 31a ust. 1: sprostowanie sent within 21 days of publication."""
    assert press_correction_request_latest(published_on) == expected


@pytest.mark.parametrize(("fragment", "allowed"), [(0, 0), (1, 2), (47, 94), (500, 1000)])
def test_press_correction_length_allowed(fragment, allowed):
    """Prawo prasowe art. 31a ust. 4: at most twice the corrected fragment."""
    assert press_correction_length_allowed(fragment) == allowed


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


@pytest.mark.parametrize(
    ("received_on", "expected"),
    [
        (D(2026, 3, 9), D(2026, 3, 16)),  # Mon + 7 = Mon
        (D(2026, 3, 6), D(2026, 3, 13)),  # Fri + 7 = Fri
        (D(2026, 3, 7), D(2026, 3, 16)),  # Sat + 7 = Sat -> Mon
        (D(2026, 3, 8), D(2026, 3, 16)),  # Sun + 7 = Sun -> Mon
        (D(2026, 11, 4), D(2026, 11, 12)),  # Wed + 7 = 11 November (Wed) -> Thu 12
        (D(2026, 11, 3), D(2026, 11, 10)),  # Tue + 7 = Tue 10, the day before the holiday
        (D(2026, 12, 17), D(2026, 12, 28)),  # Thu + 7 = Wigilia 2026 (Thu) -> past 25, 26, 27 -> Mon 28
        (D(2026, 3, 29), D(2026, 4, 7)),  # Sun + 7 = Easter Monday 6 April -> Tue 7
    ],
)
def test_press_correction_daily_publication_due(received_on, expected):
    """Prawo prasowe art. 32 ust. 1 pkt 2: at the latest 7 days; a day off ends it on the next working day."""
    assert press_correction_daily_publication_due(received_on) == expected


@pytest.mark.parametrize(
    ("received_on", "nearest", "interval", "expected"),
    [
        # A weekly out on Fridays: nearest issue Fri 13 March, the next one Fri 20 March.
        (D(2026, 3, 9), D(2026, 3, 13), IssueInterval.WEEKLY, D(2026, 3, 20)),
        # A weekly out on Saturdays keeps its Saturday: nearest Sat 14 March, next Sat 21 March.
        (D(2026, 3, 9), D(2026, 3, 14), IssueInterval.WEEKLY, D(2026, 3, 21)),
        # The next issue falls on 11 November, a holiday: it is still the issue's date.
        (D(2026, 10, 30), D(2026, 11, 4), IssueInterval.WEEKLY, D(2026, 11, 11)),
        # A monthly out on the 31st: the next issue is the last day of the shorter month.
        (D(2026, 1, 20), D(2026, 1, 31), IssueInterval.MONTHLY, D(2026, 2, 28)),
        # Nearest issue unknown: a fortnightly counts one interval from receipt (Mon 9 -> Mon 23), then one more.
        (D(2026, 3, 9), None, IssueInterval.FORTNIGHTLY, D(2026, 4, 6)),
        (D(2026, 3, 9), None, IssueInterval.QUARTERLY, D(2026, 9, 9)),
    ],
)
def test_press_correction_periodical_publication_due(received_on, nearest, interval, expected):
    """Prawo prasowe art. 32 ust. 1 pkt 3: in the nearest or the next issue."""
    assert (
        press_correction_periodical_publication_due(received_on, nearest_issue_on=nearest, interval=interval)
        == expected
    )


@pytest.mark.parametrize(
    ("received_on", "nearest", "interval", "expected"),
    [
        # A Sunday magazine: the nearest analogous broadcast is Sun 15 March, a Sunday, kept.
        (D(2026, 3, 11), D(2026, 3, 15), IssueInterval.WEEKLY, D(2026, 3, 15)),
        # Broadcast on Easter Monday 6 April 2026: a holiday, kept.
        (D(2026, 4, 1), D(2026, 4, 6), IssueInterval.WEEKLY, D(2026, 4, 6)),
        # Not known: one week from receipt, Wed 11 -> Wed 18 March.
        (D(2026, 3, 11), None, IssueInterval.WEEKLY, D(2026, 3, 18)),
    ],
)
def test_press_correction_broadcast_publication_due(received_on, nearest, interval, expected):
    """Prawo prasowe art. 32 ust. 1 pkt 4: in the nearest analogous broadcast."""
    assert (
        press_correction_broadcast_publication_due(received_on, nearest_broadcast_on=nearest, interval=interval)
        == expected
    )


@pytest.mark.parametrize(
    ("received_on", "expected"),
    [
        (D(2026, 3, 9), D(2026, 3, 16)),  # Mon + 7 = Mon
        (D(2026, 3, 7), D(2026, 3, 16)),  # Sat + 7 = Sat -> Mon
        (D(2026, 11, 4), D(2026, 11, 12)),  # + 7 = 11 November -> Thu
    ],
)
def test_press_correction_refusal_due(received_on, expected):
    """[K] Prawo prasowe art. 33 ust. 3: the editor's refusal with reasons within 7 days of receipt."""
    assert press_correction_refusal_due(received_on) == expected


@pytest.mark.parametrize(
    ("published_on", "expected"),
    [
        (D(2026, 3, 9), D(2027, 3, 9)),  # Mon -> Tue a year later
        (D(2026, 3, 13), D(2027, 3, 15)),  # -> Sat 13 March 2027 -> Mon 15
        (D(2024, 2, 29), D(2025, 2, 28)),  # a leap day -> the last day of February
        (D(2025, 12, 24), D(2026, 12, 28)),  # -> Wigilia 2026 (Thu), 25, 26 (Sat), 27 (Sun) -> Mon 28
    ],
)
def test_press_correction_lawsuit_latest(published_on, expected):
    """[K] The action for publication: a year from the material's publication."""
    assert press_correction_lawsuit_latest(published_on) == expected
