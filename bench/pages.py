"""The public pages at volume under gunicorn, measured against a bare Django ceiling in the same run.

1. Seeds PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/portal_bench; the database is
   dropped and created afresh unless --reuse) at --scale 1: 100,000 events with about 160,000 dates, 20,000
   press releases, 5,000 grant offers (each with its case register entry) in 20 calls and 100 registered
   cultural institutions; bulk_create (no workflow history: a volume, not a demo), except the institutions,
   entered through the register's service (an entry number and a first entry each). --scale 0.02 is a
   smoke run (the migrations take longer than the seed).
2. Starts two gunicorns with the project's gunicorn.conf.py, --workers each, DEBUG off: the portal and the
   bare ceiling (bench/ceiling/app.py: one view returning two bytes, no middleware).
3. For each page, --threads keep-alive clients (threads + http.client) request it for --seconds after a
   warm-up, in --rounds rounds; the ceiling is measured before the first page and after every round.
   Reports per page the median requests per second, the ratio to the ceiling measured around it, and the
   CPU milliseconds per request spent by the gunicorn worker processes (from /proc, utime + stime; the
   PostgreSQL server's own CPU is not in it).
4. Stops both gunicorns (their process groups) whatever happens.

    make bench-pages                                   # the full measurement (scale 1; idle machine)
    make bench-pages BENCH_ARGS="--scale 0.02 --rounds 1 --seconds 2"   # a smoke run
    make bench-pages BENCH_ARGS="--reuse --page-cache"   # the same pages from the anonymous page cache
    .venv/bin/python bench/pages.py --reuse --rounds 5  # measure again on the seeded database
"""

import argparse
import os
import random
import signal
import statistics
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402
    HOST,
    SERVER_ENV,
    free_port,
    hammer,
    start_gunicorn,
    stop_gunicorn,
    wait_until_up,
)
from bench.events import seed as seed_events  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench"
CEILING_APP = "bench.ceiling.app:application"
PORTAL_APP = "culture_dept.wsgi:application"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

# At --scale 1 (issue 17).
EVENTS = 100_000
RELEASES = 20_000
OFFERS = 5_000
CALLS = 20
INSTITUTIONS = 100


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="volume: 1 = 100,000 events … (default 1)")
    parser.add_argument("--seconds", type=float, default=4.0, help="measuring time per page and round (default 4)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds over all pages (default 3; medians reported)")
    parser.add_argument("--warmup", type=float, default=1.0, help="warm-up time per page (default 1)")
    parser.add_argument("--threads", type=int, default=8, help="concurrent client threads (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers of each server (default 2)")
    parser.add_argument("--reuse", action="store_true", help="keep the seeded bench database of the last run")
    parser.add_argument("--seed", type=int, default=17, help="random seed of the generated data")
    parser.add_argument("--path", action="append", default=[], help="another page to measure (repeatable)")
    parser.add_argument(
        "--page-cache",
        action="store_true",
        help="serve with the anonymous page cache on (default off: the rows measure rendering the pages)",
    )
    return parser.parse_args()


