"""Events: categories, venues, events and organisers' submissions."""

from django.utils import timezone

from core.services import case_open
from events.models import Category, Event, EventSubmission, Venue
from tests.core.admin_rows import in_days, plain, row_maker, serial

category = plain(Category, name="Kategoria {n}", slug="kategoria-{n}", position=lambda n: 100 + n)
venue = plain(Venue, name="Dom Kultury {n}", street_address="ul. Główna {n}", district="halemba")


@row_maker(Event)
def event():
    n = next(serial)
    created = Event.objects.create(
        title=f"Koncert {n}",
        slug=f"koncert-{n}",
        lead="Wieczór muzyki.",
        category=category(),
        venue=venue(),
        organiser_name="MCK",
        status=Event.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    created.occurrences.create(starts_at=in_days(n + 1))
    return created


@row_maker(EventSubmission)
def event_submission():
    n = next(serial)
    submitted = EventSubmission(event=event(), contact_name=f"Organizator {n}", contact_email="org@example.pl")
    return case_open(case=submitted, title=f"Zgłoszenie wydarzenia {n}")
