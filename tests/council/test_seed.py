from io import StringIO

import pytest
from django.core.management import call_command

from core.models import OutboxMessage
from council.models import CouncilMember, CouncilOpinion, CouncilSitting

pytestmark = pytest.mark.django_db


def test_the_demo_council_loads_once_with_sittings_minutes_and_published_opinions(settings):
    settings.DEBUG = True
    call_command("seed_council", stdout=StringIO())
    call_command("seed_council", stdout=StringIO())

    assert CouncilMember.objects.serving().count() == 7
    assert CouncilMember.objects.filter(dismissed_on__isnull=False).count() == 1
    assert CouncilSitting.objects.public().count() == 3
    assert CouncilSitting.objects.filter(minutes_approved_at__isnull=False).count() == 1
    assert CouncilOpinion.objects.published().count() == 2
    assert OutboxMessage.objects.filter(subject__contains="Rad").exists()
