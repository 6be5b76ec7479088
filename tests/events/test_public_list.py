"""The public list of events and the archive: upcoming dates, the filters, markers, hostile input, query counts."""

import re
from datetime import UTC, datetime, time, timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext

from events.filters import when_range
from events.models import District, Event, EventOccurrence
from events.services import occurrence_cancel, occurrence_move
from tests.events.factories import EventFactory, PaidEventFactory, VenueFactory, at, bulk_events, category

LIST = reverse("events:occurrence_list")
ARCHIVE = reverse("events:archive")
# Shell (department, footer pages, mourning notice), the form's category and venue choices, the count and the page.
LIST_QUERIES = 7


def titles(response) -> list[str]:
    return [occurrence.event.title for occurrence in response.context["page_obj"].object_list]


def body(response) -> str:
    return response.content.decode()


def rows(html: str) -> list[str]:
    """The HTML of each row of the list (one date)."""
    return [part.split("</section>")[0] for part in html.split('<li class="occurrence')[1:]]


@pytest.fixture
def venue(db):
    return VenueFactory(name="Dom Kultury Bielszowice", district=District.BIELSZOWICE)


def test_default_list_shows_upcoming_published_dates_soonest_first(client, venue):
    EventFactory(title="Za dwa tygodnie", venue=venue, dates=[(at(14, 18), at(14, 20))])
    EventFactory(title="Jutro", venue=venue, dates=[(at(1, 18), at(1, 20))])
    EventFactory(title="Było w zeszłym tygodniu", venue=venue, dates=[(at(-7, 18), at(-7, 20))])
    EventFactory(title="Wystawa trwa", venue=venue, dates=[(at(-10, 10), at(30, 18))])
    response = client.get(LIST)
    assert response.status_code == 200
    assert titles(response) == ["Wystawa trwa", "Jutro", "Za dwa tygodnie"]
    html = body(response)
    # The running exhibition is not filed under a day that has passed.
    assert gettext("Started earlier and still on") in html
    assert f'<time datetime="{timezone.localtime(at(1, 18)).isoformat()}">18:00</time>' in html


def test_archived_events_are_left_out_of_the_upcoming_list(client, venue):
    EventFactory(title="Zarchiwizowane", venue=venue, status=Event.Status.ARCHIVED, dates=[(at(3), None)])
    assert titles(client.get(LIST)) == []


@pytest.mark.parametrize("status", [Event.Status.DRAFT, Event.Status.SUBMITTED])
def test_drafts_and_submissions_never_appear(client, venue, status):
    EventFactory(title="Szkic wydarzenia", venue=venue, status=status, dates=[(at(2), None), (at(-2), None)])
    EventFactory(title="Szkic do portretu miasta", venue=venue, dates=[(at(2), None), (at(-2), None)])
    for url in (LIST, ARCHIVE, LIST + "?q=szkic"):
        response = client.get(url)
        assert titles(response) == ["Szkic do portretu miasta"]
        assert "Szkic wydarzenia" not in body(response)


def test_event_scheduled_for_later_publication_is_not_shown_yet(client, venue):
    event = EventFactory(title="Ogłoszone za tydzień", venue=venue, status=Event.Status.DRAFT, dates=[(at(9), None)])
    Event.objects.filter(pk=event.pk).update(status=Event.Status.PUBLISHED, publish_at=timezone.now() + timedelta(7))
    assert titles(client.get(LIST)) == []


