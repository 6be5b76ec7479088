"""The logs of the portal run as in production hold no private token, PESEL, e-mail address or forged line.

Issue 13, "Done means": the portal runs under gunicorn with gunicorn.conf.py, DEBUG off, on a fresh
PostgreSQL database of the shared server; a client that keeps cookies and sends Origin and Referer as Chromium
does goes through the public forms (an opinion, an event, a mass-event permit with the security manager's PESEL, a
mass-event notification, a press accreditation, a register extract request),
replies from a tracking link, saves a grant offer as a draft, submits it and fetches its PDF, unsubscribes from
the press office's mail, tries wrong tokens on every private route and sends paths that try to forge a log line.
Then every line gunicorn's access log, its error log and Django's log (stderr) received is read.

Differences from a production node, none of which touches logging: mail goes to Django's in-memory backend
(no SMTP server here), tasks run immediately (no worker), the cache is in local memory (no Redis), static
files are not collected (no page here needs them), and the time trap and rate limit of the public forms are
off (a person would take longer than this client).

The database is migrated from scratch, as a new node's would be: about 30 s of the test's 45 s on a 2-core
machine, kept because a schema built any other way could differ from production's.
"""

import http.client
import json
import re
import secrets
import subprocess
import sys
import uuid
from datetime import datetime, timedelta
from html.parser import HTMLParser
from urllib.parse import urlencode

import psycopg
import pytest

from tests.core.upload_corpus import valid_pdf
from tests.grants.factories import WARSAW, offer_post
from tests.helpers import browser_headers, form_fields
from tests.live_server import ROOT, free_port, start_gunicorn, wait_for
from tests.mass_events.conftest import PESEL, WIDGET_FORMAT

SERVER = "postgres://postgres@127.0.0.1:5432"
HOST = "kultura.test"
SITE = f"https://{HOST}"
CHROMIUM = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
FORGED_TEXT = "2026-12-06 13:00:00,000 CRITICAL core.auth event=login"
FORGED_PATH = "/nie%0d%0a2026-12-06%2013:00:00,000%20CRITICAL%20core.auth%20event=login"
ESCAPE_PATH = "/nie%1b[2J%1b]0;przejete%07"
EMAILS = {
    "feedback": "mieszkanka.opinia@example.pl",
    "notification": "ewa.zielinska@example.pl",
    "accreditation": "k.wojcik@radio-katowice.example.pl",
    "extract": "jan.kowalski@example.pl",
    "event": "anna.nowak@example.pl",
    "permit": "jan.organizator@example.pl",
    "offer": "biuro@ziemia-rudzka.example.pl",
    "offer_contact": "kontakt.oferta@example.pl",
    "press": "redakcja@wiadomosci-rudzkie.pl",
}
EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _postgres_reachable() -> bool:
    try:
        with psycopg.connect(f"{SERVER}/postgres", connect_timeout=3):
            return True
    except psycopg.OperationalError:
        return False


pytestmark = pytest.mark.skipif(
    not _postgres_reachable(), reason=f"no PostgreSQL server answers at {SERVER} (user postgres, no password)"
)

# The records the round needs that no public form creates: a venue, an open call for offers and a journalist.
SEED = """
import json
from datetime import timedelta
from django.utils import timezone
from events.models import District, Venue
from press.distribution import unsubscribe_token
from press.models import MediaContact
from core.services import transition_perform
from press.models import PressConference
from tests.grants.factories import make_call
from tests.institutions import factories as register

today = timezone.localdate()
venue = Venue.objects.create(
    name="Dom Kultury Bielszowice", street_address="ul. Kokota 1", district=District.NOWY_BYTOM
)
year = today.year + 1
call = make_call(
    status="published", slug="konkurs-logi", year=year, deadline=timezone.now() + timedelta(days=30),
    implementation_from=today.replace(year=year, month=3, day=1),
    implementation_to=today.replace(year=year, month=11, day=30),
    selection_date=today + timedelta(days=50),
    published_bip_on=today, published_board_on=today, published_web_on=today,
)
contact = MediaContact.objects.create(name="Redakcja Wiadomości", email="PRESS_EMAIL")
conference = PressConference.objects.create(
    title="Konferencja o Dniach Rudy", topic="Program Dni Rudy.", starts_at=timezone.now() + timedelta(days=3),
    venue="Urząd Miasta, sala sesyjna",
)
transition_perform(obj=conference, name="announce", acting_user=None)
institution = register.institution(clerk=register.register_clerk())
print(json.dumps({
    "venue": venue.pk, "call": call.slug, "year": year, "unsubscribe": unsubscribe_token(contact),
    "conference": conference.slug, "institution": institution.pk,
}))
""".replace("PRESS_EMAIL", EMAILS["press"])


