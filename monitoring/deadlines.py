"""The statutory clocks of media monitoring: sprostowania under Prawo prasowe (ustawa z 26.01.1984).

DOMAIN.md §F.3, §K. One function per rule, named after it, counted with the calendar of `core.deadlines`: the
Press Law's periods are civil-law periods (k.c. art. 111 § 2: the day of the event is not counted; art. 115: a
period ending on a statutory day off ends on the next day that is not one); working days are Monday to Friday
minus the statutory days off. Every number is a module constant; the [K] ones are the department's readings
(docs/monitoring.md) and change in one line.
"""

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.deadlines import add_calendar_days, add_months, add_working_days, shift_to_working_day

#: Prawo prasowe art. 31a ust. 1: sprostowanie sent by post or filed at the editorial office within 21 days of the
#: publication of the press material.
PRESS_CORRECTION_REQUEST_DAYS = 21
#: Prawo prasowe art. 31a ust. 4 (t.j. Dz.U. 2018 poz. 1914): at most twice the length of the corrected fragment.
PRESS_CORRECTION_LENGTH_FACTOR = 2
#: Prawo prasowe art. 32 ust. 1 pkt 1: the electronic form of the title publishes within 3 working days of receipt.
PRESS_CORRECTION_ONLINE_WORKING_DAYS = 3
#: Prawo prasowe art. 32 ust. 1 pkt 2: a daily publishes in the nearest issue, at the latest within 7 days of
#: receipt.
PRESS_CORRECTION_DAILY_DAYS = 7
#: [K] Prawo prasowe art. 33 ust. 3 as DOMAIN.md §F.3 reads it: a refusal, with its reasons, within 7 days of receipt.
PRESS_CORRECTION_REFUSAL_DAYS = 7
#: [K] DOMAIN.md §F.3: the action for publication of a sprostowanie is barred a year after the publication of the
#: material.
PRESS_CORRECTION_LAWSUIT_MONTHS = 12


class IssueInterval(models.TextChoices):
    """How often a periodical appears or a programme is broadcast [K]: the default of the next issue's date."""

    WEEKLY = "weekly", _("weekly")
    FORTNIGHTLY = "fortnightly", _("every two weeks")
    MONTHLY = "monthly", _("monthly")
    BIMONTHLY = "bimonthly", _("every two months")
    QUARTERLY = "quarterly", _("quarterly")


#: [K] The period between two issues (or two broadcasts of a programme), in (days, months).
ISSUE_INTERVALS = {
    IssueInterval.WEEKLY: (7, 0),
    IssueInterval.FORTNIGHTLY: (14, 0),
    IssueInterval.MONTHLY: (0, 1),
    IssueInterval.BIMONTHLY: (0, 2),
    IssueInterval.QUARTERLY: (0, 3),
}


def next_issue_after(day: date, interval: str) -> date:
    """The date one issue `interval` after `day` (the printed date of a periodical may be any day of the week)."""
    days, months = ISSUE_INTERVALS[IssueInterval(interval)]
    return add_months(day, months) if months else add_calendar_days(day, days)


def press_correction_request_latest(published_on: date) -> date:
    """Sprostowanie: the last day to post it or file it at the editorial office, 21 days from publication.

    Ustawa z 26.01.1984 Prawo prasowe art. 31a ust. 1 (after the Dz.U. 2012 poz. 1136 amendment); a civil-law
    period counted per k.c. art. 111 § 2 and art. 115 (a Saturday or day off moves it to the next working day).
    """
    return shift_to_working_day(add_calendar_days(published_on, PRESS_CORRECTION_REQUEST_DAYS))


def press_correction_length_allowed(fragment_length: int) -> int:
    """The longest sprostowanie of a fragment `fragment_length` long: twice as long (Prawo prasowe art. 31a ust. 4)."""
    return PRESS_CORRECTION_LENGTH_FACTOR * fragment_length


def press_correction_online_publication_due(received_on: date) -> date:
    """Sprostowanie in the online form of a title: published within 3 working days of receipt.

    Prawo prasowe art. 32 ust. 1 pkt 1. Working days are counted, so a Saturday, a Sunday or a statutory day off
    neither counts nor ends the period.
    """
    return add_working_days(received_on, PRESS_CORRECTION_ONLINE_WORKING_DAYS)


def press_correction_daily_publication_due(received_on: date) -> date:
    """Sprostowanie in a daily: the nearest issue being prepared, at the latest within 7 days of receipt.

    Prawo prasowe art. 32 ust. 1 pkt 2. The 7 days are the outer limit the clerk can hold the publisher to; a
    period ending on a Saturday or statutory day off ends on the next working day [K] (k.c. art. 115, as the
    request's 21 days are counted).
    """
    return shift_to_working_day(add_calendar_days(received_on, PRESS_CORRECTION_DAILY_DAYS))


def press_correction_periodical_publication_due(
    received_on: date, *, nearest_issue_on: date | None, interval: str
) -> date:
    """Sprostowanie in a periodical: the nearest or the next issue after receipt (Prawo prasowe art. 32 ust. 1 pkt 3).

    The publisher may still use the issue after the nearest one, so the deadline is the date of the next issue:
    the nearest issue the clerk learnt of (its printed date), or one `interval` after receipt when not known [K],
    plus one `interval`. An issue appears on its printed date, whatever day of the week it is: no shift.
    """
    nearest = nearest_issue_on or next_issue_after(received_on, interval)
    return next_issue_after(nearest, interval)


def press_correction_broadcast_publication_due(
    received_on: date, *, nearest_broadcast_on: date | None, interval: str
) -> date:
    """Sprostowanie on radio or television: in the nearest analogous broadcast (Prawo prasowe art. 32 ust. 1 pkt 4).

    The date of the nearest broadcast of the same programme after receipt, as the clerk learnt it, or one
    `interval` after receipt when not known [K]. A programme goes on air on its own days, weekends and holidays
    included: no shift.
    """
    return nearest_broadcast_on or next_issue_after(received_on, interval)


def press_correction_refusal_due(received_on: date) -> date:
    """The editor's written refusal with its reasons: within 7 days of receipt ([K] Prawo prasowe art. 33 ust. 3)."""
    return shift_to_working_day(add_calendar_days(received_on, PRESS_CORRECTION_REFUSAL_DAYS))


def press_correction_lawsuit_latest(published_on: date) -> date:
    """The last day to sue for the publication of a sprostowanie: a year from the material's publication.

    [K] DOMAIN.md §F.3 (Prawo prasowe art. 39 ust. 3 as read there); counted per k.c. art. 112 and art. 115.
    """
    return shift_to_working_day(add_months(published_on, PRESS_CORRECTION_LAWSUIT_MONTHS))
