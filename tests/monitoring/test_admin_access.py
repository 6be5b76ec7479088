"""Media monitoring is the press office's: its pages, the workflow, the letter and informing a unit, per role."""

from datetime import date as D

import pytest
import time_machine
from django.urls import reverse

from monitoring.models import PressCorrection
from tests.helpers import close_response
from tests.monitoring.factories import OTHER_GROUP, PRESS_GROUP, make_correction, make_mention, make_unit

pytestmark = pytest.mark.django_db
HEAD_GROUP = "Naczelnik wydziału (podgląd)"


@time_machine.travel(D(2026, 3, 10), tick=False)
@pytest.mark.parametrize(
    ("groups", "reads", "acts"),
    [([PRESS_GROUP], True, True), ([HEAD_GROUP], True, False), ([OTHER_GROUP], False, False)],
)
def test_only_the_press_office_works_on_mentions_and_sprostowania(clerk_client, groups, reads, acts):
    mention = make_mention(published_on=D(2026, 3, 9), unit=make_unit())
    correction = make_correction(mention=mention)
    client = clerk_client(groups=groups)
    for url in (
        reverse("admin:monitoring_mediamention_changelist"),
        reverse("admin:monitoring_mediamention_change", args=[mention.pk]),
        reverse("admin:monitoring_presscorrection_changelist"),
        reverse("admin:monitoring_presscorrection_change", args=[correction.pk]),
        reverse("admin:monitoring_cityunit_changelist"),
    ):
        assert client.get(url).status_code == (200 if reads else 403), url
    letter = client.get(reverse("admin:monitoring_presscorrection_letter", args=[correction.pk]))
    assert letter.status_code == (200 if reads else 403)
    if reads:
        assert letter["Content-Type"] == "application/pdf"
        assert "no-store" in letter["Cache-Control"]
    close_response(letter)
    inform = reverse("admin:monitoring_mediamention_inform_unit", args=[mention.pk])
    assert client.get(inform).status_code == (200 if acts else 403)
    client.post(reverse("admin:monitoring_presscorrection_workflow", args=[correction.pk]), {"transition": "send"})
    correction.refresh_from_db()
    assert correction.status == (PressCorrection.Status.SENT if acts else PressCorrection.Status.DRAFT)


@time_machine.travel(D(2026, 4, 2), tick=False)
def test_the_admin_form_refuses_a_late_sending_date_and_a_text_too_long(clerk_client):
    client = clerk_client(groups=[PRESS_GROUP])
    mention = make_mention(published_on=D(2026, 3, 9))
    data = {
        "mention": mention.pk,
        "reference": "KSP.0531.7.2026",
        "editor_in_chief": "Anna Nowak",
        "editorial_address": "ul. Niedurnego 20",
        "fragment": "Dwanaście milionów.",
        "correction_text": "x" * 39,
        "signatory": "mayor",
        "mayor_name": "Michał Pierończyk",
        "delivery": "post",
        "sent_on": "2026-03-31",
        "issue_interval": "weekly",
    }
    response = client.post(reverse("admin:monitoring_presscorrection_add"), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert set(errors) == {"sent_on", "correction_text"}
    assert not PressCorrection.objects.exists()
    response = client.post(
        reverse("admin:monitoring_presscorrection_add"), {**data, "sent_on": "2026-03-30", "correction_text": "x" * 38}
    )
    assert response.status_code == 302
    assert PressCorrection.objects.get().created_by == client.clerk
