"""Mailings in a period of mourning (DOMAIN.md §F.6): flagged to the clerk, held when approved before it began."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.models import OutboxMessage
from core.services import CaseWorkError, transition_perform
from newsletter.models import Mailing
from newsletter.selectors import next_week_start
from newsletter.services import digest_prepare, mailing_mourning_period, mailing_send_batch, mailings_send_due
from tests.mourning.factories import local_midnight, make_period
from tests.newsletter.conftest import SITE_GROUP, make_subscriber

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:newsletter_mailing_changelist")
FLAG = "w okresie żałoby: do przeglądu"


def week_day(days: int):
    """Midnight, Warsaw time, `days` after next Monday."""
    return local_midnight((next_week_start() - timezone.localdate()).days + days)


def campaign(subject="Jarmark bożonarodzeniowy", **fields) -> Mailing:
    return Mailing.objects.create(subject=subject, body="<p>Zapraszamy na jarmark.</p>", **fields)


def row_of(rows: list[str], subject: str) -> str:
    (row,) = [row for row in rows if subject in row]
    return row


def test_a_digest_announcing_days_of_mourning_is_flagged_in_the_list_and_on_its_page(clerk_client):
    period = make_period(starts_at=week_day(1), ends_at=week_day(3))
    digest = digest_prepare(week_start=next_week_start())
    later_digest = digest_prepare(week_start=next_week_start() + timedelta(days=7))
    draft = campaign()
    clerk = clerk_client(groups=[SITE_GROUP])

    assert mailing_mourning_period(digest) == period
    assert mailing_mourning_period(later_digest) is None
    assert mailing_mourning_period(draft) is None  # it goes out now, before the mourning
    rows = [row.split("</tr>")[0] for row in clerk.get(CHANGELIST).content.decode().split("<tr")[1:]]
    assert FLAG in row_of(rows, digest.subject)
    assert FLAG not in row_of(rows, later_digest.subject)
    assert FLAG not in row_of(rows, draft.subject)

    page = clerk.get(reverse("admin:newsletter_mailing_change", args=[digest.pk])).content.decode()
    assert "Ta wysyłka przypada w okresie żałoby (żałoba w mieście dla uczczenia ofiar katastrofy" in page
    assert "Przed zatwierdzeniem sprawdź jej tekst" in page
    other = clerk.get(reverse("admin:newsletter_mailing_change", args=[later_digest.pk])).content.decode()
    assert "okresie żałoby" not in other


def test_a_mailing_that_would_go_out_during_the_mourning_is_flagged_and_a_sent_one_is_not():
    make_period(starts_at=local_midnight(-1), ends_at=local_midnight(2))
    draft = campaign()
    sent = campaign("Wysłana kampania", status=Mailing.Status.APPROVED, finished_at=timezone.now())
    cancelled = campaign("Odwołana kampania", status=Mailing.Status.CANCELLED)

    assert mailing_mourning_period(draft) is not None
    assert mailing_mourning_period(sent) is None
    assert mailing_mourning_period(cancelled) is None


def test_the_list_reads_the_mourning_flags_in_the_same_number_of_queries_for_5_and_50_mailings(clerk_client):
    make_period(starts_at=local_midnight(-1), ends_at=local_midnight(2))
    clerk = clerk_client(groups=[SITE_GROUP])
    counts = []
    for total in (5, 50):
        Mailing.objects.bulk_create(
            Mailing(subject=f"Kampania {n}", body="<p>Tekst</p>") for n in range(total - Mailing.objects.count())
        )
        with CaptureQueriesContext(connection) as queries:
            response = clerk.get(CHANGELIST)
        assert response.content.decode().count(FLAG) == total
        counts.append(len(queries))
    assert counts[0] == counts[1]


def approved(mailing, clerk) -> Mailing:
    return transition_perform(obj=mailing, name="approve", acting_user=clerk)


def test_batches_of_a_campaign_approved_before_the_mourning_wait_until_it_ends(make_clerk):
    for number in range(3):
        make_subscriber(f"mieszkaniec{number}@example.pl")
    OutboxMessage.objects.all().delete()
    period = make_period(starts_at=local_midnight(1), ends_at=local_midnight(2))
    clerk = make_clerk(groups=[SITE_GROUP])
    mailing = approved(campaign(), clerk)
    held = approved(campaign("Druga kampania"), clerk)

    assert mailing_send_batch(mailing_id=mailing.pk, size=1) == 1
    assert mailing_send_batch(mailing_id=held.pk, size=1) == 1
    assert mailing_send_batch(mailing_id=mailing.pk, now=period.starts_at, size=1) == 0
    mailing.refresh_from_db()
    assert mailing.next_batch_at == period.ends_at
    assert mailings_send_due(now=period.ends_at - timedelta(seconds=1)) == 0
    assert OutboxMessage.objects.count() == 2

    # The clerk cancels the second one; the first goes on once the mourning is over.
    transition_perform(obj=held, name="cancel", acting_user=clerk)
    assert mailing_send_batch(mailing_id=mailing.pk, now=period.ends_at, size=1) == 1
    assert mailing_send_batch(mailing_id=held.pk, now=period.ends_at, size=1) == 0
    assert OutboxMessage.objects.count() == 3


def test_a_campaign_approved_during_the_mourning_goes_out_and_a_sent_one_cannot_be_cancelled(make_clerk):
    make_subscriber("mieszkaniec@example.pl")
    OutboxMessage.objects.all().delete()
    make_period(starts_at=local_midnight(0), ends_at=local_midnight(1))
    clerk = make_clerk(groups=[SITE_GROUP])
    mailing = approved(campaign("Kondolencje"), clerk)

    assert mailing_send_batch(mailing_id=mailing.pk) == 1
    mailing.refresh_from_db()
    assert mailing.finished_at is not None
    assert OutboxMessage.objects.get().subject == "Kondolencje"
    with pytest.raises(CaseWorkError):
        transition_perform(obj=mailing, name="cancel", acting_user=clerk)
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.APPROVED
