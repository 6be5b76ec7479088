"""Text search: PostgreSQL full-text search over a GIN index, with a simple fallback on SQLite.

`ranked_search()` is what the site search's providers call. A searchable model declares the columns of its
text in `SEARCH_FIELDS`. On PostgreSQL the search matches every word of the query (as a prefix, without Polish
diacritics) against the table's text-search document and orders the rows by rank. The document is a stored
generated column, `search_document`, with a GIN index (`search_column()` in the apps' migrations): PostgreSQL
computes it when a row is written, so a search reads the index and the stored documents, recomputes nothing and
writes nothing. On SQLite, the zero-setup database, it falls back to `text_search()`: every word somewhere in a
column, case folded.

A migration that changes the type of a column in `SEARCH_FIELDS` (a longer title) must drop the document first
and add it again after (`search_column_drop()`, then `search_column()`): PostgreSQL refuses to alter a column a
generated column reads.
"""

import re
from functools import reduce
from operator import or_

from django.db import connections, migrations
from django.db.models import BooleanField, F, FloatField, Func, Q, QuerySet, Value
from django.db.models.lookups import Contains

MAX_QUERY_LENGTH = 100
MAX_QUERY_WORDS = 8


def normalise_query(raw: str) -> str:
    """Collapse whitespace, drop control characters and cap the length of a search phrase."""
    cleaned = "".join(ch for ch in raw if ch.isprintable())
    return " ".join(cleaned.split())[:MAX_QUERY_LENGTH]


def search_stem(word: str) -> str:
    """Cut a Polish inflection ending off a search word, so "kultura" also finds "kultury" and "kulturze".

    A deliberately simple rule (keep all but the last two letters, at least four): Polish nouns and
    adjectives change their last one to three letters across cases, and a prefix match then catches
    the forms a resident would expect. A PostgreSQL dictionary can replace it behind text_search().
    """
    return word if len(word) <= 4 else word[: max(4, len(word) - 2)]


SQLITE_LOWER_FUNCTION = "PORTAL_LOWER"


class FoldedCase(Func):
    """Lower case of a text column that folds every letter, "Ś" to "ś" as "A" to "a".

    SQLite's own LOWER() and LIKE fold ASCII letters only, so on the zero-setup database a search for
    "śląsk" would miss "Śląsk"; there it calls Python's str.lower, registered on every new connection
    (`register_sqlite_functions`). Elsewhere it is the database's LOWER().
    """

    function = "LOWER"

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function=SQLITE_LOWER_FUNCTION, **extra_context)


def _python_lower(value):
    return value.lower() if isinstance(value, str) else value


def register_sqlite_functions(sender, connection, **kwargs):
    """connection_created receiver: give SQLite connections the Unicode-aware lower case FoldedCase uses."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_LOWER_FUNCTION, 1, _python_lower, deterministic=True)


def contains_word(fields: list[str], word: str, *, using: str = "default") -> Q:
    """A condition: `word` occurs in one of `fields`, whatever the case of any letter (Polish ones too)."""
    if connections[using].vendor == "sqlite":
        return reduce(or_, (Q(Contains(FoldedCase(F(name)), word.lower())) for name in fields))
    return reduce(or_, (Q(**{f"{name}__icontains": word}) for name in fields))


def text_search(queryset: QuerySet, fields: list[str], query: str) -> QuerySet:
    """Return rows of `queryset` in which every word of `query` occurs in one of `fields` (case-insensitive)."""
    words = [search_stem(word) for word in normalise_query(query).split()]
    if not words:
        return queryset.none()
    for word in words[:8]:
        queryset = queryset.filter(contains_word(fields, word, using=queryset.db))
    return queryset


# ---------------------------------------------------------------------------------------------------------
# PostgreSQL full-text search
# ---------------------------------------------------------------------------------------------------------
# PostgreSQL ships no Polish dictionary: the `simple` configuration (every word as written, lower case) on
# text without diacritics, so "lodz" finds "Łódź" and "Łódź" finds "LODZ". `unaccent` folds ą, ć, ę, ń, ó, ś,
# ź, ż; ł and Ł are not accented letters in Unicode (they do not decompose) and only some versions of
# unaccent's rules map them, so translate() maps them first, whatever the server's rules file says.
# unaccent() is STABLE (it reads its dictionary by name), which an index expression may not be: the wrapper
# names the dictionary and its schema and is declared IMMUTABLE, the usual way to index unaccented text.
SEARCH_CONFIG = "simple"
FOLD_FUNCTION = "portal_search_fold"
CREATE_FOLD_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {FOLD_FUNCTION}(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, translate($1, 'łŁ', 'lL')) $$
"""
DROP_FOLD_FUNCTION = f"DROP FUNCTION IF EXISTS {FOLD_FUNCTION}(text)"


def search_document_sql(columns: list[str]) -> str:
    """The SQL of the text-search document of `columns` (SQL column references): the index and the query share it.

    PostgreSQL uses an expression index only for the same expression, so both are built here: each column
    as text, NULL as '', joined with spaces, folded, split into words by the `simple` configuration
    (HTML tags of rich text are not words to it).
    """
    joined = " || ' ' || ".join(f"COALESCE(({column})::text, '')" for column in columns)
    return f"to_tsvector('{SEARCH_CONFIG}'::regconfig, {FOLD_FUNCTION}({joined}))"


SEARCH_COLUMN = "search_document"


