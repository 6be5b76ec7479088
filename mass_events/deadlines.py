"""The statutory clocks of mass-event permits and event notifications (u.b.i.m., u.o.p.d.k.).

Each rule is one function named after it, counted as k.p.a. art. 57 prescribes (the day of the event that starts
the period not counted; a period ending on a Saturday or a statutory day off ends on the next working day) with the
calendar of `core.deadlines`. "At least N days before the event" rules are counted back with
`core.deadlines.latest_date_before`: an organiser's date is not moved off a weekend, the authority's moves earlier.
Every number is a module constant; those marked [K] in DOMAIN.md are best knowledge and change in one line.
"""

from datetime import date, datetime, timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.deadlines import add_calendar_days, calendar_date, latest_date_before, shift_to_working_day

#: u.b.i.m. art. 25 ust. 1 pkt 1: application at least 30 days before the planned start.
MASS_EVENT_APPLICATION_DAYS_BEFORE = 30
#: u.b.i.m. art. 25 ust. 1a: shortened to 14 days in exceptional, justified cases.
MASS_EVENT_APPLICATION_EXCEPTIONAL_DAYS_BEFORE = 14
#: u.b.i.m. art. 29 ust. 1: permit issued or refused at least 7 days before the planned date.
MASS_EVENT_DECISION_DAYS_BEFORE = 7
#: u.o.p.d.k. art. 34: notification not later than 30 days before the planned start.
ARTISTIC_EVENT_NOTIFICATION_DAYS_BEFORE = 30
#: u.o.p.d.k. art. 36 ust. 1: ban decision delivered within 14 days of the notification ...
ARTISTIC_EVENT_BAN_DAYS_AFTER_NOTIFICATION = 14
#: ... but not later than 10 days before the planned start.
ARTISTIC_EVENT_BAN_DAYS_BEFORE = 10
#: k.p.a. art. 64 § 2: a request to complete an application sets a period of at least 7 days [K: the period the
#: department gives; the code sets "not shorter than 7 days"].
MASS_EVENT_COMPLETION_DAYS = 7
#: u.b.i.m. art. 29 [V-sec, DOMAIN.md §B.4]: a copy of the decision goes to the police commander and the
#: voivode within 3 days of its issue.
MASS_EVENT_DECISION_COPIES_DAYS = 3
#: k.p.a. art. 129 § 2: an appeal is filed within 14 days of the decision's service. u.b.i.m. art. 33 ust. 1 names
#: the appeal body (the samorządowe kolegium odwoławcze) and sets no other period, so k.p.a. art. 129 § 3 does not
#: apply; the 7 days printed before came from one city's card and had no basis in the act (docs/mass-events-law.md).
MASS_EVENT_APPEAL_DAYS = 14
#: u.o.p.d.k. art. 36 ust. 2: an appeal against a ban is filed within 3 days of its delivery (a special provision
#: in the sense of k.p.a. art. 129 § 3).
ARTISTIC_EVENT_BAN_APPEAL_DAYS = 3
#: u.o.p.d.k. art. 36 ust. 3: the appeal body decides within 7 days of the appeal's filing; no decision in that time
#: is consent to hold the event.
ARTISTIC_EVENT_APPEAL_DECISION_DAYS = 7
#: k.p.a. art. 133: the authority that issued the decision forwards the appeal with the case files to the appeal
#: body within 7 days of receiving it (unless it issues a new decision itself under art. 132).
APPEAL_FORWARDING_DAYS = 7
#: [K] How many days before the ban's delivery deadline the clerk is warned that a ban issued now may not be
#: delivered in time (u.o.p.d.k. art. 36 ust. 1 counts the *delivery*; a registered letter takes days). The
#: department's own margin, not a statutory number (docs/mass-events-law.md).
ARTISTIC_EVENT_BAN_DELIVERY_WARNING_DAYS = 3


def mass_event_application_latest(event_start: date | datetime, *, exceptional: bool = False) -> date:
    """Mass-event permit application: filed at least 30 days before the planned start (14 if `exceptional`).

    Ustawa z 20.03.2009 o bezpieczeństwie imprez masowych (u.b.i.m.) art. 25 ust. 1 pkt 1 (30 days) and
    art. 25 ust. 1a (14 days in exceptional, justified cases); art. 26 ust. 1 lists the application's attachments.
    The organiser's act: a weekend date is not moved (see `latest_date_before`).
    """
    days = MASS_EVENT_APPLICATION_EXCEPTIONAL_DAYS_BEFORE if exceptional else MASS_EVENT_APPLICATION_DAYS_BEFORE
    return latest_date_before(calendar_date(event_start), days)


