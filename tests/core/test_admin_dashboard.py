"""The clerk's dashboard (Pulpit), the admin's home page: what each role sees, and what it costs the database.

A case type is the clerk's when the clerk may view its model (a section's group) or the list of cases (the
Kancelaria wydziału, the head of department); the deadlines follow the Terminarz's rule. The cases are opened as
their applicants open them (the kernel's `case_open`, the mass-events factory through its service).
"""

import re
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core import deadlines
from core.deadlines import OpenDeadline, RegisteredSource
from core.models import CaseMessage, CaseRegisterEntry, Feedback
from core.roles import HEAD_OF_DEPARTMENT_GROUP
from core.services import case_message_add, case_open, case_take, transition_perform
from tests.mass_events.factories import EventNotificationFactory

URL = reverse("admin:index")
MODULES_URL = reverse("admin:module_index")
EDITORS = "Redakcja portalu"
EVENTS = "Wydarzenia i imprezy masowe"
CASEWORK = "Kancelaria wydziału"
APPLICANT = "Jadwiga Nowakowska"


def open_opinion(message: str = "Proszę o dłuższe godziny otwarcia czytelni.", email: str = "") -> Feedback:
    return case_open(case=Feedback(message=message, contact_email=email), title="Opinia o portalu", acknowledge=False)


