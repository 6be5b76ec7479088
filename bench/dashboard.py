"""Time the clerk's dashboard (the admin's home page) against admin changelists, with cases seeded by the services.

The demo content (`seed_demo`: every app's demo cases), then `--cases` residents' opinions opened by `case_open`: a
third taken by a portal editor, half with the resident's question not answered yet. Each page is requested once to
warm up, once to count its queries and `--repeat` times to time it (Django's test client, no server). See
bench/README.md and docs/performance.md ("The clerk's dashboard").
"""

import argparse
import contextlib
import logging
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import bench_database, get_timings  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--reuse", action="store_true", help="time the database seeded by the last run again")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "culture_dept.settings")
    os.environ.setdefault("DJANGO_DEBUG", "true")
    os.environ.setdefault("DJANGO_OTP_REQUIRED", "false")
    bench_database("dashboard", reuse=args.reuse)

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from core.models import CaseMessage, CaseRegisterEntry, Feedback

    settings.ALLOWED_HOSTS = ["*"]
    logging.disable(logging.INFO)  # the outbox's and the sign-ins' lines
    users = get_user_model().objects
    if not args.reuse:
        # The console mailer prints every acknowledgement and message of the demo's cases.
        with open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull):
            seed(args.cases)
    head = users.get(username="urzednik")  # the demo clerk: every section's group and the head of department's
    editor = users.get(username="redaktor")
    print(
        f"{CaseRegisterEntry.objects.count()} cases, {Feedback.objects.count()} of them opinions, "
        f"{CaseMessage.objects.count()} messages ({connection.vendor})"
    )

    admin = f"/{settings.ADMIN_URL}"
    targets = [
        ("head of department", head, admin),
        ("portal editor", editor, admin),
        ("head of department", head, f"{admin}moduly/"),
        ("head of department", head, f"{admin}events/event/"),
        ("portal editor", editor, f"{admin}core/feedback/"),
        ("head of department", head, f"{admin}core/caseregisterentry/"),
        ("head of department", head, f"{admin}terminarz/"),
    ]
    print(f"{'page':32} {'as':20} {'queries':>8} {'median ms':>10} {'p95 ms':>10}")
    for role, user, path in targets:
        client = Client()
        client.force_login(user)
        assert client.get(path).status_code == 200, path  # warm: templates compiled, caches filled
        reset_queries()  # DEBUG keeps a log of every query; count only this request's
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        median, p95 = get_timings(client, path, args.repeat)
        print(f"{path:32} {role:20} {len(queries):8} {median:10.1f} {p95:10.1f}")


def seed(cases: int) -> None:
    """Migrate, load the demo, then open `cases` opinions through the services (see the module's docstring)."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from core.models import CaseMessage, Feedback
    from core.roles import SECTIONS
    from core.services import case_message_add, case_open, case_take

    call_command("migrate", verbosity=0)
    call_command("seed_demo")
    users = get_user_model().objects
    editor = users.create_user("redaktor", is_staff=True)
    editor.groups.set(users.get(username="urzednik").groups.filter(name=SECTIONS[0].group_name))
    started = time.perf_counter()
    for n in range(cases):
        case = case_open(
            case=Feedback(message=f"Opinia numer {n} o kulturze", contact_email=f"mieszkaniec{n}@example.pl"),
            title="Opinia o portalu",
            acknowledge=False,
        )
        if n % 3 == 0:  # a third taken by the portal's editor
            case_take(case=case, acting_user=editor)
        if n % 2 == 0:  # half with the resident's question not answered yet
            case_message_add(case=case, body="Czy coś już wiadomo?", author_kind=CaseMessage.Author.APPLICANT)
    print(f"seeded {cases} opinions in {time.perf_counter() - started:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
