"""The demo mentions and sprostowania: each state a clerk meets, made through the services, loaded once."""

import io

from django.core.management import call_command

from core.models import OutboxMessage
from monitoring.models import KeywordRule, MediaMention, MonitoredSource, PressCorrection, PressReview


def seed():
    call_command("seed_monitoring", "--allow-outside-debug", stdout=io.StringIO())


def test_a_newcomer_sees_each_state_and_a_second_run_adds_nothing(db):
    seed()
    counts = (MediaMention.objects.count(), PressCorrection.objects.count(), OutboxMessage.objects.count())
    seed()
    assert (MediaMention.objects.count(), PressCorrection.objects.count(), OutboxMessage.objects.count()) == counts
    assert set(MediaMention.objects.values_list("tone", flat=True)) == {"positive", "neutral", "negative"}
    assert sorted(PressCorrection.objects.values_list("status", flat=True)) == ["draft", "refused", "sent"]
    assert OutboxMessage.objects.count() == 1
    assert MediaMention.objects.filter(unit_answer_due__isnull=False).count() == 1
    assert KeywordRule.objects.count() == 4
    assert PressReview.objects.get().mentions.count() == 4  # the mentions of the last 7 days
    assert not MonitoredSource.objects.filter(is_active=True).exists()