def mass_event_decision_latest(event_start: date | datetime) -> date:
    """Mass-event permit or refusal: issued at least 7 days before the planned date of the event.

    u.b.i.m. art. 29 ust. 1. The authority's own act: a date on a day off moves to the previous working day.
    """
    return latest_date_before(calendar_date(event_start), MASS_EVENT_DECISION_DAYS_BEFORE, by_authority=True)


def artistic_event_notification_latest(event_start: date | datetime) -> date:
    """Notification of an artistic or entertainment event (not a mass event): at least 30 days before the start.

    Ustawa z 25.10.1991 o organizowaniu i prowadzeniu działalności kulturalnej (u.o.p.d.k.) art. 34. If the
    authority demanded a certificate on the venue, the 30 days run from its delivery: compare the certificate's
    delivery date with the same date. The organiser's act: a weekend date is not moved.
    """
    return latest_date_before(calendar_date(event_start), ARTISTIC_EVENT_NOTIFICATION_DAYS_BEFORE)


def artistic_event_ban_latest(notified_on: date, event_start: date | datetime) -> date:
    """Ban decision on a notified artistic event: delivered within 14 days of the notification and ≥ 10 days before.

    u.o.p.d.k. art. 36 ust. 1 ("doręczona … w terminie 14 dni od dnia złożenia zawiadomienia, nie później jednak
    niż 10 dni przed planowanym terminem rozpoczęcia imprezy"): the earlier of the two limits. The 14-day limit
    is an ordinary deadline (k.p.a. art. 57 § 1, § 4); the 10-day one is counted back from the start and, being
    the authority's act, moves to the previous working day. It is a *delivery* deadline: dispatch before it.
    """
    after_notification = shift_to_working_day(
        add_calendar_days(notified_on, ARTISTIC_EVENT_BAN_DAYS_AFTER_NOTIFICATION)
    )
    before_start = latest_date_before(calendar_date(event_start), ARTISTIC_EVENT_BAN_DAYS_BEFORE, by_authority=True)
    return min(after_notification, before_start)


class Timeliness(models.TextChoices):
    """Whether a permit application came in time (u.b.i.m. art. 25 ust. 1 and 1a)."""

    ON_TIME = "on_time", _("on time (at least 30 days before)")
    SHORTENED = "shortened", _("shortened deadline claimed (14–29 days before, with a justification)")
    LATE = "late", _("late")


def mass_event_application_timeliness(
    received_on: date, event_start: date | datetime, *, justification: str = ""
) -> str:
    """Say whether a permit application received on `received_on` is on time, on the shortened track, or late.

    u.b.i.m. art. 25 ust. 1 pkt 1: at least 30 days before the planned start; art. 25 ust. 1a: 14 days in an
    exceptional case the organiser justifies. A late application is still received and handled (the Prezydent
    then decides whether the safety checks can be made in time): this only labels it for the clerk.
    """
    if received_on <= mass_event_application_latest(event_start):
        return Timeliness.ON_TIME
    if justification.strip() and received_on <= mass_event_application_latest(event_start, exceptional=True):
        return Timeliness.SHORTENED
    return Timeliness.LATE


def mass_event_completion_due(delivered_on: date) -> date:
    """The last day for the organiser to complete the application after a request to complete it.

    k.p.a. art. 64 § 2 (period of at least 7 days from delivery of the request [K: the department gives 7]),
    art. 57 § 1 and § 4. If nothing comes, the application is left without examination.
    """
    return shift_to_working_day(add_calendar_days(delivered_on, MASS_EVENT_COMPLETION_DAYS))


def mass_event_decision_copies_due(issued_on: date) -> date:
    """The last day to send a copy of the permit or refusal to the police commander and the voivode.

    u.b.i.m. art. 29 [V-sec, DOMAIN.md §B.4: the paragraph is not verified]: within 3 days of the decision's
    issue; k.p.a. art. 57 § 1 and § 4.
    """
    return shift_to_working_day(add_calendar_days(issued_on, MASS_EVENT_DECISION_COPIES_DAYS))


