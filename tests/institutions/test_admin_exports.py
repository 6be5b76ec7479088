"""Export of the list of requests for extracts from the register (ChangeListExportMixin)."""

import pytest
from django.test import Client
from django.urls import reverse

from institutions.deadlines import register_extract_due
from tests.helpers import export_csv_rows, export_xlsx_rows
from tests.institutions import factories

CSV_URL = reverse("admin:institutions_extractrequest_export_csv")
XLSX_URL = reverse("admin:institutions_extractrequest_export_xlsx")


def test_the_extracts_export_names_the_institution_the_kind_and_the_due_date(register_clerk, mck):
    request = factories.extract_request(Client(), mck, applicant_name="@Jan Wiśniewski")
    factories.extract_request(Client(), mck, applicant_name="Anna Nowak")
    rows = export_csv_rows(register_clerk.get(CSV_URL, {"q": "Wiśniewski"}))
    assert len(rows) == 2
    assert rows[1][0] == request.case_mark
    assert rows[1][1] == mck.full_name
    assert rows[1][5] == "'@Jan Wiśniewski"
    assert rows[1][8] == f"{register_extract_due(request.received_on):%d.%m.%Y}"
    xlsx = export_xlsx_rows(register_clerk.get(XLSX_URL, {"q": "Wiśniewski"}))
    assert xlsx[0] == rows[0]
    assert xlsx[1][5] == "@Jan Wiśniewski"
    assert len(export_csv_rows(register_clerk.get(CSV_URL))) == 3


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_a_clerk_of_another_section_is_refused(clerk_client, url, db):
    assert clerk_client(groups=["Wydarzenia i imprezy masowe"]).get(url).status_code == 403
