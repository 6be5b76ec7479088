"""The kernel's calendar of deadlines and the Terminarz registry at their edges (each rule: tests/<app>/).

Every expected date below was read off a printed calendar, never computed by the code under test. Weekdays are
noted next to the dates; holidays are named. Polish statutory days off used here: 1 and 6 January, Easter Monday
(21.04.2025, 6.04.2026), 1 and 3 May, Corpus Christi (19.06.2025, 4.06.2026), 15 August, 1 and 11 November,
24 December (from 2025 only), 25 and 26 December, and every Sunday.
"""

import zoneinfo
from dataclasses import FrozenInstanceError
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import deadlines
from core.deadlines import (
    OpenDeadline,
    add_calendar_days,
    add_months,
    add_working_days,
    calendar_date,
    feedback_answer_due,
    is_public_holiday,
    is_working_day,
    latest_date_before,
    next_working_day,
    open_deadlines,
    previous_working_day,
    register_deadline_source,
    shift_to_working_day,
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
    with pytest.raises(ValueError, match="^days must not be negative$"):
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


def test_calendar_date_takes_the_local_date_of_an_aware_datetime():
    """22:30 UTC on 30 July is 00:30 on 31 July in Warsaw (CEST); a date stays itself."""
    assert calendar_date(datetime(2026, 7, 30, 22, 30, tzinfo=UTC)) == D(2026, 7, 31)
    assert calendar_date(datetime(2026, 7, 31, 0, 30, tzinfo=WARSAW)) == D(2026, 7, 31)
    assert calendar_date(D(2026, 7, 31)) == D(2026, 7, 31)


def test_calendar_date_refuses_naive_datetimes():
    with pytest.raises(
        ValueError, match=r"^A naive datetime has no calendar date in Europe/Warsaw; pass an aware one"
    ):
        calendar_date(datetime(2026, 7, 31, 18, 0))  # noqa: DTZ001 — the point of the test


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
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'due_date'"):
        deadline.due_date = D(2026, 3, 11)


# ------------------------------------------------------------------------------------------------------------------
# The department's own promise on feedback
# ------------------------------------------------------------------------------------------------------------------


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
    assert feedback_answer_due(received) == due
