"""Statutory deadlines at their edges.

Every expected date below was read off a printed calendar, never computed by the code under test. Weekdays are
noted next to the dates; holidays are named. Polish statutory days off used here: 1 and 6 January, Easter Monday
(21.04.2025, 6.04.2026), 1 and 3 May, Corpus Christi (19.06.2025, 4.06.2026), 15 August, 1 and 11 November,
24 December (from 2025 only), 25 and 26 December, and every Sunday.
"""

import zoneinfo
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import deadlines
from core.deadlines import (
    OpenDeadline,
    accessibility_request_due,
    add_calendar_days,
    add_months,
    add_working_days,
    artistic_event_ban_latest,
    artistic_event_notification_latest,
    digital_accessibility_demand_due,
    grant_report_due,
    is_public_holiday,
    is_working_day,
    latest_date_before,
    mass_event_application_latest,
    mass_event_decision_latest,
    next_working_day,
    open_competition_offers_earliest_deadline,
    open_competition_offers_latest,
    open_deadlines,
    patronage_application_latest,
    press_correction_online_publication_due,
    press_correction_request_latest,
    previous_working_day,
    public_information_due,
    register_deadline_source,
    register_extract_due,
    shift_to_working_day,
    subsidy_return_due,
    unregister_deadline_source,
)

D = date
WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")

# No example database on disk, and no timing: speed is measured in bench/, not asserted here. The conftest's
# autouse fixture (language, cache) is safe to share between generated examples.
PROPERTY_SETTINGS = settings(
    database=None, deadline=None, max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
ANY_DAY = st.dates(min_value=D(1995, 1, 1), max_value=D(2099, 12, 31))


# ------------------------------------------------------------------------------------------------------------------
# Holiday calendar
# ------------------------------------------------------------------------------------------------------------------


def test_wigilia_is_a_statutory_day_off_from_2025():
    """24 December became a day off by the 2024 amendment, first observed on Wednesday 24.12.2025."""
    assert is_public_holiday(D(2025, 12, 24))
    assert not is_working_day(D(2025, 12, 24))
    assert not is_working_day(D(2026, 12, 24))  # Thursday


def test_wigilia_2024_was_a_working_day():
    """Tuesday 24.12.2024 was an ordinary working day."""
    assert not is_public_holiday(D(2024, 12, 24))
    assert is_working_day(D(2024, 12, 24))


@pytest.mark.parametrize(
    "day",
    [
        D(2026, 1, 1),  # Thu, Nowy Rok
        D(2026, 1, 6),  # Tue, Trzech Króli
        D(2025, 4, 21),  # Mon, Easter Monday 2025
        D(2026, 4, 6),  # Mon, Easter Monday 2026
        D(2026, 5, 1),  # Fri, Święto Pracy
        D(2025, 5, 1),  # Thu
        D(2025, 5, 3),  # Sat, 3 Maja on a Saturday
        D(2024, 5, 3),  # Fri, 3 Maja
        D(2025, 6, 19),  # Thu, Corpus Christi 2025
        D(2026, 6, 4),  # Thu, Corpus Christi 2026
        D(2025, 8, 15),  # Fri
        D(2025, 11, 1),  # Sat
        D(2025, 11, 11),  # Tue
        D(2026, 11, 11),  # Wed
        D(2025, 12, 24),  # Wed, Wigilia
        D(2025, 12, 25),  # Thu
        D(2025, 12, 26),  # Fri
        D(2024, 12, 25),  # Wed
        D(2024, 12, 26),  # Thu
        D(2026, 3, 14),  # Sat, ordinary
        D(2026, 3, 15),  # Sun, ordinary
    ],
)
def test_days_off(day):
    assert not is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [
        D(2026, 3, 13),  # Fri, ordinary
        D(2026, 3, 16),  # Mon, ordinary
        D(2026, 4, 3),  # Good Friday is a working day in Poland
        D(2026, 4, 7),  # Tue after Easter Monday
        D(2026, 6, 5),  # Fri after Corpus Christi ("bridge" days are working days)
        D(2026, 11, 2),  # Mon, Zaduszki is a working day
        D(2025, 12, 31),  # Wed, Sylwester is a working day
        D(2024, 12, 24),  # Tue, Wigilia before 2025
        D(2026, 8, 14),  # Fri before 15 August
    ],
)
def test_working_days(day):
    assert is_working_day(day)


