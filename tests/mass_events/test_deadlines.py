"""The clocks of mass-event permits and event notifications at their edges.

Expected dates were read off a printed 2026 calendar, not computed by the code under test. Days off used:
Friday 1 May, Sunday 3 May, Thursday 4 June (Corpus Christi), Wednesday 11 November, Thursday 24 December
(Wigilia, a day off from 2025), Friday 25 and Saturday 26 December, and every Sunday.
"""

from datetime import date as D

import pytest

from mass_events import deadlines
from mass_events.deadlines import (
    Timeliness,
    artistic_event_appeal_decision_due,
    artistic_event_ban_appeal_latest,
    artistic_event_ban_deadline,
    artistic_event_notification_effective_date,
    artistic_event_notification_is_late,
    mass_event_appeal_latest,
    mass_event_application_timeliness,
    mass_event_completion_due,
    mass_event_decision_copies_due,
)

# An event on Friday 31 July 2026: 30 days before is Wednesday 1 July, 14 days before Friday 17 July.
EVENT = D(2026, 7, 31)


@pytest.mark.parametrize(
    ("received_on", "justification", "expected"),
    [
        (D(2026, 6, 30), "", Timeliness.ON_TIME),  # 31 days before
        (D(2026, 7, 1), "", Timeliness.ON_TIME),  # exactly 30 days before: on time
        (D(2026, 7, 2), "", Timeliness.LATE),  # 29 days, no justification
        (D(2026, 7, 2), "Nagła potrzeba", Timeliness.SHORTENED),
        (D(2026, 7, 17), "Nagła potrzeba", Timeliness.SHORTENED),  # exactly 14 days before
        (D(2026, 7, 18), "Nagła potrzeba", Timeliness.LATE),  # 13 days: late even with a reason
        (D(2026, 7, 17), "   ", Timeliness.LATE),  # blanks are no justification
    ],
)
def test_mass_event_application_timeliness(received_on, justification, expected):
    assert mass_event_application_timeliness(received_on, EVENT, justification=justification) == expected


def test_an_application_on_a_weekend_thirty_days_before_is_on_time():
    """The organiser's act is not moved off a weekend: an event on Mon 3 Aug → Sat 4 July is still on time."""
    assert mass_event_application_timeliness(D(2026, 7, 4), D(2026, 8, 3)) == Timeliness.ON_TIME
    assert mass_event_application_timeliness(D(2026, 7, 5), D(2026, 8, 3)) == Timeliness.LATE


@pytest.mark.parametrize(
    ("delivered_on", "expected"),
    [
        (D(2026, 4, 22), D(2026, 4, 29)),  # Wed → Wed
        (D(2026, 4, 23), D(2026, 4, 30)),  # Thu → Thu 30 April, a working day
        (D(2026, 4, 24), D(2026, 5, 4)),  # Fri → Fri 1 May (holiday), Sat, Sun 3 May → Mon 4 May
        (D(2026, 4, 25), D(2026, 5, 4)),  # Sat → Sat 2 May → Mon 4 May
        (D(2026, 5, 28), D(2026, 6, 5)),  # Thu → Thu 4 June (Corpus Christi) → Fri 5 June
    ],
)
def test_mass_event_completion_due(delivered_on, expected):
    assert mass_event_completion_due(delivered_on) == expected


@pytest.mark.parametrize(
    ("issued_on", "expected"),
    [
        (D(2026, 12, 17), D(2026, 12, 21)),  # Thu → Sun 20 → Mon 21
        (D(2026, 12, 18), D(2026, 12, 21)),  # Fri → Mon 21
        (D(2026, 12, 21), D(2026, 12, 28)),  # Mon → Thu 24 (Wigilia) → Fri 25, Sat 26, Sun 27 → Mon 28
        (D(2026, 12, 22), D(2026, 12, 28)),  # Tue → Fri 25 (Christmas) → Mon 28
        (D(2026, 11, 8), D(2026, 11, 12)),  # Sun → Wed 11 November (holiday) → Thu 12
        (D(2026, 11, 9), D(2026, 11, 12)),  # Mon → Thu 12, a working day
    ],
)
def test_mass_event_decision_copies_due(issued_on, expected):
    assert mass_event_decision_copies_due(issued_on) == expected


@pytest.mark.parametrize(
    ("served_on", "expected"),
    [
        (D(2026, 4, 23), D(2026, 4, 30)),  # Thu → Thu
        (D(2026, 4, 24), D(2026, 5, 4)),  # Fri → 1 May → Mon 4 May
        (D(2026, 12, 17), D(2026, 12, 28)),  # Thu → Thu 24 (Wigilia) → Mon 28
    ],
)
def test_mass_event_appeal_latest(served_on, expected):
    assert mass_event_appeal_latest(served_on) == expected


