"""Throughput of the public events calendar under gunicorn, as a ratio to a trivial Django view (bench/README.md).

1. Seeds a throw-away database (`var/bench/events.sqlite3`, or DATABASE_URL) with --events events (default
   50,000), each with 1–3 dates spread over a year, with bulk_create: fast, and no workflow history (it is
   a volume, not a demo; the services are exercised by the tests and by `manage.py seed_events`).
2. Starts `gunicorn culture_dept.wsgi:application -w 2 -b 127.0.0.1:<free port>` in production mode
   (DEBUG off) against that database. gunicorn reads ./gunicorn.conf.py as in production (gthread workers
   with GUNICORN_THREADS threads); the access log and worker recycling are switched off for steadier numbers.
3. For each page, N client threads (http.client, keep-alive, loopback only) request it in a loop for
   --seconds seconds after a short warm-up, in --rounds rounds; prints the medians of requests per second
   and latency, and the ratio to /robots.txt (a template rendered by a trivial view: the cost of Django's
   request cycle itself), measured between the pages in the same run.
4. Stops gunicorn (its whole process group) whatever happens.

    .venv/bin/python bench/events.py                      # 50,000 events; 3 rounds, 8 threads x 4 s per page
    .venv/bin/python bench/events.py --reuse --rounds 5   # keep the seeded database of the last run
"""

import argparse
import os
import random
import signal
import statistics
import sys
import time
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402
    HOST,
    SERVER_ENV,
    bench_database,
    free_port,
    hammer,
    start_gunicorn,
    stop_gunicorn,
    wait_until_up,
)

BASELINE = "/robots.txt"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=50_000, help="events to seed (default 50,000)")
    parser.add_argument("--seconds", type=float, default=4.0, help="measuring time per page and round (default 4)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds over all pages (default 3; medians reported)")
    parser.add_argument("--warmup", type=float, default=1.0, help="warm-up time per page (default 1)")
    parser.add_argument("--threads", type=int, default=8, help="concurrent client threads (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--reuse", action="store_true", help="reuse the bench database if it is already seeded")
    parser.add_argument("--seed", type=int, default=50_000, help="random seed of the generated data")
    parser.add_argument("--path", action="append", default=[], help="another page to measure (repeatable)")
    return parser.parse_args()


# ---------------------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------------------
TITLES = [
    "Koncert Orkiestry Dętej",
    "Spektakl komediowy",
    "Wystawa fotografii",
    "Dyskusyjny Klub Filmowy",
    "Spotkanie autorskie",
    "Warsztaty ceramiczne",
    "Festyn rodzinny",
    "Nordic walking",
    "Teatrzyk dla dzieci",
    "Kiermasz książek",
]
LEAD = "Wydarzenie w Rudzie Śląskiej – szczegóły na stronie wydarzenia."
BODY = "<p>Opis wydarzenia z kilkoma zdaniami o programie, wykonawcach i biletach.</p>" * 3


def seed(count: int, seed_value: int) -> None:
    """Venues from the demo seed, then `count` events with 1–3 dates each (from 2 months ago to 10 ahead)."""
    from django.db import connection, transaction
    from django.utils import timezone

    from events.demo_data import VENUES
    from events.models import Category, Event, EventOccurrence, Venue

    rng = random.Random(seed_value)
    started = time.perf_counter()
    categories = list(Category.objects.all())
    with transaction.atomic():
        Venue.objects.bulk_create(Venue(slug=slug, **fields) for slug, fields in VENUES.items())
        venues = list(Venue.objects.all())
        now = timezone.now().replace(minute=0, second=0, microsecond=0)
        zone = timezone.get_current_timezone()
        batch = 5_000
        for first in range(0, count, batch):
            events, dates = [], []
            for n in range(first, min(first + batch, count)):
                paid = rng.random() < 0.5
                low = Decimal(rng.randrange(10, 80, 5)) if paid else None
                title = f"{rng.choice(TITLES)} nr {n + 1}"
                base = now + timedelta(days=rng.randint(-60, 300))
                base = datetime(base.year, base.month, base.day, rng.choice((10, 17, 18, 19)), 0, tzinfo=zone)
                starts = [base + timedelta(days=7 * k) for k in range(rng.choice((1, 1, 1, 2, 3)))]
                roll = rng.random()
                if starts[-1] < now:
                    status = Event.Status.ARCHIVED  # what the daily archive job does
                elif roll < 0.02:
                    status = Event.Status.CANCELLED
                elif roll < 0.03:
                    status = Event.Status.POSTPONED
                elif roll < 0.05:
                    status = Event.Status.SUBMITTED
                else:
                    status = Event.Status.PUBLISHED
                events.append(
                    Event(
                        title=title,
                        slug=f"bench-{n + 1}",
                        lead=LEAD,
                        description=BODY,
                        category=rng.choice(categories),
                        venue=rng.choice(venues),
                        organiser_name="Miejskie Centrum Kultury im. Henryka Bisty",
                        for_children=rng.random() < 0.2,
                        for_seniors=rng.random() < 0.2,
                        price_kind=Event.PriceKind.PAID if paid else Event.PriceKind.FREE,
                        price_from=low,
                        price_to=low + 20 if low is not None and rng.random() < 0.3 else None,
                        status=status,  # a bench volume: set directly, never like this in the application
                        published_at=now if status != Event.Status.SUBMITTED else None,
                    )
                )
                dates.append(starts)
            created = Event.objects.bulk_create(events)
            EventOccurrence.objects.bulk_create(
                EventOccurrence(event=event, starts_at=start, ends_at=start + timedelta(hours=2))
                for event, starts in zip(created, dates, strict=True)
                for start in starts
            )
    with connection.cursor() as cursor:  # planner statistics, as autovacuum/ANALYZE keeps them in production
        cursor.execute("ANALYZE")
    print(
        f"seeded {Event.objects.count():,} events with {EventOccurrence.objects.count():,} dates "
        f"in {time.perf_counter() - started:.1f} s"
    )


