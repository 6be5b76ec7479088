"""The home page's events section: the next published dates, never drafts, in a bounded number of queries."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.filters import when_range
from events.models import Category, Event, EventOccurrence
from events.registrations import HOME_UPCOMING_COUNT
from events.selectors import weekend_highlights
from events.services import event_create, event_publish, occurrence_cancel
from tests.events.factories import EventFactory, category, mck_venue

WARSAW = ZoneInfo("Europe/Warsaw")


@pytest.fixture
def venue(db):
    return mck_venue()


def make_event(venue, *, title, start, publish=True, **fields):
    event = event_create(
        acting_user=None,
        occurrences=[(start, start + timedelta(hours=2))],
        title=title,
        lead="Wieczór muzyki na żywo.",
        category=Category.objects.get(slug=fields.pop("category", "koncerty")),
        venue=venue,
        organiser_name="MCK im. Henryka Bisty",
        **fields,
    )
    if publish:
        event_publish(event=event, acting_user=None)
    return event


def bulk_published_events(venue, count, *, first_start, offset=0):
    """`count` published events with one date each, for volume checks (a fixture shortcut, not a service)."""
    category = Category.objects.get(slug="teatr")
    events = Event.objects.bulk_create(
        Event(
            title=f"Spektakl numer {offset + n}",
            slug=f"spektakl-numer-{offset + n}",
            lead="Komedia.",
            category=category,
            venue=venue,
            organiser_name="Teatr",
            status=Event.Status.PUBLISHED,
        )
        for n in range(count)
    )
    EventOccurrence.objects.bulk_create(
        EventOccurrence(event=event, starts_at=first_start + timedelta(hours=offset + n))
        for n, event in enumerate(events)
    )


def home_section(body: str) -> str:
    start = body.index('id="home-events"')
    return body[start : body.index("</section>", start)]


def test_home_shows_the_next_published_events_in_date_order(client, venue):
    soon = timezone.now() + timedelta(days=1)
    later = make_event(venue, title="Koncert kolęd i pastorałek", start=soon + timedelta(days=2))
    first = make_event(
        venue, title="Spotkanie autorskie z Joanną Pietrzyk", start=soon, category="spotkania-i-wyklady"
    )

    section = home_section(client.get("/").content.decode())

    assert section.index(first.title) < section.index(later.title)
    assert f'href="{first.get_absolute_url()}"' in section
    assert "Spotkania i wykłady" in section  # the category
    assert "Miejskie Centrum Kultury im. Henryka Bisty, Nowy Bytom" in section  # venue and district
    assert f'datetime="{timezone.localtime(soon).isoformat()}"' in section


def test_home_never_shows_drafts_submissions_unpublished_or_past_events(client, venue):
    soon = timezone.now() + timedelta(days=3)
    make_event(venue, title="Szkic wydarzenia w przygotowaniu", start=soon, publish=False)
    make_event(venue, title="Zgłoszony koncert organizatora", start=soon, publish=False, status=Event.Status.SUBMITTED)
    make_event(
        venue, title="Koncert z publikacją za tydzień", start=soon, publish_at=timezone.now() + timedelta(days=7)
    )
    make_event(venue, title="Koncert, który już był", start=timezone.now() - timedelta(days=2))
    make_event(venue, title="Widoczny koncert jazzowy", start=soon)

    section = home_section(client.get("/").content.decode())

    assert "Widoczny koncert jazzowy" in section
    for hidden in ("Szkic wydarzenia", "Zgłoszony koncert", "z publikacją za tydzień", "który już był"):
        assert hidden not in section


def test_home_shows_at_most_six_dates_and_links_to_the_calendar(client, venue):
    bulk_published_events(venue, 10, first_start=timezone.now() + timedelta(days=1))

    section = home_section(client.get("/").content.decode())

    assert section.count('class="home-event__title"') == HOME_UPCOMING_COUNT == 6
    assert 'href="/wydarzenia/"' in section
    assert 'href="/wydarzenia/zglos/"' in section


def test_home_marks_a_cancelled_date_in_words(client, venue):
    event = make_event(venue, title="Warsztaty ceramiczne", start=timezone.now() + timedelta(days=2))
    occurrence_cancel(occurrence=event.occurrences.get(), acting_user=None, note="Choroba prowadzącej.")

    section = home_section(client.get("/").content.decode())

    assert "home-event--cancelled" in section
    assert "status-badge--cancelled" in section  # a word, not colour alone
    assert "Choroba prowadzącej." in section


def test_home_without_events_says_so(client, db):
    section = home_section(client.get("/").content.decode())
    assert 'class="home-events"' not in section
    assert 'href="/wydarzenia/"' in section


def test_home_query_count_is_the_same_for_10_and_500_events(client, venue):
    """The dates come with their events, venues and categories in one query, however many there are."""
    counts = []
    bulk_published_events(venue, 10, first_start=timezone.now() + timedelta(hours=1))
    client.get("/")  # warm what is cached per process (content types, translations)
    for more in (0, 490):
        bulk_published_events(venue, more, first_start=timezone.now() + timedelta(hours=1), offset=10)
        cache.clear()  # the blocks are cached for a minute: measure the reads
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/")
        assert home_section(response.content.decode()).count('class="home-event__title"') == HOME_UPCOMING_COUNT
        counts.append(len(queries))
    assert Event.objects.count() == 500
    assert counts[0] == counts[1]


def test_home_blocks_are_read_once_a_minute_not_on_every_view(client, venue):
    make_event(venue, title="Koncert noworoczny", start=timezone.now() + timedelta(days=1))
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert "Koncert noworoczny" in home_section(response.content.decode())
    assert not [query for query in queries if "events_eventoccurrence" in query["sql"]]


def render_section(occurrences, now):
    return render_to_string(
        "events/home_upcoming.html", {"context": {"occurrences": occurrences, "now": now}, "department": None}
    )


def test_dates_of_this_weekend_are_marked(venue):
    """With "now" on Wednesday 2 December 2026: Saturday 5 and Sunday 6 are this weekend, Saturday 12 is not."""
    now = datetime(2026, 12, 2, 12, 0, tzinfo=WARSAW)
    for day in (3, 5, 6, 12):
        make_event(venue, title=f"Koncert {day} grudnia", start=datetime(2026, 12, day, 18, 0, tzinfo=WARSAW))
    occurrences = list(EventOccurrence.objects.public(now=now).upcoming(now=now).order_by("starts_at"))

    items = render_section(occurrences, now).split('<li class="home-event')[1:]

    marked = ["home-event__badge--weekend" in item for item in items]
    assert marked == [False, True, True, False]


def test_a_running_exhibition_shows_until_when(venue):
    now = datetime(2026, 12, 2, 12, 0, tzinfo=WARSAW)
    EventFactory(
        title="Wystawa „Ruda Śląska na dawnych pocztówkach”",
        lead="Wystawa czasowa.",
        category=category("wystawy"),
        venue=venue,
        organiser_name="Muzeum Miejskie im. Maksymiliana Chroboka",
        dates=[(datetime(2026, 11, 20, 17, 0, tzinfo=WARSAW), datetime(2027, 1, 15, 17, 0, tzinfo=WARSAW))],
    )
    occurrences = list(EventOccurrence.objects.public(now=now).upcoming(now=now))

    html = render_section(occurrences, now)

    assert 'datetime="2027-01-15T17:00:00+01:00"' in html
    assert "15 stycznia" in html


# This weekend's highlights


def weekend_section(body: str) -> str:
    start = body.index('id="home-weekend"')
    return body[start : body.index("</section>", start)]


def test_weekend_highlights_put_recommended_events_first_one_date_per_event(venue):
    """With "now" on Wednesday 2 December 2026 the weekend is Saturday 5 and Sunday 6 December."""
    now = datetime(2026, 12, 2, 12, 0, tzinfo=WARSAW)

    def on(day, hour):
        return datetime(2026, 12, day, hour, 0, tzinfo=WARSAW)

    make_event(venue, title="Czwartkowy koncert", start=on(3, 18))
    make_event(venue, title="Sobotni koncert", start=on(5, 18))
    make_event(venue, title="Niedzielny jarmark", start=on(6, 10), is_highlighted=True)
    make_event(venue, title="Za tydzień", start=on(12, 18), is_highlighted=True)
    festival = make_event(venue, title="Festiwal", start=on(5, 12))
    EventOccurrence.objects.create(event=festival, starts_at=on(5, 15))
    EventOccurrence.objects.create(event=festival, starts_at=on(6, 15))
    cancelled = make_event(venue, title="Odwołany recital", start=on(5, 11))
    occurrence_cancel(occurrence=cancelled.occurrences.get(), acting_user=None, note="Choroba artysty.")
    EventFactory(
        title="Wystawa pocztówek",
        lead="Wystawa czasowa.",
        category=category("wystawy"),
        venue=venue,
        organiser_name="Muzeum Miejskie",
        dates=[(datetime(2026, 11, 20, 10, 0, tzinfo=WARSAW), datetime(2027, 1, 15, 17, 0, tzinfo=WARSAW))],
    )

    chosen = weekend_highlights(limit=4, now=now)

    assert [occurrence.event.title for occurrence in chosen] == [
        "Niedzielny jarmark",
        "Festiwal",
        "Sobotni koncert",
        "Wystawa pocztówek",
    ]
    assert chosen[1].starts_at == on(5, 12)


def test_home_shows_the_weekend_block_with_recommended_events_and_a_link_to_the_weekend(client, venue):
    start, end = when_range("weekend")
    event_create(
        acting_user=None,
        occurrences=[(start - timedelta(days=1), end + timedelta(days=1))],
        title="Jarmark bożonarodzeniowy na Placu Jana Pawła II",
        lead="Stoiska i kolędy.",
        category=Category.objects.get(slug="festyny-i-plenery"),
        venue=venue,
        organiser_name="Urząd Miasta Ruda Śląska",
        is_highlighted=True,
    )
    event_publish(event=Event.objects.get(), acting_user=None)

    section = weekend_section(client.get("/").content.decode())

    assert "Jarmark bożonarodzeniowy" in section
    assert "Polecamy" in section
    assert 'href="/wydarzenia/?kiedy=weekend"' in section


def test_home_leaves_the_weekend_block_out_when_nothing_is_on(client, venue):
    make_event(venue, title="Za trzy tygodnie", start=timezone.now() + timedelta(days=21))
    home = client.get("/").content.decode()
    assert "Za trzy tygodnie" in home  # the page lists what is on later
    assert 'id="home-weekend"' not in home


def test_on_a_sunday_evening_the_weekend_is_the_coming_one(client, venue):
    """Sunday 6 December 2026, 21:00: today's last concert is over, so "this weekend" is 12–13 December."""
    with time_machine.travel(datetime(2026, 12, 6, 21, 0, tzinfo=WARSAW), tick=False):
        make_event(venue, title="Niedzielny koncert", start=datetime(2026, 12, 6, 17, 0, tzinfo=WARSAW))
        saturday = datetime(2026, 12, 12, 18, 0, tzinfo=WARSAW)
        make_event(venue, title="Sobotni spektakl", start=saturday, is_highlighted=True)
        make_event(venue, title="Za dwa tygodnie", start=datetime(2026, 12, 19, 18, 0, tzinfo=WARSAW))
        listed = client.get("/wydarzenia/", {"kiedy": "weekend"}).content.decode()
        home = weekend_section(client.get("/").content.decode())

    assert "Sobotni spektakl" in listed
    assert "Za dwa tygodnie" not in listed
    assert "Sobotni spektakl" in home


def test_on_a_sunday_afternoon_the_weekend_is_still_today(client, venue):
    """Sunday 6 December 2026, 15:00: the 17:00 concert is still to come, so the weekend is today's."""
    with time_machine.travel(datetime(2026, 12, 6, 15, 0, tzinfo=WARSAW), tick=False):
        make_event(venue, title="Niedzielny koncert", start=datetime(2026, 12, 6, 17, 0, tzinfo=WARSAW))
        make_event(venue, title="Sobotni spektakl", start=datetime(2026, 12, 12, 18, 0, tzinfo=WARSAW))
        listed = client.get("/wydarzenia/", {"kiedy": "weekend"}).content.decode()

    assert "Niedzielny koncert" in listed
    assert "Sobotni spektakl" not in listed