def test_a_row_shows_time_venue_district_category_price_audience_and_accessibility_as_text(client, db):
    venue = VenueFactory(
        name="Miejskie Centrum Kultury", district=District.NOWY_BYTOM, step_free_entry=True, induction_loop=True
    )
    PaidEventFactory(
        title="Koncert kolęd",
        venue=venue,
        category=category("koncerty"),
        for_families=True,
        sign_language_interpreter=True,
        dates=[(at(5, 18), at(5, 20))],
    )
    [row] = rows(body(client.get(LIST)))
    assert ">18:00</time>–<time" in row
    assert 'href="/wydarzenia/koncert-koled/"' in row
    assert 'href="/miejsca/miejskie-centrum-kultury/">Miejskie Centrum Kultury</a>, Nowy Bytom' in row
    assert "Koncerty" in row
    assert "25–40" in row
    assert str(Event._meta.get_field("for_families").verbose_name).capitalize() in row
    # Each accessibility feature is named in text; its decorative icon is drawn by CSS from the class, not
    # repeated as SVG in every row.
    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    for field in ("step_free_entry", "induction_loop"):
        assert f'access-feature--{field}"><span class="access-feature__label">' in row
        assert str(venue._meta.get_field(field).verbose_name).capitalize() in row
        assert f'.access-feature--{field}::before {{ -webkit-mask-image: url("../img/access/{field}.svg")' in css
        assert (settings.BASE_DIR / "static" / "img" / "access" / f"{field}.svg").exists()
    assert "<svg" not in row


def test_cancelled_postponed_and_moved_dates_are_marked_in_text(client, venue):
    EventFactory(title="Odwołany koncert", venue=venue, status=Event.Status.CANCELLED, dates=[(at(2), None)])
    EventFactory(title="Przełożony spektakl", venue=venue, status=Event.Status.POSTPONED, dates=[(at(3), None)])
    series = EventFactory(title="Cykl spotkań", venue=venue, dates=[(at(4), None), (at(5), None), (at(6), None)])
    first, second, _third = series.occurrences.order_by("starts_at")
    occurrence_cancel(occurrence=first, acting_user=None, note="Prowadzący zachorował.")
    occurrence_move(occurrence=second, starts_at=at(8), ends_at=None, acting_user=None, note="Przeniesione z piątku.")
    html = body(client.get(LIST))
    cancelled = pgettext("event", "Cancelled")
    assert html.count(f'<strong class="status-badge status-badge--cancelled">{cancelled}</strong>') == 2
    assert f'status-badge--postponed">{pgettext("event", "Postponed")}</strong>' in html
    assert f'status-badge--moved">{pgettext("event", "Moved")}</strong>' in html
    assert "Prowadzący zachorował." in html
    assert "Przeniesione z piątku." in html
    assert html.count('class="status-badge ') == 4  # the third date of the series is as planned


def _inside(bounds):
    start, end = bounds
    return (start + timedelta(minutes=1), end - timedelta(minutes=1))


def _after(bounds):
    _start, end = bounds
    return (end + timedelta(days=1), end + timedelta(days=1, hours=2))


@pytest.mark.parametrize("when", ["dzis", "weekend", "tydzien", "miesiac"])
def test_when_filters_keep_the_dates_of_that_period(client, venue, when):
    bounds = when_range(when)
    EventFactory(title="W okresie", venue=venue, dates=[_inside(bounds)])
    EventFactory(title="Po okresie", venue=venue, dates=[_after(bounds)])
    assert titles(client.get(LIST, {"kiedy": when})) == ["W okresie"]


def test_date_range_keeps_dates_between_from_and_to(client, venue):
    EventFactory(title="Za trzy dni", venue=venue, dates=[(at(3), None)])
    EventFactory(title="Za dziesięć dni", venue=venue, dates=[(at(10), None)])
    today = timezone.localdate()
    query = {"od": (today + timedelta(2)).isoformat(), "do": (today + timedelta(5)).isoformat()}
    assert titles(client.get(LIST, query)) == ["Za trzy dni"]


def test_a_from_date_in_the_past_shows_past_dates_as_the_feeds_do(client, venue):
    EventFactory(title="Było", venue=venue, dates=[(at(-10), at(-10, 20))])
    EventFactory(title="Będzie", venue=venue, dates=[(at(10), None)])
    assert titles(client.get(LIST)) == ["Będzie"]
    assert titles(client.get(LIST, {"od": (timezone.localdate() - timedelta(30)).isoformat()})) == ["Było", "Będzie"]


