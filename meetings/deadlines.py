"""The clock of the requests (wnioski) residents raise at the Mayor's meetings (DOMAIN.md §I.3).

A request raised at a meeting that is a formal *wniosek* is handled under k.p.a. Dział VIII (art. 241–247): the
authority considers it without undue delay and at the latest within one month (art. 244 § 1 [K]). The month is
counted as k.p.a. art. 57 counts it, with the calendar of `core.deadlines`. Every number is a module constant.
"""

from datetime import date

from core.deadlines import add_months, shift_to_working_day

#: k.p.a. art. 244 § 1 (Dział VIII, wnioski) [K, DOMAIN.md §I.3]: the request is considered within one month.
REQUEST_ANSWER_MONTHS = 1
#: The citation the Terminarz shows beside the clock.
REQUEST_ANSWER_RULE = "k.p.a. art. 244 § 1: wniosek rozpatruje się nie później niż w ciągu miesiąca"


def request_answer_due(raised_on: date) -> date:
    """The last day to answer a request raised at a meeting on `raised_on`: one month later.

    k.p.a. art. 244 § 1 (Dział VIII) [K]; the month ends on the day that corresponds numerically to the day of the
    meeting, or on the month's last day when it has no such day (art. 57 § 3), and a period ending on a Saturday or
    a day off ends on the next working day (art. 57 § 4).
    """
    return shift_to_working_day(add_months(raised_on, REQUEST_ANSWER_MONTHS))
