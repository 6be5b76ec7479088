"""The clocks of honorary patronage and of requests to use the city's symbols (DOMAIN.md §E).

Neither duty has a statute of its own: the patronage follows the Prezydent's regulamin (a zarządzenie, DOMAIN.md
§E.1), the symbols the Rada Miasta's resolution on their use and the city's procedure card (DOMAIN.md §E.2). The
periods are counted as k.p.a. art. 57 counts them, with the calendar of `core.deadlines`. Every number is a module
constant; the [K] ones are the department's defaults (docs/patronage.md) and change in one line.
"""

from datetime import date, datetime

from core.deadlines import add_calendar_days, calendar_date, latest_date_before, shift_to_working_day

#: Regulamin of the Prezydent's honorary patronage (DOMAIN.md §E.1, [K] no statute): the application is filed at
#: least 30 days before the event (Katowice, Częstochowa, Rybnik, Trzebinia, Piekary).
PATRONAGE_APPLICATION_DAYS_BEFORE = 30
#: Regulamin (DOMAIN.md §E.1, Trzebinia [K]): the organiser sends a report with photos within 3 days after the event.
PATRONAGE_REPORT_DAYS_AFTER = 3
#: [K] The department's own aim: the written answer reaches the organiser at least 7 days before the event, so the
#: patronage can still be printed on the materials (DOMAIN.md §E.1: programme sent ≥ 7 days before).
PATRONAGE_ANSWER_DAYS_BEFORE = 7
#: Uchwała on the city's symbols and the procedure card (DOMAIN.md §E.2, Kościan [V-sec]): answer within 30 days.
SYMBOL_REQUEST_ANSWER_DAYS = 30


def patronage_application_latest(event_start: date | datetime) -> date:
    """The last day an application for the Prezydent's honorary patronage is on time: 30 days before the event.

    Regulamin of the honorary patronage (DOMAIN.md §E.1 [K], no statute). The organiser's act, counted back from the
    event's first day without it (k.p.a. art. 57 § 1 mirrored) and not moved off a weekend (`latest_date_before`).
    A cyclic event applies for each edition, so the edition's own first day counts.
    """
    return latest_date_before(calendar_date(event_start), PATRONAGE_APPLICATION_DAYS_BEFORE)


def patronage_application_is_late(received_on: date, event_start: date | datetime) -> bool:
    """True when the application came after `patronage_application_latest`: received and flagged, never refused.

    Regulamin (DOMAIN.md §E.1 [K]): a late application is still examined; the clerk decides (Piekary allows shorter
    periods in exceptional cases).
    """
    return received_on > patronage_application_latest(event_start)


def patronage_answer_due(event_start: date | datetime) -> date:
    """The department's aim for the written answer: 7 days before the event, moved earlier off a day off.

    [K] DOMAIN.md §E.1: every application gets a written answer; the department answers in time for the organiser
    to print the patronage on the materials. The authority's own act: a day off moves to the previous working day.
    """
    return latest_date_before(calendar_date(event_start), PATRONAGE_ANSWER_DAYS_BEFORE, by_authority=True)


def patronage_report_due(event_end: date | datetime) -> date:
    """The last day for the organiser's report with photos: 3 days after the event's last day.

    Regulamin (DOMAIN.md §E.1, Trzebinia [K]); counted as k.p.a. art. 57 § 1 (the last day of the event not counted)
    and § 4 (a period ending on a Saturday or a day off ends on the next working day).
    """
    return shift_to_working_day(add_calendar_days(calendar_date(event_end), PATRONAGE_REPORT_DAYS_AFTER))


def symbol_request_answer_due(received_on: date) -> date:
    """The answer to a request to use the coat of arms, flag, logo or colours: within 30 days of its receipt.

    Uchwała of the Rada Miasta on the city's symbols and the procedure card (DOMAIN.md §E.2 [V-sec Kościan]);
    counted as k.p.a. art. 57 § 1 and § 4 (the day of receipt not counted; a day off moves to the next working day).
    """
    return shift_to_working_day(add_calendar_days(received_on, SYMBOL_REQUEST_ANSWER_DAYS))
