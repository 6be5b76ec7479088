"""Mentions and informing the unit concerned: an e-mail through the outbox and a clock in the Terminarz."""

from datetime import date as D

import pytest
import time_machine
from django.urls import reverse

from core.deadlines import open_deadlines
from core.models import OutboxMessage
from monitoring.models import MediaMention
from monitoring.services import MonitoringError, mention_inform_unit
from tests.monitoring.factories import PRESS_GROUP, make_mention, make_unit

pytestmark = pytest.mark.django_db


@time_machine.travel(D(2026, 3, 10), tick=False)
def test_the_unit_concerned_is_told_by_e_mail_and_its_answer_is_a_deadline(clerk_client):
    client = clerk_client(groups=[PRESS_GROUP])
    mention = make_mention(
        published_on=D(2026, 3, 9),
        unit=make_unit(),
        url="https://gazeta.example.pl/remont",
        excerpt="Miasto wydało 12 mln zł.",
        acting_user=client.clerk,
    )
    url = reverse("admin:monitoring_mediamention_inform_unit", args=[mention.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["form"].initial["answer_due"] == D(2026, 3, 17)  # 5 working days from Tue 10 March
    response = client.post(url, {"answer_due": "2026-03-17", "message": "Prosimy o koszty remontu."})
    assert response.status_code == 302
    message = OutboxMessage.objects.get()
    assert message.to == ["drogi@rudaslaska.example"]
    assert "17.03.2026" in message.subject
    for text in ("Remont za miliony", "https://gazeta.example.pl/remont", "Prosimy o koszty remontu.", "12 mln zł"):
        assert text in message.body_text
    mention.refresh_from_db()
    assert mention.unit_answer_due == D(2026, 3, 17)
    assert mention.handled_by == client.clerk
    rows = [row for row in open_deadlines(section="press") if row.url.endswith(f"/{mention.pk}/change/")]
    assert [(row.due_date, row.handler_id) for row in rows] == [(D(2026, 3, 17), client.clerk.pk)]

    mention.unit_answered_on = D(2026, 3, 16)
    mention.save()
    assert not [row for row in open_deadlines(section="press") if row.url.endswith(f"/{mention.pk}/change/")]


@time_machine.travel(D(2026, 3, 10), tick=False)
def test_a_unit_without_an_address_or_a_past_due_date_is_refused(make_clerk):
    clerk = make_clerk(groups=[PRESS_GROUP])
    without_unit = make_mention(published_on=D(2026, 3, 9))
    with pytest.raises(MonitoringError):
        mention_inform_unit(mention=without_unit, answer_due=D(2026, 3, 17), message="", acting_user=clerk)
    no_address = make_mention(published_on=D(2026, 3, 9), unit=make_unit(name="Straż Miejska", email=""))
    with pytest.raises(MonitoringError):
        mention_inform_unit(mention=no_address, answer_due=D(2026, 3, 17), message="", acting_user=clerk)
    with_unit = make_mention(published_on=D(2026, 3, 9), unit=make_unit())
    with pytest.raises(MonitoringError):
        mention_inform_unit(mention=with_unit, answer_due=D(2026, 3, 9), message="", acting_user=clerk)
    assert not OutboxMessage.objects.exists()
    assert not MediaMention.objects.filter(unit_informed_at__isnull=False).exists()


@time_machine.travel(D(2026, 3, 10), tick=False)
def test_the_terminarz_reads_the_monitoring_clocks_in_one_query_each(django_assert_num_queries, make_clerk):
    from monitoring.models import PressCorrection
    from monitoring.selectors import correction_open_deadlines, mention_open_deadlines
    from tests.monitoring.factories import make_correction

    clerk = make_clerk(groups=[PRESS_GROUP])
    counts = []
    for extra in (2, 10):
        for _ in range(extra):
            make_mention(published_on=D(2026, 3, 9), action=MediaMention.Action.CORRECTION, acting_user=clerk)
            make_mention(published_on=D(2026, 3, 9), unit=make_unit(), acting_user=clerk)
            make_correction(mention=make_mention(published_on=D(2026, 3, 9)), acting_user=clerk)
        MediaMention.objects.filter(unit__isnull=False).update(unit_answer_due=D(2026, 3, 17))
        with django_assert_num_queries(1):
            corrections = list(correction_open_deadlines())
        with django_assert_num_queries(1):
            mentions = list(mention_open_deadlines())
        counts.append((len(corrections), len(mentions)))
    assert counts == [(2, 4), (12, 24)]
    assert PressCorrection.objects.count() == 12
