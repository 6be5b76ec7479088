"""A competition's committee in Chromium, set up by a clerk who holds only the grants role group.

From a call without a committee, after the offers deadline: the clerk closes the call for offers, checks the
offers formally, appoints two members with the picker on the call's page (active staff by name; the user admin
stays closed to the clerk), assigns them the offers; each member signs in, declares impartiality and scores
in the committee's panel (u.d.p.p. art. 15 ust. 1–2d); the clerk reads the ranking on the call's page, sets the
amount granted and publishes the results, which the public results page shows (art. 15 ust. 2h–2j).
"""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from core.auth import current_totp_code, new_totp_device
from grants.models import CommitteeMember, GrantCall, GrantOffer, MeritScore
from tests.conftest import CLERK_PASSWORD
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import clerk_signs_in, published_call
from tests.e2e.pages import goto
from tests.grants.factories import offer_post

GRANTS_GROUP = "Dotacje, stypendia i nagrody"
OFFERORS = ["Stowarzyszenie Miłośników Ziemi Rudzkiej", "Fundacja Śląskie Dziedzictwo"]
# (username, first name, last name, role on the committee, points per criterion for each offer in OFFERORS order)
MEMBERS = [
    ("jkowalski", "Jan", "Kowalski", "chair", [(5, 6), (9, 8)]),
    ("akowalczyk", "Anna", "Kowalczyk", "ngo", [(4, 5), (8, 10)]),
]
#: The organisation that nominated the person of the "ngo" role: it made no offer (u.d.p.p. art. 15 ust. 2d).
NOMINATOR = "Fundacja Rozwoju Kochłowic"

pytestmark = pytest.mark.usefixtures("fast_forms")


