"""Exports of the lists of grant offers and agreements (ChangeListExportMixin): amounts by core.money."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.grants.factories import GRANTS_GROUP
from tests.helpers import export_csv_rows, export_xlsx_rows

OFFERS_CSV = reverse("admin:grants_grantoffer_export_csv")
OFFERS_XLSX = reverse("admin:grants_grantoffer_export_xlsx")
AGREEMENTS_CSV = reverse("admin:grants_grantagreement_export_csv")
AGREEMENTS_XLSX = reverse("admin:grants_grantagreement_export_xlsx")


@pytest.fixture
def grants_clerk(clerk_client):
    return clerk_client(groups=[GRANTS_GROUP])


def test_the_offers_export_writes_amounts_in_zloty_and_statuses_in_words(grants_clerk, offer):
    rows = export_csv_rows(grants_clerk.get(OFFERS_CSV))
    assert rows[1][0] == offer.case_mark
    assert rows[1][2] == offer.call.title
    assert rows[1][3] == offer.organisation_name
    assert rows[1][7] == "4\u00a0500,00\u00a0zł"
    assert rows[1][-1] == str(offer.get_status_display())
    xlsx = export_xlsx_rows(grants_clerk.get(OFFERS_XLSX))
    assert xlsx[0] == rows[0]
    assert xlsx[1][7] == 4500


def test_the_offers_export_holds_only_the_filtered_rows(grants_clerk, offer):
    assert len(export_csv_rows(grants_clerk.get(OFFERS_CSV, {"status__exact": offer.status}))) == 2
    assert export_csv_rows(grants_clerk.get(OFFERS_CSV, {"status__exact": "granted"}))[1:] == []
    assert export_xlsx_rows(grants_clerk.get(OFFERS_XLSX, {"q": "nie ma takiej oferty"}))[1:] == []


def test_the_agreements_export_names_the_offer_and_the_dates(grants_clerk, agreement):
    rows = export_csv_rows(grants_clerk.get(AGREEMENTS_CSV, {"offer__call__year": agreement.offer.call.year}))
    assert rows[1][:5] == [
        agreement.number,
        agreement.offer.case_mark,
        agreement.offer.organisation_name,
        agreement.offer.title,
        "4\u00a0000,00\u00a0zł",
    ]
    assert rows[1][5] == "20.04.2026"
    xlsx = export_xlsx_rows(grants_clerk.get(AGREEMENTS_XLSX))
    assert xlsx[1][4] == Decimal(4000)


@pytest.mark.parametrize("url", [OFFERS_CSV, OFFERS_XLSX, AGREEMENTS_CSV, AGREEMENTS_XLSX])
def test_a_clerk_of_another_section_is_refused(clerk_client, url, db):
    assert clerk_client(groups=["Biuro prasowe"]).get(url).status_code == 403
