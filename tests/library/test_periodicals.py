"""Periodicals routing: a new issue follows its subscription's routing list in order, the current holder is visible,
and a later change of the list does not rewrite where an issue has been."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from library import services
from library.models import Department, Subscription


@pytest.fixture
def wspolnota(db):
    subscription = Subscription.objects.create(
        title="Wspólnota",
        supplier="Municipium",
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
        cost=Decimal("1188.00"),
    )
    for position, (name, symbol) in enumerate([("Wydział Kultury", "KSP"), ("Biuro Prawne", "BP")], start=1):
        department = Department.objects.create(name=name, symbol=symbol)
        subscription.routing_stops.create(department=department, position=position)
    return subscription


def log(subscription, designation, day):
    return services.issue_log(subscription=subscription, designation=designation, received_on=day, acting_user=None)


def holder(issue):
    stop = issue.routing.filter(passed_on__isnull=True).order_by("position").first()
    return stop.department.symbol if stop else None


def test_an_issue_goes_round_the_list_in_order(wspolnota):
    issue = services.issue_log(
        subscription=wspolnota, designation="3/2026", received_on=date(2026, 3, 2), acting_user=None
    )
    assert holder(issue) == "KSP"
    assert issue.routing.get(position=1).received_on == date(2026, 3, 2)
    following = services.issue_pass_on(issue=issue, acting_user=None, today=date(2026, 3, 4))
    assert (following.department.symbol, following.received_on, holder(issue)) == ("BP", date(2026, 3, 4), "BP")
    assert services.issue_pass_on(issue=issue, acting_user=None, today=date(2026, 3, 9)) is None
    assert holder(issue) is None
    with pytest.raises(services.LibraryError, match="wrócił do biblioteki"):
        services.issue_pass_on(issue=issue, acting_user=None)


def test_an_issue_is_logged_once_and_keeps_its_route(wspolnota):
    issue = services.issue_log(
        subscription=wspolnota, designation="4/2026", received_on=date(2026, 3, 2), acting_user=None
    )
    with pytest.raises(services.LibraryError, match="już zarejestrowany"):
        services.issue_log(
            subscription=wspolnota, designation="4/2026 ", received_on=date(2026, 3, 3), acting_user=None
        )
    wspolnota.routing_stops.all().delete()
    assert [stop.department.symbol for stop in issue.routing.order_by("position")] == ["KSP", "BP"]


def test_the_admin_shows_the_current_holder_and_passes_issues_on(wspolnota, clerk_client):
    from tests.library.factories import LIBRARY_GROUP

    client = clerk_client(groups=[LIBRARY_GROUP])
    response = client.post(
        reverse("admin:library_periodicalissue_add"),
        {"subscription": wspolnota.pk, "designation": "5/2026", "received_on": "2026-03-02"},
    )
    assert response.status_code == 302
    listing = client.get(reverse("admin:library_periodicalissue_changelist")).content.decode()
    assert "KSP — Wydział Kultury" in listing
    issue = wspolnota.issues.get()
    client.post(
        reverse("admin:library_periodicalissue_changelist"), {"action": "pass_on", "_selected_action": [issue.pk]}
    )
    assert holder(issue) == "BP"


def test_a_renewed_subscription_leaves_the_terminarz(wspolnota):
    from core.deadlines import deadline_sources

    source = deadline_sources()["library.subscriptions"]
    assert [row.due_date for row in source.read()] == [date(2026, 12, 1)]
    services.subscription_mark_renewed(subscription=wspolnota, acting_user=None)
    assert list(source.read()) == []