@pytest.fixture
def call_with_offers(site_url):
    """A published call with two offers and no committee, whose offers deadline has just passed."""
    call = published_call(
        slug="konkurs-komisja-e2e",
        announced_on=timezone.localdate() - timedelta(days=30),
        deadline=timezone.now() + timedelta(days=1),
    )
    start = call.implementation_from
    offeror = Client()
    for n, name in enumerate(OFFERORS):
        data = offer_post(
            organisation_name=name,
            title=f"Warsztaty {n + 1}",
            email=f"oferent{n + 1}@example.pl",
            start_date=start.isoformat(),
            end_date=(start + timedelta(days=30)).isoformat(),
        )
        assert offeror.post(f"/dotacje/konkursy/{call.slug}/oferta/", data).status_code == 302
    # The offers deadline passes.
    GrantCall.objects.filter(pk=call.pk).update(offers_deadline=timezone.now() - timedelta(minutes=1))
    call.refresh_from_db()
    return call


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
    """Add a committee row on the call's page and pick the person in the picker by typing part of the name."""
    rows = page.locator("#committee-group tr.form-row:not(.empty-form)")
    index = rows.count()
    page.locator("#committee-group .add-row a").click()
    row = page.locator(f"#committee-{index}")
    row.locator(".select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(search)
    page.locator(".select2-results__option", has_text=name).click()
    row.locator(f"#id_committee-{index}-role").select_option(role)
    if role == "ngo":
        row.locator(f"#id_committee-{index}-nominated_by").fill(NOMINATOR)


def saved(page, button: str = "_continue") -> None:
    """Press the admin form's button ("Zapisz i kontynuuj edycję" by default) and wait for the success message."""
    page.locator(f'input[name="{button}"]').click()
    success, error = page.locator(".messagelist .success"), page.locator(".errornote, .messagelist .error")
    success.or_(error).first.wait_for()
    assert not error.count(), error.all_inner_texts()


def test_a_grants_clerk_runs_the_committee_from_an_empty_call_to_published_results(
    site_url, call_with_offers, new_page
):
    call = call_with_offers
    offers = [GrantOffer.objects.get(call=call, organisation_name=name) for name in OFFERORS]
    people = {username: staff_without_roles(username, first, last) for username, first, last, *_rest in MEMBERS}

    clerk = clerk_signs_in(new_page, site_url, groups=[GRANTS_GROUP])
    clerk.perform(call, gettext("Close for offers and evaluate"))
    for offer in offers:
        clerk.perform(offer, gettext("Formally correct"))

    # The committee, from the call's page: the picker finds people by name; the user admin stays closed.
    clerk.open_case(call)
    for _username, first, last, role, _points in MEMBERS:
        appoint(clerk.page, last[:5], f"{first} {last}", role)
    saved(clerk.page)
    assert sorted(CommitteeMember.objects.filter(call=call).values_list("user__username", "role")) == sorted(
        (username, role) for username, _first, _last, role, _points in MEMBERS
    )
    assert "@" not in clerk.page.locator("#committee-group").inner_text()
    assert goto_status(clerk.page, site_url + reverse("admin:auth_user_changelist")) == 403

    # Every member gets both offers to score.
    for member in CommitteeMember.objects.filter(call=call).select_related("user"):
        for offer in offers:
            goto(clerk.page, site_url + reverse("admin:grants_offerassignment_add"))
            clerk.page.locator("#id_member").fill(str(member.pk))
            clerk.page.locator("#id_offer").fill(str(offer.pk))
            saved(clerk.page, "_save")

    # Each member signs in, declares impartiality and scores in the committee's panel.
    criteria = list(call.criteria.filter(kind="merit").order_by("position"))
    for username, _first, _last, _role, points in MEMBERS:
        page = signs_in(new_page, site_url, *people[username])
        goto(page, site_url + reverse("grants:committee_panel"))
        assert_no_axe_violations(page)
        for offer, offer_points in zip(offers, points, strict=True):
            goto(page, site_url + reverse("grants:committee_panel"))
            page.get_by_role("link", name=offer.case_mark).click()
            page.locator('input[name="has_conflict"][value="no"]').check()
            page.get_by_role("button", name=gettext("Make the declaration")).click()
            page.get_by_text(gettext("Your declaration has been recorded.")).wait_for()
            for criterion, value in zip(criteria, offer_points, strict=True):
                page.get_by_label(criterion.name).fill(str(value))
            assert_no_axe_violations(page)
            page.get_by_role("button", name=gettext("Save the points")).click()
            page.get_by_text(gettext("Your scores have been saved.")).wait_for()
    assert MeritScore.objects.filter(assignment__offer__call=call).count() == 8

    # The ranking on the call's page: the foundation first, (9+8+8+10)/2 = 17.5 points to (5+6+4+5)/2 = 10.
    clerk.open_case(call)
    ranking = clerk.page.locator(".call-ranking tbody tr")
    assert ranking.count() == 2
    first, second = ranking.nth(0).inner_text(), ranking.nth(1).inner_text()
    assert OFFERORS[1] in first
    assert "17,50" in first
    assert OFFERORS[0] in second
    assert "10,00" in second

    # The amount for the winner, then the results published from the call's workflow panel.
    clerk.save_fields(offers[1], {"recommended_amount": "4000", "granted_amount": "4000"})
    clerk.perform(call, gettext("Resolve and publish the results"))
    statuses = dict(GrantOffer.objects.filter(call=call).values_list("organisation_name", "status"))
    assert statuses == {OFFERORS[0]: GrantOffer.Status.NOT_GRANTED, OFFERORS[1]: GrantOffer.Status.GRANTED}

    resident = new_page()
    goto(resident, site_url + reverse("grants:results"))
    results = resident.locator("main").inner_text()
    assert OFFERORS[1] in results
    assert "4000,00zł" in results.replace("\xa0", "").replace(" ", "")
    assert OFFERORS[0] not in results
    assert_no_axe_violations(resident)


def goto_status(page, url: str) -> int:
    response = page.goto(url)
    return response.status
