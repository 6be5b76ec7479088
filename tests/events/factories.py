"""Factories of the events calendar: Polish venues and events of Ruda Śląska, created through the services.

`EventFactory(status=...)` goes through `events.services.event_create` and then the workflow (publish,
cancel, postpone, archive), as a clerk would. `bulk_events(n)` is the fast path for volume tests.
"""

import itertools
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from core.services import transition_perform
from events.models import Category, District, Event, EventOccurrence, Venue
from events.services import event_create, event_publish

SEEDED_CATEGORY_SLUGS = [
    "koncerty",
    "teatr",
    "wystawy",
    "film",
    "spotkania-i-wyklady",
    "warsztaty",
    "festyny-i-plenery",
    "sport-i-rekreacja",
    "dla-dzieci",
    "inne",
]
VENUES = [
    ("Miejskie Centrum Kultury im. Henryka Bisty", "ul. Niedurnego 69", "41-709", District.NOWY_BYTOM),
    ("Dom Kultury Bielszowice", "ul. Kościelna 1", "41-711", District.BIELSZOWICE),
    ("Dom Kultury Wirek", "ul. 1 Maja 32", "41-706", District.WIREK),
    ("Dom Kultury Halemba", "ul. Solidarności 1", "41-703", District.HALEMBA),
    ("Muzeum Miejskie im. Maksymiliana Chroboka", "ul. Wolności 26", "41-700", District.RUDA),
    ("Park Dworski", "ul. Kokota 1", "41-711", District.BIELSZOWICE),
    ("Kopalnia Ignacy, Szyb Wilson", "ul. Oświęcimska 10", "41-710", District.ORZEGOW),
    ("Miejska Biblioteka Publiczna, Filia nr 4", "ul. Chrobrego 11", "41-710", District.GODULA),
]
TITLES = [
    "Koncert noworoczny Orkiestry Dętej KWK Halemba",
    "Śląskie Godki: spotkanie z gwarą",
    "Spektakl „Balladyna” w wykonaniu Teatru Młodzieży",
    "Warsztaty ceramiczne dla dzieci",
    "Wystawa fotografii „Familoki Wirku”",
    "Kino plenerowe w Parku Dworskim",
    "Festyn rodzinny na Bykowinie",
    "Wieczór poezji w bibliotece",
    "Koncert jazzowy w Szybie Wilson",
    "Bieg Barbórkowy",
]
_bulk_batches = itertools.count()


def category(slug: str = "koncerty") -> Category:
    """One of the categories seeded by migration events 0002 (koncerty, teatr, wystawy, …)."""
    return Category.objects.get(slug=slug)