def mass_event_appeal_latest(served_on: date) -> date:
    """The last day for the organiser to appeal a permit decision to the SKO (counted from its service).

    u.b.i.m. art. 33 ust. 1 (appeal to the samorządowe kolegium odwoławcze, no special period) with k.p.a.
    art. 129 § 1 and § 2 (14 days from service, filed through the Prezydent); k.p.a. art. 57 § 1 and § 4. After
    this day the decision is final unless an appeal came.
    """
    return shift_to_working_day(add_calendar_days(served_on, MASS_EVENT_APPEAL_DAYS))


def artistic_event_notification_effective_date(received_on: date, certificate_delivered_on: date | None) -> date:
    """The day a notification counts as made: its receipt, or the delivery of a certificate the organ demanded.

    u.o.p.d.k. art. 34: where the organ demands a certificate on the premises and devices, the 30 days
    run from its delivery [K: the ban deadline is counted from the same day].
    """
    if certificate_delivered_on and certificate_delivered_on > received_on:
        return certificate_delivered_on
    return received_on


def artistic_event_notification_is_late(
    received_on: date, event_start: date | datetime, *, certificate_delivered_on: date | None = None
) -> bool:
    """Whether a notification (or the certificate it waits for) came later than 30 days before the start.

    u.o.p.d.k. art. 34. A late notification is still received; the clerk weighs a ban.
    """
    effective = artistic_event_notification_effective_date(received_on, certificate_delivered_on)
    return effective > artistic_event_notification_latest(event_start)


def artistic_event_ban_deadline(
    received_on: date, event_start: date | datetime, *, certificate_delivered_on: date | None = None
) -> date:
    """The last day a ban on a notified event may be delivered; after it the event is accepted silently.

    u.o.p.d.k. art. 36 ust. 1 (`artistic_event_ban_latest`: the earlier of 14 days from the
    notification and 10 days before the start), counted from the effective notification date.
    """
    effective = artistic_event_notification_effective_date(received_on, certificate_delivered_on)
    return artistic_event_ban_latest(effective, calendar_date(event_start))


def artistic_event_ban_appeal_latest(delivered_on: date) -> date:
    """The last day for the organiser to appeal a ban: 3 days from its delivery.

    u.o.p.d.k. art. 36 ust. 2; k.p.a. art. 57 § 1 and § 4.
    """
    return shift_to_working_day(add_calendar_days(delivered_on, ARTISTIC_EVENT_BAN_APPEAL_DAYS))


def artistic_event_appeal_decision_due(appeal_filed_on: date) -> date:
    """The last day for the appeal body to decide on an appeal against a ban; silence after it is consent.

    u.o.p.d.k. art. 36 ust. 3 (7 days; no decision in that time means consent to hold the event);
    k.p.a. art. 57 § 1 and § 4.
    """
    return shift_to_working_day(add_calendar_days(appeal_filed_on, ARTISTIC_EVENT_APPEAL_DECISION_DAYS))


def appeal_forwarding_due(appeal_received_on: date) -> date:
    """The last day to forward an appeal (against a permit decision or a ban) with the files to the SKO.

    k.p.a. art. 133 (7 days from the day the authority received the appeal), art. 57 § 1 and § 4: a period
    ending on a Saturday or a statutory day off ends on the next working day. For a ban the appeal body's own 7
    days (u.o.p.d.k. art. 36 ust. 3) run from the appeal's filing at the same time, so the appeal is best
    forwarded at once: the Terminarz shows both clocks.
    """
    return shift_to_working_day(add_calendar_days(appeal_received_on, APPEAL_FORWARDING_DAYS))


def artistic_event_ban_delivery_is_tight(today: date, delivery_deadline: date) -> bool:
    """Whether a ban issued `today` risks missing its delivery deadline: the last days before it, not after.

    u.o.p.d.k. art. 36 ust. 1 sets the day by which the ban must be *delivered*
    (`artistic_event_ban_deadline`); within `ARTISTIC_EVENT_BAN_DELIVERY_WARNING_DAYS` [K] of it the clerk is
    warned to deliver by hand or electronically. After the deadline the ban is refused by the workflow's guard.
    """
    return delivery_deadline - timedelta(days=ARTISTIC_EVENT_BAN_DELIVERY_WARNING_DAYS) <= today <= delivery_deadline
