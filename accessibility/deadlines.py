"""The clocks of the accessibility coordinator (DOMAIN.md §G).

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
