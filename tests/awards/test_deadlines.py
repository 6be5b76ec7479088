"""The completion clock of a scholarship application or award nomination at its edges (DOMAIN.md §D.2 [K]).

Every expected date below was read off a printed calendar, never computed by the code under test.
"""

from datetime import date as D

import pytest
from django.urls import reverse

from awards.deadlines import award_completion_due
from awards.models import AwardApplication
from awards.selectors import award_completion_deadlines
from core.services import transition_perform
from tests.awards.factories import make_call, scholarship_data
from tests.helpers import public_form_data


@pytest.mark.parametrize(
    ("called_on", "expected"),
    [
        (D(2026, 12, 11), D(2026, 12, 18)),  # Fri + 7 = Fri
        (D(2026, 12, 12), D(2026, 12, 21)),  # Sat + 7 = Sat 19 -> Mon 21
        (D(2026, 12, 13), D(2026, 12, 21)),  # Sun + 7 = Sun 20 -> Mon 21
        (D(2026, 12, 17), D(2026, 12, 28)),  # + 7 = Thu 24 December (Wigilia, a day off since 2025) -> Mon 28
        (D(2026, 10, 25), D(2026, 11, 2)),  # + 7 = Sun 1 November -> Mon 2
        (D(2026, 11, 4), D(2026, 11, 12)),  # + 7 = Wed 11 November -> Thu 12
    ],
)
def test_award_completion_due(called_on, expected):
    """The council's resolution [K]: 7 days from the call to complete, moved off days off (k.p.a. art. 57 § 4)."""
    assert award_completion_due(called_on) == expected


@pytest.mark.django_db
def test_the_terminarz_reads_completions_in_one_query_whatever_their_number(client, django_assert_num_queries):
    call = make_call()
    url = reverse("awards:application_create", kwargs={"slug": call.slug})
    for n in range(4):
        client.post(url, public_form_data(**scholarship_data(email=f"artysta{n}@example.pl")))
    for application in AwardApplication.objects.all():
        transition_perform(obj=application, name="call_to_complete", acting_user=None, note="Brak dyplomów.")
    with django_assert_num_queries(1):
        deadlines = list(award_completion_deadlines())
    assert len(deadlines) == 4
    assert {deadline.section for deadline in deadlines} == {"grants"}


def terminarz_row(client, application) -> str:
    """The Terminarz's row of `application`'s report, or "" when it is not listed."""
    import re

    page = client.get("/admin/terminarz/").content.decode()
    url = reverse("admin:awards_awardapplication_change", args=[application.pk])
    rows = [row for row in re.findall(r"<tr class=\"deadline-list__row.*?</tr>", page, re.S) if url in row]
    return rows[0] if rows else ""


def test_a_signed_contracts_report_is_in_the_terminarz_on_its_due_date_until_filed(client, clerk_client):
    """DOMAIN.md §D.2: the report is due 30 days after the period [K]; the Terminarz lists it until it is filed."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    import time_machine

    from awards.selectors import scholarship_report_deadlines
    from awards.services import report_file
    from tests.awards.factories import GRANTS_GROUP, contract_data, granted_scholarship

    clerk = clerk_client(groups=[GRANTS_GROUP])
    application = contract_data(granted_scholarship(client))  # period to 31 October 2027
    assert terminarz_row(clerk, application) == ""  # granted, no contract yet
    application = transition_perform(obj=application, name="sign_contract", acting_user=None)
    assert application.report_due == D(2027, 11, 30)  # 31 October + 30 days, a Tuesday
    row = terminarz_row(clerk, application)
    assert '<time datetime="2027-11-30">' in row
    assert application.case_mark in row
    application.payments.update(paid_on=D(2027, 1, 14))
    application = transition_perform(obj=application, name="pay", acting_user=None)
    assert '<time datetime="2027-11-30">' in terminarz_row(clerk, application)

    with time_machine.travel(datetime(2027, 10, 31, 9, tzinfo=ZoneInfo("Europe/Warsaw"))):
        report_file(application=application, text="Nagrałam płytę i zagrałam trzy koncerty.")
    assert terminarz_row(clerk, application) == ""
    assert list(scholarship_report_deadlines()) == []