# ------------------------------------------------------------------------------------------------------------------
# Primitives
# ------------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 3, 11), D(2026, 3, 11)),  # Wed: a working day stays
        (D(2026, 3, 13), D(2026, 3, 13)),  # Fri stays
        (D(2026, 3, 14), D(2026, 3, 16)),  # Sat -> Mon
        (D(2026, 3, 15), D(2026, 3, 16)),  # Sun -> Mon
        (D(2026, 3, 16), D(2026, 3, 16)),  # Mon stays
        (D(2026, 4, 4), D(2026, 4, 7)),  # Easter Saturday -> Sunday -> Easter Monday -> Tue
        (D(2026, 4, 6), D(2026, 4, 7)),  # Easter Monday -> Tue
        (D(2026, 5, 1), D(2026, 5, 4)),  # Fri 1 May -> Sat -> Sun 3 May -> Mon
        (D(2025, 5, 1), D(2025, 5, 2)),  # Thu 1 May -> Fri 2 May (a working day)
        (D(2025, 5, 3), D(2025, 5, 5)),  # Sat 3 May -> Mon
        (D(2026, 6, 4), D(2026, 6, 5)),  # Corpus Christi -> Fri
        (D(2025, 8, 15), D(2025, 8, 18)),  # Fri 15 August -> Mon
        (D(2026, 8, 15), D(2026, 8, 17)),  # Sat 15 August -> Mon
        (D(2025, 11, 1), D(2025, 11, 3)),  # Sat 1 November -> Mon
        (D(2026, 11, 1), D(2026, 11, 2)),  # Sun 1 November -> Mon (Zaduszki)
        (D(2025, 11, 11), D(2025, 11, 12)),  # Tue 11 November -> Wed
        (D(2026, 11, 11), D(2026, 11, 12)),  # Wed -> Thu
        (D(2025, 12, 24), D(2025, 12, 29)),  # Wed Wigilia -> 25, 26, Sat, Sun -> Mon
        (D(2026, 12, 24), D(2026, 12, 28)),  # Thu Wigilia -> 25, Sat 26, Sun -> Mon
        (D(2024, 12, 24), D(2024, 12, 24)),  # Tue 24.12.2024 was a working day
        (D(2024, 12, 25), D(2024, 12, 27)),  # Wed -> Thu 26 -> Fri
        (D(2026, 1, 6), D(2026, 1, 7)),  # Tue Trzech Króli -> Wed
        (D(2024, 1, 6), D(2024, 1, 8)),  # Sat Trzech Króli -> Sun -> Mon
        (D(2027, 1, 1), D(2027, 1, 4)),  # Fri Nowy Rok -> Mon
    ],
)
def test_shift_to_working_day(day, expected):
    """k.p.a. art. 57 § 4."""
    assert shift_to_working_day(day) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 3, 11), D(2026, 3, 12)),  # Wed -> Thu: strictly after
        (D(2026, 3, 13), D(2026, 3, 16)),  # Fri -> Mon
        (D(2025, 12, 23), D(2025, 12, 29)),  # Tue before Wigilia 2025 -> Mon
        (D(2024, 12, 23), D(2024, 12, 24)),  # Mon -> Tue 24.12.2024
        (D(2026, 4, 3), D(2026, 4, 7)),  # Good Friday -> Tue after Easter
    ],
)
def test_next_working_day(day, expected):
    assert next_working_day(day) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 3, 12), D(2026, 3, 11)),  # Thu -> Wed: strictly before
        (D(2026, 3, 16), D(2026, 3, 13)),  # Mon -> Fri
        (D(2026, 4, 7), D(2026, 4, 3)),  # Tue after Easter -> Good Friday
        (D(2025, 12, 29), D(2025, 12, 23)),  # Mon after Christmas 2025 -> Tue 23
        (D(2026, 1, 7), D(2026, 1, 5)),  # Wed after Trzech Króli -> Mon
        (D(2026, 5, 4), D(2026, 4, 30)),  # Mon after 1-3 May 2026 -> Thu 30 April
    ],
)
def test_previous_working_day(day, expected):
    assert previous_working_day(day) == expected


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (D(2026, 3, 2), 14, D(2026, 3, 16)),  # the start day is not counted
        (D(2026, 1, 31), 1, D(2026, 2, 1)),
        (D(2024, 2, 28), 1, D(2024, 2, 29)),  # leap year
        (D(2025, 2, 28), 1, D(2025, 3, 1)),
        (D(2025, 12, 31), 1, D(2026, 1, 1)),
        (D(2026, 3, 14), 0, D(2026, 3, 14)),
        (D(2026, 3, 14), 1, D(2026, 3, 15)),  # no shifting off weekends here: the rules do that
    ],
)
def test_add_calendar_days(start, days, expected):
    """k.p.a. art. 57 § 1."""
    assert add_calendar_days(start, days) == expected


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (D(2026, 3, 11), 3, D(2026, 3, 16)),  # Wed -> Thu, Fri, Mon
        (D(2026, 3, 13), 3, D(2026, 3, 18)),  # Fri -> Mon, Tue, Wed
        (D(2026, 3, 14), 3, D(2026, 3, 18)),  # Sat -> Mon, Tue, Wed
        (D(2026, 3, 15), 1, D(2026, 3, 16)),  # Sun -> Mon
        (D(2026, 4, 2), 3, D(2026, 4, 8)),  # Thu -> Good Fri, (Easter) Tue, Wed
        (D(2025, 12, 23), 3, D(2025, 12, 31)),  # Tue -> (24-28 off) Mon 29, Tue 30, Wed 31
        (D(2024, 12, 23), 3, D(2024, 12, 30)),  # Mon -> Tue 24 (working in 2024), Fri 27, Mon 30
        (D(2026, 6, 3), 1, D(2026, 6, 5)),  # Wed -> (Corpus Christi) Fri
        (D(2026, 4, 30), 2, D(2026, 5, 5)),  # Thu -> (1-3 May) Mon 4, Tue 5
        (D(2026, 3, 14), 0, D(2026, 3, 14)),  # zero working days: the start itself
    ],
)
def test_add_working_days(start, days, expected):
    assert add_working_days(start, days) == expected


