"""The site search: every public part of the site, Polish letters with or without diacritics, ranked, bounded.

PostgreSQL (production, CI) searches a full-text document through a GIN index; SQLite keeps the simple
fallback (core.search.text_search). Tests marked `postgresql_only` are skipped on SQLite.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import site_registry
from core.models import StaticPage
from core.search import ranked_search, search_column, search_column_drop, search_terms
from events.models import Event
from grants.models import GrantCall
from tests.awards.factories import make_call as make_award_call
from tests.events.factories import EventFactory, at
from tests.grants.factories import make_call
from tests.institutions.factories import institution, register_clerk
from tests.patronage.factories import make_granted
from tests.press.factories import PressReleaseFactory

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search and its index are PostgreSQL's"
)


def search_page(client, query):
    response = client.get(reverse("core:search"), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def everywhere(db, make_clerk):
    """One public record with the word "Halemba" in every searchable part of the site."""
    EventFactory(title="Jarmark w Halembie", dates=[(at(5), None)])
    PressReleaseFactory(title="Halemba ma nowy dom kultury")
    call = make_call(title="Konkurs ofert: Halemba kulturalna 2026")
    GrantCall.objects.filter(pk=call.pk).update(status=GrantCall.Status.PUBLISHED)
    institution(clerk=register_clerk(), full_name="Biblioteka Miejska — filia Halemba", short_name="Filia")
    StaticPage.objects.create(title="Dzielnica Halemba", body="<p>Opis.</p>", is_published=True)
    make_award_call(title="Stypendia artystyczne dla Halemby")
    make_granted(clerk=make_clerk(groups=["Patronaty i symbole miasta"]), event_name="Festyn rodzinny w Halembie")


def test_search_terms_keep_only_letters_and_digits_as_prefixes():
    assert search_terms("Dni Rudy") == "dni:* & rudy:*"
    assert search_terms("koncerty!") == "koncer:*"  # search_stem: other cases of the word match too
    assert search_terms("a & b | !c:* 'd' (e)") == "a:* & b:* & c:* & d:* & e:*"
    assert search_terms("&|!:*()") == ""


def test_a_search_finds_results_in_every_public_part_of_the_site(client, everywhere):
    body = search_page(client, "Halemba")
    for provider in site_registry.search_providers():
        assert f'id="search-{provider.key}"' in body, provider.key
    assert "Jarmark w Halembie" in body  # another case of the word
    assert "Halemba ma nowy dom kultury" in body
    assert "Biblioteka Miejska — filia Halemba" in body
    assert "Stypendia artystyczne dla Halemby" in body
    assert "Festyn rodzinny w Halembie" in body


def test_a_search_shows_ten_results_a_part_and_says_there_are_more_without_counting(client, db):
    for n in range(12):
        EventFactory(title=f"Koncert kameralny {n}", slug=f"koncert-{n}", dates=[(at(5 + n), None)])
    body = search_page(client, "kameralny")
    assert body.count("Koncert kameralny") == 10
    assert "Wydarzenia (więcej niż 10)" in body
    assert "Ponad 10 wyników" in body


@pytest.mark.parametrize("rows", [1, 25])
def test_the_query_count_of_a_search_is_pinned_whatever_the_number_of_matches(client, db, rows):
    EventFactory.create_batch(rows, title="Festiwal Bluesa", dates=[(at(5), None)])
    search_page(client, "festiwal")  # what is cached per process (sessions, site texts)
    with CaptureQueriesContext(connection) as queries:
        body = search_page(client, "festiwal")
    assert "Festiwal Bluesa" in body
    # One query per part of the site and the shell's three (the department's name and contacts, the mourning notice).
    parts = len(site_registry.search_providers())
    assert parts == 7
    assert len(queries) == parts + 3, [q["sql"] for q in queries]


@postgresql_only
@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("lodz", "Wycieczka do Łodzi i Łódź Kaliska"),
        ("LODZ", "Wycieczka do Łodzi i Łódź Kaliska"),
        ("łódź", "Wycieczka do Lodzi"),
        ("slaskie", "Śląskie Święto Żuru"),
        ("swieto zuru", "Śląskie Święto Żuru"),
        ("ZOLC", "Żółć i błękit"),
        ("blekit", "Żółć i błękit"),
    ],
)
def test_postgresql_search_ignores_polish_diacritics_both_ways(db, query, title):
    event = EventFactory(title=title, dates=[(at(5), None)])
    EventFactory(title="Koncert organowy", dates=[(at(5), None)])
    assert list(ranked_search(Event.objects.all(), query)) == [event]


@postgresql_only
def test_postgresql_search_folds_the_letter_l_with_stroke_itself(db):
    """ł and Ł do not decompose in Unicode: the fold function maps them whatever unaccent's rules say."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT portal_search_fold(%s)", ["ŁÓDŹ łąka Żółw"])
        assert cursor.fetchone()[0] == "LODZ laka Zolw"


