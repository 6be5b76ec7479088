from django.utils.text import slugify

# Django's slugify drops "ł" entirely ("Łódź" -> "odz"): transliterate it first.
_POLISH_L = str.maketrans({"ł": "l", "Ł": "L"})


def polish_slugify(value: str) -> str:
    """Return an ASCII slug of a Polish title that keeps every letter ("Łódź" -> "lodz")."""
    return slugify(str(value).translate(_POLISH_L))