def test_add_working_days_refuses_negative_counts():
    with pytest.raises(ValueError, match="negative"):
        add_working_days(D(2026, 3, 11), -1)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),  # no 31 February: the month's last day
        (D(2024, 1, 31), 1, D(2024, 2, 29)),  # leap year
        (D(2028, 1, 31), 1, D(2028, 2, 29)),  # leap year
        (D(2026, 1, 30), 1, D(2026, 2, 28)),
        (D(2026, 1, 28), 1, D(2026, 2, 28)),  # the corresponding day exists
        (D(2026, 2, 28), 1, D(2026, 3, 28)),  # not "last day to last day"
        (D(2026, 3, 31), 1, D(2026, 4, 30)),
        (D(2026, 1, 15), 2, D(2026, 3, 15)),
        (D(2025, 11, 15), 2, D(2026, 1, 15)),  # across the year end
        (D(2025, 12, 31), 2, D(2026, 2, 28)),
        (D(2023, 12, 31), 2, D(2024, 2, 29)),
        (D(2025, 11, 30), 3, D(2026, 2, 28)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
        (D(2026, 3, 31), -1, D(2026, 2, 28)),  # backwards the same way
        (D(2026, 5, 31), 0, D(2026, 5, 31)),
    ],
)
def test_add_months(start, months, expected):
    """k.p.a. art. 57 § 3."""
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("event", "days", "by_authority", "expected"),
    [
        (D(2026, 7, 31), 30, False, D(2026, 7, 1)),  # Fri event, Wed latest
        (D(2026, 7, 31), 30, True, D(2026, 7, 1)),  # a working day: no difference
        (D(2026, 4, 13), 30, False, D(2026, 3, 14)),  # a party's Saturday stays a Saturday
        (D(2026, 4, 13), 30, True, D(2026, 3, 13)),  # the authority's Saturday moves to Friday
        (D(2026, 4, 13), 7, True, D(2026, 4, 3)),  # Easter Monday -> (Sun, Sat) -> Good Friday
        (D(2026, 4, 13), 7, False, D(2026, 4, 6)),  # a party's Easter Monday stays
    ],
)
def test_latest_date_before(event, days, by_authority, expected):
    assert latest_date_before(event, days, by_authority=by_authority) == expected


