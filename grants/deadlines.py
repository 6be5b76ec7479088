"""The statutory clocks of open competitions and subsidies (u.d.p.p., u.f.p.) that the grants duty counts.

One function per rule, named after it, counted with the calendar of `core.deadlines` (k.p.a. art. 57 § 1 and § 4;
k.c. art. 111, 115; o.p. art. 12). The rules that need more than a date (the year-end return, the interest) live
in `grants.rules`, which builds on these.
"""

from datetime import date

from core.deadlines import add_calendar_days, add_working_days, shift_to_working_day

#: u.d.p.p. art. 13 ust. 1: offers deadline not shorter than 21 days from the last announcement.
OPEN_COMPETITION_OFFER_DAYS = 21
#: u.d.p.p. art. 18 ust. 1: final report within 30 days of the end of the task [V-sec].
GRANT_REPORT_DAYS = 30
#: u.d.p.p. art. 19a ust. 3: a small-grant offer is put up within 7 working days of the day it was received.
SMALL_GRANT_PUBLICATION_WORKING_DAYS = 7
#: u.f.p. art. 252 ust. 1 pkt 1–2: misused / undue / excessive subsidy returned within 15 days of the finding.
SUBSIDY_RETURN_DAYS = 15


def open_competition_offers_earliest_deadline(announced_on: date) -> date:
    """Open competition for NGOs: the earliest offers deadline the call may set.

    Ustawa z 24.04.2003 o działalności pożytku publicznego i o wolontariacie (u.d.p.p.) art. 13 ust. 1: not
    shorter than 21 days from the day the last announcement appears (`announced_on`, not counted). A period
    ending on a day off would run on to the next working day anyway (k.c. art. 115), so that day is returned.
    """
    return shift_to_working_day(add_calendar_days(announced_on, OPEN_COMPETITION_OFFER_DAYS))


def grant_report_due(task_end: date) -> date:
    """Final report on a public task: within 30 days of the end of the task.

    u.d.p.p. art. 18 ust. 1 [V-sec]; the days counted as in k.p.a. art. 57 § 1 and § 4 (k.c. art. 111, 115).
    """
    return shift_to_working_day(add_calendar_days(task_end, GRANT_REPORT_DAYS))


def subsidy_return_due(found_on: date) -> date:
    """Return of a subsidy used contrary to purpose, taken unduly or in excess: within 15 days of the finding.

    Ustawa z 27.08.2009 o finansach publicznych (u.f.p.) art. 252 ust. 1 pkt 1 and 2, with interest as for tax
    arrears (art. 252 ust. 6); days counted as in k.p.a. art. 57 § 1 and § 4, which u.f.p. art. 67 ust. 1 applies to
    the return of a subsidy (a receivable of art. 60 pkt 1) [K: the move off a day off, see
    `grants.rules.unused_subsidy_return_due`].
    """
    return shift_to_working_day(add_calendar_days(found_on, SUBSIDY_RETURN_DAYS))


def small_grant_publication_latest(received_on: date) -> date:
    """Small grant: last day to put the offer up in BIP, the notice board and the website (u.d.p.p. art. 19a ust. 3).

    "W terminie nie dłuższym niż 7 dni roboczych od dnia wpłynięcia oferty": the day of receipt is not counted
    (k.c. art. 111 § 2), then 7 working days, Saturdays, Sundays and statutory days off skipped (core.deadlines).
    An offer received on a day off is counted from that day all the same.
    """
    return add_working_days(received_on, SMALL_GRANT_PUBLICATION_WORKING_DAYS)
