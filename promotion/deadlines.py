"""The clocks of promotion and development (DOMAIN.md §I.2, §I.5).

No statute sets them: an investor inquiry is answered within the department's own service standard [K], counted as
k.p.a. art. 57 counts (the day of receipt not counted, a day off moves to the next working day) with the calendar of
`core.deadlines`. Every number is a module constant (docs/promotion.md).
"""

from datetime import date

from core.deadlines import add_calendar_days, shift_to_working_day

#: [K] DOMAIN.md §I.2: the Centrum Obsługi Inwestora answers an investor within 7 days of the inquiry (the department's
#: own standard; investors compare cities by how fast they answer, and public information would allow 14 days).
INVESTOR_INQUIRY_ANSWER_DAYS = 7


def investor_inquiry_answer_due(received_on: date) -> date:
    """The answer to an investor's inquiry: within 7 days of its receipt (DOMAIN.md §I.2 [K], the COI's standard).

    Counted as k.p.a. art. 57 § 1 and § 4: the day of receipt not counted; a period ending on a Saturday or a day off
    ends on the next working day.
    """
    return shift_to_working_day(add_calendar_days(received_on, INVESTOR_INQUIRY_ANSWER_DAYS))