# ---------------------------------------------------------------------------------------------------------
# Database and data
# ---------------------------------------------------------------------------------------------------------
def recreate_database(url: str) -> None:
    """Drop and create the bench database (its name must contain "bench": never a working database)."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        raise SystemExit(f"Refusing to drop {name!r}: the bench database's name must contain 'bench'.")
    admin = parts._replace(path="/postgres").geturl().replace("postgres://", "postgresql://", 1)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


RELEASE_TITLES = [
    "Dni Rudy: program koncertów",
    "Nowa wystawa w Muzeum Miejskim",
    "Remont Domu Kultury w Halembie",
    "Konkurs ofert na zadania z zakresu kultury",
    "Prezydent Miasta wręczył nagrody w dziedzinie kultury",
    "Festiwal teatrów ulicznych w Nowym Bytomiu",
    "Zmiana organizacji ruchu podczas festynu",
    "Biblioteka Miejska zaprasza na spotkanie autorskie",
]


def seed_releases(count: int, rng: random.Random) -> None:
    from django.utils import timezone

    from press.models import PressRelease

    now = timezone.now()
    for first in range(0, count, 5_000):
        PressRelease.objects.bulk_create(
            PressRelease(
                title=f"{rng.choice(RELEASE_TITLES)} ({n + 1})",
                slug=f"bench-komunikat-{n + 1}",
                lead="Informacja dla mediów Wydziału Kultury, Komunikacji Społecznej i Promocji Miasta.",
                body="<p>Treść komunikatu z kilkoma zdaniami o wydarzeniu, miejscu i kontaktach.</p>" * 4,
                status=PressRelease.Status.PUBLISHED,  # a bench volume: set directly
                publish_at=now - timedelta(hours=n),
                published_at=now - timedelta(hours=n),
            )
            for n in range(first, min(first + 5_000, count))
        )


def seed_calls_and_offers(calls: int, offers: int, rng: random.Random) -> None:
    """`calls` public calls and `offers` offers spread over them, each offer with its case register entry."""
    from django.utils import timezone

    from core.models import CaseRegisterEntry, JrwaClass, OrganisationalUnit
    from grants.models import GrantCall, GrantOffer

    today = timezone.localdate()
    created = GrantCall.objects.bulk_create(
        GrantCall(
            title=f"Otwarty konkurs ofert nr {n + 1}: kultura, sztuka i dziedzictwo narodowe",
            slug=f"bench-konkurs-{n + 1}",
            year=today.year,
            task_type="Kultura, sztuka, ochrona dóbr kultury i dziedzictwa narodowego",
            mode="support",
            budget=Decimal("100000.00"),
            max_subsidy=Decimal("20000.00"),
            min_own_percent=Decimal("10"),
            max_admin_percent=Decimal("10"),
            rules="Dotacje na zadania z zakresu kultury realizowane na terenie Rudy Śląskiej.",
            implementation_from=today,
            implementation_to=today + timedelta(days=180),
            offers_deadline=timezone.now() + timedelta(days=21 - n),
            selection_date=today + timedelta(days=40),
            previous_year_info="W poprzednim roku przekazano 90 000 zł dotacji.",
            status=GrantCall.Status.PUBLISHED if n < calls // 2 else GrantCall.Status.EVALUATION,
        )
        for n in range(calls)
    )
    unit = OrganisationalUnit.objects.get(symbol=GrantOffer.CASE_KIND_DEFAULTS["unit"])
    jrwa = JrwaClass.objects.get(symbol=GrantOffer.CASE_KIND_DEFAULTS["jrwa"])
    for first in range(0, offers, 5_000):
        numbers = range(first, min(first + 5_000, offers))
        entries = CaseRegisterEntry.objects.bulk_create(
            CaseRegisterEntry(
                unit=unit,
                jrwa_class=jrwa,
                year=today.year,
                number=n + 1,
                case_mark=f"BENCH.{jrwa.symbol}.{n + 1}.{today.year}",
                title=f"Oferta nr {n + 1}",
            )
            for n in numbers
        )
        GrantOffer.objects.bulk_create(
            GrantOffer(
                register_entry=entry,
                call=created[n % len(created)],
                case_mark=entry.case_mark,
                organisation_name=f"Stowarzyszenie Kulturalne nr {n + 1}",
                legal_form=GrantOffer.LegalForm.ASSOCIATION,
                register_number=f"{rng.randrange(10**9, 10**10)}",
                address="ul. Niedurnego 69, 41-709 Ruda Śląska",
                email=f"oferent{n + 1}@example.org",
                contact_name="Anna Nowak",
                contact_email=f"oferent{n + 1}@example.org",
                title=f"Warsztaty artystyczne dla dzieci nr {n + 1}",
                start_date=today,
                end_date=today + timedelta(days=90),
                place="Ruda Śląska",
                description="Cykl warsztatów.",
                expected_results="Dwadzieścia spotkań.",
                requested_amount=Decimal(rng.randrange(2_000, 20_000)),
            )
            for n, entry in zip(numbers, entries, strict=True)
        )


def seed_institutions(count: int) -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from core.roles import SECTION_BY_CODE, sync_roles
    from institutions.models import InstitutionKind, LegalAct
    from institutions.services.register import institution_register

    sync_roles()
    clerk = get_user_model().objects.create_user(username="bench-register", is_staff=True)
    clerk.groups.add(Group.objects.get(name=SECTION_BY_CODE["institutions"].group_name))
    clerk = get_user_model().objects.get(pk=clerk.pk)  # a fresh permission cache
    kinds = list(InstitutionKind.values)
    for n in range(count):
        act = LegalAct.objects.create(
            number=f"{n + 1}/XXVIII/2000", adopted_on=date(2000, 6, 26), title="w sprawie utworzenia instytucji"
        )
        institution_register(
            kind=kinds[n % len(kinds)],
            values={
                "full_name": f"Miejska instytucja kultury nr {n + 1} w Rudzie Śląskiej",
                "short_name": f"MIK {n + 1}",
                "seat": "Ruda Śląska",
                "address": "ul. Piotra Niedurnego 69, 41-709 Ruda Śląska",
            },
            founding_act=act,
            entry_date=date(2012, 5, 21),
            acting_user=clerk,
        )


def seed(scale: float, seed_value: int) -> None:
    from django.db import connection

    rng = random.Random(seed_value)
    started = time.perf_counter()
    seed_events(max(1, round(EVENTS * scale)), seed_value)  # prints its own line
    seed_releases(max(1, round(RELEASES * scale)), rng)
    seed_calls_and_offers(max(1, min(CALLS, round(CALLS * scale * 10))), max(1, round(OFFERS * scale)), rng)
    seed_institutions(max(1, round(INSTITUTIONS * scale)))
    with connection.cursor() as cursor:  # planner statistics, as autovacuum keeps them in production
        cursor.execute("ANALYZE")
    print(f"seeded the rest in {time.perf_counter() - started:.1f} s in all")


def volume() -> str:
    from events.models import Event, EventOccurrence
    from grants.models import GrantOffer
    from institutions.models import CulturalInstitution
    from press.models import PressRelease

    return (
        f"{Event.objects.count():,} events, {EventOccurrence.objects.count():,} dates, "
        f"{PressRelease.objects.count():,} releases, {GrantOffer.objects.count():,} offers, "
        f"{CulturalInstitution.objects.count():,} institutions"
    )


def pages(extra: list[str]) -> list[str]:
    from django.utils import timezone

    from events.models import Event
    from press.models import PressRelease

    event = (
        Event.objects.published()
        .filter(status=Event.Status.PUBLISHED, occurrences__starts_at__gte=timezone.now())
        .order_by("pk")
        .first()
    )
    release = PressRelease.objects.published().order_by("-publish_at").first()
    return [
        "/robots.txt",  # the portal's trivial view: gunicorn + the portal's middleware
        "/",
        "/wydarzenia/",
        "/wydarzenia/?kategoria=koncerty&bezplatne=on",
        event.get_absolute_url(),
        release.get_absolute_url(),
        "/prasa/",
        "/szukaj/?q=koncert",
        "/rejestr-instytucji-kultury/",
        "/dotacje/",
        *extra,
    ]


# ---------------------------------------------------------------------------------------------------------
# Servers and CPU
# ---------------------------------------------------------------------------------------------------------
def workers_cpu_seconds(master: int) -> float:
    """utime + stime of the children of gunicorn's master (its workers), from /proc."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (comm) "
        if int(fields[1]) == master:  # ppid
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / CLOCK_TICKS


