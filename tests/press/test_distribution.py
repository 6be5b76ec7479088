"""Distribution to media lists through the outbox: once per contact, never to the unsubscribed, nor back-dated."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from core.models import OutboxMessage
from core.services import transition_perform
from press.distribution import unsubscribe_token
from press.models import DistributionLogEntry, MediaContact, PressRelease
from tests.press.factories import MediaListFactory, PressReleaseFactory


@pytest.fixture
def lists(db):
    local = MediaListFactory(name="Media lokalne", emails=("redakcja@wiadomosci.pl", "news@radio-piekary.pl"))
    culture = MediaListFactory(name="Kultura", emails=("kultura@gazeta.pl",))
    # On both lists: mailed once.
    MediaContact.objects.get(email="redakcja@wiadomosci.pl").lists.add(culture)
    return local, culture


def test_first_publication_mails_every_contact_of_the_chosen_lists_once(lists):
    release = PressReleaseFactory(status=PressRelease.Status.APPROVED)
    release.media_lists.set(lists)
    transition_perform(obj=release, name="publish", acting_user=None)
    recipients = sorted(message.to[0] for message in OutboxMessage.objects.all())
    assert recipients == ["kultura@gazeta.pl", "news@radio-piekary.pl", "redakcja@wiadomosci.pl"]
    assert DistributionLogEntry.objects.filter(release=release).count() == 3
    assert release.distributed_at is not None
    message = OutboxMessage.objects.get(to=["kultura@gazeta.pl"])
    assert release.title in message.subject
    contact = MediaContact.objects.get(email="kultura@gazeta.pl")
    assert reverse("press:unsubscribe", kwargs={"token": unsubscribe_token(contact)}) in message.body_text
    assert "kultura@gazeta.pl" not in reverse("press:unsubscribe", kwargs={"token": unsubscribe_token(contact)})
    # A correction mails nobody again.
    transition_perform(obj=release, name="correct", acting_user=None, note="Zmiana godziny.")
    assert OutboxMessage.objects.count() == 3


def test_unsubscribed_contacts_are_never_mailed(client, lists):
    contact = MediaContact.objects.get(email="news@radio-piekary.pl")
    url = reverse("press:unsubscribe", kwargs={"token": unsubscribe_token(contact)})
    page = client.get(url)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    contact.refresh_from_db()
    assert contact.unsubscribed_at is None  # a GET (a mail scanner) changes nothing
    assert client.post(url).status_code == 200
    contact.refresh_from_db()
    assert contact.unsubscribed_at is not None
    release = PressReleaseFactory(status=PressRelease.Status.APPROVED)
    release.media_lists.set(lists)
    transition_perform(obj=release, name="publish", acting_user=None)
    assert "news@radio-piekary.pl" not in [message.to[0] for message in OutboxMessage.objects.all()]
    assert OutboxMessage.objects.count() == 2


@pytest.mark.parametrize("token", ["nonsense", "x" * 200, "MQ:1tHJ2K:bad-signature"])
def test_a_bad_unsubscribe_token_is_a_clear_404(client, db, token):
    response = client.get(reverse("press:unsubscribe", kwargs={"token": token}))
    assert response.status_code == 404
    message = gettext(
        "This link is not valid. Please use the link from the latest e-mail or write to the press office."
    )
    assert message in response.content.decode()


def test_a_back_dated_release_is_not_mailed(lists):
    release = PressReleaseFactory(status=PressRelease.Status.APPROVED)
    release.media_lists.set(lists)
    release.publish_at = timezone.now() - timedelta(days=30)
    release.save(update_fields=["publish_at"])
    transition_perform(obj=release, name="publish", acting_user=None)
    assert release.publish_at < timezone.now() - timedelta(days=29)
    assert OutboxMessage.objects.count() == 0
    assert DistributionLogEntry.objects.count() == 0


def test_a_release_without_lists_mails_nobody(db):
    release = PressReleaseFactory(status=PressRelease.Status.APPROVED)
    transition_perform(obj=release, name="publish", acting_user=None)
    assert OutboxMessage.objects.count() == 0
