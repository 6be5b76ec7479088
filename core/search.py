"""Text search behind one function, so a PostgreSQL full-text index can replace it without touching callers."""

from functools import reduce
from operator import or_

from django.db import connections
from django.db.models import F, Func, Q, QuerySet
from django.db.models.lookups import Contains

MAX_QUERY_LENGTH = 100


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
