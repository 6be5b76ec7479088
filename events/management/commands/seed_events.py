"""Fill the events calendar with realistic Polish demo events of the city's cultural institutions.

`manage.py seed_events [--count 300] [--past 25] [--months 3]` creates `--count` events spread over the next
`--months` months (from today) and `--past` events of the last five weeks, which are archived at the end
as the daily `archive_past_events` job would. Every state change goes through the services (`event_create`,
`event_publish`, `occurrences_from_rule`, `occurrence_cancel`, `occurrence_move`, `transition_perform`),
so the history and status-change records look exactly as after a clerk's work.

Idempotent: demo events are the events whose address (slug) starts with `demo-`. A run creates only what is
missing up to `--count + --past` of them, so a second run (`make run` calls this through `seed_demo` every
time) creates nothing new, on any day. Demo data can be removed with
`Event.objects.filter(slug__startswith="demo-")`.

The data tables (organisers, venues, titles, blueprints) are in `events.demo_data`.
"""

import random
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone

from core.management.demo import DemoDataCommand
from core.management.demo_images import demo_card
from core.public_images import public_image_create
from core.services import CaseWorkError, case_open, transition_perform
from core.slugs import polish_slugify
from events.demo_data import (
    BLUEPRINTS,
    CANCEL_NOTES,
    HOLIDAYS,
    INSTITUTIONS,
    LIBRARY_VENUES,
    MBP,
    OCCURRENCE_CANCEL_NOTES,
    OUTDOOR_VENUES,
    PEOPLE,
    SUMMER,
    VENUE_OWNERS,
    VENUES,
    Blueprint,
)
from events.models import Category, Event, EventOccurrence, EventSubmission, Venue
from events.services import (
    event_create,
    event_publish,
    events_archive_past,
    occurrence_cancel,
    occurrence_move,
    occurrences_from_rule,
)

SLUG_PREFIX = "demo-"
SEED = 20_26
PICTURED_EVENTS = 6


@dataclass
class Plan:
    """What one index of the demo calendar is: its blueprint, texts, venue, dates and fate."""

    blueprint: Blueprint
    title: str
    lead: str
    body: str
    venue: str
    occurrences: list[tuple[datetime, datetime | None]]
    series_count: int = 0
    fate: str = "published"  # published, submitted, cancelled, postponed, scheduled