def test_category_audience_district_venue_and_free_filters(client, db):
    halemba = VenueFactory(name="Dom Kultury Halemba", district=District.HALEMBA)
    wirek = VenueFactory(name="Dom Kultury Wirek", district=District.WIREK)
    EventFactory(title="Teatr dla dzieci", venue=halemba, category=category("teatr"), for_children=True)
    PaidEventFactory(title="Koncert płatny", venue=wirek, category=category("koncerty"))
    EventFactory(title="Wykład dla seniorów", venue=wirek, category=category("spotkania-i-wyklady"), for_seniors=True)

    assert titles(client.get(LIST, {"kategoria": "teatr"})) == ["Teatr dla dzieci"]
    assert titles(client.get(LIST, {"dla": "seniorzy"})) == ["Wykład dla seniorów"]
    assert titles(client.get(LIST, {"dla": "dzieci"})) == ["Teatr dla dzieci"]
    assert titles(client.get(LIST, {"dzielnica": "halemba"})) == ["Teatr dla dzieci"]
    assert sorted(titles(client.get(LIST, {"miejsce": wirek.slug}))) == ["Koncert płatny", "Wykład dla seniorów"]
    assert sorted(titles(client.get(LIST, {"bezplatne": "on"}))) == ["Teatr dla dzieci", "Wykład dla seniorów"]


def test_accessibility_filters_combine_venue_and_event_features(client, db):
    ramp = VenueFactory(name="Sala z podjazdem", step_free_entry=True)
    stairs = VenueFactory(name="Sala na piętrze")
    EventFactory(title="Bez barier z PJM", venue=ramp, sign_language_interpreter=True)
    EventFactory(title="Bez barier", venue=ramp)
    EventFactory(title="Z PJM na piętrze", venue=stairs, sign_language_interpreter=True)

    assert sorted(titles(client.get(LIST, {"dostepnosc": "bez-barier"}))) == ["Bez barier", "Bez barier z PJM"]
    assert titles(client.get(LIST, {"dostepnosc": ["bez-barier", "pjm"]})) == ["Bez barier z PJM"]


@pytest.mark.parametrize("query", ["koncert", "KONCERTU", "Bisty", "kolędy"])
def test_text_search_finds_other_grammatical_forms_and_the_category(client, db, query):
    """ "koncert" finds events in the category "Koncerty"; "koncertu" the title "Koncerty…" too."""
    venue = VenueFactory(name="Miejskie Centrum Kultury im. Henryka Bisty")
    EventFactory(title="Wieczór kolędy i pastorałki", venue=venue, category=category("koncerty"))
    EventFactory(
        title="Warsztaty garncarskie",
        venue=VenueFactory(name="Dom Kultury Wirek"),
        category=category("warsztaty"),
        organiser_name="Dom Kultury Wirek",
    )
    assert titles(client.get(LIST, {"q": query})) == ["Wieczór kolędy i pastorałki"]


def test_filters_are_kept_in_page_links_and_in_feed_links(client, venue):
    bulk_events(25, venue=venue)
    response = client.get(LIST, {"miejsce": venue.slug, "kiedy": "", "ignoruj": "mnie"})
    html = body(response)
    assert response.context["query"] == f"miejsce={venue.slug}"
    assert f'href="?miejsce={venue.slug}&amp;page=2"' in html
    for name in ("events:feed_ical", "events:feed_rss", "events:export_json", "events:export_csv"):
        assert f'href="{reverse(name)}?miejsce={venue.slug}"' in html
    assert f'href="{reverse("events:month")}?miejsce={venue.slug}"' in html
    assert f'href="{reverse("events:submission_create")}"' in html
    page_two = client.get(LIST, {"miejsce": venue.slug, "page": 2})
    assert len(titles(page_two)) == 5


def test_form_is_a_get_form_with_filter_and_clear_buttons(client, db):
    html = body(client.get(LIST))
    form = html[html.index('<form class="form filters__form"') :]
    form = form[: form.index("</form>")]
    assert 'method="get"' in form
    assert f'<button type="submit" class="button">{gettext("Filter")}</button>' in form
    assert f'href="{LIST}">{gettext("Clear filters")}</a>' in form
    for name in ("q", "kiedy", "od", "do", "kategoria", "dla", "dzielnica", "miejsce", "bezplatne", "dostepnosc"):
        assert f'name="{name}"' in form
    assert 'type="date"' in form


