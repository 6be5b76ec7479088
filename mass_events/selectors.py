"""Reads of the mass-events duty: the "do I need a permit?" answer and the Terminarz's open deadlines."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mass_events.models import EventType, VenueKind

# u.b.i.m. art. 3 pkt 2–4: the number of places made available from which the act applies.
#: artistic and entertainment events at a stadium, in the open or another non-building object
ARTISTIC_OUTDOOR_THRESHOLD = 1000
#: artistic and entertainment events in a sports hall or another building
ARTISTIC_BUILDING_THRESHOLD = 500
#: sports events at a stadium or in the open
SPORTS_OUTDOOR_THRESHOLD = 1000
#: sports events in a sports hall or another building
SPORTS_BUILDING_THRESHOLD = 300
#: high-risk sports events in a sports hall or another building (u.b.i.m. art. 3 pkt 3, DOMAIN.md §B.1)
SPORTS_BUILDING_HIGH_RISK_THRESHOLD = 200
#: football matches (u.b.i.m. art. 3 pkt 4 with pkt 3)
FOOTBALL_THRESHOLD = 1000
OUTDOOR_VENUES = {VenueKind.STADIUM, VenueKind.OPEN_AREA, VenueKind.NON_BUILDING}
#: u.b.i.m. art. 3 pkt 1 (exclusion): theatres, operas, operettas, philharmonics, cinemas, museums, libraries,
#: culture houses and art galleries or similar objects. The guide's answer for "cultural_building".
EXCLUDED_CULTURAL_BUILDING = "cultural_building"


@dataclass(frozen=True)
class PermitGuideAnswer:
    """What the guide tells an organiser: whether the act applies, why, and which form to use."""

    needs_permit: bool
    reason: str | Promise
    threshold: int | None
    form_url: str
    form_label: str | Promise


def guide_thresholds() -> dict[str, int]:
    """The thresholds of u.b.i.m. art. 3, for the guide's table."""
    return {
        "artistic_outdoor": ARTISTIC_OUTDOOR_THRESHOLD,
        "artistic_building": ARTISTIC_BUILDING_THRESHOLD,
        "sports_outdoor": SPORTS_OUTDOOR_THRESHOLD,
        "sports_building": SPORTS_BUILDING_THRESHOLD,
        "sports_building_high_risk": SPORTS_BUILDING_HIGH_RISK_THRESHOLD,
        "football": FOOTBALL_THRESHOLD,
    }


def mass_event_threshold(event_type: str, venue_kind: str, *, high_risk: bool = False) -> int:
    """The number of places from which an event is a mass event (u.b.i.m. art. 3 pkt 2, 3 and 4).

    A high-risk sports event in a building is a mass event from 200 places instead of 300 (art. 3 pkt 3).
    """
    outdoor = venue_kind in OUTDOOR_VENUES
    if event_type == EventType.FOOTBALL:
        return FOOTBALL_THRESHOLD
    if event_type == EventType.SPORTS:
        if outdoor:
            return SPORTS_OUTDOOR_THRESHOLD
        return SPORTS_BUILDING_HIGH_RISK_THRESHOLD if high_risk else SPORTS_BUILDING_THRESHOLD
    return ARTISTIC_OUTDOOR_THRESHOLD if outdoor else ARTISTIC_BUILDING_THRESHOLD


