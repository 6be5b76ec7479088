"""Drive headless Chromium over the portal's public page types and run the vendored axe-core on each.

The browser part of the coordinator's accessibility monitoring (accessibility/monitoring.py keeps and shows the
results): `manage.py check_accessibility` and the browser tests call `run_checks`. It lives with the browser tests
and uses their axe-core helper, because it needs their tools (Playwright, requirements/dev.txt), which the production
image does not install: the check runs from a developer's or the CI machine against the running site.
"""

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from accessibility import monitoring
from tests.e2e.axe import axe_violations

FITS_320 = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
TIMEOUT_MS = 20_000


def run_checks(
    base_url: str, pages: list[monitoring.PageType], *, chromium_path: str = "", browser=None
) -> list[monitoring.Result]:
    """Open each page in headless Chromium (desktop, then 320 px) and run axe-core; no database access meanwhile.

    `browser` is a Playwright browser already launched (the browser tests'); without one, Chromium at
    `chromium_path` is launched for the run and closed after it.
    """
    if browser is not None:
        return _check_pages(browser, base_url, pages)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            return _check_pages(launched, base_url, pages)
        finally:
            launched.close()


def _summary(violation: dict) -> dict:
    """What the monitoring page keeps of an axe-core violation: the rule, its weight and up to three places."""
    return {
        "id": violation["id"],
        "impact": violation.get("impact"),
        "help": violation["help"],
        "helpUrl": violation["helpUrl"],
        "nodes": len(violation["nodes"]),
        "target": [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]],
    }


def _check_pages(browser, base_url: str, pages: list[monitoring.PageType]) -> list[monitoring.Result]:
    # bypass_csp: the site's CSP rightly refuses the inline script that carries axe-core into the page.
    context = browser.new_context(locale="pl-PL", bypass_csp=True, viewport={"width": 1280, "height": 800})
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    results = []
    try:
        for page in pages:
            result = monitoring.Result(page)
            try:
                tab.set_viewport_size({"width": 1280, "height": 800})
                response = tab.goto(base_url.rstrip("/") + page.path, wait_until="load")
                if response is None or response.status != 200:
                    result.error = f"HTTP {response.status if response else '—'}"
                else:
                    result.violations = [_summary(violation) for violation in axe_violations(tab)]
                    tab.set_viewport_size({"width": 320, "height": 800})
                    result.fits_320 = bool(tab.evaluate(FITS_320))
            except PlaywrightError as failure:
                result.error = str(failure).splitlines()[0][:500]
            results.append(result)
    finally:
        context.close()
    return results