@pytest.mark.parametrize(
    "query",
    [
        {"kategoria": "nie-ma-takiej"},
        {"kiedy": "jutro"},
        {"dzielnica": "mordor"},
        {"dla": "kosmici"},
        {"dostepnosc": ["bez-barier", "teleport"]},
        {"miejsce": "<script>alert(1)</script>"},
        {"od": "99999-01-01"},
        {"od": "1999-12-31"},
        {"od": "2026-13-45"},
        {"do": "jutro"},
        {"od": "2026-12-10", "do": "2026-12-01"},
        {"q": "koncert\x00"},
        {"q": "a" * 1_000_000},
    ],
    ids=lambda query: ",".join(query)[:20],
)
def test_bad_filter_values_show_form_errors_and_the_unfiltered_list(client, venue, query):
    EventFactory(title="Koncert", venue=venue, dates=[(at(2), None)])
    EventFactory(title="Spektakl", venue=venue, category=category("teatr"), dates=[(at(3), None)])
    response = client.get(LIST, query)
    assert response.status_code == 200
    html = body(response)
    assert response.context["filter"].errors
    assert response.context["query"] == ""
    assert titles(response) == ["Koncert", "Spektakl"]
    assert 'class="error-summary"' in html
    assert 'aria-invalid="true"' in html
    assert "<script>alert(1)</script>" not in html
    # A hostile value is cut before validation: the filter form never echoes a megabyte back.
    form = html[html.index('<form class="form filters__form"') :]
    assert len(form[: form.index("</form>")]) < 30_000


@pytest.mark.parametrize("url", [LIST, ARCHIVE])
@pytest.mark.parametrize("page", ["abc", "0", "-1", "999999", "1e9", "2.5"])
def test_any_page_number_gives_a_page(client, venue, url, page):
    EventFactory(venue=venue, dates=[(at(2), None), (at(-2), None)])
    response = client.get(url, {"page": page})
    assert response.status_code == 200
    assert len(titles(response)) == 1


@pytest.mark.parametrize("url", [LIST, ARCHIVE, reverse("events:month")])
def test_ten_thousand_parameters_are_a_400_not_a_500(client, db, url):
    """Django refuses more than DATA_UPLOAD_MAX_NUMBER_FIELDS parameters (TooManyFieldsSent -> 400)."""
    query = "&".join(f"p{n}=1" for n in range(10_000))
    assert client.get(f"{url}?{query}").status_code == 400


def test_a_thousand_repeated_known_parameters_still_render(client, db):
    query = "&".join(["dostepnosc=bez-barier"] * 999)
    assert client.get(f"{LIST}?{query}").status_code == 200


def test_archive_lists_past_dates_newest_first_with_the_same_filters(client, venue):
    EventFactory(title="Dawno", venue=venue, dates=[(at(-30), at(-30, 20))])
    EventFactory(title="Niedawno", venue=venue, category=category("teatr"), dates=[(at(-2), at(-2, 20))])
    EventFactory(title="Jutro", venue=venue, dates=[(at(1), None)])
    EventFactory(title="Zarchiwizowane", venue=venue, status=Event.Status.ARCHIVED, dates=[(at(-5), None)])
    response = client.get(ARCHIVE)
    assert titles(response) == ["Niedawno", "Zarchiwizowane", "Dawno"]
    assert titles(client.get(ARCHIVE, {"kategoria": "teatr"})) == ["Niedawno"]
    assert f'href="{ARCHIVE}" aria-current="page"' in body(response)


@pytest.mark.parametrize("size", [20, 2000])
def test_list_query_count_does_not_grow_with_events(client, venue, django_assert_num_queries, size):
    bulk_events(size, venue=venue)
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(LIST)
    assert len(titles(response)) == 20
    assert response.context["page_obj"].paginator.count == size


