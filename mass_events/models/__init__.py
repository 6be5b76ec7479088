"""Mass-event permits (u.b.i.m.) and notifications of artistic events held outside an organiser's seat (u.o.p.d.k.).

One module per case type on a shared abstract base (`base.OrganisedEventCase`); the PESEL rules in `pesel`.
"""

from mass_events.models.base import OrganisedEventCase
from mass_events.models.notifications import EventNotification
from mass_events.models.permits import (
    EventType,
    MassEventOpinion,
    MassEventPermitApplication,
    OpinionBody,
    OrganiserKind,
    VenueKind,
)
from mass_events.models.pesel import mask_pesel, pesel_birth_date, validate_pesel

__all__ = [
    "EventNotification",
    "EventType",
    "MassEventOpinion",
    "MassEventPermitApplication",
    "OpinionBody",
    "OrganisedEventCase",
    "OrganiserKind",
    "VenueKind",
    "mask_pesel",
    "pesel_birth_date",
    "validate_pesel",
]