def measure(port: int, master: int, path: str, args) -> dict:
    hammer(port, path, args.warmup, args.threads)
    before = workers_cpu_seconds(master)
    result = hammer(port, path, args.seconds, args.threads)
    spent = workers_cpu_seconds(master) - before
    result["cpu_ms"] = spent * 1000 / result["requests"] if result["requests"] else float("nan")
    return result


def main():
    args = parse_args()
    os.environ.update(SERVER_ENV)
    os.environ["DJANGO_SETTINGS_MODULE"] = "culture_dept.settings"
    os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE_URL)
    os.environ["DJANGO_PAGE_CACHE"] = "true" if args.page_cache else "false"
    work = ROOT / "var" / "bench"
    (work / "static").mkdir(parents=True, exist_ok=True)  # WhiteNoise wants STATIC_ROOT to exist
    os.environ.setdefault("DJANGO_STATIC_ROOT", str(work / "static"))
    log = work / "pages-gunicorn.log"
    if not os.environ["DATABASE_URL"].startswith(("postgres://", "postgresql://")):
        raise SystemExit("bench/pages.py measures on PostgreSQL, as in production: set DATABASE_URL to one.")
    if not args.reuse:
        recreate_database(os.environ["DATABASE_URL"])

    import django

    django.setup()
    from django.core.management import call_command

    from events.models import Event

    call_command("migrate", verbosity=0)
    if not (args.reuse and Event.objects.exists()):
        seed(args.scale, args.seed)
    print(f"volume: {volume()}")
    paths = pages(args.path)
    from django.db import connections

    connections.close_all()

    portal_port, ceiling_port = free_port(), free_port()
    portal = start_gunicorn(PORTAL_APP, portal_port, args.workers, dict(os.environ), log)
    ceiling = start_gunicorn(CEILING_APP, ceiling_port, args.workers, dict(os.environ), log)

    def interrupted(signum, frame):
        stop_gunicorn(portal)
        stop_gunicorn(ceiling)
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGINT, interrupted)
    try:
        wait_until_up(portal_port, portal, "/robots.txt", log)
        wait_until_up(ceiling_port, ceiling, "/", log)
        print(
            f"portal on {HOST}:{portal_port}, ceiling on {HOST}:{ceiling_port}, {args.workers} workers each; "
            f"{args.threads} client threads; {args.rounds} rounds of {args.seconds:g} s per page after "
            f"{args.warmup:g} s warm-up; page cache {'on' if args.page_cache else 'off'}; {os.cpu_count()} CPU "
            f"cores; load average {os.getloadavg()}"
        )
        ceilings = [measure(ceiling_port, ceiling.pid, "/", args)]
        rounds = []
        for number in range(args.rounds):
            rounds.append([measure(portal_port, portal.pid, path, args) for path in paths])
            ceilings.append(measure(ceiling_port, ceiling.pid, "/", args))
            print(f"round {number + 1}/{args.rounds} done")
    finally:
        stop_gunicorn(portal)
        stop_gunicorn(ceiling)
    report(paths, ceilings, rounds)


