"""A permit application or a notification received outside the public form is opened with the form's steps.

`permit_application_open` and `notification_open` (used by the demo data and the tests' factories) stamp the
day of receipt and the lateness, open the case in the register, keep the organiser's files (an opinion on its
body's line of the checklist) and let the kernel acknowledge the case: one e-mail with the mark and the link.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.translation import gettext

from core.models import OutboxMessage, PrivateDocument
from mass_events.deadlines import Timeliness
from mass_events.models import EventNotification, MassEventPermitApplication, OpinionBody
from mass_events.services.notifications import notification_open
from mass_events.services.permits import permit_application_open
from tests.mass_events.factories import (
    EventNotificationFactory,
    PermitApplicationFactory,
    pdf_upload,
    permit_attachments,
)

pytestmark = pytest.mark.django_db


def test_a_permit_application_is_opened_with_its_files_checklist_and_acknowledgement():
    received = timezone.localdate() - timedelta(days=2)
    application = permit_application_open(
        application=PermitApplicationFactory.build(),
        attachments=permit_attachments(opinions=("opinion_fire",)),
        received_on=received,
    )
    assert application.case_mark.startswith("KSP.5240.")
    assert (application.received_on, application.timeliness) == (received, Timeliness.ON_TIME)
    assert application.status == MassEventPermitApplication.Status.RECEIVED
    title = gettext("Mass-event permit: %(name)s") % {"name": "Festiwal Rudzkie Lato"}
    assert application.register_entry.title == title
    attached = {opinion.body: opinion.document_id is not None for opinion in application.opinions.all()}
    assert attached == {body: body == OpinionBody.FIRE for body in OpinionBody.values}
    assert PrivateDocument.objects.filter(object_id=application.pk, kind="attachment").count() == 5
    [acknowledgement] = OutboxMessage.objects.all()
    assert acknowledgement.to == ["anna.nowak@example.pl"]
    assert application.case_mark in acknowledgement.subject


def test_a_late_notification_is_opened_marked_late_with_its_attachment_and_acknowledgement():
    notification = notification_open(
        notification=EventNotificationFactory.build(starts_at=timezone.now() + timedelta(days=10)),
        attachments=[pdf_upload("program.pdf")],
    )
    assert notification.is_late is True
    assert notification.status == EventNotification.Status.RECEIVED
    assert PrivateDocument.objects.get(object_id=notification.pk, kind="attachment").original_name == "program.pdf"
    [acknowledgement] = OutboxMessage.objects.all()
    assert acknowledgement.to == ["ewa.zielinska@example.pl"]
    assert notification.case_mark in acknowledgement.subject


@pytest.mark.parametrize(
    ("factory", "status"),
    [
        (PermitApplicationFactory, MassEventPermitApplication.Status.PERMIT_ISSUED),
        (EventNotificationFactory, EventNotification.Status.CERTIFICATE_REQUESTED),
    ],
)
def test_the_factories_move_a_case_to_the_status_asked_for_through_the_workflow(factory, status):
    case = factory(status=status)
    case.refresh_from_db()
    assert case.status == status