@postgresql_only
def test_postgresql_search_ranks_the_better_match_first(db):
    passing = EventFactory(title="Wieczór poezji", lead="Gościnnie zagra też zespół jazzowy.", dates=[(at(5), None)])
    best = EventFactory(
        title="Jazz nad Kłodnicą", lead="Jazzowy wieczór z jazzowymi gwiazdami.", dates=[(at(6), None)]
    )
    found = list(ranked_search(Event.objects.order_by("pk"), "jazz"))
    assert found == [best, passing]


@postgresql_only
def test_postgresql_search_reads_the_gin_index(db):
    """The query reads the stored document's GIN index and computes no document itself (no to_tsvector per row)."""
    EventFactory(title="Koncert", dates=[(at(5), None)])
    queryset = ranked_search(Event.objects.all(), "koncert")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "event_search_idx" in plan, plan
    assert "to_tsvector" not in plan, plan


@postgresql_only
def test_postgresql_search_finds_an_edited_record_by_its_new_words_only(db):
    """PostgreSQL rewrites the stored document with the row: a renamed event is found by its new title at once."""
    event = EventFactory(title="Koncert organowy", dates=[(at(5), None)])
    Event.objects.filter(pk=event.pk).update(title="Recital fortepianowy")
    assert list(ranked_search(Event.objects.all(), "recital")) == [event]
    assert list(ranked_search(Event.objects.all(), "organowy")) == []
    event.refresh_from_db()
    event.lead = "Gra Anna Kłodnicka."
    event.save()
    assert list(ranked_search(Event.objects.all(), "klodnicka")) == [event]


@postgresql_only
def test_postgresql_every_searched_table_stores_the_document_of_its_search_fields(db):
    """Each part of the site search reads a stored document built from exactly its model's SEARCH_FIELDS."""
    for provider in site_registry.search_providers():
        model = provider.search("x").model
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT generation_expression FROM information_schema.columns "
                "WHERE table_name = %s AND column_name = 'search_document'",
                [model._meta.db_table],
            )
            row = cursor.fetchone()
        assert row is not None, f"{model._meta.label} has no stored search document"
        expression = row[0]
        columns = [model._meta.get_field(name).column for name in model.SEARCH_FIELDS]
        assert expression.count("COALESCE") == len(columns), (model._meta.label, expression)
        for column in columns:
            assert column in expression, (model._meta.label, column, expression)


@postgresql_only
@pytest.mark.parametrize("query", ["a & b | !c", "':*", "((()))", "\\", "ą" * 100, "1 2 3 4 5 6 7 8 9 10"])
def test_postgresql_search_survives_tsquery_syntax_in_the_phrase(client, db, query):
    EventFactory(title="Koncert", dates=[(at(5), None)])
    assert '<h1 class="page__title">Szukaj</h1>' in search_page(client, query)


@postgresql_only
def test_postgresql_a_searched_column_changes_type_between_dropping_and_adding_the_document(db):
    """The documented way to alter a searched column: search_column_drop, the ALTER, search_column again."""
    EventFactory(title="Koncert w Bielszowicach", dates=[(at(5), None)])
    fields = list(Event.SEARCH_FIELDS)
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the factory's deferred checks, before the ALTER
    with connection.schema_editor(atomic=False) as editor:
        search_column_drop("events_event", "event_search_idx", fields).code(None, editor)
        editor.execute("ALTER TABLE events_event ALTER COLUMN organiser_name TYPE varchar(400)")
        search_column("events_event", "event_search_idx", fields).code(None, editor)
    assert [event.title for event in ranked_search(Event.objects.all(), "bielszowice")] == ["Koncert w Bielszowicach"]
