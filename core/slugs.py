"""Slugs: the readable part of a public page's address, made from a Polish title.

A page with a slug in its address (/wydarzenia/<slug>/) shares its prefix with pages of fixed addresses
(/wydarzenia/archiwum/, /prasa/rss/): a slug equal to one of them would give a page nobody can open. `unique_slug`
skips such slugs, and `check_slug_reaches` refuses one a clerk types, with a message.
"""

from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

# Django's slugify drops "ł" entirely ("Łódź" -> "odz"): transliterate it first.
_POLISH_L = str.maketrans({"ł": "l", "Ł": "L"})


def polish_slugify(value: str) -> str:
    """Return an ASCII slug of a Polish title that keeps every letter ("Łódź" -> "lodz")."""
    return slugify(str(value).translate(_POLISH_L))


def slug_reaches(route_name: str, slug: str) -> bool:
    """Whether the address of the page `route_name` with `slug` opens that page, not a page with a fixed address."""
    try:
        return resolve(reverse(route_name, kwargs={"slug": slug})).view_name == route_name
    except (NoReverseMatch, Resolver404):
        return False


def check_slug_reaches(route_name: str, slug: str, *, field: str = "slug") -> None:
    """Refuse, on the form's field, a slug that would give the page the address of another page of the portal."""
    if slug and not slug_reaches(route_name, slug):
        raise ValidationError(
            {field: _("This address belongs to another page of the portal: choose another.")}, code="slug_taken"
        )


def unique_slug(queryset, text: str, *, fallback: str, max_length: int = 200, route_name: str | None = None) -> str:
    """A slug of `text` no row of `queryset` has and, given the page's `route_name`, one its address opens.

    The first free of "title", "title-2", "title-3" …; `fallback` when the title has no letter to keep.
    """
    base = polish_slugify(text)[:max_length] or fallback
    slug, n = base, 2
    while queryset.filter(slug=slug).exists() or (route_name and not slug_reaches(route_name, slug)):
        slug, n = f"{base}-{n}", n + 1
    return slug
