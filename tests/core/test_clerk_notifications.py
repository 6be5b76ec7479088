"""Clerks' notifications through the outbox (issue 16, point 3): the section's inbox hears of a new case and of an
applicant's reply; each clerk gets a morning digest of their deadlines once a day; an overdue deadline reaches the
head of department once, after the section's number of working days (core.notifications).

Dates are read off the 2026 calendar: 24–26 December are statutory days off (Wigilia from 2025), 27 is a Sunday.
"""

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from core.deadlines import OpenDeadline
from core.models import CaseMessage, DeadlineDigest, DepartmentProfile, Feedback, OutboxMessage, SectionSettings
from core.notifications import deadline_digests_send, deadline_escalations_send, escalation_due
from core.roles import HEAD_OF_DEPARTMENT_GROUP
from core.services import case_message_add, case_open
from tests.helpers import public_form_data

WARSAW = ZoneInfo("Europe/Warsaw")
SITE_SECTION = "Redakcja portalu"  # the section whose clerks answer opinions (core.feedback)
MESSAGE = "Jan Kowalski, ul. Górnicza 5: brakuje godzin otwarcia."


def open_feedback(*, on: date | None = None, handler=None, email="jan.kowalski@example.pl"):
    """An opinion opened on `on` (its answer is due 14 days later, k.p.a. art. 57 § 4 by analogy)."""
    moment = datetime(on.year, on.month, on.day, 10, tzinfo=WARSAW) if on else None
    with time_machine.travel(moment or datetime.now(tz=WARSAW), tick=False):
        case = case_open(case=Feedback(message=MESSAGE, contact_email=email), title="Opinia", acknowledge=False)
    if handler is not None:
        Feedback.objects.filter(pk=case.pk).update(handler=handler)
    return case


def inbox_mails():
    return list(OutboxMessage.objects.filter(to=["redakcja@kultura.example.pl"]).order_by("pk"))


# ------------------------------------------------------------------------------------------------------------------
# The section's inbox
# ------------------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_new_case_is_announced_to_its_sections_inbox_with_mark_kind_and_admin_link(settings):
    settings.SITE_URL = "https://kultura.example.pl"
    SectionSettings.objects.create(section="site", inbox_email="redakcja@kultura.example.pl")

    case = open_feedback()

    [mail] = inbox_mails()
    assert mail.subject == f"Nowa sprawa {case.case_mark}: {case.register_entry.kind.name}"
    assert f"https://kultura.example.pl/admin/core/feedback/{case.pk}/change/" in mail.body_text
    assert case.case_mark in mail.body_html
    for personal in ("Kowalski", "jan.kowalski@example.pl", "Górnicza", case.register_entry.tracking_token):
        assert personal not in mail.body_text
        assert personal not in mail.body_html


@pytest.mark.django_db
def test_no_arrival_mail_without_the_sections_inbox():
    SectionSettings.objects.create(section="site", inbox_email="")
    SectionSettings.objects.create(section="press", inbox_email="prasa@kultura.example.pl")

    open_feedback(email="")

    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_an_applicants_reply_is_announced_to_the_inbox_and_a_clerks_message_is_not():
    case = open_feedback()
    SectionSettings.objects.create(section="site", inbox_email="redakcja@kultura.example.pl")

    case_message_add(case=case, body="Dziękuję, dołączam zdjęcie tablicy.", author_kind=CaseMessage.Author.APPLICANT)
    case_message_add(case=case, body="Poprawiliśmy godziny.", author_kind=CaseMessage.Author.CLERK)

    [mail] = inbox_mails()
    assert mail.subject == f"Wnioskodawca odpowiedział w sprawie {case.case_mark}"
    assert "/admin/core/feedback/" in mail.body_text
    assert "tablicy" not in mail.body_text
    # The clerk's message goes to the applicant only.
    assert OutboxMessage.objects.filter(to=["jan.kowalski@example.pl"]).count() == 1