def permit_guide_answer(
    *, event_type: str, venue_kind: str, places: int, high_risk: bool = False
) -> PermitGuideAnswer:
    """Answer "do I need a permit?" from the kind of event, the kind of place and the number of places.

    u.b.i.m. art. 3 pkt 1 (events in theatres, operas, operettas, philharmonics, cinemas, museums, libraries,
    culture houses and galleries are not mass events), art. 3 pkt 2–4 (thresholds: artistic events 1000 places
    outdoors / 500 in a building; sports events 1000 / 300, or 200 for a high-risk one in a building; football
    matches 1000) and art. 5 (a permit is
    needed). An artistic event that is not a mass event but is held outside the organiser's seat is notified
    instead (u.o.p.d.k. art. 34).
    """
    notification = (reverse("mass_events:notification_create"), _("Notify an event held outside your seat"))
    permit = (reverse("mass_events:permit_create"), _("Apply for a mass-event permit"))
    if venue_kind == EXCLUDED_CULTURAL_BUILDING:
        return PermitGuideAnswer(
            False,
            _(
                "Events in theatres, operas, philharmonics, cinemas, museums, libraries, culture houses and art "
                "galleries are not mass events (u.b.i.m. art. 3 pkt 1), whatever the number of places. No permit "
                "is needed. If the event is held outside your own seat, notify it instead."
            ),
            None,
            *notification,
        )
    threshold = mass_event_threshold(event_type, venue_kind, high_risk=high_risk)
    if places >= threshold:
        return PermitGuideAnswer(
            True,
            _(
                "With %(places)d places and a threshold of %(threshold)d for this kind of event and place, it is a "
                "mass event (u.b.i.m. art. 3). You need the Prezydent's permit: apply at least 30 days before the "
                "event (14 days only in an exceptional, justified case)."
            )
            % {"places": places, "threshold": threshold},
            threshold,
            *permit,
        )
    if event_type != EventType.ARTISTIC:
        return PermitGuideAnswer(
            False,
            _(
                "With %(places)d places it stays below the threshold of %(threshold)d for this kind of event and "
                "place: it is not a mass event and needs no permit from the Prezydent."
            )
            % {"places": places, "threshold": threshold},
            threshold,
            "",
            "",
        )
    return PermitGuideAnswer(
        False,
        _(
            "With %(places)d places it stays below the threshold of %(threshold)d for this kind of event and place: "
            "it is not a mass event and needs no permit. An artistic or entertainment event held outside your own "
            "seat must still be notified at least 30 days before it starts (u.o.p.d.k. art. 34)."
        )
        % {"places": places, "threshold": threshold},
        threshold,
        *notification,
    )


# THE TERMINARZ
# ------------------------------------------------------------------------------
SECTION = "events"


def _deadline_common(case) -> dict:
    """What every Terminarz row of a case carries: its mark, its admin page, the section and the handler."""
    return {
        "case_mark": case.case_mark,
        "url": reverse(f"admin:mass_events_{case._meta.model_name}_change", args=[case.pk]),
        "section": SECTION,
        "handler_id": case.handler_id,
    }


def permit_open_deadlines():
    """The clocks a clerk must meet on permit applications (one query), each gone once its step is done.

    * u.b.i.m. art. 29 ust. 1 — the decision at least 7 days before the event, until it is issued;
    * k.p.a. art. 64 § 2 — the organiser's 7 days to complete the application, while a request is pending;
    * u.b.i.m. art. 29 — the copies to the police and the voivode within 3 days of the decision, until sent;
    * k.p.a. art. 133 — an appeal forwarded to the SKO within 7 days of its receipt, until forwarded.
    """
    from core.deadlines import OpenDeadline
    from mass_events.deadlines import (
        appeal_forwarding_due,
        mass_event_completion_due,
        mass_event_decision_copies_due,
        mass_event_decision_latest,
    )
    from mass_events.models import MassEventPermitApplication

    status = MassEventPermitApplication.Status
    waiting_for_decision = {status.RECEIVED, status.COMPLETION_REQUESTED, status.OPINIONS, status.DECISION_DRAFTED}
    rows = MassEventPermitApplication.objects.filter(
        status__in=[*waiting_for_decision, status.PERMIT_ISSUED, status.REFUSED, status.APPEALED]
    ).only("pk", "case_mark", "event_name", "starts_at", "status", "handler_id", "completion_requested_on",
           "decision_issued_on", "appeal_filed_on")  # fmt: skip
    for application in rows:
        common = _deadline_common(application)
        if application.status in waiting_for_decision:
            yield OpenDeadline(
                due_date=mass_event_decision_latest(application.starts_at),
                title=str(_("Decision on the permit: %(name)s")) % {"name": application.event_name[:80]},
                rule="art. 29 ust. 1 u.b.i.m.: ≥ 7 dni przed imprezą",
                **common,
            )
        if application.status == status.COMPLETION_REQUESTED and application.completion_requested_on:
            yield OpenDeadline(
                due_date=mass_event_completion_due(application.completion_requested_on),
                title=str(_("Completion of the application: %(name)s")) % {"name": application.event_name[:80]},
                rule="art. 64 § 2 k.p.a.: 7 dni od doręczenia wezwania",
                **common,
            )
        if application.status in (status.PERMIT_ISSUED, status.REFUSED) and application.decision_issued_on:
            yield OpenDeadline(
                due_date=mass_event_decision_copies_due(application.decision_issued_on),
                title=str(_("Copies of the decision to the police and the voivode: %(name)s"))
                % {"name": application.event_name[:80]},
                rule="art. 29 u.b.i.m.: 3 dni od wydania decyzji",
                **common,
            )
        if application.status == status.APPEALED and application.appeal_filed_on:
            yield OpenDeadline(
                due_date=appeal_forwarding_due(application.appeal_filed_on),
                title=str(_("Forward the appeal to the SKO: %(name)s")) % {"name": application.event_name[:80]},
                rule=APPEAL_FORWARDING_RULE,
                **common,
            )


