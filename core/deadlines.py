"""Statutory deadlines: the calendar every rule counts with, and the registry behind the clerks' Terminarz.

Each statutory rule lives in the app of its duty, one function per rule named after it, with the act and the
article in its docstring and its numbers in module constants: `institutions.deadlines` (the register's odpis),
`mass_events.deadlines` (permits and notifications), `grants.deadlines` (open competitions, reports, returns),
`monitoring.deadlines` (sprostowania). Rules of duties that have no app yet are listed in docs/architecture.md
("Statutory deadlines") with their articles, and come back with their app. `core` keeps only the calendar, the
department's own promise on feedback and the registry.

How days are counted (k.p.a. art. 57; the civil-law twins k.c. art. 111–115 and o.p. art. 12 give the same results
for the apps' rules that are not k.p.a. proceedings: Prawo prasowe, u.d.p.p., u.f.p.):

* § 1 — a deadline in days that starts with an event does not count the day of the event: "14 days from
  receipt on the 3rd" ends on the 17th (`add_calendar_days`).
* § 3 — a deadline in months ends on the day of the last month that corresponds numerically to the start day,
  or on the last day of that month if there is no such day (`add_months`).
* § 4 — a deadline whose last day is a Saturday or a statutory day off ends on the next day that is neither
  (`shift_to_working_day`).
* "Working days" (Prawo prasowe art. 32 ust. 1 pkt 1) are Monday to Friday minus statutory days off
  (`add_working_days`).
* "At least N days before an event" rules are counted back from the event, the event day not counted: the act
  is on time on the day N days before the event (`latest_date_before`). Art. 57 § 4 does not apply to them:
  moving such a date *later* would shorten the period the law protects. See `latest_date_before` for when the
  date moves *earlier*.

Statutory days off are the ustawa z 18.01.1951 o dniach wolnych od pracy list, taken from the `holidays` package
(Poland): every Sunday, plus 1 and 6 January, Easter Monday, 1 and 3 May, Corpus Christi, 15 August, 1 and
11 November, 24 December (from 2025), 25 and 26 December. A day the City Hall gives its staff off in return for a
holiday falling on a Saturday is *not* a statutory day off and moves no deadline.

Numbers marked [K] in DOMAIN.md §K are best knowledge, not verified against the act: they are module-level
constants (in the rule's module) so that a confirmed value is a one-line change.

Apps contribute their open deadlines with `register_deadline_source` from AppConfig.ready(); `core` imports no app.
Each source names the model its deadlines are about: the Terminarz shows a clerk only the sources whose model the
clerk may view, since a deadline's title carries case data (an applicant's name, the start of a resident's opinion).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

import holidays
from django.utils import timezone

# ------------------------------------------------------------------------------------------------------------------
# The kernel's own number
# ------------------------------------------------------------------------------------------------------------------

#: [K] The department's own promise on the feedback form: an answer within 14 days (no statute).
FEEDBACK_ANSWER_DAYS = 14


# ------------------------------------------------------------------------------------------------------------------
# Calendar primitives
# ------------------------------------------------------------------------------------------------------------------


@cache
def _statutory_days_off(year: int) -> frozenset[date]:
    # One frozen set per year: cheap membership tests, and nothing mutable is shared between threads.
    return frozenset(holidays.Poland(years=year))


def is_public_holiday(day: date) -> bool:
    """Whether `day` is a statutory public holiday in Poland (ustawa o dniach wolnych od pracy, art. 1 pkt 1)."""
    return day in _statutory_days_off(day.year)


def is_working_day(day: date) -> bool:
    """Whether `day` is a working day for deadlines: not a Saturday, not a Sunday, not a public holiday.

    k.p.a. art. 57 § 4 treats Saturday like a statutory day off, so Monday–Friday minus holidays remain.
    """
    return day.weekday() < 5 and not is_public_holiday(day)


def next_working_day(day: date) -> date:
    """The first working day strictly after `day`."""
    day += timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def previous_working_day(day: date) -> date:
    """The last working day strictly before `day`."""
    day -= timedelta(days=1)
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def shift_to_working_day(day: date) -> date:
    """k.p.a. art. 57 § 4: a deadline ending on a Saturday, Sunday or public holiday ends on the next working day.

    The identity on working days.
    """
    return day if is_working_day(day) else next_working_day(day)


def add_calendar_days(start: date, days: int) -> date:
    """k.p.a. art. 57 § 1: the last day of a deadline of `days` days counted from an event on `start`.

    The day of the event is not counted, so the deadline ends `days` days after it. Not shifted off weekends:
    rules apply `shift_to_working_day` themselves.
    """
    return start + timedelta(days=days)


def add_working_days(start: date, days: int) -> date:
    """The `days`-th working day after `start` (the day of `start` is not counted, whatever kind of day it is).

    For deadlines counted in working days, e.g. Prawo prasowe art. 32 ust. 1 pkt 1 ("3 dni robocze").
    Saturday is not a working day. `days=0` returns `start`.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    for _ in range(days):
        day = next_working_day(day)
    return day


def add_months(start: date, months: int) -> date:
    """k.p.a. art. 57 § 3: the day `months` months after `start` that corresponds numerically to its day.

    If the target month has no such day (31 January + 1 month), the deadline ends on the month's last day
    (28 or 29 February). Not shifted off weekends. Negative `months` count backwards the same way.
    """
    month_index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(month_index, 12)
    month += 1
    next_month_first = date(year + (month == 12), month % 12 + 1, 1)
    last_day = (next_month_first - timedelta(days=1)).day
    return date(year, month, min(start.day, last_day))