def test_the_certificate_moves_the_notification_date_only_forwards():
    assert artistic_event_notification_effective_date(D(2026, 6, 1), None) == D(2026, 6, 1)
    assert artistic_event_notification_effective_date(D(2026, 6, 1), D(2026, 6, 10)) == D(2026, 6, 10)
    assert artistic_event_notification_effective_date(D(2026, 6, 10), D(2026, 6, 1)) == D(2026, 6, 10)


@pytest.mark.parametrize(
    ("received_on", "certificate_on", "late"),
    [
        (D(2026, 7, 1), None, False),  # exactly 30 days before Fri 31 July
        (D(2026, 7, 2), None, True),
        (D(2026, 6, 1), D(2026, 7, 1), False),  # the certificate came exactly 30 days before
        (D(2026, 6, 1), D(2026, 7, 2), True),  # the certificate came 29 days before
    ],
)
def test_artistic_event_notification_is_late(received_on, certificate_on, late):
    assert artistic_event_notification_is_late(received_on, EVENT, certificate_delivered_on=certificate_on) is late


@pytest.mark.parametrize(
    ("received_on", "certificate_on", "event_start", "expected"),
    [
        # 14 days after Mon 1 June is Mon 15 June; 10 days before 31 July is Tue 21 July: the earlier wins.
        (D(2026, 6, 1), None, EVENT, D(2026, 6, 15)),
        # 14 days after Wed 21 Oct is Wed 4 Nov; 10 days before Sat 14 Nov is Wed 4 Nov: the same day.
        (D(2026, 10, 21), None, D(2026, 11, 14), D(2026, 11, 4)),
        # 10 days before Sat 21 Nov is Wed 11 Nov (holiday): the authority acts earlier, Tue 10 Nov.
        (D(2026, 11, 1), None, D(2026, 11, 21), D(2026, 11, 10)),
        # With a certificate delivered Fri 3 July, 14 days run to Fri 17 July (before Tue 21 July).
        (D(2026, 6, 1), D(2026, 7, 3), EVENT, D(2026, 7, 17)),
        # 14 days after Thu 10 Dec is Thu 24 Dec (Wigilia) → Mon 28 Dec; the event on Sat 16 Jan 2027 is later.
        (D(2026, 12, 10), None, D(2027, 1, 16), D(2026, 12, 28)),
    ],
)
def test_artistic_event_ban_deadline(received_on, certificate_on, event_start, expected):
    assert artistic_event_ban_deadline(received_on, event_start, certificate_delivered_on=certificate_on) == expected


@pytest.mark.parametrize(
    ("delivered_on", "expected"),
    [
        (D(2026, 5, 4), D(2026, 5, 7)),  # Mon → Thu
        (D(2026, 4, 28), D(2026, 5, 4)),  # Tue → Fri 1 May → Mon 4 May
        (D(2026, 4, 29), D(2026, 5, 4)),  # Wed → Sat 2 May → Mon 4 May
        (D(2026, 6, 1), D(2026, 6, 5)),  # Mon → Thu 4 June (Corpus Christi) → Fri 5 June
    ],
)
def test_artistic_event_ban_appeal_latest(delivered_on, expected):
    assert artistic_event_ban_appeal_latest(delivered_on) == expected


@pytest.mark.parametrize(
    ("filed_on", "expected"),
    [
        (D(2026, 11, 2), D(2026, 11, 9)),  # Mon → Mon
        (D(2026, 11, 4), D(2026, 11, 12)),  # Wed → Wed 11 Nov (holiday) → Thu 12
        (D(2026, 12, 17), D(2026, 12, 28)),  # Thu → Thu 24 Dec (Wigilia) → Mon 28
        (D(2026, 8, 8), D(2026, 8, 17)),  # Sat → Sat 15 Aug (holiday) → Mon 17
    ],
)
def test_artistic_event_appeal_decision_due(filed_on, expected):
    assert artistic_event_appeal_decision_due(filed_on) == expected


def test_the_numbers_are_settings_that_are_easy_to_change(monkeypatch):
    """A corrected [K] number is a one-line change: the rule follows the constant."""
    monkeypatch.setattr(deadlines, "MASS_EVENT_APPEAL_DAYS", 14)
    assert mass_event_appeal_latest(D(2026, 4, 23)) == D(2026, 5, 7)
    monkeypatch.setattr(deadlines, "MASS_EVENT_COMPLETION_DAYS", 14)
    assert mass_event_completion_due(D(2026, 4, 22)) == D(2026, 5, 6)
