""" "Moje sprawy": the open cases I handle, of every case type, linked to each case; the query count stays flat."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.deadlines import feedback_answer_due
from core.models import Feedback
from core.services import case_open, case_take, transition_perform
from institutions.models import ExtractRequest
from tests.conftest import otp_login
from tests.core.admin_rows import ROW_MAKERS

SITE = "Redakcja portalu"
REGISTER = "Rejestr instytucji kultury"
URL = "/admin/moje-sprawy/"


def opinion(n, contact_email="jan.kowalski@example.pl"):
    return case_open(
        case=Feedback(message=f"Opinia {n} o portalu.", contact_email=contact_email), title=f"Opinia nr {n}"
    )


def signed_in(user):
    client = Client()
    otp_login(client, user)
    return client


@pytest.fixture
def me(make_clerk):
    return make_clerk(groups=[SITE, REGISTER], first_name="Anna", last_name="Nowak")


def test_my_open_cases_of_every_type_are_listed_with_a_link_to_each(me, make_clerk):
    colleague = make_clerk(groups=[SITE])
    mine = opinion(1)
    extract = ROW_MAKERS[ExtractRequest]()
    theirs = opinion(2)
    closed = opinion(3)
    nobodys = opinion(4)
    for case in (mine, extract, closed):
        case_take(case=case, acting_user=me)
    case_take(case=theirs, acting_user=colleague)
    transition_perform(obj=closed, name="close", acting_user=me, note="Załatwiona.")

    response = signed_in(me).get(URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Moje sprawy" in page
    assert f'href="{reverse("admin:core_feedback_change", args=[mine.pk])}"' in page
    assert f'href="{reverse("admin:institutions_extractrequest_change", args=[extract.pk])}"' in page
    assert extract.applicant_name in page  # from whom
    assert "<td>nowa</td>" in page  # the opinion's status in words
    for other in (theirs, closed, nobodys):
        assert other.case_mark not in page
    assert "2 otwarte sprawy" in page


def test_the_next_deadline_of_a_case_is_shown(me):
    mine = opinion(1)
    case_take(case=mine, acting_user=me)

    page = signed_in(me).get(URL).content.decode()

    due = feedback_answer_due(mine.created_at.date())
    assert f'datetime="{due:%Y-%m-%d}"' in page


def test_a_clerk_without_cases_is_told_how_to_take_one(make_clerk):
    page = signed_in(make_clerk(groups=[SITE])).get(URL).content.decode()

    assert "Nie prowadzisz żadnej otwartej sprawy" in page


def test_the_page_is_linked_from_the_admin_index_and_sidebar(make_clerk):
    client = signed_in(make_clerk(groups=[SITE]))

    assert f'href="{URL}"' in client.get(reverse("admin:index")).content.decode()
    sidebar = client.get(reverse("admin:core_feedback_changelist")).content.decode()
    assert f'href="{URL}"' in sidebar


def queries_for(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_cases(me):
    client = signed_in(me)
    for n in range(3):
        case_take(case=opinion(n), acting_user=me)
    with_three = queries_for(client)
    for n in range(3, 30):
        case_take(case=opinion(n), acting_user=me)

    with_thirty = queries_for(client)

    assert with_thirty == with_three
    assert "30 otwartych spraw" in client.get(URL).content.decode()


def test_the_list_is_paginated(me):
    for n in range(51):
        case_take(case=opinion(n, contact_email=""), acting_user=me)
    client = signed_in(me)

    first = client.get(URL).content.decode()
    second = client.get(URL, {"page": "2"}).content.decode()

    assert "Strona 1 z 2" in first
    assert 'rel="next"' in first
    assert second.count('<th scope="row">') == 1
