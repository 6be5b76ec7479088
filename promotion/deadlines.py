"""The clocks of promotion and development (DOMAIN.md §I.2, §I.5) and of the city's own events (duty 4).

No statute sets them: an investor inquiry is answered within the department's own service standard [K], counted as
k.p.a. art. 57 counts (the day of receipt not counted, a day off moves to the next working day) with the calendar of
`core.deadlines`. Every number is a module constant (docs/promotion.md).
"""

from datetime import date

from core.deadlines import add_calendar_days, latest_date_before, shift_to_working_day

#: [K] DOMAIN.md §I.2: the Centrum Obsługi Inwestora answers an investor within 7 days of the inquiry (the department's
#: own standard; investors compare cities by how fast they answer, and public information would allow 14 days).
INVESTOR_INQUIRY_ANSWER_DAYS = 7


def investor_inquiry_answer_due(received_on: date) -> date:
    """The answer to an investor's inquiry: within 7 days of its receipt (DOMAIN.md §I.2 [K], the COI's standard).

    Counted as k.p.a. art. 57 § 1 and § 4: the day of receipt not counted; a period ending on a Saturday or a day off
    ends on the next working day.
    """
    return shift_to_working_day(add_calendar_days(received_on, INVESTOR_INQUIRY_ANSWER_DAYS))


#: [K] No statute times the production of the city's own event: the clock of a task is the event's own plan.
PRODUCTION_TASK_RULE = "harmonogram wydarzenia miasta (termin wydziału, bez podstawy ustawowej)"


def checklist_task_due(starts_on: date, days_before: int) -> date:
    """A checklist task of an own event: due `days_before` days before its first day (after it when negative).

    No statute sets it [K]: the department's checklist for the kind of event does. A task before the event that falls
    on a Saturday or a day off is due on the working day before (the office does not work that day, and the event
    will not wait, as `latest_date_before` with `by_authority` counts); a task after the event (a settlement, the
    report) moves to the next working day, as k.p.a. art. 57 § 4 moves a period's end.
    """
    if days_before >= 0:
        return latest_date_before(starts_on, days_before, by_authority=True)
    return shift_to_working_day(add_calendar_days(starts_on, -days_before))
