"""Browser harness: one headless Chromium per session, a fresh Polish context per test, a seeded live server:
one seeded database shared by the tests that only read pages, a database of its own for each test that writes.

Chromium is Debian's (`/usr/bin/chromium`, or `CHROMIUM_PATH`), driven by the Playwright Python API;
nothing is downloaded at test time. Without Chromium the e2e tests are skipped, unless
`CI_REQUIRE_BROWSER=1`, where a missing browser is an error.
"""

import io
import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.test.utils import setup_databases, teardown_databases
from django.utils import timezone
from pytest_django.fixtures import _get_databases_for_setup
from pytest_django.live_server_helper import LiveServer
from pytest_django.plugin import blocking_manager_key

from core.services import transition_perform
from press.models import PressConference
from tests.e2e.journeys import published_call

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


def seed_demo_site() -> None:
    """The demo content every page test reads: department, duties, static pages, the register, 45 events.

    The demo cases of grants, mass events, the press office and the library are left out: each journey opens its
    own, and seeding them would add seconds to every test. The calendar gets E2E_DEMO_EVENTS demo events rather than
    the full 300: enough for every kind of page (pagination included), at a fraction of the seeding time.
    """
    call_command(
        "seed_demo",
        "--without-events",
        "--without-press",
        "--without-grants",
        "--without-mass-events",
        "--without-library",
        "--without-patronage",
        "--without-promotion",
        "--without-meetings",
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


def reset_database() -> None:
    """Empty the database and put back what the migrations wrote, as a transactional test's teardown and the
    next one's set-up do (without the serialized contents, only the teardown's flush)."""
    for connection in connections.all():
        serialized = getattr(connection, "_test_serialized_contents", None)
        call_command(
            "flush", verbosity=0, interactive=False, database=connection.alias, inhibit_post_migrate=bool(serialized)
        )
        if serialized:
            connection.creation.deserialize_db_from_string(serialized)


#: Whether the database now holds the read-only tests' shared seed (see `read_only_site_url`), and what the
#: tests added to it once (`read_only_extras`), by key.
_shared_seed = {"present": False, "extras": {}}


@pytest.fixture
def site_url(transactional_db, django_db_serialized_rollback, live_server):
    """Base URL of the live server, with the demo content loaded (`seed_demo_site`), for a test that writes.

    The live server needs committed data, so each test flushes the database afterwards. The serialized
    rollback restores what data migrations put there (the case register's kinds and units), without
    which the next test could not open a case. A test that only reads takes `read_only_site_url` instead.
    """
    if _shared_seed["present"]:  # only when tests run out of pytest-django's order
        reset_database()
        _shared_seed.update(present=False, extras={})
    seed_demo_site()
    return live_server.url


@pytest.fixture(scope="session")
def read_only_live_server(request, django_db_setup, django_db_blocker):
    """A live server of its own for the read-only tests: a test naming `live_server` becomes transactional, and
    a transactional test flushes the database after it.

    pytest-django creates the test database only when a collected test asks for one by name; when only read-only
    tests run, it is created here, so that they never read or seed the developer's database.
    """
    own_setup = None
    set_up_by_pytest_django, _serialized = _get_databases_for_setup(request.session.items)
    if DEFAULT_DB_ALIAS not in set_up_by_pytest_django:
        with django_db_blocker.unblock():
            own_setup = setup_databases(verbosity=0, interactive=False, aliases={DEFAULT_DB_ALIAS})
    server = LiveServer("localhost")
    yield server
    server.stop()
    if own_setup is not None:
        with django_db_blocker.unblock():
            teardown_databases(own_setup, verbosity=0)


@pytest.fixture
def read_only_site_url(read_only_live_server, django_db_blocker):
    """Base URL of a live server over one seeded database that the read-only tests share (`seed_demo_site`).

    For a test that only reads pages (GET, or a form sent back with errors): the demo content is seeded once,
    when the first such test starts, and kept while read-only tests follow one another; the next test that
    uses the database gets it back emptied (`pytest_runtest_teardown`). Such a test writes nothing: a
    journey that opens a case or changes a record takes `site_url`, with a database of its own.
    """
    with django_db_blocker.unblock():
        if not _shared_seed["present"]:
            reset_database()
            seed_demo_site()
            _shared_seed.update(present=True, extras={})
        read_only_live_server._live_server_modified_settings.enable()
        try:
            yield read_only_live_server.url
        finally:
            read_only_live_server._live_server_modified_settings.disable()


@pytest.fixture
def read_only_extras(read_only_site_url):
    """`read_only_extras(key, make)`: the records a module's read-only tests read beyond the demo content, made by
    `make()` once per shared seed and kept with it; returns what `make()` returned."""

    def once(key, make):
        if key not in _shared_seed["extras"]:
            _shared_seed["extras"][key] = make()
        return _shared_seed["extras"][key]

    return once


def _uses_database(item) -> bool:
    names = getattr(item, "fixturenames", ())
    return item.get_closest_marker("django_db") is not None or any(
        name in names for name in ("db", "transactional_db", "live_server")
    )


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """After the last read-only test of a run, hand the next test that uses the database an emptied one."""
    if nextitem is None or "read_only_site_url" in getattr(nextitem, "fixturenames", ()):
        return  # the last test of the run, or one more read-only test
    if _shared_seed["present"] and _uses_database(nextitem):
        blocker = item.config.stash[blocking_manager_key]
        with blocker.unblock():
            reset_database()
        _shared_seed.update(present=False, extras={})


@pytest.fixture
def fast_forms(settings):
    """Let public forms be sent straight after rendering (the time trap needs PUBLIC_FORM_MIN_SECONDS)."""
    settings.PUBLIC_FORM_MIN_SECONDS = 0


@pytest.fixture
def call(site_url):
    """A call for offers published today, open for 30 days."""
    return published_call(
        slug="konkurs-e2e", announced_on=timezone.localdate(), deadline=timezone.now() + timedelta(days=30)
    )


@pytest.fixture
def conference(site_url):
    """A press conference in three days, announced (journalists may apply for accreditation)."""
    conference = PressConference.objects.create(
        title="Konferencja o Dniach Rudy",
        topic="Program tegorocznych Dni Rudy.",
        starts_at=timezone.now() + timedelta(days=3),
        venue="Urząd Miasta, sala sesyjna",
        speakers="Prezydent Miasta\nNaczelnik Wydziału Kultury",
    )
    transition_perform(obj=conference, name="announce", acting_user=None)
    return conference
