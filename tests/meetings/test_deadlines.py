"""The month to answer a request raised at a meeting (k.p.a. art. 244 § 1, art. 57 § 3, § 4), read off a calendar."""

from datetime import date

import pytest

from meetings.deadlines import request_answer_due


@pytest.mark.parametrize(
    ("raised_on", "due"),
    [
        # Tuesday 10 March 2026 → Friday 10 April 2026: the same day of the next month, a working day.
        (date(2026, 3, 10), date(2026, 4, 10)),
        # Monday 9 March → Thursday 9 April; the day before and after move with it.
        (date(2026, 3, 9), date(2026, 4, 9)),
        (date(2026, 3, 11), date(2026, 4, 13)),  # 11 April 2026 is a Saturday → Monday 13 April
        # 31 January 2026 → 28 February 2026 (no 31 February), a Saturday → Monday 2 March.
        (date(2026, 1, 31), date(2026, 3, 2)),
        # 30 March 2026 → 30 April 2026, a Thursday.
        (date(2026, 3, 30), date(2026, 4, 30)),
        # 1 April 2026 → 1 May 2026, a public holiday (Friday) → Monday 4 May (3 May is a Sunday and a holiday).
        (date(2026, 4, 1), date(2026, 5, 4)),
        # 24 November 2026 → 24 December 2026: Wigilia is a day off from 2025 → Monday 28 December.
        (date(2026, 11, 24), date(2026, 12, 28)),
    ],
)
def test_the_answer_is_due_a_month_after_the_meeting_on_a_working_day(raised_on, due):
    assert request_answer_due(raised_on) == due