@pytest.mark.django_db
def test_a_reply_from_the_tracking_page_reaches_the_inbox(client):
    case = open_feedback()
    SectionSettings.objects.create(section="site", inbox_email="redakcja@kultura.example.pl")
    token = case.register_entry.tracking_token

    response = client.post(f"/sprawy/{token}/", public_form_data(body="Czy jest już odpowiedź?"))

    assert response.status_code == 302
    [mail] = inbox_mails()
    assert case.case_mark in mail.subject


# ------------------------------------------------------------------------------------------------------------------
# The morning digest
# ------------------------------------------------------------------------------------------------------------------


@pytest.fixture
def clerk(make_clerk):
    return make_clerk(groups=[SITE_SECTION], email="anna.nowak@um.rudaslaska.pl", first_name="Anna", last_name="Nowak")


@pytest.mark.django_db
def test_the_digest_lists_overdue_today_and_this_weeks_deadlines_without_the_applicants_data(clerk, make_clerk):
    overdue = open_feedback(on=date(2026, 11, 23), handler=clerk)  # due Mon 7 Dec
    today = open_feedback(on=date(2026, 11, 30), handler=clerk)  # due Mon 14 Dec
    week = open_feedback(on=date(2026, 12, 1), handler=clerk)  # due Tue 15 Dec
    later = open_feedback(on=date(2026, 12, 10), handler=clerk)  # 24 Dec, days off to Sunday: due Mon 28 Dec
    someone_elses = open_feedback(on=date(2026, 11, 30), handler=make_clerk(groups=[SITE_SECTION]))

    with time_machine.travel(datetime(2026, 12, 14, 6, 45, tzinfo=WARSAW), tick=False):
        assert deadline_digests_send() == 1

    [mail] = OutboxMessage.objects.filter(to=[clerk.email])
    assert mail.subject == "Twoje terminy na 14.12.2026"
    text = mail.body_text
    assert text.index("Po terminie") < text.index(overdue.case_mark) < text.index("Na dziś")
    assert text.index("Na dziś") < text.index(today.case_mark) < text.index("W ciągu 7 dni")
    assert text.index("W ciągu 7 dni") < text.index(week.case_mark)
    assert "07.12.2026" in text
    assert "15.12.2026" in text
    assert "odpowiedź na opinię: 14 dni" in text
    assert later.case_mark not in text
    assert someone_elses.case_mark not in text
    assert "Kowalski" not in text
    assert "Kowalski" not in mail.body_html
    assert f"/admin/core/feedback/{today.pk}/change/" in mail.body_html


@pytest.mark.django_db
def test_the_digest_is_sent_once_a_day_and_only_to_clerks_with_deadlines(clerk, make_clerk):
    make_clerk(groups=[SITE_SECTION], email="bez.terminow@um.rudaslaska.pl")
    open_feedback(on=date(2026, 11, 30), handler=clerk)

    out = io.StringIO()
    call_command("send_deadline_notices", "--date", "2026-12-14", stdout=out)
    call_command("send_deadline_notices", "--date", "2026-12-14", stdout=out)

    assert OutboxMessage.objects.count() == 1
    assert OutboxMessage.objects.get().to == [clerk.email]
    assert DeadlineDigest.objects.get().items == 1
    assert "digests=1" in out.getvalue()
    assert "digests=0" in out.getvalue()
    # The next working morning brings the next digest (the deadline is overdue by then).
    call_command("send_deadline_notices", "--date", "2026-12-15", stdout=io.StringIO())
    assert OutboxMessage.objects.filter(subject="Twoje terminy na 15.12.2026").count() == 1


@pytest.mark.django_db
def test_no_digest_on_a_day_off_nor_for_a_clerk_who_may_not_see_the_deadline(clerk, make_clerk):
    open_feedback(on=date(2026, 11, 30), handler=clerk)
    open_feedback(on=date(2026, 11, 30), handler=make_clerk(groups=[], email="bez.uprawnien@um.rudaslaska.pl"))

    out = io.StringIO()
    call_command("send_deadline_notices", "--date", "2026-12-24", stdout=out)  # Wigilia
    assert "not a working day" in out.getvalue()
    assert not OutboxMessage.objects.exists()

    call_command("send_deadline_notices", "--date", "2026-12-14", stdout=io.StringIO())
    assert [mail.to for mail in OutboxMessage.objects.all()] == [[clerk.email]]


