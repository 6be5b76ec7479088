"""Keyword rules with Polish inflection, by stems [K] (docs/monitoring.md).

Polish declines nouns and adjectives through endings ("Ruda Śląska", "Rudy Śląskiej", "w Rudzie Śląskiej"), and some
stems change ("Kokotek", "Kokotka"). A full morphological dictionary would be a large dependency for a few dozen
names, so a rule lists stems: a word ending with "*" matches any ending, "|" gives alternatives for a stem that
changes, a phrase's words must follow one another (punctuation and spaces between them do not matter), and letter
case is ignored. The stem "Rud*" then matches "Ruda", "Rudy", "Rudzie" and "Rudą".
"""

import re
from dataclasses import dataclass

_WORD_SEPARATOR = r"[\W_]+"


def phrases_of(terms: str) -> list[str]:
    """The non-empty lines of a rule's phrases."""
    return [line.strip() for line in (terms or "").splitlines() if line.strip()]


def _word_pattern(word: str) -> str:
    alternatives = []
    for form in word.split("|"):
        form = form.strip()
        if not form:
            continue
        if form.endswith("*"):
            alternatives.append(re.escape(form[:-1]) + r"\w*")
        else:
            alternatives.append(re.escape(form))
    return "(?:" + "|".join(alternatives) + ")" if alternatives else ""


def phrase_pattern(phrase: str) -> re.Pattern | None:
    """The regular expression of one phrase: whole words, in order, any case; None for an empty phrase."""
    words = [pattern for pattern in (_word_pattern(word) for word in phrase.split()) if pattern]
    if not words:
        return None
    return re.compile(r"(?<!\w)" + _WORD_SEPARATOR.join(words) + r"(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Match:
    rule: object
    start: int
    end: int


def first_match(text: str, rules) -> Match | None:
    """The earliest place in `text` where one of `rules` (KeywordRule) matches, or None."""
    found = None
    for rule in rules:
        for phrase in phrases_of(rule.terms):
            pattern = phrase_pattern(phrase)
            hit = pattern.search(text) if pattern else None
            if hit and (found is None or hit.start() < found.start):
                found = Match(rule=rule, start=hit.start(), end=hit.end())
    return found


def excerpt_around(text: str, match: Match, *, limit: int) -> str:
    """A passage of at most `limit` characters around `match`, cut at word boundaries, with "…" where cut."""
    if len(text) <= limit:
        return text.strip()
    half = max((limit - (match.end - match.start)) // 2, 0)
    start = max(match.start - half, 0)
    end = min(start + limit, len(text))
    start = max(end - limit, 0)
    passage = text[start:end]
    if start > 0:
        passage = "…" + passage.split(" ", 1)[-1]
    if end < len(text):
        passage = passage.rsplit(" ", 1)[0] + "…"
    return passage.strip()
