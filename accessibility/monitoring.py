"""The portal's own accessibility evidence (issue 22 item 4): axe-core over each type of public page, kept for the
coordinator's monitoring page.

Ustawa z 4.04.2019 art. 5 ust. 1 (WCAG 2.1 AA, the annex) and art. 10 (the declaration states compliance): the
coordinator shows what the compliance status of the declaration rests on (DOMAIN.md §G.4). Each type of public page
is one address: every list the navigation and the footer link to, and the first public record of each sitemap
section (an event, a release, a register entry, a call …). `manage.py check_accessibility` opens each in headless
Chromium, runs the vendored axe-core (WCAG 2.0–2.2 A and AA, as the browser tests do) and measures whether the page
scrolls sideways at 320 px (WCAG 1.4.10 Reflow); the last result of each type replaces the one before.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.text import capfirst

from accessibility.models import AccessibilityCheck

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.length,
    target: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
  }));
}"""
FITS_320 = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
TIMEOUT_MS = 20_000


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


def axe_script() -> Path:
    """The vendored axe-core (MPL-2.0) the browser tests use; ACCESSIBILITY_AXE_SCRIPT may name another copy."""
    return Path(getattr(settings, "ACCESSIBILITY_AXE_SCRIPT", "") or settings.BASE_DIR / "tests/e2e/vendor/axe.min.js")


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


def run_checks(base_url: str, pages: list[PageType], *, chromium_path: str = "", browser=None) -> list[Result]:
    """Open each page in headless Chromium (desktop, then 320 px) and run axe-core; no database access meanwhile.

    `browser` is a Playwright browser already launched (the browser tests'); without one, Chromium at
    `chromium_path` is launched for the run and closed after it.
    """
    from playwright.sync_api import sync_playwright

    if browser is not None:
        return _check_pages(browser, base_url, pages)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            return _check_pages(launched, base_url, pages)
        finally:
            launched.close()


def _check_pages(browser, base_url: str, pages: list[PageType]) -> list[Result]:
    from playwright.sync_api import Error as PlaywrightError

    script = str(axe_script())
    # bypass_csp: the site's CSP rightly refuses the inline script that carries axe-core into the page.
    context = browser.new_context(locale="pl-PL", bypass_csp=True, viewport={"width": 1280, "height": 800})
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    results = []
    try:
        for page in pages:
            result = Result(page)
            try:
                tab.set_viewport_size({"width": 1280, "height": 800})
                response = tab.goto(base_url.rstrip("/") + page.path, wait_until="load")
                if response is None or response.status != 200:
                    result.error = f"HTTP {response.status if response else '—'}"
                else:
                    tab.add_script_tag(path=script)
                    result.violations = tab.evaluate(RUN_AXE, WCAG_TAGS)
                    tab.set_viewport_size({"width": 320, "height": 800})
                    result.fits_320 = bool(tab.evaluate(FITS_320))
            except PlaywrightError as failure:
                result.error = str(failure).splitlines()[0][:500]
            results.append(result)
    finally:
        context.close()
    return results


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