# ------------------------------------------------------------------------------------------------------------------
# Rules
# ------------------------------------------------------------------------------------------------------------------


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
    assert open_competition_offers_latest(announced_on) == expected


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


@pytest.mark.parametrize(
    ("event_start", "expected"),
    [
        (D(2026, 7, 30), D(2026, 6, 30)),
        (D(2026, 7, 31), D(2026, 7, 1)),
        (D(2026, 8, 1), D(2026, 7, 2)),
        (D(2026, 4, 13), D(2026, 3, 14)),  # Saturday: the applicant's act, not moved
        (D(2026, 1, 5), D(2025, 12, 6)),
    ],
)
def test_patronage_application_latest(event_start, expected):
    """City patronage rules [K]: at least 30 days before the event."""
    assert patronage_application_latest(event_start) == expected


def test_patronage_days_are_a_setting_that_is_easy_to_change(monkeypatch):
    """A [K] number: change the constant and the rule follows (31 July - 45 days = 16 June)."""
    monkeypatch.setattr(deadlines, "PATRONAGE_APPLICATION_DAYS_BEFORE", 45)
    assert patronage_application_latest(D(2026, 7, 31)) == D(2026, 6, 16)


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


@pytest.mark.parametrize(
    ("filed_on", "extended", "expected"),
    [
        (D(2026, 2, 27), False, D(2026, 3, 13)),  # + 14 = Fri
        (D(2026, 2, 28), False, D(2026, 3, 16)),  # + 14 = Sat -> Mon
        (D(2026, 3, 1), False, D(2026, 3, 16)),  # + 14 = Sun -> Mon
        (D(2026, 3, 2), False, D(2026, 3, 16)),  # + 14 = Mon
        (D(2026, 10, 28), False, D(2026, 11, 12)),  # + 14 = Wed 11 November -> Thu
        (D(2026, 10, 18), False, D(2026, 11, 2)),  # + 14 = Sun 1 November -> Mon
        (D(2025, 12, 31), True, D(2026, 3, 2)),  # 2 months: no 31 February -> Sat 28 -> Mon 2 March
        (D(2023, 12, 31), True, D(2024, 2, 29)),  # leap year: Thu 29 February
        (D(2026, 1, 15), True, D(2026, 3, 16)),  # Sun 15 March -> Mon
        (D(2026, 2, 6), True, D(2026, 4, 7)),  # Easter Monday -> Tue
        (D(2026, 3, 11), True, D(2026, 5, 11)),  # Mon
        (D(2025, 10, 24), True, D(2025, 12, 29)),  # Wigilia 2025 -> Mon 29
        (D(2024, 10, 24), True, D(2024, 12, 24)),  # 24.12.2024, a working day
    ],
)
def test_accessibility_request_due(filed_on, extended, expected):
    """Ustawa z 19.07.2019 art. 31: 14 days, at most 2 months with notice."""
    assert accessibility_request_due(filed_on, extended=extended) == expected


@pytest.mark.parametrize(
    ("filed_on", "extended", "expected"),
    [
        (D(2026, 3, 6), False, D(2026, 3, 13)),  # + 7 = Fri
        (D(2026, 3, 7), False, D(2026, 3, 16)),  # + 7 = Sat -> Mon
        (D(2026, 3, 8), False, D(2026, 3, 16)),  # + 7 = Sun -> Mon
        (D(2026, 3, 9), False, D(2026, 3, 16)),  # + 7 = Mon
        (D(2025, 12, 17), False, D(2025, 12, 29)),  # + 7 = Wigilia 2025 -> Mon 29
        (D(2026, 8, 8), False, D(2026, 8, 17)),  # + 7 = Sat 15 August -> Mon
        (D(2025, 12, 30), False, D(2026, 1, 7)),  # + 7 = Tue 6 January -> Wed
        (D(2026, 5, 28), False, D(2026, 6, 5)),  # + 7 = Corpus Christi -> Fri
        (D(2026, 1, 31), True, D(2026, 3, 31)),  # 2 months: 31 March exists, Tue
        (D(2025, 12, 30), True, D(2026, 3, 2)),  # no 30 February -> Sat 28 -> Mon 2 March
        (D(2027, 12, 31), True, D(2028, 2, 29)),  # leap year, Tue
    ],
)
def test_digital_accessibility_demand_due(filed_on, extended, expected):
    """Ustawa z 4.04.2019 o dostępności cyfrowej: 7 days, at most 2 months."""
    assert digital_accessibility_demand_due(filed_on, extended=extended) == expected