# ------------------------------------------------------------------------------------------------------------------
# Escalation to the head of department
# ------------------------------------------------------------------------------------------------------------------


def deadline(due: date, section="site") -> OpenDeadline:
    return OpenDeadline(due_date=due, title="", case_mark="", url="/x/", section=section, handler_id=None, rule="r")


@pytest.mark.parametrize(
    ("today", "working_days", "expected"),
    [
        # Due on Wednesday 23 December 2026; 24–27 December are days off.
        (date(2026, 12, 23), 0, False),
        (date(2026, 12, 24), 0, True),
        (date(2026, 12, 28), 1, False),
        (date(2026, 12, 29), 1, True),
        (date(2026, 12, 30), 3, False),
        (date(2026, 12, 31), 3, True),
    ],
)
def test_escalation_counts_working_days_after_the_due_date(today, working_days, expected):
    assert escalation_due(deadline(date(2026, 12, 23)), working_days, today) is expected


@pytest.fixture
def head(make_clerk):
    return make_clerk(groups=[HEAD_OF_DEPARTMENT_GROUP], email="naczelnik@um.rudaslaska.pl")


@pytest.mark.django_db
def test_an_overdue_deadline_reaches_the_head_after_the_sections_working_days_once(clerk, head):
    case = open_feedback(on=date(2026, 12, 9), handler=clerk)  # due Wed 23 Dec

    for day in ("2026-12-23", "2026-12-28", "2026-12-29", "2026-12-30"):
        call_command("send_deadline_notices", "--date", day, stdout=io.StringIO())
    assert not OutboxMessage.objects.filter(to=[head.email]).exists()

    call_command("send_deadline_notices", "--date", "2026-12-31", stdout=io.StringIO())
    call_command("send_deadline_notices", "--date", "2027-01-04", stdout=io.StringIO())

    [mail] = OutboxMessage.objects.filter(to=[head.email])
    assert mail.subject == "Terminy po czasie: 1"
    assert case.case_mark in mail.body_text
    assert "8 dni po terminie" in mail.body_text
    assert "Anna Nowak" in mail.body_text
    assert "Redakcja portalu" in mail.body_text
    assert "Kowalski" not in mail.body_text


@pytest.mark.django_db
def test_the_sections_setting_shortens_the_wait(clerk, head):
    SectionSettings.objects.create(section="site", escalation_after_working_days=1)
    open_feedback(on=date(2026, 12, 9), handler=clerk)  # due Wed 23 Dec

    assert deadline_escalations_send(today=date(2026, 12, 28)) == 0
    assert deadline_escalations_send(today=date(2026, 12, 29)) == 1
    assert deadline_escalations_send(today=date(2026, 12, 30)) == 0


@pytest.mark.django_db
def test_without_a_head_with_an_address_the_departments_address_is_told(clerk):
    DepartmentProfile.objects.create(
        name="Wydział Kultury",
        head_name="Krzysztof Piecha",
        address="pl. Jana Pawła II 6",
        phone="32 244 90 00",
        email="kultura@um.rudaslaska.pl",
    )
    open_feedback(on=date(2026, 12, 9), handler=clerk)

    assert deadline_escalations_send(today=date(2026, 12, 31)) == 1
    assert OutboxMessage.objects.filter(to=["kultura@um.rudaslaska.pl"]).count() == 1


@pytest.mark.django_db
def test_the_digests_queries_do_not_grow_with_a_clerks_deadlines(clerk):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for day, total in ((date(2026, 12, 14), 2), (date(2026, 12, 15), 12)):
        while Feedback.objects.filter(handler=clerk).count() < total:
            open_feedback(on=date(2026, 11, 30), handler=clerk)
        with CaptureQueriesContext(connection) as queries:
            assert deadline_digests_send(today=day) == 1
        counts.append(len(queries))
    assert counts[0] == counts[1]
