"""The clocks of mass-event permits and event notifications at their edges.

Expected dates were read off a printed calendar, not computed by the code under test. Days off used in 2026:
Easter Monday 6 April, Friday 1 May, Sunday 3 May, Thursday 4 June (Corpus Christi), Wednesday 11 November,
Thursday 24 December (Wigilia, a day off from 2025), Friday 25 and Saturday 26 December, and every Sunday; the
edges in 2024 and 2025 name their holidays.
"""

import zoneinfo
from datetime import UTC, datetime, timedelta
from datetime import date as D

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.deadlines import shift_to_working_day
from mass_events import deadlines
from mass_events.deadlines import (
    Timeliness,
    appeal_forwarding_due,
    artistic_event_appeal_decision_due,
    artistic_event_ban_appeal_latest,
    artistic_event_ban_deadline,
    artistic_event_ban_delivery_is_tight,
    artistic_event_ban_latest,
    artistic_event_notification_effective_date,
    artistic_event_notification_is_late,
    artistic_event_notification_latest,
    mass_event_appeal_latest,
    mass_event_application_latest,
    mass_event_application_timeliness,
    mass_event_completion_due,
    mass_event_decision_copies_due,
    mass_event_decision_latest,
)

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")
ANY_DAY = st.dates(min_value=D(1995, 1, 1), max_value=D(2099, 12, 31))

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
        (D(2026, 4, 22), D(2026, 5, 6)),  # Wed → Wed: the day before the edge below
        (D(2026, 4, 23), D(2026, 5, 7)),  # Thu → Thu, 14 days (not 7: k.p.a. art. 129 § 2)
        (D(2026, 4, 17), D(2026, 5, 4)),  # Fri → Fri 1 May (holiday), Sat 2, Sun 3 May (holiday) → Mon 4 May
        (D(2026, 4, 18), D(2026, 5, 4)),  # Sat → Sat 2 May → Mon 4 May
        (D(2026, 12, 10), D(2026, 12, 28)),  # Thu → Thu 24 (Wigilia), Fri 25, Sat 26, Sun 27 → Mon 28
    ],
)
def test_mass_event_appeal_latest(served_on, expected):
    """u.b.i.m. art. 33 ust. 1 sets no period: k.p.a. art. 129 § 2 gives 14 days from service."""
    assert mass_event_appeal_latest(served_on) == expected


@pytest.mark.parametrize(
    ("received_on", "expected"),
    [
        (D(2026, 11, 1), D(2026, 11, 9)),  # Sun 1 Nov (holiday) → Sun 8 → Mon 9
        (D(2026, 11, 2), D(2026, 11, 9)),  # Mon → Mon
        (D(2026, 11, 3), D(2026, 11, 10)),  # Tue → Tue: the day after
        (D(2026, 11, 4), D(2026, 11, 12)),  # Wed → Wed 11 Nov (holiday) → Thu 12
        (D(2026, 11, 7), D(2026, 11, 16)),  # Sat → Sat 14 → Mon 16
        (D(2026, 4, 24), D(2026, 5, 4)),  # Fri → Fri 1 May (holiday), weekend, Sun 3 May → Mon 4 May
        (D(2026, 12, 17), D(2026, 12, 28)),  # Thu → Thu 24 Dec (Wigilia), Christmas, weekend → Mon 28
    ],
)
def test_appeal_forwarding_due(received_on, expected):
    """k.p.a. art. 133: the appeal goes to the SKO within 7 days of its receipt; art. 57 § 4 moves the end."""
    assert appeal_forwarding_due(received_on) == expected


