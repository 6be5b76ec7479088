"""Text search behind one function, so a PostgreSQL full-text index can replace it without touching callers."""

from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet

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


def text_search(queryset: QuerySet, fields: list[str], query: str) -> QuerySet:
    """Return rows of `queryset` in which every word of `query` occurs in one of `fields` (case-insensitive)."""
    words = [search_stem(word) for word in normalise_query(query).split()]
    if not words:
        return queryset.none()
    for word in words[:8]:
        queryset = queryset.filter(reduce(or_, (Q(**{f"{name}__icontains": word}) for name in fields)))
    return queryset
