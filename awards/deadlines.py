"""Deadlines of artistic scholarships and the Mayor's culture awards (u.o.p.d.k. art. 7a and 7b; DOMAIN.md §D).

The council's resolution (u.o.p.d.k. art. 7a ust. 3, art. 7b ust. 3) sets the procedure: the call's own deadline for
applications is a field of the call (e.g. 30 September, 31 October, 30 November; DOMAIN.md §D.2, §K). Late or
incomplete applications are not considered [V Jastrzębie]; where the resolution lets the department call for a
completion, the days given for it are the rule below [K — confirm in the Ruda Śląska resolution].
"""

from datetime import date

from core.deadlines import add_calendar_days, shift_to_working_day

#: [K] DOMAIN.md §D.2: days the applicant has to complete an application after the department's call.
AWARD_COMPLETION_DAYS = 7


def award_completion_due(called_on: date) -> date:
    """Completion of a scholarship application or award nomination: 7 days from the call to complete [K].

    The resolution of the Rada Miasta (u.o.p.d.k. art. 7a ust. 3 / art. 7b ust. 3) sets the procedure; an
    incomplete application not completed in time is rejected on formal grounds. A last day on a Saturday or a
    public holiday moves to the next working day (k.p.a. art. 57 § 4, applied by analogy [K]).
    """
    return shift_to_working_day(add_calendar_days(called_on, AWARD_COMPLETION_DAYS))


#: [K] DOMAIN.md §D.2: days after the end of the scholarship period the scholar has to file the report.
SCHOLARSHIP_REPORT_DAYS = 30


def scholarship_report_due(period_to: date) -> date:
    """The scholar's report: 30 days after the scholarship period ends [K], written into the contract.

    DOMAIN.md §D.2: the scholar reports after the period (sprawozdanie), as the council's resolution (u.o.p.d.k.
    art. 7b ust. 3) and the contract set; the 30 days follow the report of a public task (u.d.p.p. art. 18 ust. 1)
    until the Ruda Śląska resolution is read. A last day off moves to the next working day (k.p.a. art. 57 § 4 by
    analogy [K]).
    """
    return shift_to_working_day(add_calendar_days(period_to, SCHOLARSHIP_REPORT_DAYS))