def at(days: int = 7, hour: int = 18, minute: int = 0) -> datetime:
    """An aware datetime `days` from today at `hour`:`minute`, Warsaw time."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def mck_venue(**fields) -> Venue:
    """The Miejskie Centrum Kultury im. Henryka Bisty at ul. Niedurnego 69 (Nowy Bytom)."""
    return Venue.objects.create(
        name="Miejskie Centrum Kultury im. Henryka Bisty",
        street_address="ul. Niedurnego 69",
        postal_code="41-709",
        district=District.NOWY_BYTOM,
        **fields,
    )


class CategoryFactory(DjangoModelFactory):
    """A seeded category (get-or-create by slug): the calendar never needs invented ones."""

    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    slug = factory.Iterator(SEEDED_CATEGORY_SLUGS)
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").capitalize())


class VenueFactory(DjangoModelFactory):
    class Meta:
        model = Venue

    name = factory.Sequence(lambda n: VENUES[n % len(VENUES)][0] + (f" (sala {n})" if n >= len(VENUES) else ""))
    street_address = factory.Sequence(lambda n: VENUES[n % len(VENUES)][1])
    postal_code = factory.Sequence(lambda n: VENUES[n % len(VENUES)][2])
    district = factory.Sequence(lambda n: VENUES[n % len(VENUES)][3])
    description = factory.Faker("paragraph", locale="pl_PL")


class EventFactory(DjangoModelFactory):
    """An event created by `event_create`, then moved to `status` through the workflow.

    `dates` is a list of (starts_at, ends_at) pairs; by default one evening a week from today.
    """

    class Meta:
        model = Event

    title = factory.Sequence(lambda n: TITLES[n % len(TITLES)] + (f" {n}" if n >= len(TITLES) else ""))
    # A fixed text: a random sentence could contain a word the search tests look for.
    lead = factory.Sequence(lambda n: f"Zapraszamy mieszkańców na wydarzenie nr {n}.")
    description = factory.LazyFunction(lambda: "<p>Zapraszamy mieszkańców Rudy Śląskiej.</p>")
    category = factory.LazyFunction(category)
    venue = factory.SubFactory(VenueFactory)
    organiser_name = "Miejskie Centrum Kultury im. Henryka Bisty"
    organiser_url = "https://mck.rudaslaska.pl/"
    price_kind = Event.PriceKind.FREE
    status = Event.Status.PUBLISHED
    dates = factory.LazyFunction(lambda: [(at(7, 18), at(7, 20))])

    @classmethod
    def _create(cls, model_class, *args, status=Event.Status.PUBLISHED, dates=(), **kwargs):
        initial = Event.Status.SUBMITTED if status == Event.Status.SUBMITTED else Event.Status.DRAFT
        event = event_create(acting_user=None, occurrences=list(dates), status=initial, **kwargs)
        if status in (Event.Status.DRAFT, Event.Status.SUBMITTED):
            return event
        event_publish(event=event, acting_user=None)
        if status == Event.Status.CANCELLED:
            transition_perform(obj=event, name="cancel", acting_user=None, note="Choroba wykonawcy.")
        elif status == Event.Status.POSTPONED:
            transition_perform(obj=event, name="postpone", acting_user=None)
        elif status == Event.Status.ARCHIVED:
            transition_perform(obj=event, name="archive", acting_user=None)
        event.refresh_from_db()
        return event


class PaidEventFactory(EventFactory):
    price_kind = Event.PriceKind.PAID
    price_from = Decimal("25.00")
    price_to = Decimal("40.00")
    ticket_url = "https://bilety.mck.rudaslaska.pl/"


class EventOccurrenceFactory(DjangoModelFactory):
    """One more date of an existing event (plain create: dates have no workflow of their own)."""

    class Meta:
        model = EventOccurrence

    event = factory.SubFactory(EventFactory)
    starts_at = factory.LazyFunction(lambda: at(14, 18))
    ends_at = None


def bulk_events(
    count: int, *, venue: Venue | None = None, start: date | None = None, days: int = 27, status=Event.Status.PUBLISHED
) -> list[Event]:
    """Create `count` events in `status` with one date each, spread over `days` days from `start` (tomorrow).

    Two INSERTs whatever the count: for volume tests only (bulk_create skips the services and history).
    """
    venue = venue or VenueFactory()
    categories = list(Category.objects.all())
    start = start or timezone.localdate() + timedelta(days=1)
    batch = next(_bulk_batches)
    events = Event.objects.bulk_create(
        Event(
            title=f"Wydarzenie numer {n}",
            slug=f"wydarzenie-numer-{n}-{venue.pk}-{batch}",
            lead="Zapraszamy mieszkańców Rudy Śląskiej.",
            category=categories[n % len(categories)],
            venue=venue,
            organiser_name="Dom Kultury Bielszowice",
            for_children=n % 3 == 0,
            price_kind=Event.PriceKind.FREE if n % 2 else Event.PriceKind.PAID,
            price_from=None if n % 2 else Decimal("15.00"),
            status=status,
            published_at=timezone.now(),
        )
        for n in range(count)
    )
    EventOccurrence.objects.bulk_create(
        EventOccurrence(
            event=event,
            starts_at=timezone.make_aware(datetime.combine(start + timedelta(days=n % days), time(10 + n % 10))),
        )
        for n, event in enumerate(events)
    )
    return events
