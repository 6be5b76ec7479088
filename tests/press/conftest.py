"""Fixtures of the press office's tests: the scheduled release of the embargo tests and an announced conference."""

import pytest

from press.models import PressRelease
from tests.press.factories import MediaListFactory, PressConferenceFactory, scheduled_release


@pytest.fixture
def scheduled(db):
    """(release, photo, attachment): approved and scheduled for EMBARGO (10:00), with a photo and a PDF, in topic
    "kultura"; the photo is uploaded as a clerk does (withheld)."""
    release, photo, attachment = scheduled_release()
    assert release.status == PressRelease.Status.SCHEDULED
    return release, photo, attachment


@pytest.fixture
def conference(db):
    """A conference in three days, announced: the invitation went to one address."""
    return PressConferenceFactory(media_lists=[MediaListFactory(emails=("a@gazeta.pl",))])