class Response:
    def __init__(self, path, status, headers, body):
        self.path, self.status, self.headers, self.body = path, status, headers, body

    def get(self, name, default=""):
        return self.headers.get(name.lower(), default)

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")


class Browser:
    """A client that talks to gunicorn as nginx forwards a browser's requests: cookies kept, Origin and Referer set.

    nginx terminates HTTPS and adds X-Forwarded-Proto and X-Forwarded-For; the session and CSRF cookies are
    __Host- cookies (Secure), which a browser sends back over that HTTPS.
    """

    def __init__(self, port):
        self.port = port
        self.cookies = {}
        self.requests = 0

    def request(self, method, path, *, fields=None, files=None, page=None):
        headers = {
            "Host": HOST,
            "User-Agent": CHROMIUM,
            "Accept-Language": "pl-PL,pl;q=0.9",
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": "203.0.113.7",
        }
        if page is not None:
            headers.update(browser_headers(page, page_url=SITE + page.path, target_url=SITE + path, method=method))
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if files is not None:
            boundary = uuid.uuid4().hex
            body = _multipart(boundary, fields or {}, files)
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        elif fields is not None:
            body = urlencode(fields, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            content = answer.read()
        finally:
            connection.close()
        self.requests += 1
        for name, value in answer.getheaders():
            if name.lower() == "set-cookie":
                cookie_name, _, rest = value.partition("=")
                self.cookies[cookie_name.strip()] = rest.split(";", 1)[0]
        headers = {name.lower(): value for name, value in answer.getheaders()}
        return Response(path, answer.status, headers, content)

    def get(self, path, *, page=None):
        return self.request("GET", path, page=page)

    def submit(self, page, data, *, files=None, path=None, marker):
        """Fill in the page's form that has a field named `marker` and post it as a browser would."""
        values = {**form_fields(_form_with(page.text, marker)), **data}
        for name in ("csrfmiddlewaretoken", "form_started", "submission_token"):
            hidden = _hidden_value(page.text, name)
            if hidden is not None:
                values[name] = hidden
        return self.request("POST", path or page.path, fields=values, files=files, page=page)


def _form_with(html, marker):
    for form in re.findall(r"<form\b.*?</form>", html, flags=re.DOTALL | re.IGNORECASE):
        if f'name="{marker}"' in form:
            return form
    raise AssertionError(f"no form with a field {marker!r} on the page")


def _hidden_value(html, name):
    class Finder(HTMLParser):
        value = None

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "input" and attrs.get("name") == name and self.value is None:
                self.value = attrs.get("value", "")

    finder = Finder()
    finder.feed(html)
    return finder.value


def _multipart(boundary, fields, files):
    parts = []
    for name, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{item}\r\n'.encode())
    for name, (filename, content) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            "Content-Type: application/pdf\r\n\r\n".encode()
            + content
            + b"\r\n"
        )
    return b"".join(parts) + f"--{boundary}--\r\n".encode()


def _token_of(location, prefix):
    match = re.match(rf"^(?:https://{re.escape(HOST)})?/{prefix}([^/]+)/", location)
    assert match, f"{location!r} is not under /{prefix}"
    return match.group(1)


def _manage(environment, *arguments) -> str:
    done = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *arguments], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert done.returncode == 0, f"manage.py {arguments[0]} failed:\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.fixture
