"""The portal's own accessibility evidence (issue 22 item 4): axe-core over each type of public page, kept for the
coordinator's monitoring page.

Ustawa z 4.04.2019 art. 5 ust. 1 (WCAG 2.1 AA, the annex) and art. 10 (the declaration states compliance): the
coordinator shows what the compliance status of the declaration rests on (DOMAIN.md §G.4). Each type of public page
is one address: every list the navigation and the footer link to, and the first public record of each sitemap
section (an event, a release, a register entry, a call …). `manage.py check_accessibility` opens each in headless
Chromium, runs the vendored axe-core (WCAG 2.0–2.2 A and AA, as the browser tests do) and measures whether the page
scrolls sideways at 320 px (WCAG 1.4.10 Reflow); the last result of each type replaces the one before. The browser
is driven from tests/e2e/site_check.py, with the browser tests' tools: the check runs where they run (a developer's or
the CI machine, against the running site), never inside the production image, which holds no test tool.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.text import capfirst

from accessibility.models import AccessibilityCheck


@dataclass(frozen=True)
class PageType:
    key: str
    label: str
    path: str


@dataclass
class Result:
    page: PageType
    violations: list[dict] = field(default_factory=list)
    fits_320: bool = True
    error: str = ""


def _listed_pages() -> Iterable[PageType]:
    from core import site_registry

    for item in [*site_registry.navigation(), *site_registry.footer_links()]:
        try:
            yield PageType(f"list:{item.key}", capfirst(str(item.label)), reverse(item.url_name))
        except NoReverseMatch:
            continue


def _record_pages() -> Iterable[PageType]:
    from core.sitemaps import sitemaps

    for key, sitemap_class in sorted(sitemaps.items()):
        sitemap = sitemap_class()
        items = sitemap.items()
        first = next(iter(items[:1]), None)
        if first is None:
            continue
        path = sitemap.location(first)
        label = capfirst(str(first._meta.verbose_name)) if hasattr(first, "_meta") else path
        yield PageType(f"record:{key}", label, path)


def page_types() -> list[PageType]:
    """Each type of public page once, by its address: the lists first, then one record of each sitemap section."""
    seen: set[str] = set()
    pages = []
    with translation.override("pl"):
        for page in [*_listed_pages(), *_record_pages()]:
            if page.path not in seen:
                seen.add(page.path)
                pages.append(page)
    return pages


def store_results(results: list[Result], *, checked_at=None) -> list[AccessibilityCheck]:
    """Keep each page type's result as its last check."""
    checked_at = checked_at or timezone.now()
    return [
        AccessibilityCheck.objects.update_or_create(
            page_type=result.page.key,
            defaults={
                "label": result.page.label[:200],
                "url": result.page.path[:500],
                "checked_at": checked_at,
                "violations": len(result.violations),
                "details": result.violations,
                "fits_320": result.fits_320,
                "error": result.error,
            },
        )[0]
        for result in results
    ]


def latest_checks():
    """The last check of each page type, failing ones first."""
    return sorted(AccessibilityCheck.objects.all(), key=lambda check: (check.passed, check.label, check.page_type))