@pytest.mark.parametrize(
    ("filed_on", "extended", "expected"),
    [
        (D(2026, 2, 27), False, D(2026, 3, 13)),  # + 14 = Fri
        (D(2026, 2, 28), False, D(2026, 3, 16)),  # + 14 = Sat -> Mon
        (D(2026, 3, 1), False, D(2026, 3, 16)),  # + 14 = Sun -> Mon
        (D(2026, 3, 2), False, D(2026, 3, 16)),  # + 14 = Mon
        (D(2026, 3, 23), False, D(2026, 4, 7)),  # + 14 = Easter Monday -> Tue
        (D(2025, 12, 10), False, D(2025, 12, 29)),  # + 14 = Wigilia 2025 -> Mon 29
        (D(2024, 12, 10), False, D(2024, 12, 24)),  # + 14 = 24.12.2024, a working day
        (D(2026, 1, 31), True, D(2026, 3, 31)),
        (D(2025, 12, 31), True, D(2026, 3, 2)),  # Sat 28 February -> Mon 2 March
        (D(2024, 12, 31), True, D(2025, 2, 28)),  # Fri
        (D(2026, 4, 6), True, D(2026, 6, 8)),  # Sat 6 June -> Mon
    ],
)
def test_public_information_due(filed_on, extended, expected):
    """u.d.i.p. art. 13: 14 days, at most 2 months with notice [K]."""
    assert public_information_due(filed_on, extended=extended) == expected


def test_public_information_days_are_a_setting_that_is_easy_to_change(monkeypatch):
    """A [K] number: 2 March + 21 days = Mon 23 March."""
    monkeypatch.setattr(deadlines, "PUBLIC_INFORMATION_DAYS", 21)
    assert public_information_due(D(2026, 3, 2)) == D(2026, 3, 23)


# ------------------------------------------------------------------------------------------------------------------
# Properties
# ------------------------------------------------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(ANY_DAY)
def test_shift_to_working_day_lands_on_the_first_working_day_not_before_the_input(day):
    shifted = shift_to_working_day(day)
    assert is_working_day(shifted)
    assert shifted >= day
    # No working day is skipped, and the longest run of days off (Sat–Wed around Christmas) is 5 days.
    assert all(not is_working_day(day + timedelta(days=i)) for i in range((shifted - day).days))
    assert (shifted - day).days <= 5


@PROPERTY_SETTINGS
@given(ANY_DAY.filter(is_working_day))
def test_shift_to_working_day_is_the_identity_on_working_days(day):
    assert shift_to_working_day(day) == day


@PROPERTY_SETTINGS
@given(ANY_DAY, st.integers(min_value=1, max_value=30))
def test_add_working_days_counts_exactly_the_working_days_after_the_start(start, days):
    end = add_working_days(start, days)
    assert is_working_day(end)
    assert sum(is_working_day(start + timedelta(days=i)) for i in range(1, (end - start).days + 1)) == days


@PROPERTY_SETTINGS
@given(ANY_DAY, st.integers(min_value=-36, max_value=36))
def test_add_months_keeps_the_day_or_ends_the_month(start, months):
    result = add_months(start, months)
    assert result.year * 12 + result.month == start.year * 12 + start.month + months
    if result.day != start.day:
        assert result.day < start.day
        assert (result + timedelta(days=1)).month != result.month  # the last day of its month


@PROPERTY_SETTINGS
@given(ANY_DAY, st.integers(min_value=1, max_value=60))
def test_an_authority_act_before_an_event_is_due_on_a_working_day_no_later_than_the_count(event, days):
    latest = latest_date_before(event, days, by_authority=True)
    assert is_working_day(latest)
    assert latest <= event - timedelta(days=days)
    assert all(
        not is_working_day(d) for d in (latest + timedelta(days=i) for i in range(1, (event - latest).days - days + 1))
    )


