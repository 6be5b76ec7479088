"""The committee of a scholarship call in Chromium, from its appointment to the Mayor's decision.

A clerk of "Dotacje, stypendia i nagrody" records the Mayor's order appointing the committee on the call's page,
picks its members among staff by name, and gives them the formally correct applications; each member signs in to
the committee's panel, declares impartiality (k.p.a. art. 24) and scores: one declares a conflict on an
application and scores the other. The clerk reads the ranking on the call's page and records the Mayor's order,
which the committee's opinion does not bind (u.o.p.d.k. art. 7b ust. 3; DOMAIN.md §D.2).
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from awards.models import AwardApplication, AwardAssignment, AwardCommittee, AwardCommitteeMember, AwardScore
from core.auth import current_totp_code, new_totp_device
from tests.awards.factories import formal_application, make_call
from tests.conftest import CLERK_PASSWORD
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import clerk_signs_in
from tests.e2e.pages import goto

GRANTS_GROUP = "Dotacje, stypendia i nagrody"
CANDIDATES = ["Marta Zielińska", "Tomasz Kania"]
# (username, first name, last name, role, {candidate: points, or None for a declared conflict})
MEMBERS = [
    ("bkowalczyk", "Barbara", "Kowalczyk", "chair", {"Marta Zielińska": None, "Tomasz Kania": "8"}),
    ("plis", "Piotr", "Lis", "member", {"Marta Zielińska": "7", "Tomasz Kania": "9"}),
]
ORDER = "ZP.0050.250.2026"

pytestmark = pytest.mark.usefixtures("fast_forms")


def staff_without_roles(username, first_name, last_name):
    """A person for the committee: a staff account with a second factor and no role group."""
    user = get_user_model().objects.create_user(
        username=username, password=CLERK_PASSWORD, is_staff=True, first_name=first_name, last_name=last_name
    )
    return user, new_totp_device(user)


def signs_in(new_page, site_url, user, device):
    """Sign in through the clerks' sign-in (password and the app's code), as a committee member does."""
    page = new_page()
    page.goto(site_url + reverse("admin:login"))
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(CLERK_PASSWORD)
    page.locator("#id_otp_token").fill(current_totp_code(device))
    page.locator('#login-form [type="submit"]').click()
    page.wait_for_url(site_url + reverse("admin:index"))
    return page


def appoint(page, search: str, name: str, role: str) -> None:
    """Add a member's row on the call's page and pick the person by typing part of the name."""
    rows = page.locator("#committee_members-group tr.form-row:not(.empty-form)")
    index = rows.count()
    page.locator("#committee_members-group .add-row a").click()
    row = page.locator(f"#committee_members-{index}")
    row.locator(".select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(search)
    page.locator(".select2-results__option", has_text=name).click()
    row.locator(f"#id_committee_members-{index}-role").select_option(role)


def saved(page, button: str = "_continue") -> None:
    """Press the admin form's button and wait for the success message."""
    page.locator(f'input[name="{button}"]').click()
    success, error = page.locator(".messagelist .success"), page.locator(".errornote, .messagelist .error")
    success.or_(error).first.wait_for()
    assert not error.count(), error.all_inner_texts()


def test_a_clerk_appoints_the_committee_members_score_and_the_mayor_decides(site_url, new_page):
    call = make_call(title="Stypendia artystyczne — komisja e2e", slug="stypendia-komisja-e2e")
    applications = {name: formal_application(call, name) for name in CANDIDATES}
    people = {username: staff_without_roles(username, first, last) for username, first, last, *_rest in MEMBERS}
    clerk = clerk_signs_in(new_page, site_url, groups=[GRANTS_GROUP])
    call_page = site_url + reverse("admin:awards_awardcall_change", args=[call.pk])

    # The Mayor's order and the members, on the call's page.
    goto(clerk.page, call_page)
    clerk.page.locator("#committee-group .add-row a").click()
    clerk.page.locator("#id_committee-0-order_number").fill(ORDER)
    clerk.page.locator("#id_committee-0-order_date").fill(timezone.localdate().isoformat())
    for _username, first, last, role, _points in MEMBERS:
        appoint(clerk.page, last[:3], f"{first} {last}", role)
    saved(clerk.page)
    assert AwardCommittee.objects.get(call=call).order_number == ORDER
    assert sorted(AwardCommitteeMember.objects.filter(call=call).values_list("user__username", "role")) == sorted(
        (username, role) for username, _first, _last, role, _points in MEMBERS
    )

    # Every member gets both applications.
    for member in AwardCommitteeMember.objects.filter(call=call):
        for application in applications.values():
            goto(clerk.page, site_url + reverse("admin:awards_awardassignment_add"))
            clerk.page.locator("#id_member").fill(str(member.pk))
            clerk.page.locator("#id_application").fill(str(application.pk))
            saved(clerk.page, "_save")
    assert AwardAssignment.objects.filter(member__call=call).count() == 4

    # Each member declares and scores in the committee's panel; the chair declares a conflict on one application.
    for username, _first, _last, _role, points in MEMBERS:
        page = signs_in(new_page, site_url, *people[username])
        for candidate, value in points.items():
            goto(page, site_url + reverse("awards:committee_panel"))
            assert_no_axe_violations(page)
            page.get_by_role("link", name=applications[candidate].case_mark).click()
            page.locator(f'input[name="has_conflict"][value="{"yes" if value is None else "no"}"]').check()
            page.get_by_role("button", name=gettext("Make the declaration")).click()
            page.get_by_text(gettext("Your declaration has been recorded.")).wait_for()
            if value is None:
                page.get_by_text(
                    gettext("You declared a conflict of interest: you do not score this application.")
                ).wait_for()
                assert page.locator('input[name="points"]').count() == 0
                continue
            page.locator("#id_points").fill(value)
            page.locator("#id_opinion").fill(f"Opinia członka komisji: {value} pkt.")
            assert_no_axe_violations(page)
            page.get_by_role("button", name=gettext("Save the points")).click()
            page.get_by_text(gettext("Your scores have been saved.")).wait_for()
    assert AwardScore.objects.filter(assignment__member__call=call).count() == 3

    # The ranking on the call's page: Tomasz (8 + 9) / 2 = 8.50 before Marta, 7.00 from the one member who voted.
    goto(clerk.page, call_page)
    ranking = clerk.page.locator(".call-ranking tbody tr")
    assert ranking.count() == 2
    first, second = ranking.nth(0).inner_text(), ranking.nth(1).inner_text()
    assert "Tomasz Kania" in first
    assert "8,50" in first
    assert "Marta Zielińska" in second
    assert "7,00" in second

    # The Mayor's order, recorded by the clerk on the application: the committee's opinion does not bind him.
    tomasz = applications["Tomasz Kania"]
    clerk.save_fields(
        tomasz,
        {
            "decision_number": "ZP.0050.321.2026",
            "decision_date": timezone.localdate().isoformat(),
            "granted_amount": "4000",
        },
    )
    clerk.perform(tomasz, gettext("Granted by the Mayor's order"))
    tomasz = AwardApplication.objects.get(pk=tomasz.pk)
    assert tomasz.status == AwardApplication.Status.GRANTED
    assert tomasz.decision_number == "ZP.0050.321.2026"
    # The committee's opinions are on the case's page for the clerk.
    clerk.open_case(tomasz)
    assert "Opinia członka komisji: 9 pkt." in clerk.page.content()
