"""The statutory clocks of the press office: sprostowania under Prawo prasowe (ustawa z 26.01.1984).

One function per rule, named after it, counted with the calendar of `core.deadlines`: a civil-law deadline per
k.c. art. 111 § 2 and art. 115, working days as Monday to Friday minus statutory days off.
"""

from datetime import date

from core.deadlines import add_calendar_days, add_working_days, shift_to_working_day

#: Prawo prasowe art. 31a: sprostowanie sent or filed within 21 days of publication.
PRESS_CORRECTION_REQUEST_DAYS = 21
#: Prawo prasowe art. 32 ust. 1 pkt 1: online form of the title publishes within 3 working days of receipt.
PRESS_CORRECTION_ONLINE_WORKING_DAYS = 3


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
