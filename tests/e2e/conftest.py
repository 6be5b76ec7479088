"""Browser harness: one headless Chromium per session, a fresh Polish context per test, a seeded live server.

Chromium is Debian's (`/usr/bin/chromium`, or `CHROMIUM_PATH`), driven by the Playwright Python API;
nothing is downloaded at test time. Without Chromium the e2e tests are skipped, unless
`CI_REQUIRE_BROWSER=1`, where a missing browser is an error.
"""

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections

# The Playwright sync API keeps an asyncio loop running in the main thread, so Django would refuse
# ORM calls made by the test itself (seeding, checking rows) as "async unsafe". They are not: the
# test and the live server thread only ever use the database one at a time.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

E2E_DIR = Path(__file__).resolve().parent
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MISSING_BROWSER_REASON = "Chromium not installed: apt-get install chromium"
DEFAULT_TIMEOUT_MS = 10_000
E2E_DEMO_EVENTS = 45
E2E_DEMO_PAST_EVENTS = 5


def chromium_path() -> str:
    return os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"


def chromium_available() -> bool:
    path = chromium_path()
    return os.path.isfile(path) and os.access(path, os.X_OK)


def browser_required() -> bool:
    return os.environ.get("CI_REQUIRE_BROWSER") == "1"


def pytest_collection_modifyitems(config, items):
    """Mark every test under tests/e2e as `e2e`; skip them when there is no browser and none is required."""
    skip = None
    if not chromium_available() and not browser_required():
        skip = pytest.mark.skip(reason=f"{MISSING_BROWSER_REASON} (or set CHROMIUM_PATH)")
    for item in items:
        if E2E_DIR in item.path.parents:
            item.add_marker(pytest.mark.e2e)
            if skip is not None:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    if not chromium_available():
        message = f"{MISSING_BROWSER_REASON}; looked for {chromium_path()} (set CHROMIUM_PATH)"
        if browser_required():
            pytest.fail(f"CI_REQUIRE_BROWSER=1 but {message}", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # While Playwright runs, its asyncio loop counts as "running" in this thread, and Django's
    # connection handler (asgiref Local, thread_critical) then hands out a second set of connection
    # objects. Those lack the test database's serialized contents and are not the ones the live
    # server shares, so put the thread's own connections back for the code running under the loop.
    thread_connections = {alias: connections[alias] for alias in connections}
    playwright = sync_playwright().start()
    for alias, connection in thread_connections.items():
        connections[alias] = connection
    browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    try:
        yield browser
    finally:
        browser.close()
        playwright.stop()


@pytest.fixture
def new_page(browser):
    """Open a page in a fresh context (Polish locale); keyword arguments go to `browser.new_context`.

    `bypass_csp=True` by default, for the tests only: the site's CSP (script-src 'self' + nonce)
    blocks the inline <script> that `page.add_script_tag` uses to inject axe-core. The real CSP
    is still exercised by `test_pages_run_under_the_real_csp`, which passes `bypass_csp=False`.
    """
    contexts = []

    def open_page(**context_options):
        options = {"locale": "pl-PL", "bypass_csp": True, **context_options}
        context = browser.new_context(**options)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """A page in a fresh desktop context (1280×720, pl-PL)."""
    return new_page()


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """pytest-django's live server, started only after the test database exists.

    Otherwise pytest may start it first, while DATABASES still names the development database
    (var/portal.sqlite3): the server then does not get the in-memory test database passed to its
    thread, and its requests silently read and write the developer's database.
    """
    for connection in connections.all():
        if connection.vendor == "sqlite" and connection.is_in_memory_db():
            assert connection.alias in live_server.thread.connections_override, "live server misses the test DB"
    return live_server


@pytest.fixture
def site_url(transactional_db, django_db_serialized_rollback, live_server):
    """Base URL of the live server, with the demo content loaded (department, duties, static pages, register).

    The live server needs committed data, so each test flushes the database afterwards. The serialized
    rollback restores what data migrations put there (the case register's kinds and units), without
    which the next test could not open a case. The demo cases of grants, mass events and the press office are
    left out: each journey opens its own, and seeding them for every test would add seconds to each. The
    calendar gets E2E_DEMO_EVENTS demo events rather than the full 300: enough for every kind of page
    (pagination included), at a fraction of the seeding time.
    """
    call_command(
        "seed_demo",
        "--without-events",
        "--without-press",
        "--without-grants",
        "--without-mass-events",
        "--allow-outside-debug",
        stdout=io.StringIO(),
    )
    call_command(
        "seed_events",
        "--allow-outside-debug",
        count=E2E_DEMO_EVENTS,
        past=E2E_DEMO_PAST_EVENTS,
        stdout=io.StringIO(),
    )
    return live_server.url


@pytest.fixture
def fast_forms(settings):
    """Let public forms be sent straight after rendering (the time trap needs PUBLIC_FORM_MIN_SECONDS)."""
    settings.PUBLIC_FORM_MIN_SECONDS = 0