def report(paths: list[str], ceilings: list[dict], rounds: list[list[dict]]) -> None:
    median = statistics.median

    def row(label, runs, ratios):
        statuses = ",".join(map(str, sorted({code for run in runs for code in run["statuses"]}))) or "-"
        ratio = f"{median(ratios):.4f}" if ratios else "1"
        print(
            f"| `{label[:60]}` | {statuses} | {median(r['rps'] for r in runs):,.1f} | {ratio} | "
            f"{median(r['cpu_ms'] for r in runs):.1f} | {median(r['p50'] for r in runs):.1f} |"
        )

    print()
    print("| page | status | req/s | ratio to ceiling | CPU ms per request | p50 ms |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    row("bare Django ceiling (two bytes, no middleware)", ceilings, [])
    for index, path in enumerate(paths):
        runs = [page_runs[index] for page_runs in rounds]
        ratios = [
            run["rps"] / ((ceilings[number]["rps"] + ceilings[number + 1]["rps"]) / 2)
            for number, run in enumerate(runs)
        ]
        row(path, runs, ratios)
    print("\nratio = req/s of the page / mean req/s of the ceiling measured just before and after it (same run)")
    print("ceiling req/s by measurement: " + ", ".join(f"{c['rps']:.0f}" for c in ceilings))
    print(f"load average at the end: {os.getloadavg()}")
    every = [*ceilings, *(run for page_runs in rounds for run in page_runs)]
    if any(set(run["statuses"]) != {200} for run in every):
        print("WARNING: not every answer was 200 (see the status column): those rows do not measure the page.")


if __name__ == "__main__":
    main()
