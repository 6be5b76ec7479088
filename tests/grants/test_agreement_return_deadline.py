"""The unused part's return is counted from the use deadline of the agreement (u.f.p. art. 251 ust. 3 and ust. 1).

The agreement sets the use deadline once; its PDF, the settlement, the Terminarz and the interest all count the
return from it, not from the end of the task, and the minimum interest follows the table of registered-letter fees
(o.p. art. 54 § 1 pkt 5).
"""

import io
import re
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from core.documents import render_letter_html
from grants import services
from grants.documents import AGREEMENT_TEMPLATE, agreement_context, agreement_pdf
from grants.models import RegisteredLetterFee
from grants.selectors import grant_settlement_deadlines
from grants.services.common import GrantError
from tests.grants.factories import final_report_accept

# The task runs from 1 June to 31 August 2026; the subsidy may be paid out until 14 September.
TASK_END = date(2026, 8, 31)
USE_DEADLINE = date(2026, 9, 14)
#: 14 September + 15 days = Tuesday 29 September 2026; from the task's end it would have been 15 September.
RETURN_DUE = date(2026, 9, 29)

PARAGRAPHS = [
    "§ 1. Przedmiot umowy",
    "§ 2. Sposób wykonania zadania publicznego",
    "§ 3. Wysokość dotacji i sposób jej przekazania",
    "§ 4. Wkład własny Zleceniobiorcy",
    "§ 5. Dokonywanie przesunięć w zakresie ponoszonych wydatków",
    "§ 6. Dokumentacja związana z realizacją zadania publicznego",
    "§ 7. Obowiązki informacyjne",
    "§ 8. Kontrola zadania publicznego",
    "§ 9. Obowiązki sprawozdawcze Zleceniobiorcy",
    "§ 10. Zwrot środków finansowych",
    "§ 11. Rozwiązanie umowy i odstąpienie od umowy",
    "§ 12. Postanowienia końcowe",
]


def sign(offer, use_deadline):
    return services.agreement_sign(
        offer=offer,
        number="KSP.5220.7.2026",
        signed_on=date(2026, 4, 20),
        bank_account="PL61109010140000071219812874",
        tranches=[(date(2026, 5, 4), Decimal(4000))],
        budget_updated=True,
        use_deadline=use_deadline,
        acting_user=None,
    )


def pdf_text(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def agreement(granted_offer):
    return sign(granted_offer, USE_DEADLINE)


def test_the_agreement_pdf_counts_the_return_from_the_use_deadline_in_the_framework_order(agreement):
    """Read back from the PDF: § 2 sets the use deadline, § 10 counts 15 days after it; the paragraphs in order."""
    assert agreement.implementation_to == TASK_END
    text = pdf_text(agreement_pdf(agreement=agreement))

    positions = [text.find(heading) for heading in PARAGRAPHS]
    assert -1 not in positions, [h for h, p in zip(PARAGRAPHS, positions, strict=True) if p == -1]
    assert positions == sorted(positions)
    assert "od dnia 01.06.2026 do dnia 31.08.2026" in text
    assert "Dotację Zleceniobiorca wykorzystuje do dnia 14.09.2026" in text
    assert (
        "w terminie 15 dni po upływie terminu wykorzystania dotacji określonego w § 2 ust. 2 (14.09.2026), "
        "tj. do dnia 29.09.2026 (art. 251 ust. 3 u.f.p.)"
    ) in text
    assert "15 dni od dnia zakończenia realizacji zadania" not in text
    assert "15.09.2026" not in text
    assert "art. 252 ust. 6 u.f.p." in text
    assert "art. 54 § 1 pkt 5" in text


def test_a_subsidy_used_until_31_december_is_returned_by_31_january_moved_off_a_sunday(granted_offer):
    """u.f.p. art. 251 ust. 1: 31 January 2027 is a Sunday, so the agreement says 1 February 2027."""
    agreement = sign(granted_offer, date(2026, 12, 31))
    text = text_of(
        render_letter_html(template_name=AGREEMENT_TEMPLATE, context=agreement_context(agreement=agreement))
    )
    assert "Dotację Zleceniobiorca wykorzystuje do dnia 31.12.2026" in text
    assert "do dnia 31 stycznia roku następującego" in text
    assert "tj. do dnia 01.02.2027 (art. 251 ust. 1 u.f.p.)" in text
    assert "art. 251 ust. 3" not in text


def test_the_settlement_and_the_terminarz_count_from_the_use_deadline(agreement):
    """The stored deadline and the clerks' Terminarz row: 29 September, under art. 251 ust. 3."""
    final_report_accept(agreement)
    settlement = services.settlement_record(agreement=agreement, used=Decimal("3600"), acting_user=None)
    assert settlement.unused_return_due == RETURN_DUE

    rows = list(grant_settlement_deadlines())
    assert [(row.due_date, row.rule) for row in rows] == [
        (RETURN_DUE, "art. 251 ust. 3 u.f.p.: zwrot niewykorzystanej dotacji w 15 dni po terminie wykorzystania")
    ]


def test_interest_on_a_late_unused_part_runs_from_the_deadline_and_follows_the_fee_table(agreement):
    """400 zł at 13,5 % from 30 September (u.f.p. art. 251 ust. 5); not charged up to 3 × the registered-letter fee
    valid on the day of the return (o.p. art. 54 § 1 pkt 5): 2,90 zł as seeded, then 5,00 zł from 1 December."""
    final_report_accept(agreement)
    settlement = services.settlement_record(agreement=agreement, used=Decimal("3600"), acting_user=None)

    def interest(day):
        return services.settlement_interest(settlement=settlement, returned_on=day)

    assert interest(RETURN_DUE) == 0
    assert interest(date(2026, 12, 31)) == Decimal("14.00")  # 93 days: 13,76 zł > 8,70 zł
    RegisteredLetterFee.objects.create(valid_from=date(2026, 12, 1), fee=Decimal("5.00"), source="cennik z grudnia")
    assert interest(date(2026, 11, 30)) == Decimal("9.00")  # 62 days: 9,17 zł > 8,70 zł of the old fee
    assert interest(date(2026, 12, 1)) == 0  # 63 days: 9,32 zł ≤ 15,00 zł of the new fee
    assert interest(date(2026, 12, 31)) == 0  # 13,76 zł ≤ 15,00 zł

    RegisteredLetterFee.objects.all().delete()
    with pytest.raises(GrantError, match="opłat za list polecony"):
        interest(date(2026, 12, 31))
