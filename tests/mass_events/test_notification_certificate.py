"""Asked for the certificate on the premises and devices (u.o.p.d.k. art. 34), the organiser sends it from the
tracking link: it is kept with the case, its delivery day is stamped and the notification is back with the clerk."""

import pytest
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext

from core.models import PrivateDocument
from core.services import transition_perform
from mass_events.models import EventNotification
from tests.helpers import pdf_file, public_form_data, tracking_path
from tests.mass_events.factories import EventNotificationFactory

pytestmark = pytest.mark.django_db
Status = EventNotification.Status
DEMAND = "Prosimy o zaświadczenie PINB o stanie technicznym sceny."


@pytest.fixture
def notification(db):
    return EventNotificationFactory()


@pytest.fixture
def demanded(notification):
    transition_perform(obj=notification, name="request_certificate", acting_user=None, note=DEMAND)
    notification.refresh_from_db()
    return notification


def test_the_organiser_sends_the_certificate_and_its_delivery_day_is_stamped(demanded, client):
    page = client.get(tracking_path(demanded)).content.decode()
    assert escape(DEMAND) in page
    assert f'<a class="button" href="{tracking_path(demanded)}zmiany/">{gettext("Send the certificate")}</a>' in page

    response = client.post(
        tracking_path(demanded) + "zmiany/", public_form_data(certificate=pdf_file("zaswiadczenie-pinb.pdf"))
    )

    assert response.status_code == 302
    demanded.refresh_from_db()
    assert (demanded.status, demanded.certificate_delivered_on) == (Status.RECEIVED, timezone.localdate())
    document = PrivateDocument.objects.get(object_id=demanded.pk, original_name="zaswiadczenie-pinb.pdf")
    assert document.description == "Zaświadczenie o spełnieniu wymagań przez obiekt i urządzenia"
    assert document.description in client.get(tracking_path(demanded)).content.decode()


def test_sending_without_the_file_is_refused_and_the_certificate_still_awaited(demanded, client):
    response = client.post(tracking_path(demanded) + "zmiany/", public_form_data(comment="Zaświadczenie doślemy."))
    assert response.status_code == 200
    assert "To pole jest wymagane." in response.content.decode()
    demanded.refresh_from_db()
    assert (demanded.status, demanded.certificate_delivered_on) == (Status.CERTIFICATE_REQUESTED, None)
