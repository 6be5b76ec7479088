"""Statutory deadlines: one function per rule, named after the rule, and the registry behind the clerks' Terminarz.

How days are counted (k.p.a. art. 57; the civil-law twins k.c. art. 111–115 and o.p. art. 12 give the same results
for the rules below that are not k.p.a. proceedings: Prawo prasowe, u.d.p.p., u.f.p., u.d.i.p.):

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
constants so that a confirmed value is a one-line change. Every number lives in a constant for the same reason.

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
# The numbers of the rules (DOMAIN.md §K)
# ------------------------------------------------------------------------------------------------------------------

#: Rozporządzenie MKiDN z 26.01.2012 (Dz.U. 2012 poz. 189): odpis sent within 14 days of receiving the request.
REGISTER_EXTRACT_DAYS = 14
#: u.b.i.m. art. 25 ust. 1 pkt 1: application at least 30 days before the planned start.
MASS_EVENT_APPLICATION_DAYS_BEFORE = 30
#: u.b.i.m. art. 25 ust. 1a: shortened to 14 days in exceptional, justified cases.
MASS_EVENT_APPLICATION_EXCEPTIONAL_DAYS_BEFORE = 14
#: u.b.i.m. art. 29 ust. 1: permit issued or refused at least 7 days before the planned date.
MASS_EVENT_DECISION_DAYS_BEFORE = 7
#: u.o.p.d.k. art. 34: notification not later than 30 days before the planned start.
ARTISTIC_EVENT_NOTIFICATION_DAYS_BEFORE = 30
#: u.o.p.d.k. art. 36 ust. 1: ban decision delivered within 14 days of the notification ...
ARTISTIC_EVENT_BAN_DAYS_AFTER_NOTIFICATION = 14
#: ... but not later than 10 days before the planned start.
ARTISTIC_EVENT_BAN_DAYS_BEFORE = 10
#: u.d.p.p. art. 13 ust. 1: offers deadline not shorter than 21 days from the last announcement.
OPEN_COMPETITION_OFFER_DAYS = 21
#: u.d.p.p. art. 18 ust. 1: final report within 30 days of the end of the task [V-sec].
GRANT_REPORT_DAYS = 30
#: u.f.p. art. 252 ust. 1: misused / undue / excessive subsidy returned within 15 days of the finding.
SUBSIDY_RETURN_DAYS = 15
#: City patronage rules (Katowice, Rybnik, Piekary …): application at least 30 days before the event [K].
PATRONAGE_APPLICATION_DAYS_BEFORE = 30
#: Prawo prasowe art. 31a: sprostowanie sent or filed within 21 days of publication.
PRESS_CORRECTION_REQUEST_DAYS = 21
#: Prawo prasowe art. 32 ust. 1 pkt 1: online form of the title publishes within 3 working days of receipt.
PRESS_CORRECTION_ONLINE_WORKING_DAYS = 3
#: Ustawa z 19.07.2019 o zapewnianiu dostępności, art. 31 ust. 1: without delay, not later than 14 days ...
ACCESSIBILITY_REQUEST_DAYS = 14
#: ... art. 31 ust. 2: after notice to the applicant, not later than 2 months from filing.
ACCESSIBILITY_REQUEST_MAX_MONTHS = 2
#: Ustawa z 4.04.2019 o dostępności cyfrowej: demand handled within 7 days ... [V-sec]
DIGITAL_ACCESSIBILITY_DEMAND_DAYS = 7
#: ... extendable with notice to 2 months from filing [V-sec].
DIGITAL_ACCESSIBILITY_DEMAND_MAX_MONTHS = 2
#: u.d.i.p. art. 13 ust. 1: without undue delay, not later than 14 days [K].
PUBLIC_INFORMATION_DAYS = 14
#: u.d.i.p. art. 13 ust. 2: with notice of the reason, not later than 2 months [K].
PUBLIC_INFORMATION_MAX_MONTHS = 2
# [K] The department's own promise on the feedback form: an answer within 14 days (no statute).
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


def _local_date(value: date | datetime) -> date:
    """The calendar date in Europe/Warsaw of a date or an aware datetime (models keep event starts as datetimes)."""
    if isinstance(value, datetime):
        if timezone.is_naive(value):
            raise ValueError("A naive datetime has no calendar date in Europe/Warsaw; pass an aware one or a date.")
        return timezone.localdate(value)
    return value


# ------------------------------------------------------------------------------------------------------------------
# The rules (DOMAIN.md §K), one function each
# ------------------------------------------------------------------------------------------------------------------


def register_extract_due(received_on: date) -> date:
    """Odpis from the register of cultural institutions: sent within 14 days of receiving the request.

    Rozporządzenie MKiDN z 26.01.2012 w sprawie sposobu prowadzenia i udostępniania rejestru instytucji kultury
    (Dz.U. 2012 poz. 189), rules on udostępnianie (§ 10–§ 13; the paragraph holding the 14 days is not verified);
    k.p.a. art. 57 § 1 and § 4.
    """
    return shift_to_working_day(add_calendar_days(received_on, REGISTER_EXTRACT_DAYS))


def mass_event_application_latest(event_start: date | datetime, *, exceptional: bool = False) -> date:
    """Mass-event permit application: filed at least 30 days before the planned start (14 if `exceptional`).

    Ustawa z 20.03.2009 o bezpieczeństwie imprez masowych (u.b.i.m.) art. 25 ust. 1 pkt 1 (30 days) and
    art. 25 ust. 1a (14 days in exceptional, justified cases); art. 26 ust. 1 lists the application's attachments.
    The organiser's act: a weekend date is not moved (see `latest_date_before`).
    """
    days = MASS_EVENT_APPLICATION_EXCEPTIONAL_DAYS_BEFORE if exceptional else MASS_EVENT_APPLICATION_DAYS_BEFORE
    return latest_date_before(_local_date(event_start), days)


def mass_event_decision_latest(event_start: date | datetime) -> date:
    """Mass-event permit or refusal: issued at least 7 days before the planned date of the event.

    u.b.i.m. art. 29 ust. 1. The authority's own act: a date on a day off moves to the previous working day.
    """
    return latest_date_before(_local_date(event_start), MASS_EVENT_DECISION_DAYS_BEFORE, by_authority=True)


def artistic_event_notification_latest(event_start: date | datetime) -> date:
    """Notification of an artistic or entertainment event (not a mass event): at least 30 days before the start.

    Ustawa z 25.10.1991 o organizowaniu i prowadzeniu działalności kulturalnej (u.o.p.d.k.) art. 34. If the
    authority demanded a certificate on the venue, the 30 days run from its delivery: compare the certificate's
    delivery date with the same date. The organiser's act: a weekend date is not moved.
    """
    return latest_date_before(_local_date(event_start), ARTISTIC_EVENT_NOTIFICATION_DAYS_BEFORE)


def artistic_event_ban_latest(notified_on: date, event_start: date | datetime) -> date:
    """Ban decision on a notified artistic event: delivered within 14 days of the notification and ≥ 10 days before.

    u.o.p.d.k. art. 36 ust. 1 ("doręczona … w terminie 14 dni od dnia złożenia zawiadomienia, nie później jednak
    niż 10 dni przed planowanym terminem rozpoczęcia imprezy"): the earlier of the two limits. The 14-day limit
    is an ordinary deadline (k.p.a. art. 57 § 1, § 4); the 10-day one is counted back from the start and, being
    the authority's act, moves to the previous working day. It is a *delivery* deadline: dispatch before it.
    """
    after_notification = shift_to_working_day(
        add_calendar_days(notified_on, ARTISTIC_EVENT_BAN_DAYS_AFTER_NOTIFICATION)
    )
    before_start = latest_date_before(_local_date(event_start), ARTISTIC_EVENT_BAN_DAYS_BEFORE, by_authority=True)
    return min(after_notification, before_start)


def open_competition_offers_earliest_deadline(announced_on: date) -> date:
    """Open competition for NGOs: the earliest offers deadline the call may set.

    Ustawa z 24.04.2003 o działalności pożytku publicznego i o wolontariacie (u.d.p.p.) art. 13 ust. 1: not
    shorter than 21 days from the day the last announcement appears (`announced_on`, not counted). A period
    ending on a day off would run on to the next working day anyway (k.c. art. 115), so that day is returned.
    """
    return shift_to_working_day(add_calendar_days(announced_on, OPEN_COMPETITION_OFFER_DAYS))


#: The name used in the original brief; the date is the *earliest* allowed closing date, hence the new name.
open_competition_offers_latest = open_competition_offers_earliest_deadline


def grant_report_due(task_end: date) -> date:
    """Final report on a public task: within 30 days of the end of the task.

    u.d.p.p. art. 18 ust. 1 [V-sec]; the days counted as in k.p.a. art. 57 § 1 and § 4 (k.c. art. 111, 115).
    """
    return shift_to_working_day(add_calendar_days(task_end, GRANT_REPORT_DAYS))


def subsidy_return_due(found_on: date) -> date:
    """Return of a subsidy used contrary to purpose, taken unduly or in excess: within 15 days of the finding.

    Ustawa z 27.08.2009 o finansach publicznych (u.f.p.) art. 252 ust. 1, with interest as for tax arrears;
    days counted as in o.p. art. 12 § 1 and § 5 (same result as k.p.a. art. 57).
    """
    return shift_to_working_day(add_calendar_days(found_on, SUBSIDY_RETURN_DAYS))


def patronage_application_latest(event_start: date | datetime) -> date:
    """Honorary patronage of the Prezydent: application at least 30 days before the event [K].

    No statute: the city's patronage regulamin (zarządzenie Prezydenta); 30 days is the rule of Katowice,
    Częstochowa, Rybnik and Piekary Śląskie (DOMAIN.md §E.1). The organiser's act: not moved off weekends.
    """
    return latest_date_before(_local_date(event_start), PATRONAGE_APPLICATION_DAYS_BEFORE)


def press_correction_request_latest(published_on: date) -> date:
    """Sprostowanie: the last day to post it or file it at the editorial office, 21 days from publication.

    Ustawa z 26.01.1984 Prawo prasowe art. 31a (after the Dz.U. 2012 poz. 1136 amendment); a civil-law
    deadline counted per k.c. art. 111 § 2 and art. 115 (a Saturday or day off moves it to the next working day).
    """
    return shift_to_working_day(add_calendar_days(published_on, PRESS_CORRECTION_REQUEST_DAYS))


def press_correction_online_publication_due(received_on: date) -> date:
    """Sprostowanie in the online form of a daily or periodical: published within 3 working days of receipt.

    Prawo prasowe art. 32 ust. 1 pkt 1. Other media (art. 32 ust. 1 pkt 2–4: nearest issue, ≤ 7 days for a
    daily, nearest analogous broadcast) depend on the publishing schedule and are not computed here.
    """
    return add_working_days(received_on, PRESS_CORRECTION_ONLINE_WORKING_DAYS)


def accessibility_request_due(filed_on: date, *, extended: bool = False) -> date:
    """Request for accessibility: handled within 14 days of filing, or within 2 months if `extended`.

    Ustawa z 19.07.2019 o zapewnianiu dostępności osobom ze szczególnymi potrzebami, art. 31 ust. 1 (14 days)
    and ust. 2 (the applicant is told the reason and the new date, at most 2 months from filing).
    """
    if extended:
        due = add_months(filed_on, ACCESSIBILITY_REQUEST_MAX_MONTHS)
    else:
        due = add_calendar_days(filed_on, ACCESSIBILITY_REQUEST_DAYS)
    return shift_to_working_day(due)


def digital_accessibility_demand_due(filed_on: date, *, extended: bool = False) -> date:
    """Demand for digital accessibility of a page or app: within 7 days of filing, or 2 months if `extended`.

    Ustawa z 4.04.2019 o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych,
    art. 18 [V-sec: article and numbers seen in secondary sources only].
    """
    if extended:
        due = add_months(filed_on, DIGITAL_ACCESSIBILITY_DEMAND_MAX_MONTHS)
    else:
        due = add_calendar_days(filed_on, DIGITAL_ACCESSIBILITY_DEMAND_DAYS)
    return shift_to_working_day(due)


def public_information_due(filed_on: date, *, extended: bool = False) -> date:
    """Request for public information: answered within 14 days of filing, or within 2 months if `extended` [K].

    Ustawa z 6.09.2001 o dostępie do informacji publicznej (u.d.i.p.) art. 13 ust. 1 (14 days) and ust. 2
    (notice of the delay and its reason, at most 2 months). Also the route for journalists (Prawo prasowe art. 3a).
    """
    if extended:
        due = add_months(filed_on, PUBLIC_INFORMATION_MAX_MONTHS)
    else:
        due = add_calendar_days(filed_on, PUBLIC_INFORMATION_DAYS)
    return shift_to_working_day(due)


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
