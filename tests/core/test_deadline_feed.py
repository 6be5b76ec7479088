"""A clerk's private iCalendar of their own deadlines (issue 16, point 3): a revocable token link made in the admin,
only its hash kept, no applicant's data in the calendar, 404 once revoked, never cached (core.notifications)."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
import time_machine
from django.urls import reverse

from core.models import DeadlineFeed, Feedback
from core.models.notifications import feed_token_hash
from core.notifications import deadline_feed_create
from core.services import case_open

WARSAW = ZoneInfo("Europe/Warsaw")
SITE_SECTION = "Redakcja portalu"
FEED_PAGE = reverse("admin:core_deadline_feed")


def open_feedback(*, on: date, handler):
    with time_machine.travel(datetime(on.year, on.month, on.day, 10, tzinfo=WARSAW), tick=False):
        case = case_open(
            case=Feedback(message="Jan Kowalski: brakuje godzin otwarcia.", contact_email="jan@example.pl"),
            title="Opinia",
            acknowledge=False,
        )
    Feedback.objects.filter(pk=case.pk).update(handler=handler)
    return case


def feed_path(token: str) -> str:
    return reverse("core:deadline_feed", kwargs={"token": token})


@pytest.mark.django_db
def test_the_feed_lists_the_clerks_deadlines_as_all_day_events_without_the_applicants_data(client, make_clerk):
    clerk = make_clerk(groups=[SITE_SECTION], first_name="Anna", last_name="Nowak")
    mine = open_feedback(on=date(2026, 12, 9), handler=clerk)  # answer due Wed 23 Dec 2026
    other = open_feedback(on=date(2026, 12, 9), handler=make_clerk(groups=[SITE_SECTION]))
    token = deadline_feed_create(acting_user=clerk)

    response = client.get(feed_path(token))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Terminy: Anna Nowak"
    [event] = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == date(2026, 12, 23)
    assert event.decoded("DTEND") == date(2026, 12, 24)
    assert str(event["SUMMARY"]) == f"Termin: {mine.case_mark} — {mine.register_entry.kind.name}"
    assert "Podstawa: odpowiedź na opinię: 14 dni" in str(event["DESCRIPTION"])
    body = response.content.decode()
    assert other.case_mark not in body
    assert "Kowalski" not in body
    assert "jan@example.pl" not in body
    assert "/admin/" not in body


@pytest.mark.django_db
def test_only_the_hash_of_the_token_is_stored_and_a_revoked_or_replaced_link_answers_404(client, make_clerk):
    clerk = make_clerk(groups=[SITE_SECTION])
    first = deadline_feed_create(acting_user=clerk)
    assert DeadlineFeed.objects.get().token_hash == feed_token_hash(first)
    assert first not in DeadlineFeed.objects.get().token_hash

    second = deadline_feed_create(acting_user=clerk)
    assert client.get(feed_path(first)).status_code == 404
    assert client.get(feed_path(second)).status_code == 200

    DeadlineFeed.objects.all().delete()
    assert client.get(feed_path(second)).status_code == 404
    assert client.get(feed_path("nie-ma-takiego-tokenu")).status_code == 404


@pytest.mark.django_db
def test_a_deactivated_clerks_link_stops_working(client, make_clerk):
    clerk = make_clerk(groups=[SITE_SECTION])
    token = deadline_feed_create(acting_user=clerk)
    clerk.is_active = False
    clerk.save(update_fields=["is_active"])

    assert client.get(feed_path(token)).status_code == 404


@pytest.mark.django_db
def test_a_clerk_makes_sees_once_and_revokes_only_their_own_link(clerk_client, make_clerk):
    colleague = make_clerk(groups=[SITE_SECTION])
    colleagues_token = deadline_feed_create(acting_user=colleague)
    client = clerk_client(groups=[SITE_SECTION])

    page = client.get(FEED_PAGE)
    assert page.status_code == 200
    assert "Nie masz linku do kalendarza." in page.content.decode()

    made = client.post(FEED_PAGE, {"action": "create"})
    assert "no-store" in made["Cache-Control"]
    [url] = re.findall(r'value="(http[^"]+\.ics)"', made.content.decode())
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    assert DeadlineFeed.objects.get(user=client.clerk).token_hash == feed_token_hash(token)
    # Shown once: the next visit says a link exists but cannot show it.
    again = client.get(FEED_PAGE).content.decode()
    assert token not in again
    assert "Masz link do kalendarza" in again

    client.post(FEED_PAGE, {"action": "revoke"})
    assert not DeadlineFeed.objects.filter(user=client.clerk).exists()
    assert DeadlineFeed.objects.get(user=colleague).token_hash == feed_token_hash(colleagues_token)


@pytest.mark.django_db
def test_the_feed_page_is_closed_to_anonymous_visitors(client):
    response = client.get(FEED_PAGE)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert not client.post(FEED_PAGE, {"action": "create"}).status_code == 200
    assert not DeadlineFeed.objects.exists()


@pytest.mark.django_db
def test_the_feed_reads_the_same_number_of_queries_for_2_and_20_deadlines(client, make_clerk):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    clerk = make_clerk(groups=[SITE_SECTION])
    token = deadline_feed_create(acting_user=clerk)
    counts = []
    for total in (2, 20):
        while Feedback.objects.filter(handler=clerk).count() < total:
            open_feedback(on=date(2026, 12, 9), handler=clerk)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(feed_path(token))
        assert response.content.count(b"BEGIN:VEVENT") == total
        counts.append(len(queries))
    assert counts[0] == counts[1]