@pytest.mark.parametrize(
    ("today", "tight"),
    [
        (D(2026, 6, 15), False),  # Mon: four days before the deadline, no warning yet
        (D(2026, 6, 16), True),  # Tue: three days before
        (D(2026, 6, 18), True),  # Thu: the day before
        (D(2026, 6, 19), True),  # Fri: the deadline itself
        (D(2026, 6, 20), False),  # Sat: past it, the guard refuses the ban instead
    ],
)
def test_artistic_event_ban_delivery_is_tight(today, tight):
    """u.o.p.d.k. art. 36 ust. 1 counts the ban's delivery: the clerk is warned in its last days."""
    assert artistic_event_ban_delivery_is_tight(today, D(2026, 6, 19)) is tight


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
    monkeypatch.setattr(deadlines, "MASS_EVENT_APPEAL_DAYS", 7)
    assert mass_event_appeal_latest(D(2026, 4, 23)) == D(2026, 4, 30)
    monkeypatch.setattr(deadlines, "MASS_EVENT_COMPLETION_DAYS", 14)
    assert mass_event_completion_due(D(2026, 4, 22)) == D(2026, 5, 6)


# ------------------------------------------------------------------------------------------------------------------
# "At least N days before the event" (u.b.i.m. art. 25 and 29, u.o.p.d.k. art. 34 and 36)
# ------------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event_start", "expected"),
    [
        (D(2026, 7, 30), D(2026, 6, 30)),  # the day before
        (D(2026, 7, 31), D(2026, 7, 1)),  # the day
        (D(2026, 8, 1), D(2026, 7, 2)),  # the day after
        (D(2026, 4, 13), D(2026, 3, 14)),  # the organiser may file on Saturday (ePUAP, post): not moved
        (D(2026, 5, 6), D(2026, 4, 6)),  # nor off Easter Monday
        (D(2024, 3, 30), D(2024, 2, 29)),  # leap year
        (D(2025, 3, 30), D(2025, 2, 28)),
        (D(2026, 1, 5), D(2025, 12, 6)),  # across the year end
    ],
)
def test_mass_event_application_latest(event_start, expected):
    """u.b.i.m. art. 25 ust. 1: at least 30 days before the start."""
    assert mass_event_application_latest(event_start) == expected


@pytest.mark.parametrize(
    ("event_start", "expected"),
    [
        (D(2026, 7, 30), D(2026, 7, 16)),
        (D(2026, 7, 31), D(2026, 7, 17)),
        (D(2026, 8, 1), D(2026, 7, 18)),  # Saturday, not moved
    ],
)
def test_mass_event_application_latest_exceptional(event_start, expected):
    """u.b.i.m. art. 25 ust. 1a: 14 days in exceptional cases."""
    assert mass_event_application_latest(event_start, exceptional=True) == expected


def test_mass_event_application_latest_takes_the_local_date_of_an_aware_datetime():
    """22:30 UTC on 30 July is 00:30 on 31 July in Warsaw (CEST): the event is on 31 July."""
    assert mass_event_application_latest(datetime(2026, 7, 30, 22, 30, tzinfo=UTC)) == D(2026, 7, 1)
    assert mass_event_application_latest(datetime(2026, 7, 31, 0, 30, tzinfo=WARSAW)) == D(2026, 7, 1)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="naive"):
        mass_event_application_latest(datetime(2026, 7, 31, 18, 0))  # noqa: DTZ001 — the point of the test


@pytest.mark.parametrize(
    ("event_start", "expected"),
    [
        (D(2026, 3, 19), D(2026, 3, 12)),  # Thu -> Thu
        (D(2026, 3, 20), D(2026, 3, 13)),  # Fri -> Fri
        (D(2026, 3, 21), D(2026, 3, 13)),  # -7 = Sat -> back to Fri
        (D(2026, 3, 22), D(2026, 3, 13)),  # -7 = Sun -> back to Fri
        (D(2026, 3, 23), D(2026, 3, 16)),  # -7 = Mon
        (D(2026, 4, 13), D(2026, 4, 3)),  # -7 = Easter Monday -> Good Friday
        (D(2025, 12, 31), D(2025, 12, 23)),  # -7 = Wigilia 2025 -> Tue 23
        (D(2024, 12, 31), D(2024, 12, 24)),  # -7 = 24.12.2024, a working day
        (D(2026, 1, 2), D(2025, 12, 23)),  # -7 = Fri 26.12.2025 -> 25, 24 -> Tue 23
        (D(2026, 6, 11), D(2026, 6, 3)),  # -7 = Corpus Christi -> Wed
        (D(2026, 5, 10), D(2026, 4, 30)),  # -7 = Sun 3 May -> Sat 2 -> Fri 1 May -> Thu 30 April
        (D(2026, 1, 13), D(2026, 1, 5)),  # -7 = Tue 6 January -> Mon
        (D(2026, 11, 18), D(2026, 11, 10)),  # -7 = Wed 11 November -> Tue
        (D(2025, 8, 22), D(2025, 8, 14)),  # -7 = Fri 15 August -> Thu
        (D(2026, 11, 8), D(2026, 10, 30)),  # -7 = Sun 1 November -> Sat -> Fri 30 October
        (D(2024, 3, 7), D(2024, 2, 29)),  # leap year, Thu
        (D(2025, 3, 7), D(2025, 2, 28)),  # Fri
    ],
)
def test_mass_event_decision_latest(event_start, expected):
    """u.b.i.m. art. 29 ust. 1: at least 7 days before; the authority's act moves earlier off days off."""
    assert mass_event_decision_latest(event_start) == expected


