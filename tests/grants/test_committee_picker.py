"""A grants clerk appoints the committee from the call's page: the picker offers active staff by name.

u.d.p.p. art. 15 ust. 2a: the committee gives opinions on the offers. The picker asks the grants admin, never the
user admin, which stays closed to every clerk role; it shows names, never e-mail addresses.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from grants import services
from grants.models import CommitteeMember
from tests.grants.factories import GRANTS_GROUP, make_call
from tests.helpers import form_fields

EVENTS = "Wydarzenia i imprezy masowe"
CANDIDATES_URL = "/admin/grants/committeemember/kandydaci/"


@pytest.fixture
def people(db):
    User = get_user_model()  # noqa: N806
    return {
        "staff": User.objects.create_user(
            username="jkowalski",
            email="jan.kowalski@rudaslaska.example.pl",
            first_name="Jan",
            last_name="Kowalski",
            is_staff=True,
        ),  # fmt: skip
        "nominee": User.objects.create_user(
            username="anowak",
            email="anna.nowak@ngo.example.pl",
            first_name="Anna",
            last_name="Kowalczyk",
            is_staff=True,
        ),  # fmt: skip
        "former": User.objects.create_user(
            username="zkowal", first_name="Zenon", last_name="Kowal", is_staff=True, is_active=False
        ),
        "resident": User.objects.create_user(username="mieszkaniec", first_name="Marek", last_name="Kowalik"),
    }


def candidates(client, term):
    return client.get(CANDIDATES_URL, {"term": term, "app_label": "grants", "model_name": "committeemember"})


def test_a_grants_clerk_finds_active_staff_by_name_without_their_e_mail(clerk_client, people):
    clerk = clerk_client(groups=[GRANTS_GROUP])
    response = candidates(clerk, "Kowal")
    assert response.status_code == 200
    assert [row["text"] for row in response.json()["results"]] == ["Anna Kowalczyk", "Jan Kowalski"]
    assert {row["id"] for row in response.json()["results"]} == {str(people["nominee"].pk), str(people["staff"].pk)}
    assert "@" not in response.content.decode()
    # Every word must match; an e-mail address finds nobody.
    assert [row["text"] for row in candidates(clerk, "jan kowal").json()["results"]] == ["Jan Kowalski"]
    assert candidates(clerk, "rudaslaska.example.pl").json()["results"] == []


def test_a_grants_clerk_adds_a_member_on_the_calls_page_through_the_picker(clerk_client, people):
    clerk = clerk_client(groups=[GRANTS_GROUP])
    call = make_call()
    url = reverse("admin:grants_grantcall_change", args=[call.pk])
    page = clerk.get(url).content.decode()
    # The widget asks the grants admin's search, not Django's autocomplete of the user admin.
    assert f'data-ajax--url="{CANDIDATES_URL}"' in page
    assert not re.search(r'data-ajax--url="/admin/autocomplete/"[^>]*data-model-name="committeemember"', page)
    data = form_fields(page, form_id="grantcall_form")
    data.update(
        {"committee-TOTAL_FORMS": "1", "committee-0-user": str(people["staff"].pk), "committee-0-role": "chair"}
    )
    response = clerk.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    member = CommitteeMember.objects.get(call=call)
    assert (member.user, member.role) == (people["staff"], "chair")
    # Shown again, the member is named by the name only.
    again = clerk.get(url).content.decode()
    assert f'<option value="{people["staff"].pk}" selected>Jan Kowalski</option>' in again


@pytest.mark.parametrize("who", ["former", "resident"])
def test_only_active_staff_can_be_appointed(clerk_client, people, who):
    clerk = clerk_client(groups=[GRANTS_GROUP])
    call = make_call()
    url = reverse("admin:grants_grantcall_change", args=[call.pk])
    data = form_fields(clerk.get(url).content.decode(), form_id="grantcall_form")
    data.update({"committee-TOTAL_FORMS": "1", "committee-0-user": str(people[who].pk), "committee-0-role": "ngo"})
    response = clerk.post(url, data)
    assert response.status_code == 200
    assert "Wybierz aktywnego pracownika" in response.content.decode()
    assert not CommitteeMember.objects.exists()
    assert str(people[who].pk) not in {row["id"] for row in candidates(clerk, "").json()["results"]}


@pytest.mark.parametrize("group", [EVENTS, "Naczelnik wydziału (podgląd)"])
def test_a_clerk_who_may_not_appoint_members_cannot_use_the_picker(clerk_client, people, group):
    clerk = clerk_client(groups=[group])
    response = candidates(clerk, "Kowal")
    assert response.status_code == 403
    assert "Kowalski" not in response.content.decode()


def test_the_picker_answers_a_page_of_people_in_a_bounded_number_of_queries(
    clerk_client, people, django_assert_max_num_queries
):
    clerk = clerk_client(groups=[GRANTS_GROUP])
    User = get_user_model()  # noqa: N806
    User.objects.bulk_create(
        User(username=f"pracownik{n}", first_name="Piotr", last_name=f"Kowalewski {n:02d}", is_staff=True)
        for n in range(30)
    )
    with django_assert_max_num_queries(8):
        first = candidates(clerk, "Kowal").json()
    assert len(first["results"]) == 20
    assert first["pagination"] == {"more": True}
    rest = clerk.get(CANDIDATES_URL, {"term": "Kowal", "page": "2"}).json()
    assert len(rest["results"]) == 12
    assert rest["pagination"] == {"more": False}


def test_the_user_admin_stays_closed_to_grants_clerks(clerk_client, people):
    clerk = clerk_client(groups=[GRANTS_GROUP])
    assert clerk.get("/admin/auth/user/").status_code == 403
    assert clerk.get(f"/admin/auth/user/{people['staff'].pk}/change/").status_code == 403
    django_autocomplete = clerk.get(
        "/admin/autocomplete/",
        {"term": "Kowal", "app_label": "grants", "model_name": "committeemember", "field_name": "user"},
    )
    assert django_autocomplete.status_code == 403


def test_the_list_of_members_names_them_without_their_login(clerk_client, people):
    people["staff"].username = "jan.kowalski@rudaslaska.example.pl"
    people["staff"].save(update_fields=["username"])
    services.committee_member_add(call=make_call(), user=people["staff"], role="chair", acting_user=None)
    page = clerk_client(groups=[GRANTS_GROUP]).get(reverse("admin:grants_committeemember_changelist")).content.decode()
    rows = page.split('id="result_list"', 1)[1].split("</table>", 1)[0]
    assert "Jan Kowalski" in rows
    assert "@" not in rows


def test_the_picker_needs_a_signed_in_clerk(client, people):
    response = client.get(CANDIDATES_URL, {"term": "Kowal"})
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert "Kowalski" not in response.content.decode()