@PROPERTY_SETTINGS
@given(ANY_DAY, ANY_DAY)
def test_a_ban_decision_is_never_due_after_either_limit(notified_on, event_start):
    latest = artistic_event_ban_latest(notified_on, event_start)
    assert latest <= shift_to_working_day(notified_on + timedelta(days=14))
    assert latest <= event_start - timedelta(days=10)


# ------------------------------------------------------------------------------------------------------------------
# Registry of open deadlines
# ------------------------------------------------------------------------------------------------------------------


def _deadline(due_date, *, title="Sprawa", case_mark="KU.0000.1.2026", section="events", handler_id=None):
    return OpenDeadline(
        due_date=due_date,
        title=title,
        case_mark=case_mark,
        url="/admin/",
        section=section,
        handler_id=handler_id,
        rule="art. 29 ust. 1 u.b.i.m.",
    )


@pytest.fixture
def no_sources(monkeypatch):
    """An empty registry, whatever the installed apps registered."""
    monkeypatch.setattr(deadlines, "_sources", {})


@pytest.mark.usefixtures("no_sources")
def test_open_deadlines_collects_every_source_and_sorts_by_due_date():
    register_deadline_source(
        "events", lambda: [_deadline(D(2026, 3, 20), title="C"), _deadline(D(2026, 3, 2))], model="core.feedback"
    )
    register_deadline_source(
        "press", lambda: iter([_deadline(D(2026, 3, 10), title="B", section="press")]), model="core.feedback"
    )

    assert [d.due_date for d in open_deadlines()] == [D(2026, 3, 2), D(2026, 3, 10), D(2026, 3, 20)]


@pytest.mark.usefixtures("no_sources")
def test_open_deadlines_filters_by_section_and_handler():
    register_deadline_source(
        "test",
        lambda: [
            _deadline(D(2026, 3, 2), title="mine, events", handler_id=7),
            _deadline(D(2026, 3, 3), title="mine, press", section="press", handler_id=7),
            _deadline(D(2026, 3, 4), title="other's, events", handler_id=8),
            _deadline(D(2026, 3, 5), title="nobody's, events"),
        ],
        model="core.feedback",
    )

    assert [d.title for d in open_deadlines(section="events")] == [
        "mine, events",
        "other's, events",
        "nobody's, events",
    ]
    assert [d.title for d in open_deadlines(handler_id=7)] == ["mine, events", "mine, press"]
    assert [d.title for d in open_deadlines(section="events", handler_id=7)] == ["mine, events"]


@pytest.mark.usefixtures("no_sources")
def test_a_source_can_be_replaced_and_unregistered():
    register_deadline_source("test", lambda: [_deadline(D(2026, 3, 2))], model="core.feedback")
    register_deadline_source("test", lambda: [_deadline(D(2026, 3, 9))], model="core.feedback")
    assert [d.due_date for d in open_deadlines()] == [D(2026, 3, 9)]

    unregister_deadline_source("test")
    unregister_deadline_source("test")  # twice is harmless
    assert open_deadlines() == []


@pytest.mark.parametrize(
    ("due_date", "days_left", "overdue"),
    [
        (D(2026, 3, 11), 1, False),  # due tomorrow
        (D(2026, 3, 10), 0, False),  # due today: still on time
        (D(2026, 3, 9), -1, True),  # due yesterday
    ],
)
def test_days_left_and_overdue_on_the_edges(due_date, days_left, overdue):
    deadline = _deadline(due_date)
    assert deadline.days_left(D(2026, 3, 10)) == days_left
    assert deadline.is_overdue(D(2026, 3, 10)) is overdue


def test_open_deadlines_are_immutable():
    deadline = _deadline(D(2026, 3, 10))
    with pytest.raises(AttributeError):
        deadline.due_date = D(2026, 3, 11)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2026, 11, 2), date(2026, 11, 16)),  # Monday + 14 = Monday
        (date(2026, 10, 28), date(2026, 11, 12)),  # 11 Nov (holiday) + 1 → 12 Nov
        (date(2026, 11, 7), date(2026, 11, 23)),  # Saturday + 14 = Saturday 21 → Monday 23
        (
            date(2026, 12, 10),
            date(2026, 12, 28),
        ),  # 24 Dec (Wigilia), 25–26 Dec holidays, 27 Sunday → 28
    ],
)
def test_feedback_answer_due(received, due):
    from core.deadlines import feedback_answer_due

    assert feedback_answer_due(received) == due