@pytest.mark.parametrize(
    ("event_start", "expected"),
    [
        (D(2026, 7, 30), D(2026, 6, 30)),
        (D(2026, 7, 31), D(2026, 7, 1)),
        (D(2026, 8, 1), D(2026, 7, 2)),
        (D(2026, 4, 13), D(2026, 3, 14)),  # Saturday, the organiser's act: not moved
        (D(2024, 3, 30), D(2024, 2, 29)),
    ],
)
def test_artistic_event_notification_latest(event_start, expected):
    """u.o.p.d.k. art. 34: not later than 30 days before the start."""
    assert artistic_event_notification_latest(event_start) == expected


@pytest.mark.parametrize(
    ("notified_on", "event_start", "expected"),
    [
        # Far-off event: the 14 days after the notification decide.
        (D(2026, 3, 2), D(2026, 6, 1), D(2026, 3, 16)),  # Mon + 14 = Mon
        (D(2026, 2, 28), D(2026, 6, 1), D(2026, 3, 16)),  # Sat + 14 = Sat -> Mon
        (D(2026, 3, 1), D(2026, 6, 1), D(2026, 3, 16)),  # Sun + 14 = Sun -> Mon
        (D(2025, 12, 10), D(2026, 2, 1), D(2025, 12, 29)),  # + 14 = Wigilia 2025 -> Mon 29
        # Notified 2.03 (14 days -> Mon 16.03); the event moves across the point where the 10 days decide.
        (D(2026, 3, 2), D(2026, 3, 25), D(2026, 3, 13)),  # Wed: -10 = Sun 15 -> Fri 13, earlier than 16
        (D(2026, 3, 2), D(2026, 3, 26), D(2026, 3, 16)),  # Thu: -10 = Mon 16, both limits agree
        (D(2026, 3, 2), D(2026, 3, 27), D(2026, 3, 16)),  # Fri: -10 = Tue 17, the 14 days decide
        (D(2026, 3, 2), D(2026, 3, 24), D(2026, 3, 13)),  # Tue: -10 = Sat 14 -> Fri 13
        (D(2026, 3, 2), D(2026, 3, 20), D(2026, 3, 10)),  # Fri: -10 = Tue 10
        (D(2025, 12, 10), D(2026, 1, 5), D(2025, 12, 23)),  # -10 = Fri 26.12.2025 -> 25, 24 -> Tue 23
    ],
)
def test_artistic_event_ban_latest(notified_on, event_start, expected):
    """u.o.p.d.k. art. 36 ust. 1: within 14 days of the notification, not later than 10 days before the start."""
    assert artistic_event_ban_latest(notified_on, event_start) == expected


@settings(database=None, deadline=None, max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ANY_DAY, ANY_DAY)
def test_a_ban_decision_is_never_due_after_either_limit(notified_on, event_start):
    latest = artistic_event_ban_latest(notified_on, event_start)
    assert latest <= shift_to_working_day(notified_on + timedelta(days=14))
    assert latest <= event_start - timedelta(days=10)
