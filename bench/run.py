"""Seed a data volume through the services and time the pages people use most (see bench/README.md)."""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import bench_database, get_timings  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "culture_dept.settings")
    os.environ.setdefault("DJANGO_DEBUG", "true")
    os.environ.setdefault("DJANGO_OTP_REQUIRED", "false")
    bench_database("bench")

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    from core.models import Feedback, StaticPage
    from core.services import case_open

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    started = time.perf_counter()
    for n in range(args.cases):
        case_open(case=Feedback(message=f"Opinia numer {n} o kulturze"), title="Opinia o portalu")
    StaticPage.objects.bulk_create(
        StaticPage(title=f"Strona {n}", slug=f"strona-{n}", body="<p>Kultura w Rudzie</p>", is_published=True)
        for n in range(args.pages)
    )
    print(f"seeded {args.cases} cases and {args.pages} pages in {time.perf_counter() - started:.1f} s")

    clerk = get_user_model().objects.get(username="urzednik")
    public, admin = Client(), Client()
    admin.force_login(clerk)
    targets = [
        (public, "/"),
        (public, "/wydzial/"),
        (public, "/szukaj/?q=kultura"),
        (public, "/opinia/"),
        (admin, f"/{settings.ADMIN_URL}core/feedback/"),
        (admin, f"/{settings.ADMIN_URL}core/caseregisterentry/"),
        (admin, f"/{settings.ADMIN_URL}terminarz/"),
    ]
    print(f"{'page':45} {'median ms':>10} {'p95 ms':>10}")
    for client, path in targets:
        median, p95 = get_timings(client, path, args.repeat)
        print(f"{path:45} {median:10.1f} {p95:10.1f}")


if __name__ == "__main__":
    main()