def production_portal(tmp_path):
    """gunicorn with gunicorn.conf.py, DEBUG off, on a fresh migrated PostgreSQL database; its logs in files."""
    database = f"portal_logs_{secrets.token_hex(4)}"
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{database}"')
    for name in ("media", "private", "static"):
        (tmp_path / name).mkdir()
    environment = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "DJANGO_ADMIN_URL": "urzednicy-logi/",
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_SITE_URL": SITE,
        "DATABASE_URL": f"{SERVER}/{database}",
        "DJANGO_FIELD_ENCRYPTION_KEYS": "dGVzdC1vbmx5LWZpZWxkLWVuY3J5cHRpb24ta2V5LTA=",
        "DJANGO_TASKS_BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "DJANGO_STATICFILES_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        "DJANGO_PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
        "PUBLIC_FORM_MIN_SECONDS": "0",
        "PUBLIC_FORM_RATE_LIMIT": "1000",
        "GUNICORN_ACCESS_LOG": str(tmp_path / "access.log"),
    }
    web = None
    try:
        _manage(environment, "migrate", "--no-input", "-v", "0")
        seeded = _manage(environment, "shell", "-c", SEED)
        port = free_port()
        with open(tmp_path / "stdout.log", "wb") as stdout, open(tmp_path / "stderr.log", "wb") as stderr:
            web = start_gunicorn(environment, port, stdout=stdout, stderr=stderr)
        browser = Browser(port)
        wait_for(lambda: browser.get("/health/live/").status == 200, what="gunicorn")
        yield {
            "browser": browser,
            "seed": json.loads(seeded.strip().splitlines()[-1]),
            "database": f"{SERVER}/{database}",
            "logs": tmp_path,
        }
    finally:
        if web is not None:
            web.terminate()
            web.wait(timeout=30)
        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def _future(days, hour=18):
    return (datetime.now(WARSAW) + timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)


