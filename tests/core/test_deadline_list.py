"""The Terminarz: open deadlines by due date, filtered and paginated; who sees which: test_deadline_permissions."""

from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission, User
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext, pgettext

from core import deadlines
from core.deadlines import OpenDeadline, register_deadline_source, unregister_deadline_source

URL = "/admin/terminarz/"
OVERDUE_CLASS = "deadline-list__row--overdue"


class _TableRows(HTMLParser):
    """Collects the body rows of the page's table as (classes, text)."""

    def __init__(self):
        super().__init__()
        self.rows: list[tuple[set[str], str]] = []
        self._in_body = False
        self._row: tuple[set[str], list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tbody":
            self._in_body = True
        elif tag == "tr" and self._in_body:
            self._row = (set((dict(attrs).get("class") or "").split()), [])

    def handle_endtag(self, tag):
        if tag == "tbody":
            self._in_body = False
        elif tag == "tr" and self._row is not None:
            self.rows.append((self._row[0], " ".join(" ".join(self._row[1]).split())))
            self._row = None

    def handle_data(self, data):
        if self._row is not None:
            self._row[1].append(data)


def rows(response) -> list[tuple[set[str], str]]:
    parser = _TableRows()
    parser.feed(response.content.decode())
    return parser.rows


@pytest.fixture(autouse=True)
def _only_test_sources(monkeypatch):
    """Start from an empty registry, so that the apps' own sources do not change what the page shows."""
    monkeypatch.setattr(deadlines, "_sources", {})


#: The model the test sources are registered for: a clerk sees their deadlines with its view permission.
SOURCE_MODEL = "core.feedback"


@pytest.fixture
def clerk(db):
    clerk = User.objects.create_user(
        "anna.nowak", password="correct-horse-battery", is_staff=True, first_name="Anna", last_name="Nowak"
    )
    clerk.user_permissions.add(Permission.objects.get(content_type__app_label="core", codename="view_feedback"))
    return clerk


@pytest.fixture
def other_clerk(db):
    return User.objects.create_user(
        "jan.kowalski", password="correct-horse-battery", is_staff=True, first_name="Jan", last_name="Kowalski"
    )


def staff_login(client, user):
    """Sign `user` in as the admin does: a session and, when the admin requires it, a verified second factor."""
    client.force_login(user)
    if not getattr(settings, "OTP_REQUIRED", False):
        return
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture
def clerk_client(client, clerk):
    staff_login(client, clerk)
    return client


def _deadline(days_from_today, title, *, section, handler=None, case_mark="KU.0000.1.2026"):
    return OpenDeadline(
        due_date=timezone.localdate() + timedelta(days=days_from_today),
        title=title,
        case_mark=case_mark,
        url=f"/admin/sprawa/{title}/",
        section=section,
        handler_id=handler.pk if handler else None,
        rule="art. 29 ust. 1 u.b.i.m.",
    )


@pytest.fixture
def source(clerk, other_clerk):
    """Four deadlines, registered out of order: overdue, today, in 10 days, in 40 days."""
    items = [
        _deadline(40, "Sprawozdanie z dotacji", section="grants", handler=clerk, case_mark="KU.524.3.2026"),
        _deadline(0, "Sprostowanie — Gazeta Rudzka", section="press", handler=other_clerk, case_mark="KU.0430.2.2026"),
        _deadline(-3, "Zezwolenie — Dni Rudy", section="events", handler=clerk, case_mark="KU.5311.1.2026"),
        _deadline(10, "Zawiadomienie — koncert w parku", section="events", case_mark="KU.5312.4.2026"),
    ]
    register_deadline_source("test", lambda: items, model=SOURCE_MODEL)
    yield items
    unregister_deadline_source("test")


def _row_titles(response):
    # The title is the row header; find it by the known titles to stay independent of cell order.
    known = [
        "Sprawozdanie z dotacji",
        "Sprostowanie — Gazeta Rudzka",
        "Zezwolenie — Dni Rudy",
        "Zawiadomienie — koncert",
    ]
    return [next(title for title in known if title in text) for _classes, text in rows(response)]


def test_the_url_is_named_in_the_admin_namespace():
    assert reverse("admin:core_deadline_list") == URL


@pytest.mark.usefixtures("source")
def test_deadlines_are_listed_by_due_date(clerk_client):
    response = clerk_client.get(URL)

    assert response.status_code == 200
    assert _row_titles(response) == [
        "Zezwolenie — Dni Rudy",
        "Sprostowanie — Gazeta Rudzka",
        "Zawiadomienie — koncert",
        "Sprawozdanie z dotacji",
    ]


@pytest.mark.usefixtures("source")
def test_an_overdue_row_is_marked_by_text_and_class_not_colour_only(clerk_client):
    marker = pgettext("deadline status", "overdue")

    response = clerk_client.get(URL)

    (overdue_classes, overdue_text), *others = rows(response)
    assert "Zezwolenie — Dni Rudy" in overdue_text
    assert OVERDUE_CLASS in overdue_classes
    assert marker in overdue_text
    assert ngettext("(%(days)s day late)", "(%(days)s days late)", 3) % {"days": 3} in overdue_text
    for classes, text in others:
        assert OVERDUE_CLASS not in classes
        assert marker not in text


@pytest.mark.usefixtures("source")
def test_days_left_are_shown(clerk_client):
    response = clerk_client.get(URL)

    texts = [text for _classes, text in rows(response)]
    assert gettext("due today") in texts[1]  # due today is not yet overdue
    assert ngettext("%(days)s day left", "%(days)s days left", 10) % {"days": 10} in texts[2]
    assert ngettext("%(days)s day left", "%(days)s days left", 40) % {"days": 40} in texts[3]


@pytest.mark.usefixtures("source")
def test_the_handler_and_section_are_named(clerk_client):
    response = clerk_client.get(URL)

    texts = [text for _classes, text in rows(response)]
    assert "Anna Nowak" in texts[0]
    assert "Wydarzenia i imprezy masowe" in texts[0]
    assert "Jan Kowalski" in texts[1]
    assert "Biuro prasowe" in texts[1]


@pytest.mark.usefixtures("source")
def test_mine_shows_only_the_logged_in_clerks_deadlines(clerk_client):
    response = clerk_client.get(URL, {"scope": "mine"})

    assert _row_titles(response) == ["Zezwolenie — Dni Rudy", "Sprawozdanie z dotacji"]


@pytest.mark.usefixtures("source")
def test_all_is_the_default_and_shows_everyones_deadlines(clerk_client):
    assert len(rows(clerk_client.get(URL))) == 4
    assert len(rows(clerk_client.get(URL, {"scope": "all"}))) == 4


@pytest.mark.usefixtures("source")
def test_the_section_filter_keeps_one_section(clerk_client):
    response = clerk_client.get(URL, {"section": "events"})

    assert _row_titles(response) == ["Zezwolenie — Dni Rudy", "Zawiadomienie — koncert"]


@pytest.mark.usefixtures("source")
def test_filters_combine(clerk_client):
    response = clerk_client.get(URL, {"scope": "mine", "section": "events"})

    assert _row_titles(response) == ["Zezwolenie — Dni Rudy"]


@pytest.mark.usefixtures("source")
def test_an_unknown_section_is_reported_and_ignored(clerk_client):
    response = clerk_client.get(URL, {"section": "no-such-section"})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert len(rows(response)) == 4


@pytest.mark.usefixtures("source")
def test_a_clerk_with_no_deadlines_of_their_own_sees_an_empty_list(client, db):
    newcomer = User.objects.create_user("ewa.zielinska", password="correct-horse-battery", is_staff=True)
    staff_login(client, newcomer)

    response = client.get(URL, {"scope": "mine"})

    assert response.status_code == 200
    assert rows(response) == []


def test_the_page_is_paginated_by_50_and_keeps_the_filters(clerk_client, clerk):
    items = [_deadline(day, f"Sprawa {day:03d}", section="events", handler=clerk) for day in range(120)]
    register_deadline_source("many", lambda: items, model=SOURCE_MODEL)

    first = clerk_client.get(URL, {"scope": "mine"})
    last = clerk_client.get(URL, {"scope": "mine", "page": 3})

    assert len(rows(first)) == 50
    assert len(rows(last)) == 20
    assert "Sprawa 100" in rows(last)[0][1]
    assert 'href="?scope=mine&amp;page=2"' in first.content.decode()


def test_anonymous_visitors_are_sent_to_the_login_page(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert response.url == f"{reverse('admin:login')}?next={URL}"


def test_users_who_are_not_staff_are_sent_to_the_login_page(client, db):
    resident = User.objects.create_user("mieszkaniec", password="correct-horse-battery")
    client.force_login(resident)

    response = client.get(URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_staff_without_any_permission_see_the_link_on_the_admin_index(clerk_client):
    response = clerk_client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert f'href="{URL}"' in response.content.decode()


def test_the_link_is_not_added_to_an_apps_own_index(client, db):
    admin = User.objects.create_superuser("naczelnik", password="correct-horse-battery")
    staff_login(client, admin)

    response = client.get(reverse("admin:app_list", kwargs={"app_label": "core"}))

    assert response.status_code == 200
    assert [app["app_label"] for app in response.context["app_list"]] == ["core"]
    assert response.context["available_apps"][0]["app_url"] == URL  # the sidebar keeps it


@pytest.mark.parametrize("count", [3, 150])
def test_the_number_of_queries_does_not_grow_with_the_rows(
    clerk_client, clerk, other_clerk, count, django_assert_max_num_queries
):
    handlers = [clerk, other_clerk, None]
    items = [_deadline(day - 5, f"Sprawa {day}", section="events", handler=handlers[day % 3]) for day in range(count)]
    register_deadline_source("many", lambda: items, model=SOURCE_MODEL)

    # Session, user, second-factor device, user and group permissions (app list), the page's handlers in one
    # query, the site shell's department profile: 7, and one spare for shared admin context.
    with django_assert_max_num_queries(8):
        response = clerk_client.get(URL)

    assert response.status_code == 200