class StoredSearchDocument(Func):
    """The stored text-search document of the queried table (its `search_document` column), for filtering and
    ranking. Django's model does not declare the column (PostgreSQL writes it, SQLite has none): this names it
    on the query's base table."""

    output_field = FloatField()  # never read: only passed to SearchMatches and SearchRank

    def as_sql(self, compiler, connection, **extra_context):
        table = compiler.quote_name(compiler.query.base_table)
        return f"{table}.{connection.ops.quote_name(SEARCH_COLUMN)}", []


class SearchQueryText(Func):
    """A tsquery from prefix words (`search_terms`), folded like the documents."""

    template = f"to_tsquery('{SEARCH_CONFIG}'::regconfig, {FOLD_FUNCTION}(%(expressions)s))"
    output_field = FloatField()


class SearchMatches(Func):
    template = "(%(expressions)s)"
    arg_joiner = " @@ "
    output_field = BooleanField()


class SearchRank(Func):
    function = "ts_rank"
    output_field = FloatField()


def search_terms(query: str) -> str:
    """The tsquery text of a search phrase: its words (letters and digits only), each cut by search_stem() and
    matched as a prefix, all required: "Dni Rudy" -> "dni:* & rudy:*"; '' when no word is left.

    Everything but letters and digits separates words, so no character of the phrase reaches the tsquery
    syntax (&, |, !, :, quotes, parentheses).
    """
    words = [word for word in re.split(r"[\W_]+", normalise_query(query)) if word][:MAX_QUERY_WORDS]
    return " & ".join(f"{search_stem(word.lower())}:*" for word in words)


def ranked_search(queryset: QuerySet, query: str) -> QuerySet:
    """Rows of `queryset` with every word of `query` in the model's `SEARCH_FIELDS`, the best matches first (then
    the queryset's own order).

    PostgreSQL: full-text search over the stored document and its GIN index (see the module docstring), ranked
    by ts_rank; callers slice the result (a search reads a bounded page, never counts every match).
    SQLite: text_search(), in the queryset's order.
    """
    if connections[queryset.db].vendor != "postgresql":
        return text_search(queryset, list(queryset.model.SEARCH_FIELDS), query)
    terms = search_terms(query)
    if not terms:
        return queryset.none()
    document = StoredSearchDocument()
    tsquery = SearchQueryText(Value(terms))
    ordering = queryset.query.order_by or queryset.model._meta.ordering or ["pk"]
    return (
        queryset.filter(SearchMatches(document, tsquery))
        .annotate(search_rank=SearchRank(document, tsquery))
        .order_by("-search_rank", *ordering)
    )


def search_index(table: str, name: str, columns: list[str]) -> migrations.RunPython:
    """A migration operation: the GIN index of `columns`' search document as an expression, on PostgreSQL only.

    Kept for the migrations that first created the indexes; `search_column()` replaced them with a stored
    document (see the module docstring).
    """

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            document = search_document_sql([schema_editor.quote_name(column) for column in columns])
            schema_editor.execute(
                f"CREATE INDEX {schema_editor.quote_name(name)} ON {schema_editor.quote_name(table)} "
                f"USING gin ({document})"
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")

    return migrations.RunPython(forwards, backwards, elidable=False)


def _add_search_column(schema_editor, table: str, index: str, columns: list[str]) -> None:
    quote = schema_editor.quote_name
    document = search_document_sql([quote(column) for column in columns])
    schema_editor.execute(f"DROP INDEX IF EXISTS {quote(index)}")
    column = quote(SEARCH_COLUMN)
    schema_editor.execute(
        f"ALTER TABLE {quote(table)} ADD COLUMN {column} tsvector GENERATED ALWAYS AS ({document}) STORED"
    )
    schema_editor.execute(f"CREATE INDEX {quote(index)} ON {quote(table)} USING gin ({quote(SEARCH_COLUMN)})")


def _drop_search_column(schema_editor, table: str, index: str, columns: list[str], *, expression_index: bool) -> None:
    quote = schema_editor.quote_name
    schema_editor.execute(f"ALTER TABLE {quote(table)} DROP COLUMN IF EXISTS {quote(SEARCH_COLUMN)}")
    if expression_index:
        document = search_document_sql([quote(column) for column in columns])
        schema_editor.execute(f"CREATE INDEX {quote(index)} ON {quote(table)} USING gin ({document})")


def search_column(table: str, index: str, columns: list[str]) -> migrations.RunPython:
    """A migration operation, PostgreSQL only: the stored search document of `columns` (the model's
    `SEARCH_FIELDS`) on `table`, with its GIN index named `index` (replacing the expression index of that name).

    Reversed, it puts the expression index back. SQLite gets nothing: there ranked_search() reads the columns.
    """

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            _add_search_column(schema_editor, table, index, columns)

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            _drop_search_column(schema_editor, table, index, columns, expression_index=True)

    return migrations.RunPython(forwards, backwards, elidable=False)


def search_column_drop(table: str, index: str, columns: list[str]) -> migrations.RunPython:
    """A migration operation, PostgreSQL only: drop the stored search document before a column it reads changes
    type; follow the change with `search_column()` (PostgreSQL refuses to alter a column a generated one reads)."""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            _drop_search_column(schema_editor, table, index, columns, expression_index=False)

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            _add_search_column(schema_editor, table, index, columns)

    return migrations.RunPython(forwards, backwards, elidable=False)
