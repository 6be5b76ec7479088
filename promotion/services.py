"""What changes the records of promotion and development: investor inquiries (DOMAIN.md §I.2) and the production
records of the city's own events (duty 4).

Status changes go through `core.services.transition_perform`; `on_inquiry_<verb>` are the workflow's effects.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.services import case_open
from promotion.deadlines import checklist_task_due
from promotion.models import EventProduction, InvestorInquiry, ProductionTask


def inquiry_prepare(*, inquiry: InvestorInquiry, received_on=None) -> InvestorInquiry:
    """Stamp the day of receipt: the days to answer run from it (`investor_inquiry_answer_due`)."""
    inquiry.received_on = received_on or timezone.localdate()
    return inquiry


def inquiry_case_title(inquiry: InvestorInquiry) -> str:
    """The title of the inquiry's entry in the case register."""
    return _("Investor inquiry: %(company)s") % {"company": inquiry.company_name[:150]}


def inquiry_open(*, inquiry: InvestorInquiry, sites=(), received_on=None, acting_user=None, acknowledge=True):
    """Receive an inquiry that does not come through the public form (e-mail, a fair, demo data, tests).

    Opens the case (case mark, history, acknowledgement unless `acknowledge=False`) and records the sites it names.
    """
    inquiry_prepare(inquiry=inquiry, received_on=received_on)
    return case_open(
        case=inquiry,
        title=inquiry_case_title(inquiry),
        acting_user=acting_user,
        acknowledge=acknowledge,
        on_open=lambda case: case.sites.set(sites),
    )


def on_inquiry_answer(inquiry: InvestorInquiry, *, acting_user, note: str = "") -> None:
    """Effect of "answer": stamp the day of the (first) answer; the note itself reaches the investor by the kernel."""
    if inquiry.answered_on is None:
        inquiry.answered_on = timezone.localdate()
        inquiry.save(update_fields=["answered_on", "updated_at"])


@transaction.atomic
def production_create(*, production: EventProduction, acting_user=None) -> EventProduction:
    """Record an own event's production and turn its kind's checklist into its tasks (duty 4 [K]).

    Each checklist item becomes a task of the coordinator, due `checklist_task_due` before (or after) the first day;
    each open task is a clock in the Terminarz until the day it was done is recorded.
    """
    production.save()
    ProductionTask.objects.bulk_create(
        ProductionTask(
            production=production,
            title=item.title,
            owner=production.coordinator,
            due_on=checklist_task_due(production.starts_on, item.days_before),
        )
        for item in production.kind.checklist.all()
    )
    return production