def test_a_full_round_leaves_no_token_pesel_email_or_forged_line_in_the_logs(production_portal):
    """Issue 13: after public forms, a tracking reply, a draft link and its PDF, an unsubscribe link, wrong tokens
    and forged paths, no log line holds a token, the PESEL, an e-mail address, a forged record or a raw escape."""
    browser, seed = production_portal["browser"], production_portal["seed"]
    tokens = []

    # An opinion with the resident's e-mail address.
    page = browser.get("/opinia/?strona=/wydzial/")
    assert page.status == 200
    sent = browser.submit(
        page, {"message": "Proszę o dłuższe godziny otwarcia.", "contact_email": EMAILS["feedback"]}, marker="message"
    )
    assert sent.status == 302, sent.text
    tokens.append(_token_of(sent.get("Location"), "sprawy/"))
    assert browser.get(sent.get("Location"), page=page).status == 200

    # An event submitted by its organiser.
    page = browser.get("/wydarzenia/zglos/")
    start = _future(21)
    event = {
        "title": "Koncert Orkiestry Dętej KWK Halemba",
        "lead": "Wieczór marszów i walców na świeżym powietrzu.",
        "description": "Zagra 40 muzyków.",
        "organiser_name": "Stowarzyszenie Przyjaciół Halemby",
        "starts_at": start.strftime(WIDGET_FORMAT),
        "ends_at": start.replace(hour=20).strftime(WIDGET_FORMAT),
        "venue": str(seed["venue"]),
        "admission": "free",
        "contact_name": "Anna Nowak",
        "contact_email": EMAILS["event"],
        "contact_phone": "+48 32 244 90 00",
    }
    category = re.search(r'<option value="(\d+)"[^>]*>\s*Koncerty', page.text)
    event["category"] = category.group(1) if category else ""
    sent = browser.submit(page, event, files={}, marker="organiser_name")
    assert sent.status == 302, sent.text
    tokens.append(_token_of(sent.get("Location"), "sprawy/"))

    # A mass-event permit application with the security manager's PESEL and its PDF attachments.
    page = browser.get("/imprezy-masowe/wniosek/")
    start = _future(60, hour=16)
    permit = {
        "organiser_kind": "organisation",
        "organiser_name": "Stowarzyszenie Rudzkie Lato",
        "organiser_address": "ul. Kokota 1, 41-711 Ruda Śląska",
        "contact_name": "Jan Organizator",
        "contact_email": EMAILS["permit"],
        "contact_phone": "+48 600 100 200",
        "event_name": "Festiwal Rudzkie Lato",
        "event_type": "artistic",
        "programme": "Koncerty zespołów lokalnych.",
        "venue": "Park Dworski, ul. Kokota 1, Ruda Śląska",
        "venue_kind": "open_area",
        "starts_at": start.strftime(WIDGET_FORMAT),
        "ends_at": start.replace(hour=22).strftime(WIDGET_FORMAT),
        "places_total": "5000",
        "places_available": "3000",
        "expected_participants": "2500",
        "stewards": "60",
        "info_staff": "20",
        "threats": "Duże zgromadzenie, upał.",
        "cctv": "on",
        "security_manager_name": "Jan Kowalski",
        "security_manager_pesel": PESEL,
        "security_manager_certificate": "KB/123/2024 z 12.03.2024",
        "security_manager_phone": "600 200 300",
    }
    files = {
        name: (f"{name}.pdf", valid_pdf())
        for name in ("site_plan", "regulations", "fire_instruction", "fee_proof", "opinion_police", "opinion_fire")
        + ("opinion_medical", "opinion_sanitary")
    }
    sent = browser.submit(page, permit, files=files, marker="security_manager_pesel")
    assert sent.status == 302, sent.text
    permit_token = _token_of(sent.get("Location"), "sprawy/")
    tokens.append(permit_token)

    # A notification of a mass event, an accreditation for a press conference and a request for a register extract.
    page = browser.get("/zawiadomienie-o-imprezie/")
    start = _future(45, hour=17)
    notification = {
        "organiser_name": "Miejskie Centrum Kultury im. Henryka Bisty",
        "organiser_address": "ul. Niedurnego 69, 41-709 Ruda Śląska",
        "is_city_institution": "on",
        "contact_name": "Ewa Zielińska",
        "contact_email": EMAILS["notification"],
        "event_name": "Koncert plenerowy na Placu Jana Pawła II",
        "event_type": "koncert plenerowy",
        "character": "otwarty, bezpłatny",
        "venue": "Plac Jana Pawła II, Ruda Śląska",
        "starts_at": start.strftime(WIDGET_FORMAT),
        "ends_at": start.replace(hour=20).strftime(WIDGET_FORMAT),
        "expected_participants": "400",
        "safety_measures": "Ochrona, barierki, punkt medyczny.",
        "accessibility_measures": "Strefa dla osób na wózkach.",
    }
    sent = browser.submit(page, notification, marker="safety_measures")
    assert sent.status == 302, sent.text
    tokens.append(_token_of(sent.get("Location"), "sprawy/"))
    page = browser.get(f"/prasa/konferencje/{seed['conference']}/akredytacja/")
    accreditation = {
        "full_name": "Katarzyna Wójcik",
        "outlet_name": "Radio Katowice",
        "role": "reporterka",
        "press_card_number": "PL-12345",
        "email": EMAILS["accreditation"],
        "recording_consent": "on",
    }
    sent = browser.submit(page, accreditation, marker="outlet_name")
    assert sent.status == 302, sent.text
    tokens.append(_token_of(sent.get("Location"), "sprawy/"))
    page = browser.get("/rejestr-instytucji-kultury/odpis/")
    extract = {
        "institution": str(seed["institution"]),
        "kind": "full",
        "copies": "1",
        "applicant_name": "Jan Kowalski",
        "applicant_address": "ul. Halembska 10, 41-717 Ruda Śląska",
        "contact_email": EMAILS["extract"],
        "delivery": "post_registered",
    }
    sent = browser.submit(page, extract, marker="applicant_name")
    assert sent.status == 302, sent.text
    tokens.append(_token_of(sent.get("Location"), "sprawy/"))

    # The tracking link from the confirmation, and a reply from it.
    confirmation = browser.get(sent.get("Location"), page=page)
    assert confirmation.status == 200
    tracking = browser.get(f"/sprawy/{permit_token}/", page=confirmation)
    assert tracking.status == 200
    reply = browser.submit(tracking, {"body": "Dosyłam aktualny plan terenu."}, marker="body")
    assert reply.status == 302, reply.text
    assert browser.get(f"/sprawy/{permit_token}/", page=tracking).status == 200

    # A grant offer saved as a draft, opened by its link, submitted, and its PDF fetched.
    offer_page = f"/dotacje/konkursy/{seed['call']}/oferta/"
    page = browser.get(offer_page)
    assert page.status == 200
    year = seed["year"]
    offer = {
        **offer_post(),
        "email": EMAILS["offer"],
        "contact_email": EMAILS["offer_contact"],
        "start_date": f"{year}-06-01",
        "end_date": f"{year}-08-31",
    }
    saved = browser.submit(page, {**offer, "action": "save"}, marker="organisation_name")
    assert saved.status == 302, saved.text
    draft_token = _token_of(saved.get("Location"), "dotacje/oferta/")
    tokens.append(draft_token)
    draft = browser.get(f"/dotacje/oferta/{draft_token}/", page=page)
    assert draft.status == 200
    submitted = browser.submit(draft, {**offer, "action": "submit"}, marker="organisation_name")
    assert submitted.status == 302, submitted.text
    if "/sprawy/" in submitted.get("Location"):
        tokens.append(_token_of(submitted.get("Location"), "sprawy/"))
    pdf = browser.get(f"/dotacje/oferta/{draft_token}/pdf/", page=draft)
    assert (pdf.status, pdf.get("Content-Type")) == (200, "application/pdf")

    # A journalist's unsubscribe link, opened and confirmed.
    unsubscribe = f"/prasa/wypisz/{seed['unsubscribe']}/"
    tokens.append(seed["unsubscribe"])
    page = browser.get(unsubscribe)
    assert page.status == 200
    confirmed = browser.request(
        "POST", unsubscribe, fields={"csrfmiddlewaretoken": _hidden_value(page.text, "csrfmiddlewaretoken")}, page=page
    )
    assert confirmed.status == 200

    # Wrong tokens on every private route, and paths that try to write a line of their own.
    wrong = secrets.token_urlsafe(24)
    tokens.append(wrong)
    for path in (
        f"/sprawy/{wrong}/",
        f"/sprawy/{wrong}/potwierdzenie/",
        f"/en/sprawy/{wrong}/",
        f"/dotacje/oferta/{wrong}/",
        f"/dotacje/oferta/{wrong}/pdf/",
        f"/prasa/wypisz/{wrong}/",
    ):
        assert browser.get(path).status == 404, path
    assert browser.get(FORGED_PATH).status == 404
    assert browser.get(ESCAPE_PATH).status == 404

    # The round happened: every case is in the database, the reply and the unsubscription too.
    with psycopg.connect(production_portal["database"]) as database:
        counts = {
            table: database.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
            for table in (
                "core_feedback",
                "events_eventsubmission",
                "mass_events_masseventpermitapplication",
                "grants_grantoffer",
                "mass_events_eventnotification",
                "press_accreditation",
                "institutions_extractrequest",
            )
        }
        unsubscribed = database.execute(
            "SELECT count(*) FROM press_mediacontact WHERE unsubscribed_at IS NOT NULL"
        ).fetchone()[0]
    assert counts == dict.fromkeys(counts, 1)
    assert unsubscribed == 1

    # Every line written: gunicorn's access log (one line per request), its error log and Django's log.
    logs = production_portal["logs"]
    access = (logs / "access.log").read_bytes().decode("utf-8", "replace").splitlines()
    assert len(access) == browser.requests, "\n".join(access)
    lines = access + [
        line
        for name in ("stderr.log", "stdout.log")
        for line in (logs / name).read_bytes().decode("utf-8", "replace").splitlines()
    ]
    assert any("Not Found: /dotacje/oferta/[token]/pdf/" in line for line in lines), "Django's log was not captured"
    text = "\n".join(lines)
    for token in tokens:
        assert token not in text, f"a private token is in the logs: {token}"
    assert PESEL not in text
    for address in EMAILS.values():
        assert address not in text
    assert EMAIL_PATTERN.findall(text) == []
    for line in lines:
        assert not line.startswith(FORGED_TEXT), line
        assert "\x1b" not in line, line
        assert "\x07" not in line, line
    assert "\r" not in text