@pytest.mark.parametrize("size", [20, 2000])
def test_filtered_list_and_archive_query_counts_do_not_grow(client, venue, django_assert_num_queries, size):
    bulk_events(size, venue=venue)
    bulk_events(size, venue=venue, start=timezone.localdate() - timedelta(days=40))
    # One more query: the chosen venue (and category) is looked up when the form is validated.
    with django_assert_num_queries(LIST_QUERIES + 2):
        response = client.get(LIST, {"miejsce": venue.slug, "kategoria": "koncerty", "q": "wydarzenie", "page": 2})
    assert response.status_code == 200
    with django_assert_num_queries(LIST_QUERIES):
        client.get(ARCHIVE)


def test_a_date_is_upcoming_until_its_end_or_without_one_until_its_start(client, venue):
    now = timezone.now()
    EventFactory(title="Koniec za minutę", venue=venue, dates=[(now - timedelta(hours=2), now + timedelta(minutes=1))])
    EventFactory(
        title="Koniec minutę temu", venue=venue, dates=[(now - timedelta(hours=2), now - timedelta(minutes=1))]
    )
    EventFactory(title="Start za minutę, bez końca", venue=venue, dates=[(now + timedelta(minutes=1), None)])
    EventFactory(title="Start minutę temu, bez końca", venue=venue, dates=[(now - timedelta(minutes=1), None)])
    EventFactory(
        title="Wystawa od jedenastu miesięcy",
        venue=venue,
        dates=[(now - timedelta(days=330), now + timedelta(days=5))],
    )
    assert titles(client.get(LIST)) == [
        "Wystawa od jedenastu miesięcy",
        "Koniec za minutę",
        "Start za minutę, bez końca",
    ]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the plan of PostgreSQL's index")
def test_the_list_tells_dates_over_from_dates_on_inside_the_index(db, venue):
    """Which dates are not over yet is an index condition, not a filter over every row of the past year."""
    EventFactory(venue=venue, dates=[(at(1, 18), at(1, 20))])
    sql, params = EventOccurrence.objects.upcoming().order_by("starts_at")[:20].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "occurrence_upcoming_idx" in plan, plan
    index_condition = next(line for line in plan.splitlines() if "Index Cond" in line and "starts_at" in line)
    assert "COALESCE(ends_at, starts_at)" in index_condition, plan


def test_list_fetches_every_row_in_one_query(client, venue):
    """No per-row queries: the page's dates come with event, venue, category and image in one SELECT."""
    bulk_events(30, venue=venue)
    with CaptureQueriesContext(connection) as queries:
        client.get(LIST)
    selects = [q["sql"] for q in queries.captured_queries if re.search(r'FROM "events_eventoccurrence"', q["sql"])]
    assert len(selects) == 2  # the count and the page
    page_sql = [sql for sql in selects if "LIMIT" in sql]
    assert len(page_sql) == 1
    for table in ("events_event", "events_venue", "events_category", "core_publicimage"):
        assert f'"{table}"' in page_sql[0]


def test_dates_are_shown_in_warsaw_time(client, venue):
    day = timezone.localdate() + timedelta(days=3)
    utc_evening = datetime.combine(day, time(17, 0), tzinfo=UTC)
    EventFactory(venue=venue, dates=[(utc_evening, None)])
    local = timezone.localtime(utc_evening)
    assert f">{local:%H:%M}</time>" in body(client.get(LIST))


def test_the_total_is_counted_once_a_minute_per_list_and_filters(client, venue, django_assert_num_queries):
    """The list's COUNT(*) is kept for a minute: a second view, or another page, does not count again."""
    bulk_events(30, venue=venue)
    client.get(LIST)
    with django_assert_num_queries(LIST_QUERIES - 1):
        response = client.get(LIST, {"page": 2})
    assert response.context["page_obj"].paginator.count == 30
    assert len(titles(response)) == 10
    # Other filters are another list with its own total.
    filtered = client.get(LIST, {"q": "nieistniejący tytuł"})
    assert filtered.context["page_obj"].paginator.count == 0
