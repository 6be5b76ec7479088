"""Row makers of every model the admin shows: `ROW_MAKERS[Model]()` writes one more row of its changelist.

The admin pages test fills each changelist with 3 and then 30 rows through these, so a list column that reads
the database once per row shows up as a growing query count. A model registered in the admin without a row maker
fails that test: the maker is written with the admin, in this package's module of its app
(`tests/core/admin_rows/<app>.py`, imported at the end of this module). Case records are opened through
`core.services.case_open`, as every public form does; the rest are written as the clerks' forms write them. Rows
of one changelist share nothing but what the maker names (each row gets its own parents), so a missing
`list_select_related` shows.
"""

import itertools
from collections.abc import Callable
from datetime import date, timedelta

from django.db import models
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult

from accessibility.models import AccessibilityRequest, DigitalAccessibilityDemand
from awards.models import AwardApplication, AwardScore
from core.models import CaseKind, CaseRegisterEntry, Feedback, OutboxMessage, RetentionAction, SectionSettings
from core.roles import SECTIONS
from council.models import CouncilInvitation
from events.models import EventSubmission
from grants.models import GrantOffer, MeritScore, SmallGrantComment
from institutions.models import ExtractRequest
from library.models import LoanReminder
from mass_events.models import EventNotification, MassEventPermitApplication
from meetings.models import MeetingRegistration
from monitoring.models import PressReview, SourceItem
from newsletter.models import Subscriber
from patronage.models import PatronageApplication, SymbolUseRequest
from press.models import Accreditation, DistributionLogEntry
from promotion.models import InvestorInquiry

RowMaker = Callable[[], models.Model]
ROW_MAKERS: dict[type[models.Model], RowMaker] = {}
#: Models that cannot have 30 rows (one row per section of the department): the changelist test fills as many.
ROW_LIMITS: dict[type[models.Model], int] = {SectionSettings: len(SECTIONS)}

# The models whose admin add form answers 403 to every clerk, the IT administrator too: their rows come only from a
# public form (a case the applicant opens), a service (the register of cases, the outbox, a score, a mailing) or the
# device enrolment. Every other admin model's add form answers 200; tests/core/test_admin_pages.py holds both to it.
ADD_FORM_REFUSED: frozenset[type[models.Model]] = frozenset(
    {
        # Cases opened by the applicant's public form (core.services.case_open).
        Accreditation,
        AwardApplication,
        EventNotification,
        EventSubmission,
        ExtractRequest,
        Feedback,
        GrantOffer,
        MassEventPermitApplication,
        PatronageApplication,
        SymbolUseRequest,
        InvestorInquiry,
        AccessibilityRequest,
        DigitalAccessibilityDemand,
        # Rows written by a service or a job.
        CaseKind,
        CaseRegisterEntry,
        CouncilInvitation,
        DBTaskResult,
        DistributionLogEntry,
        LoanReminder,
        MeetingRegistration,
        MeritScore,
        AwardScore,
        OutboxMessage,
        # A subscriber adds themselves (the newsletter's double opt-in), never a clerk.
        Subscriber,
        RetentionAction,
        SmallGrantComment,
        SourceItem,
        # Prepared from the mentions a clerk selects (monitoring's "Prepare a press review" action).
        PressReview,
        # Second-factor devices: added by the user's own enrolment, never by hand.
        StaticDevice,
        TOTPDevice,
    }
)


TODAY = date(2026, 3, 2)
#: The serial number "{n}" of each row; shared by every maker, so no two rows of any model share a name.
serial = itertools.count(1)


def row_maker(model: type[models.Model]) -> Callable[[RowMaker], RowMaker]:
    """Register the decorated function as the row maker of `model`."""

    def register(make: RowMaker) -> RowMaker:
        ROW_MAKERS[model] = make
        return make

    return register


def plain(model: type[models.Model], **fields) -> RowMaker:
    """Register and return a maker that creates `model` from `fields`: "{n}" in a text becomes a serial number,
    and a callable is called with it."""

    def make():
        n = next(serial)
        values = {
            name: value(n) if callable(value) else value.format(n=n) if isinstance(value, str) else value
            for name, value in fields.items()
        }
        return model.objects.create(**values)

    return row_maker(model)(make)


def in_days(days: int):
    return timezone.now().replace(microsecond=0) + timedelta(days=days)


# Each app's makers register themselves on import; they use the registry above.
from tests.core.admin_rows import (  # noqa: E402, F401
    accessibility,
    awards,
    core,
    council,
    events,
    grants,
    institutions,
    library,
    mass_events,
    meetings,
    monitoring,
    mourning,
    newsletter,
    patronage,
    press,
    promotion,
)