class Command(DemoDataCommand):
    help = "Create realistic Polish demo events of the city's institutions (idempotent; slugs start with demo-)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--count", type=int, default=300, help="Upcoming events (default 300).")
        parser.add_argument("--months", type=int, default=3, help="Spread them over this many months (default 3).")
        parser.add_argument(
            "--past", type=int, default=25, help="Events of the last five weeks, archived at the end (default 25)."
        )
        parser.add_argument("--seed", type=int, default=SEED, help="Random seed (the same seed, the same calendar).")

    def handle(self, *args, count, months, past, seed, **options):
        if count < 0 or past < 0 or months < 1:
            raise CommandError("--count and --past must not be negative, --months must be at least 1.")
        started = time.perf_counter()
        categories = {category.slug: category for category in Category.objects.all()}
        missing = {blueprint.category for blueprint in BLUEPRINTS} - set(categories)
        if missing:
            raise CommandError(f"Missing event categories (run migrate): {', '.join(sorted(missing))}")

        existing = Event.objects.filter(slug__startswith=SLUG_PREFIX).count()
        target = count + past
        if existing >= target:
            pictured = self._images_add()
            added = f"dodano obrazy do {pictured}" if pictured else "nic nie dodano"
            self.stdout.write(f"Wydarzenia demonstracyjne już są ({existing}); {added}.")
            return

        today = timezone.localdate()
        stats = dict.fromkeys(("events", "occurrences", "submitted", "cancelled", "postponed", "scheduled"), 0)
        stats.update(cancelled_dates=0, moved_dates=0)
        with transaction.atomic():
            venues = self._venues()
            self._booked = self._booked_slots()
            for index in range(existing, target):
                rng = random.Random(seed * 100_003 + index)  # noqa: S311 — demo data, not security
                in_past = index < past
                plan = self._plan(rng, index, today, months, in_past)
                self._create(rng, index, plan, categories, venues, stats)
            archived = events_archive_past()
            pictured = self._images_add()
        self.stdout.write(
            self.style.SUCCESS(
                f"Wydarzenia demonstracyjne: utworzono {stats['events']} ({stats['occurrences']} terminów) "
                f"w {time.perf_counter() - started:.1f} s. Zgłoszenia do akceptacji: {stats['submitted']}, "
                f"odwołane: {stats['cancelled']}, przełożone: {stats['postponed']}, z publikacją w przyszłości: "
                f"{stats['scheduled']}, odwołane pojedyncze terminy: {stats['cancelled_dates']}, "
                f"przeniesione terminy: {stats['moved_dates']}, zarchiwizowane: {archived}, z obrazem: {pictured}."
            )
        )

    # -----------------------------------------------------------------------------------------------------
    def _images_add(self) -> int:
        """A picture on a few upcoming published events with different titles, once (a later run adds none).

        Each picture goes through the public image pipeline as an upload in the admin does (re-encoded, WebP
        and JPEG renditions, Polish alternative text) and is set on the event like a clerk choosing it.
        """
        if Event.objects.filter(slug__startswith=SLUG_PREFIX, image__isnull=False).exists():
            return 0
        upcoming = (
            Event.objects.filter(
                slug__startswith=SLUG_PREFIX,
                status=Event.Status.PUBLISHED,
                occurrences__starts_at__gte=timezone.now(),
            )
            .distinct()
            .order_by("-is_highlighted", "pk")
        )
        chosen, titles = [], set()
        for event in upcoming.iterator():
            if event.title not in titles:  # a weekly series has one title: pictures of six different events
                titles.add(event.title)
                chosen.append(event)
            if len(chosen) == PICTURED_EVENTS:
                break
        for index, event in enumerate(chosen):
            place = event.venue.name if event.venue_id else "Ruda Śląska"
            event.image = public_image_create(
                uploaded_file=demo_card(event.title, caption=place[:60], index=index + 3),
                alt_text=f"Plansza z tytułem wydarzenia „{event.title}” i nazwą miejsca: {place}.",
                acting_user=None,
            )
            event.image_credit = "Wydział Kultury UM Ruda Śląska"
            event.save(update_fields=["image", "image_credit", "updated_at"])
        return len(chosen)

    # -----------------------------------------------------------------------------------------------------
    def _venues(self) -> dict[str, Venue]:
        venues = {}
        for slug, fields in VENUES.items():
            venue = Venue.objects.filter(slug=slug).first()
            if venue is None:
                venue = Venue(slug=slug, **fields)
                venue.full_clean()
                venue.save()
            venues[slug] = venue
        return venues

    # One venue, one event at a time: two demo events never share a hall and an hour.
    # -----------------------------------------------------------------------------------------------------
    def _booked_slots(self) -> dict[str, list[tuple[datetime, datetime]]]:
        """The short dates already at each venue (a top-up run continues the calendar of an earlier one)."""
        booked: dict[str, list[tuple[datetime, datetime]]] = {}
        rows = EventOccurrence.objects.filter(event__slug__startswith=SLUG_PREFIX).values_list(
            "event__venue__slug", "starts_at", "ends_at"
        )
        for venue, start, end in rows:
            if self._is_short(start, end):
                booked.setdefault(venue, []).append((start, end or start + timedelta(hours=2)))
        return booked

    @staticmethod
    def _is_short(start: datetime, end: datetime | None) -> bool:
        """A concert or a class, not a running exhibition (which shares its gallery with what goes on there)."""
        return end is None or end - start < timedelta(days=1)

    @staticmethod
    def _series(plan_start: datetime, plan_end: datetime | None, count: int):
        weeks = [timedelta(weeks=k) for k in range(count)]
        return [(plan_start + week, plan_end + week if plan_end else None) for week in weeks]

    def _is_free(self, venue: str, dates) -> bool:
        for start, end in dates:
            if not self._is_short(start, end):
                continue
            end = end or start + timedelta(hours=2)
            if any(start < other_end and other_start < end for other_start, other_end in self._booked.get(venue, [])):
                return False
        return True

    def _book(self, venue: str, dates) -> None:
        for start, end in dates:
            if self._is_short(start, end):
                self._booked.setdefault(venue, []).append((start, end or start + timedelta(hours=2)))

    def _plan(self, rng: random.Random, index: int, today: date, months: int, in_past: bool) -> Plan:
        """The event of one index: the first venue, hour and week (of a few tried) where its dates are free."""
        plan = None
        for attempt in range(12):
            plan = self._draw(rng, index, today, months, in_past, week_offset=attempt // 4)
            dates = list(plan.occurrences)
            if plan.series_count > 1:
                dates += self._series(*plan.occurrences[0], plan.series_count)[1:]
            if self._is_free(plan.venue, dates):
                break
        self._book(plan.venue, dates)
        return plan

    def _draw(
        self, rng: random.Random, index: int, today: date, months: int, in_past: bool, week_offset: int = 0
    ) -> Plan:
        if in_past:
            day = today - timedelta(days=rng.randint(2, 35))
        else:
            day = today + timedelta(days=rng.randint(0, months * 30))
        # Pick a blueprint that fits the season, then move the day to one of its weekdays nearby. Past
        # events are short ones (a running exhibition would wait for the archive job, not be archived now).
        fitting = [
            b
            for b in BLUEPRINTS
            if day.month in b.months
            and day.day <= b.until_day
            and self._has_venue(b, day)
            and not (in_past and (b.exhibition_weeks or b.series))
        ]
        blueprint = rng.choices(fitting, weights=[b.weight for b in fitting])[0]
        day = self._nearest_weekday(day, blueprint.weekdays)
        day += timedelta(weeks=-week_offset if in_past else week_offset)
        if in_past and day >= today:
            day -= timedelta(weeks=1)

        fill = {}
        for key, values in blueprint.fill.items():
            value = rng.choice(values)
            if key == "xy":
                fill["x"], fill["y"] = value
            else:
                fill[key] = value
        title = rng.choice(blueprint.titles).format(**fill)
        venue = rng.choice([v for v in blueprint.venues if v not in OUTDOOR_VENUES or self._outdoor_ok(v, day)])

        zone = timezone.get_current_timezone()
        hour, minute = rng.choice(blueprint.times)
        start = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
        length = timedelta(minutes=blueprint.minutes)
        occurrences: list[tuple[datetime, datetime | None]]
        series_count = 0
        if blueprint.exhibition_weeks:
            closing = day + timedelta(weeks=rng.randint(*blueprint.exhibition_weeks))
            occurrences = [(start, datetime(closing.year, closing.month, closing.day, 17, 0, tzinfo=zone))]
        elif blueprint.days > 1:
            occurrences = []
            for offset in range(blueprint.days):
                local = start + timedelta(days=offset)
                local = datetime(local.year, local.month, local.day, hour, minute, tzinfo=zone)
                occurrences.append((local, local + length))
        else:
            occurrences = [(start, start + length)]
            if blueprint.series and not in_past:
                series_count = rng.randint(*blueprint.series)

        fate = "published"
        if not in_past:
            if index % 23 == 5:
                fate = "submitted"
            elif index % 31 == 7:
                fate = "cancelled"
            elif index % 37 == 11:
                fate = "postponed"
            elif index % 41 == 13:
                fate = "scheduled"
        return Plan(
            blueprint=blueprint,
            title=title,
            lead=blueprint.lead.format(**fill),
            body=blueprint.body.format(**fill),
            venue=venue,
            occurrences=occurrences,
            series_count=series_count,
            fate=fate,
        )

    @staticmethod
    def _outdoor_ok(venue: str, day: date) -> bool:
        if venue == "plac-przed-urzedem-miasta":
            return day.month == 12 or day.month in SUMMER
        return day.month in SUMMER

    def _has_venue(self, blueprint: Blueprint, day: date) -> bool:
        return any(v not in OUTDOOR_VENUES or self._outdoor_ok(v, day) for v in blueprint.venues)

    @staticmethod
    def _nearest_weekday(day: date, weekdays: frozenset[int]) -> date:
        """The first day on or after `day` that falls on one of `weekdays` and is not a public holiday."""
        for offset in range(14):
            candidate = day + timedelta(days=offset)
            if candidate.weekday() in weekdays and (candidate.month, candidate.day) not in HOLIDAYS:
                return candidate
        return day

    def _create(self, rng, index, plan: Plan, categories, venues, stats) -> None:
        blueprint = plan.blueprint
        organiser = blueprint.organiser
        if organiser in INSTITUTIONS:
            organiser = VENUE_OWNERS.get(plan.venue, MBP if plan.venue in LIBRARY_VENUES else organiser)
        organiser_name, organiser_url = organiser
        price_kind, price_from, price_to = Event.PriceKind.FREE, None, None
        if blueprint.paid:
            low, high = blueprint.paid
            price_kind = Event.PriceKind.PAID
            price_from = Decimal(rng.randrange(low, high + 1, 5 if high - low >= 10 else 1))
            price_to = price_from + Decimal(rng.choice([0, 0, 10, 15, 20])) if high - low >= 20 else None
            if price_to == price_from:
                price_to = None
        audiences = {name: True for name in blueprint.audiences if rng.random() < 0.8}
        fields = {
            "title": plan.title[:200],
            "slug": f"{SLUG_PREFIX}{polish_slugify(plan.title)[:190]}-{index + 1}",
            "lead": plan.lead[:300],
            "description": plan.body,
            "category": categories[blueprint.category],
            "venue": venues[plan.venue],
            "organiser_name": organiser_name,
            "organiser_url": organiser_url,
            "co_organised_by_city": blueprint.city or rng.random() < 0.1,
            # The city's own weekend events are the home page's highlights (no random draw: same data as before).
            "is_highlighted": bool(blueprint.city) and timezone.localtime(plan.occurrences[0][0]).weekday() >= 5,
            "price_kind": price_kind,
            "price_from": price_from,
            "price_to": price_to,
            "capacity": rng.randint(*blueprint.capacity) if blueprint.capacity else None,
            "sign_language_interpreter": blueprint.category in ("teatr", "spotkania-i-wyklady") and rng.random() < 0.2,
            "audio_description": blueprint.category in ("teatr", "film") and rng.random() < 0.2,
            **audiences,
        }

        if plan.fate == "submitted":
            self._submit(rng, plan, fields, stats)
            return
        if plan.fate == "scheduled":
            fields["publish_at"] = timezone.now() + timedelta(days=rng.randint(3, 14))

        event = event_create(acting_user=None, occurrences=plan.occurrences, **fields)
        stats["events"] += 1
        stats["occurrences"] += len(plan.occurrences)
        if plan.series_count > 1:
            first_start, first_end = plan.occurrences[0]
            dates = occurrences_from_rule(
                event=event,
                first_start=first_start + timedelta(weeks=1),
                duration=first_end - first_start,
                rule=f"FREQ=WEEKLY;COUNT={plan.series_count - 1}",
                acting_user=None,
            )
            stats["occurrences"] += len(dates)
            self._adjust_series(rng, dates, stats, venue=plan.venue)
        event_publish(event=event, acting_user=None)
        if plan.fate == "cancelled":
            transition_perform(obj=event, name="cancel", acting_user=None, note=rng.choice(CANCEL_NOTES))
            stats["cancelled"] += 1
        elif plan.fate == "postponed":
            transition_perform(obj=event, name="postpone", acting_user=None, note="Nowy termin podamy wkrótce.")
            stats["postponed"] += 1
        elif plan.fate == "scheduled":
            stats["scheduled"] += 1

    def _adjust_series(self, rng, dates: list[EventOccurrence], stats, *, venue: str) -> None:
        """Holiday breaks and the odd illness: cancel or move single dates of a weekly series."""
        for occurrence in dates:
            local = timezone.localtime(occurrence.starts_at)
            if (local.month, local.day) in HOLIDAYS:
                occurrence_cancel(occurrence=occurrence, acting_user=None, note="Przerwa świąteczna.")
                stats["cancelled_dates"] += 1
        if len(dates) >= 3 and rng.random() < 0.25:
            victim = rng.choice(dates[1:])
            if victim.status == EventOccurrence.Status.SCHEDULED:
                occurrence_cancel(occurrence=victim, acting_user=None, note=rng.choice(OCCURRENCE_CANCEL_NOTES))
                stats["cancelled_dates"] += 1
        elif len(dates) >= 3 and rng.random() < 0.15:
            victim = dates[-1]
            moved_from = timezone.localtime(victim.starts_at)
            length = victim.ends_at - victim.starts_at if victim.ends_at else None
            new_start = victim.starts_at + timedelta(days=1)
            moved = [(new_start, new_start + length if length else None)]
            if not self._is_free(venue, moved):
                return
            self._book(venue, moved)
            occurrence_move(
                occurrence=victim,
                starts_at=new_start,
                ends_at=new_start + length if length else None,
                acting_user=None,
                note=f"Przeniesione z {moved_from:%d.%m}.",
            )
            stats["moved_dates"] += 1

    def _submit(self, rng, plan: Plan, fields, stats) -> None:
        """An organiser's submission from the public form, waiting for a clerk: never public."""
        contact_name, contact_email = rng.choice(PEOPLE)
        fields = {**fields, "organiser_name": contact_name if "„" in contact_name else fields["organiser_name"]}
        event = event_create(
            acting_user=None, occurrences=plan.occurrences[:1], status=Event.Status.SUBMITTED, **fields
        )
        stats["events"] += 1
        stats["occurrences"] += 1
        stats["submitted"] += 1
        submission = EventSubmission(event=event, contact_name=contact_name, contact_email=contact_email)
        try:
            case_open(case=submission, title=f"Zgłoszenie wydarzenia: {event.title}"[:200], acknowledge=False)
        except CaseWorkError:
            # No case register configured for submissions: the submitted draft is enough for the demo.
            pass
