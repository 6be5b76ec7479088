"""The press office's demo content: a newsroom with recent releases and one under embargo, loaded once."""

import io

from django.core.management import call_command
from django.urls import reverse

from press.models import PressRelease


def test_demo_releases_fill_the_newsroom_keep_one_under_embargo_and_load_once(client, db):
    call_command("seed_press", "--allow-outside-debug", stdout=io.StringIO())
    call_command("seed_press", "--allow-outside-debug", stdout=io.StringIO())
    assert PressRelease.objects.count() == 6
    page = client.get(reverse("press:release_list")).content.decode()
    assert "Jarmark bożonarodzeniowy" in page
    assert "Gala Kultury 2026" not in page
    embargoed = PressRelease.objects.get(title__startswith="Gala Kultury 2026")
    assert embargoed.status == PressRelease.Status.SCHEDULED
    assert client.get(embargoed.get_absolute_url()).status_code == 404
    assert all(release.slug.startswith("demo-") for release in PressRelease.objects.all())
