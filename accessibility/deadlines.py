"""The clocks of the accessibility coordinator (DOMAIN.md §G): the two procedures, the yearly review of the
declaration of accessibility and the 4-yearly report.

Two acts, two procedures of the same shape: the request for accessibility (ustawa z 19.07.2019 o zapewnianiu
dostępności osobom ze szczególnymi potrzebami, art. 31) and the demand for digital accessibility (ustawa z 4.04.2019
o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych, art. 18). The periods are
counted as k.p.a. art. 57 counts them (DOMAIN.md legend [K]), with the calendar of `core.deadlines`: the day of
filing is not counted, a period in months ends on the day of the same number, and a last day on a Saturday or a
statutory day off moves to the next working day. Every number is a module constant.
"""

from datetime import date

from core.deadlines import add_calendar_days, add_months, shift_to_working_day

#: Ustawa z 19.07.2019 art. 31 ust. 1: a request for accessibility is handled without delay, at most within 14 days.
REQUEST_ANSWER_DAYS = 14
#: Ustawa z 4.04.2019 art. 18 ust. 1 [V-sec]: a demand for digital accessibility is met at most within 7 days.
DEMAND_ANSWER_DAYS = 7
#: Both acts (19.07.2019 art. 31 ust. 2; 4.04.2019 art. 18 ust. 2): with a notice of the reason and the new date, the
#: answer may wait at most 2 months from the filing.
EXTENSION_MONTHS = 2
#: Ustawa z 19.07.2019 art. 32 ust. 2: a complaint to the Prezes Zarządu PFRON within 30 days (printed in the answer).
PFRON_COMPLAINT_DAYS = 30


def accessibility_request_answer_due(filed_on: date) -> date:
    """The answer to a request for accessibility: within 14 days of its filing.

    Ustawa z 19.07.2019 art. 31 ust. 1 (DOMAIN.md §G.2); counted as k.p.a. art. 57 § 1 and § 4 (the day of filing
    not counted; a last day on a Saturday or a statutory day off moves to the next working day).
    """
    return shift_to_working_day(add_calendar_days(filed_on, REQUEST_ANSWER_DAYS))


def digital_demand_answer_due(filed_on: date) -> date:
    """The answer to a demand for digital accessibility: within 7 days of its filing.

    Ustawa z 4.04.2019 art. 18 ust. 1 (DOMAIN.md §G.4 [V-sec]); counted as k.p.a. art. 57 § 1 and § 4.
    """
    return shift_to_working_day(add_calendar_days(filed_on, DEMAND_ANSWER_DAYS))


def accessibility_extension_latest(filed_on: date) -> date:
    """The latest new date a notice of delay may set: 2 months from the filing, for both procedures.

    Ustawa z 19.07.2019 art. 31 ust. 2 and ustawa z 4.04.2019 art. 18 ust. 2 (DOMAIN.md §G.2, §G.4); counted as
    k.p.a. art. 57 § 3 (the day of the same number, or the month's last day) and § 4.
    """
    return shift_to_working_day(add_months(filed_on, EXTENSION_MONTHS))


#: Ustawa z 4.04.2019 art. 10 ust. 3 [V S17]: the declaration of accessibility is reviewed and updated every year by
#: 31 March (day, month).
DECLARATION_REVIEW_BY = (3, 31)


def declaration_review_due(last_review: date) -> date:
    """The next yearly review of the declaration of accessibility: by 31 March of the year after the last one.

    Ustawa z 4.04.2019 art. 10 (DOMAIN.md §G.4, §K): reviewed and updated every year by 31 March. A review done in
    a year (on time or late) is that year's review, so the next is due by 31 March of the following year. The
    entity's own duty, not a period of a proceeding: the date is not moved off a weekend [K].
    """
    month, day = DECLARATION_REVIEW_BY
    return date(last_review.year + 1, month, day)


#: Ustawa z 19.07.2019 art. 11 ust. 1 [V S16]: the report on the state of accessibility is made every 4 years, the
#: first in 2021 (then 2025, 2029…), by 31 March (day, month).
REPORT_FIRST_YEAR = 2021
REPORT_EVERY_YEARS = 4
REPORT_BY = (3, 31)


def accessibility_report_due(today: date) -> date:
    """The next report on the state of accessibility: 31 March of the next reporting year on or after `today`.

    Ustawa z 19.07.2019 art. 11 ust. 1 (DOMAIN.md §G.3, §K): every 4 years by 31 March — 2021, 2025, 2029. After
    31 March of a reporting year the next is four years on. Not moved off a weekend (the entity's own duty) [K].
    """
    month, day = REPORT_BY
    year = today.year + (-(today.year - REPORT_FIRST_YEAR)) % REPORT_EVERY_YEARS
    if date(year, month, day) < today:
        year += REPORT_EVERY_YEARS
    return date(year, month, day)
