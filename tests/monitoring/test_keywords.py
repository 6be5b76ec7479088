"""Keyword rules with Polish inflection by stems [K]: a phrase matches its declined forms, not other words."""

import pytest

from monitoring.keywords import first_match
from monitoring.models import KeywordRule


def rule(terms):
    return KeywordRule(name="r", terms=terms)


@pytest.mark.parametrize(
    ("terms", "text", "matches"),
    [
        ("Rud* Śląsk*", "Mieszkańcy Rudy Śląskiej protestują", True),
        ("Rud* Śląsk*", "W Rudzie Śląskiej otwarto basen", True),
        ("Rud* Śląsk*", "RUDA ŚLĄSKA świętuje", True),
        ("Rud* Śląsk*", "Ruda, Śląsk — felieton", True),  # punctuation between the words
        ("Rud* Śląsk*", "Rudna Śląsk", True),  # a stem is a stem: the clerk narrows it if needed
        ("Rud* Śląsk*", "Śląska Ruda", False),  # the order of the words counts
        ("Rud* Śląsk*", "Brudny Śląsk", False),  # a stem starts a word
        ("Prezydent* Miast*", "zapytaliśmy Prezydenta Miasta", True),
        ("Prezydent* Miast*", "prezydentowi miasta", True),
        ("Halemb*", "w Halembie", True),
        ("Kokotek|Kokotk*", "przy ul. Kokotek", True),
        ("Kokotek|Kokotk*", "z Kokotka", True),
        ("Kokotek", "z Kokotka", False),  # an exact form matches only itself
        ("MCK", "koncert w MCK.", True),
        ("MCK", "MCKA", False),
    ],
)
def test_a_phrase_matches_its_inflected_forms(terms, text, matches):
    assert (first_match(text, [rule(terms)]) is not None) is matches