# ---------------------------------------------------------------------------------------------------------
# Load
# ---------------------------------------------------------------------------------------------------------
def measure(port: int, path: str, args) -> dict:
    hammer(port, path, args.warmup, args.threads)
    return hammer(port, path, args.seconds, args.threads)


def main():
    args = parse_args()
    os.environ.update(SERVER_ENV)
    os.environ["DJANGO_SETTINGS_MODULE"] = "culture_dept.settings"
    work = ROOT / "var" / "bench"
    (work / "static").mkdir(parents=True, exist_ok=True)  # WhiteNoise wants STATIC_ROOT to exist
    os.environ.setdefault("DJANGO_STATIC_ROOT", str(work / "static"))
    log = work / "events-gunicorn.log"
    bench_database("events", reuse=args.reuse)

    import django

    django.setup()
    from django.core.management import call_command

    from events.models import Event

    call_command("migrate", verbosity=0)
    if args.reuse and Event.objects.exists():
        print(f"reusing {Event.objects.count():,} events in {os.environ['DATABASE_URL']}")
    else:
        if Event.objects.exists():
            raise SystemExit("The bench database already holds events: use --reuse or an empty DATABASE_URL.")
        seed(args.events, args.seed)
    from django.utils import timezone

    event = (
        Event.objects.published()
        .filter(status=Event.Status.PUBLISHED, occurrences__starts_at__gte=timezone.now())
        .order_by("pk")
        .first()
    )
    paths = [
        "/",  # the home page: its events section shows the next six dates
        "/wydarzenia/",
        "/wydarzenia/?kategoria=koncerty&bezplatne=on",
        event.get_absolute_url(),
        *args.path,
    ]
    from django.db import connections

    connections.close_all()

    port = free_port()
    process = start_gunicorn("culture_dept.wsgi:application", port, args.workers, dict(os.environ), log)

    def interrupted(signum, frame):
        stop_gunicorn(process)
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGINT, interrupted)
    try:
        wait_until_up(port, process, BASELINE, log)
        print(
            f"gunicorn on {HOST}:{port}, {args.workers} workers; {args.threads} client threads; {args.rounds} rounds "
            f"of {args.seconds:g} s per page after {args.warmup:g} s warm-up; {os.cpu_count()} CPU cores; "
            f"server log: {log.relative_to(ROOT)}; gunicorn process group {process.pid}"
        )
        # Rounds of [baseline, pages…]; each page's ratio uses the mean of the baselines measured just before
        # and just after it, so a machine that gets busier or quieter during the run shifts both alike.
        baselines = [measure(port, BASELINE, args)]
        rounds = []
        for number in range(args.rounds):
            rounds.append([measure(port, path, args) for path in paths])
            baselines.append(measure(port, BASELINE, args))
            print(f"round {number + 1}/{args.rounds} done")
    finally:
        stop_gunicorn(process)
    report(paths, baselines, rounds)


def report(paths: list[str], baselines: list[dict], rounds: list[list[dict]]) -> None:
    def row(label, runs, ratios):
        statuses = sorted({code for run in runs for code in run["statuses"]})
        median = statistics.median
        ratio = f"{median(ratios):7.3f}" if ratios else f"{'1':>7}"
        print(
            f"{label[:48]:48} {','.join(map(str, statuses)) or '-':>8} {median(r['rps'] for r in runs):8.1f} "
            f"{ratio} {median(r['p50'] for r in runs):8.1f} {median(r['p95'] for r in runs):8.1f} "
            f"{sum(r['errors'] for r in runs):6d}"
        )

    print()
    header = ("status", "req/s", "ratio", "p50 ms", "p95 ms", "errors")
    widths = (8, 8, 7, 8, 8, 6)
    print(f"{'page (median of the rounds)':48} " + " ".join(f"{h:>{w}}" for h, w in zip(header, widths, strict=True)))
    row(f"{BASELINE} (trivial view, baseline)", baselines, [])
    for index, path in enumerate(paths):
        runs = [page_runs[index] for page_runs in rounds]
        ratios = [
            run["rps"] / ((baselines[number]["rps"] + baselines[number + 1]["rps"]) / 2)
            for number, run in enumerate(runs)
        ]
        row(path, runs, ratios)
    print(f"\nratio = requests per second / requests per second of {BASELINE} around it (same run, same server)")
    print("baseline req/s by measurement: " + ", ".join(f"{b['rps']:.0f}" for b in baselines))
    if any(set(run["statuses"]) != {200} for run in [*baselines, *(r for page_runs in rounds for r in page_runs)]):
        print("WARNING: not every answer was 200 (see the status column): those rows do not measure the page.")


if __name__ == "__main__":
    main()