def dashboard(client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def section(page: str, heading_id: str) -> str:
    """The HTML of the dashboard's panel whose heading has `heading_id`."""
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', page, re.S)
    assert match, f"no panel {heading_id}"
    return match.group(0)


@pytest.fixture
def notification(db):
    """A notification of an artistic event from Ewa Zielińska, just received (the events section's case)."""
    return EventNotificationFactory()


@pytest.fixture
def opinion(db):
    """A resident's opinion, just received (the portal editors' case)."""
    return open_opinion()


def test_anonymous_visitors_are_sent_to_the_login_page(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert response.url == f"{reverse('admin:login')}?next={URL}"


def test_the_home_page_is_the_dashboard_and_every_module_is_one_click_away(clerk_client, opinion):
    client = clerk_client(groups=[EDITORS])
    page = dashboard(client)

    assert "<h1>Pulpit</h1>" in page
    assert f'<a href="{MODULES_URL}">Wszystkie moduły</a>' in page
    assert 'id="nav-sidebar"' in page  # the sidebar still lists the modules
    modules = client.get(MODULES_URL)
    assert modules.status_code == 200
    assert "<h1>Wszystkie moduły</h1>" in modules.content.decode()
    assert any(app["app_label"] == "core" for app in modules.context["app_list"])


def test_a_staff_member_without_groups_sees_no_case(clerk_client, opinion, notification):
    page = dashboard(clerk_client())

    assert "Twoje grupy nie dają Ci żadnego rodzaju spraw." in page
    assert opinion.case_mark not in page
    assert notification.case_mark not in page
    assert "Ewa Zielińska" not in page


def test_an_employee_who_is_no_clerk_finds_the_city_hall_librarys_catalogue_from_the_dashboard(clerk_client, db):
    page = dashboard(clerk_client())

    assert f'<a href="{reverse("library:catalogue")}">Biblioteka urzędu: katalog i moje wypożyczenia</a>' in page


def test_a_section_clerk_sees_the_new_cases_of_the_sections_case_types_only(clerk_client, opinion, notification):
    editors = section(dashboard(clerk_client(groups=[EDITORS])), "dashboard-new")
    events = section(dashboard(clerk_client(groups=[EVENTS])), "dashboard-new")

    change = reverse("admin:core_feedback_change", args=[opinion.pk])
    assert f'<a href="{change}" class="clerk-dashboard__mark">{opinion.case_mark}</a>' in editors
    assert notification.case_mark not in editors
    notification_change = reverse("admin:mass_events_eventnotification_change", args=[notification.pk])
    assert f'href="{notification_change}"' in events
    assert "Miejskie Centrum Kultury im. Henryka Bisty — Ewa Zielińska" in events
    assert opinion.case_mark not in events


@pytest.mark.parametrize("group", [HEAD_OF_DEPARTMENT_GROUP, CASEWORK])
def test_the_head_of_department_and_the_kancelaria_see_every_case_type(clerk_client, opinion, notification, group):
    page = dashboard(clerk_client(groups=[group]))
    new = section(page, "dashboard-new")

    assert opinion.case_mark in new
    assert notification.case_mark in new
    statuses = section(page, "dashboard-statuses")
    assert "<caption>Opinie (1)</caption>" in statuses
    assert "<button" not in new  # nothing to do from the dashboard: it is read-only


def test_a_section_clerk_is_offered_to_take_a_new_case_and_the_head_only_looks(clerk_client, opinion):
    """ "Przyjmij" posts to the admin's take view for a clerk who may handle the case type, and comes back here."""
    take = reverse("admin:core_case_take", args=[ContentType.objects.get_for_model(Feedback).pk, opinion.pk])

    editors = section(dashboard(clerk_client(groups=[EDITORS])), "dashboard-new")
    head = section(dashboard(clerk_client(groups=[HEAD_OF_DEPARTMENT_GROUP])), "dashboard-new")

    assert f'<form method="post" action="{take}"' in editors
    assert f'<input type="hidden" name="next" value="{URL}">' in editors
    assert f'Przyjmij<span class="visually-hidden"> {opinion.case_mark}</span></button>' in editors
    assert opinion.case_mark in head
    assert "<button" not in head


def test_a_case_taken_from_the_dashboard_moves_from_the_new_cases_to_mine(clerk_client, opinion):
    client = clerk_client(groups=[EDITORS])
    take = reverse("admin:core_case_take", args=[ContentType.objects.get_for_model(Feedback).pk, opinion.pk])

    response = client.post(take, {"next": URL}, follow=True)

    assert response.redirect_chain == [(URL, 302)]
    page = response.content.decode()
    assert opinion.case_mark not in section(page, "dashboard-new")
    assert opinion.case_mark in section(page, "dashboard-mine")
    Feedback.objects.get(pk=opinion.pk, handler=client.clerk)


def test_the_kancelaria_is_led_to_the_cases_line_in_the_list_of_cases(clerk_client, opinion):
    page = dashboard(clerk_client(groups=[CASEWORK]))

    line = reverse("admin:core_caseregisterentry_change", args=[opinion.register_entry_id])
    assert f'<a href="{line}" class="clerk-dashboard__mark">{opinion.case_mark}</a>' in page


def test_a_case_leaves_the_new_cases_once_someone_handles_it_and_is_then_the_handlers(clerk_client, make_clerk, db):
    waiting, handled, colleagues, moved = (open_opinion(text) for text in ("Pierwsza", "Druga", "Trzecia", "Czwarta"))
    client = clerk_client(groups=[EDITORS])
    colleague = make_clerk(groups=[EDITORS])
    case_take(case=handled, acting_user=client.clerk)
    case_take(case=colleagues, acting_user=colleague)
    transition_perform(obj=moved, name="take", acting_user=colleague)  # "in progress": no longer as it arrived

    page = dashboard(client)
    new, mine = section(page, "dashboard-new"), section(page, "dashboard-mine")

    assert waiting.case_mark in new
    assert handled.case_mark not in new
    assert colleagues.case_mark not in new
    assert moved.case_mark not in new
    assert 'Nowe sprawy <span class="clerk-dashboard__count">(1)</span>' in page
    assert handled.case_mark in mine
    assert colleagues.case_mark not in mine
    assert waiting.case_mark not in mine


def test_a_closed_case_is_neither_new_nor_mine(clerk_client, db):
    client = clerk_client(groups=[EDITORS])
    case = case_take(case=open_opinion(), acting_user=client.clerk)
    transition_perform(obj=case, name="answer", acting_user=client.clerk)

    page = dashboard(client)

    assert case.case_mark not in section(page, "dashboard-new")
    assert case.case_mark not in section(page, "dashboard-mine")


def test_a_reply_is_listed_until_the_department_answers_it(clerk_client, db):
    client = clerk_client(groups=[EDITORS])
    answered, waiting = open_opinion("Pytanie pierwsze"), open_opinion("Pytanie drugie")
    for case in (answered, waiting):
        case_message_add(case=case, body="Dziękujemy, odpowiemy.", author_kind=CaseMessage.Author.CLERK)
        case_message_add(case=case, body="Czy są już godziny?", author_kind=CaseMessage.Author.APPLICANT)
    case_message_add(case=answered, body="Tak: do 20.00.", author_kind=CaseMessage.Author.CLERK)

    replies = section(dashboard(client), "dashboard-replies")

    assert waiting.case_mark in replies
    assert answered.case_mark not in replies
    assert "(1)" in replies


def test_replies_of_other_sections_are_not_shown(clerk_client, notification):
    case_message_add(case=notification, body="Dosyłam program.", author_kind=CaseMessage.Author.APPLICANT)

    assert notification.case_mark not in section(dashboard(clerk_client(groups=[EDITORS])), "dashboard-replies")
    assert notification.case_mark in section(dashboard(clerk_client(groups=[EVENTS])), "dashboard-replies")


def _deadline(days: int, title: str) -> OpenDeadline:
    return OpenDeadline(
        due_date=timezone.localdate() + timedelta(days=days),
        title=title,
        case_mark=f"KSP.0000.{abs(days)}.2026",
        url="/admin/core/feedback/",
        section="site",
        handler_id=None,
        rule="test",
    )


def test_the_deadlines_overdue_today_and_in_the_next_seven_days(clerk_client, monkeypatch, db):
    rows = [
        _deadline(-3, "Spóźniony"),
        _deadline(0, "Dzisiejszy"),
        _deadline(7, "Za tydzień"),
        _deadline(8, "Później"),
    ]
    monkeypatch.setattr(deadlines, "_sources", {"test": RegisteredSource(read=lambda: rows, model="core.feedback")})

    panel = section(dashboard(clerk_client(groups=[EDITORS])), "dashboard-deadlines")
    hidden = section(dashboard(clerk_client(groups=[EVENTS])), "dashboard-deadlines")

    counts = re.findall(r'clerk-dashboard__number">(\d+)</span>', panel)
    assert counts == ["1", "1", "1"]
    assert "Spóźniony" in panel
    assert "3 dni po terminie" in panel
    assert "Dzisiejszy" in panel
    assert "Za tydzień" in panel
    assert "Później" not in panel
    assert f'href="{reverse("admin:core_deadline_list")}"' in panel
    assert re.findall(r'clerk-dashboard__number">(\d+)</span>', hidden) == ["0", "0", "0"]
    assert "Spóźniony" not in hidden


def test_counts_per_status_and_per_month_with_the_chart_and_its_table(clerk_client, db):
    client = clerk_client(groups=[EDITORS])
    cases = [open_opinion(f"Opinia {n}") for n in range(3)]
    transition_perform(obj=cases[0], name="take", acting_user=client.clerk)
    two_months_ago = timezone.now() - timedelta(days=62)
    CaseRegisterEntry.objects.filter(pk=cases[2].register_entry_id).update(opened_at=two_months_ago)

    page = dashboard(client)

    statuses = section(page, "dashboard-statuses")
    changelist = reverse("admin:core_feedback_changelist")
    assert re.search(rf'<a href="{changelist}\?status__exact=new">[^<]+</a></th>\s*<td[^>]*>2</td>', statuses)
    assert re.search(rf'<a href="{changelist}\?status__exact=in_progress">[^<]+</a></th>\s*<td[^>]*>1</td>', statuses)
    months = section(page, "dashboard-months")
    assert months.count("<rect ") == 12
    figures = re.findall(r'<tr><th scope="row">[^<]+</th><td class="clerk-dashboard__figure">(\d+)</td></tr>', months)
    assert len(figures) == 12
    assert figures[-1] == "2"
    assert sum(map(int, figures)) == 3
    assert 'role="img"' in months


def test_the_dashboard_carries_no_inline_style(clerk_client, opinion):
    """The admin's CSP has no 'unsafe-inline': the layout is a static stylesheet, the chart's geometry attributes."""
    page = dashboard(clerk_client(groups=[HEAD_OF_DEPARTMENT_GROUP]))
    main = re.search(r'<div id="content-main".*', page, re.S).group(0)

    assert " style=" not in main
    assert "<style" not in page
    assert "<script" not in main


def _open_opinions(count: int, clerk) -> None:
    """`count` opinions, every third taken by `clerk`, every second with the resident's unanswered question."""
    for n in range(count):
        case = open_opinion(f"Opinia numer {n} o kulturze", email=f"mieszkaniec{n}@example.pl")
        if n % 3 == 0:
            case_take(case=case, acting_user=clerk)
        if n % 2 == 0:
            case_message_add(case=case, body="Czy coś już wiadomo?", author_kind=CaseMessage.Author.APPLICANT)


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


def test_the_number_of_queries_is_the_same_for_10_and_1000_cases(clerk_client, notification):
    """The head of department (here also a portal editor, who takes opinions) sees every case type."""
    client = clerk_client(groups=[HEAD_OF_DEPARTMENT_GROUP, EDITORS])
    _open_opinions(10, client.clerk)
    client.get(URL)  # the first request fills the caches every request has (content types, permissions)
    with_ten = _queries(client)

    _open_opinions(990, client.clerk)
    with_thousand = _queries(client)

    assert with_ten == with_thousand
    # Session, permissions and the dashboard's own panels, then one or two per Terminarz source (apps add sources).
    assert with_thousand <= 15 + 2 * len(deadlines.deadline_sources())
    page = dashboard(client)
    # 1000 opinions, every third handled by the clerk, every second with a question; and the notification.
    assert 'Nowe sprawy <span class="clerk-dashboard__count">(667)</span>' in page
    assert 'Moje sprawy <span class="clerk-dashboard__count">(334)</span>' in page
    assert '<span class="clerk-dashboard__count">(500)</span>' in section(page, "dashboard-replies")
    assert "Pokazano 8 z 667 spraw." in page