#: The Terminarz's rule of forwarding an appeal, shared by permits and bans.
APPEAL_FORWARDING_RULE = "art. 133 k.p.a.: 7 dni od otrzymania odwołania"


def notification_open_deadlines():
    """The clocks of notifications (one query): the ban's issue and delivery, the appeal window, the appeal's
    forwarding and the appeal body's 7 days.

    u.o.p.d.k. art. 36 ust. 1 (ban delivered by the earlier of 14 days after and 10 days before: shown until the
    ban is issued, then until its delivery is recorded), ust. 2 (3 days to appeal from delivery) and ust. 3 (7 days
    for the appeal body; silence is consent); k.p.a. art. 133 (the appeal forwarded within 7 days of receipt).
    """
    from core.deadlines import OpenDeadline
    from mass_events.deadlines import (
        appeal_forwarding_due,
        artistic_event_appeal_decision_due,
        artistic_event_ban_appeal_latest,
        artistic_event_ban_deadline,
    )
    from mass_events.models import EventNotification

    status = EventNotification.Status
    rows = EventNotification.objects.filter(
        status__in=[status.RECEIVED, status.BAN_ISSUED, status.APPEALED, status.APPEAL_FORWARDED]
    ).only(
        "pk", "case_mark", "event_name", "starts_at", "status", "handler_id", "received_on",
        "certificate_delivered_on", "ban_delivered_on", "appeal_filed_on",
    )  # fmt: skip
    for notification in rows:
        common = _deadline_common(notification)
        name = notification.event_name[:80]
        if notification.status == status.RECEIVED:
            yield OpenDeadline(
                due_date=artistic_event_ban_deadline(
                    notification.received_on,
                    notification.starts_at,
                    certificate_delivered_on=notification.certificate_delivered_on,
                ),
                title=str(_("Last day to ban the notified event: %(name)s")) % {"name": name},
                rule="art. 36 ust. 1 u.o.p.d.k.: 14 dni od zawiadomienia, ≥ 10 dni przed imprezą",
                **common,
            )
        elif notification.status == status.BAN_ISSUED and not notification.ban_delivered_on:
            yield OpenDeadline(
                due_date=artistic_event_ban_deadline(
                    notification.received_on,
                    notification.starts_at,
                    certificate_delivered_on=notification.certificate_delivered_on,
                ),
                title=str(_("Deliver the ban to the organiser: %(name)s")) % {"name": name},
                rule="art. 36 ust. 1 u.o.p.d.k.: doręczenie zakazu",
                **common,
            )
        elif notification.status == status.BAN_ISSUED:
            yield OpenDeadline(
                due_date=artistic_event_ban_appeal_latest(notification.ban_delivered_on),
                title=str(_("Appeal window against the ban ends: %(name)s")) % {"name": name},
                rule="art. 36 ust. 2 u.o.p.d.k.: 3 dni od doręczenia",
                **common,
            )
        elif notification.appeal_filed_on:  # appealed, forwarded or not
            if notification.status == status.APPEALED:
                yield OpenDeadline(
                    due_date=appeal_forwarding_due(notification.appeal_filed_on),
                    title=str(_("Forward the appeal to the SKO: %(name)s")) % {"name": name},
                    rule=APPEAL_FORWARDING_RULE,
                    **common,
                )
            yield OpenDeadline(
                due_date=artistic_event_appeal_decision_due(notification.appeal_filed_on),
                title=str(_("Appeal body's decision due (silence is consent): %(name)s")) % {"name": name},
                rule="art. 36 ust. 3 u.o.p.d.k.: 7 dni",
                **common,
            )