def latest_date_before(event_date: date, days: int, *, by_authority: bool = False) -> date:
    """The last day on which an act that must happen "at least `days` days before" `event_date` is on time.

    Counted back from the event, the event day not counted (art. 57 § 1 mirrored): an event on 31 July and
    "30 days before" give 1 July. Art. 57 § 4 does not move such a date to the next working day, since that
    would eat into the period the law guarantees before the event.

    When the date falls on a Saturday, Sunday or public holiday:

    * acts of a party (`by_authority=False`, the default: an organiser's application or notification) keep
      the date. The party may still act that day through ePUAP or a post office, and art. 57 § 5 k.p.a. counts
      the date of the UPO or of posting; rejecting such a filing would refuse a right the law gives.
    * acts of the authority itself (`by_authority=True`: the Prezydent's permit or ban) move *earlier*, to the
      previous working day, because the office does not sign decisions on days off and no rule lets it act late.
    """
    day = event_date - timedelta(days=days)
    if by_authority and not is_working_day(day):
        day = previous_working_day(day)
    return day


def calendar_date(value: date | datetime) -> date:
    """The calendar date in Europe/Warsaw of a date or an aware datetime (models keep event starts as datetimes)."""
    if isinstance(value, datetime):
        if timezone.is_naive(value):
            raise ValueError("A naive datetime has no calendar date in Europe/Warsaw; pass an aware one or a date.")
        return timezone.localdate(value)
    return value


# ------------------------------------------------------------------------------------------------------------------
# The kernel's own rule (the apps' rules live in each app's deadlines.py)
# ------------------------------------------------------------------------------------------------------------------


def feedback_answer_due(received_on: date) -> date:
    """Answer an opinion sent through "Prześlij opinię" within 14 days [K: the department's own promise,
    DOMAIN.md §F.5 sets no statutory term], moved to the next working day by analogy with k.p.a. art. 57 § 4."""
    return shift_to_working_day(add_calendar_days(received_on, FEEDBACK_ANSWER_DAYS))


# ------------------------------------------------------------------------------------------------------------------
# Registry of open deadlines (the clerks' Terminarz)
# ------------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenDeadline:
    """A deadline a clerk still has to meet.

    `section` is a code from `core.roles.SECTIONS`; `handler_id` the id of the clerk handling the case (None when
    nobody is assigned); `rule` a short citation shown to the clerk, e.g. "art. 29 ust. 1 u.b.i.m.".
    """

    due_date: date
    title: str
    case_mark: str
    url: str
    section: str
    handler_id: int | None
    rule: str

    def days_left(self, today: date) -> int:
        """Days from `today` to the due date: 0 on the day, negative once overdue."""
        return (self.due_date - today).days

    def is_overdue(self, today: date) -> bool:
        """Overdue from the day after the due date: the due date itself is still on time."""
        return self.due_date < today


DeadlineSource = Callable[[], Iterable[OpenDeadline]]


@dataclass(frozen=True)
class RegisteredSource:
    """A source of the Terminarz: `read()` returns its open deadlines, all about records of `model`."""

    read: DeadlineSource
    model: str

    @property
    def view_permission(self) -> str:
        """The permission a clerk needs to see the source's deadlines: "view" on its model."""
        app_label, model_name = self.model.split(".")
        return f"{app_label}.view_{model_name}"


_sources: dict[str, RegisteredSource] = {}


def register_deadline_source(key: str, source: DeadlineSource, *, model: str) -> None:
    """Add (or replace) the source registered under `key`; `source()` returns the app's open deadlines.

    `model` ("app_label.modelname") is the model the deadlines are about: only a clerk with its view permission
    sees them in the Terminarz. A source that reads several models is split into one source per model. Call it
    from AppConfig.ready(). A source should read the database in a bounded number of queries.
    """
    app_label, _dot, model_name = model.lower().partition(".")
    if not app_label or not model_name or "." in model_name:
        raise ValueError(f"A deadline source names its model as 'app_label.modelname', not {model!r}.")
    _sources[key] = RegisteredSource(read=source, model=f"{app_label}.{model_name}")


def unregister_deadline_source(key: str) -> None:
    """Remove the source registered under `key`, if any (tests use it to clean up)."""
    _sources.pop(key, None)


def deadline_sources() -> dict[str, RegisteredSource]:
    """The registered sources by key (a copy)."""
    return dict(_sources)


def open_deadlines(section: str | None = None, handler_id: int | None = None, *, user=None) -> list[OpenDeadline]:
    """Every registered source's open deadlines, optionally of one section and/or one handler, by due date.

    With `user` (what a page shows a clerk), only the sources whose model the user may view are read; without
    it every source is (for services, commands and tests, which show nothing to a clerk).
    """
    sources = [source for source in _sources.values() if user is None or user.has_perm(source.view_permission)]
    deadlines = [deadline for source in sources for deadline in source.read()]
    if section is not None:
        deadlines = [deadline for deadline in deadlines if deadline.section == section]
    if handler_id is not None:
        deadlines = [deadline for deadline in deadlines if deadline.handler_id == handler_id]
    deadlines.sort(key=lambda deadline: (deadline.due_date, deadline.case_mark, deadline.title))
    return deadlines
