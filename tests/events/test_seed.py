"""Demo events with pictures: a few upcoming events show an image from the public image pipeline, added once."""

import io

from django.core.management import call_command

from core.models import PublicImage
from events.models import Event


def test_demo_events_get_pictures_with_polish_alt_text_once(client, db):
    call_command("seed_events", "--allow-outside-debug", "--count", "40", "--past", "0", stdout=io.StringIO())
    call_command("seed_events", "--allow-outside-debug", "--count", "40", "--past", "0", stdout=io.StringIO())
    pictured = list(Event.objects.filter(image__isnull=False).select_related("image"))
    assert len(pictured) == 6
    assert PublicImage.objects.count() == 6
    assert len({event.title for event in pictured}) == 6
    for event in pictured:
        assert event.status == Event.Status.PUBLISHED
        assert event.image.alt_text.startswith("Plansza z tytułem wydarzenia")
        assert {rendition["format"] for rendition in event.image.renditions} == {"webp", "jpg"}
    page = client.get(pictured[0].get_absolute_url()).content.decode()
    assert pictured[0].image.alt_text in page
