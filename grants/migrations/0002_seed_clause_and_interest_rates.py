"""Seed the information clause of the offer form and the table of interest rates for tax arrears.

Both are data clerks change in the admin. The rates are the Minister of Finance's announcements (o.p. art. 56
§ 1: 200 % of the NBP lombard rate plus 2 %, not less than 8 %); they are to be checked against the
obwieszczenia in Monitor Polski before the first settlement [K], and every new announcement is a new row.
"""

import datetime
from decimal import Decimal

from django.db import migrations

FORM_KEY = "grants.offer"

OFFER_CLAUSE = (
    "<p>Administratorem danych osobowych jest Prezydent Miasta Ruda Śląska, pl. Jana Pawła II 6, "
    "41-709 Ruda Śląska. Kontakt z inspektorem ochrony danych: iod@rudaslaska.pl.</p>"
    "<p>Dane osób reprezentujących oferenta i osoby upoważnionej do składania wyjaśnień są przetwarzane w celu "
    "przeprowadzenia otwartego konkursu ofert lub trybu z art. 19a, zawarcia i rozliczenia umowy oraz kontroli "
    "realizacji zadania (art. 6 ust. 1 lit. c i e RODO w związku z ustawą z 24 kwietnia 2003 r. o działalności "
    "pożytku publicznego i o wolontariacie oraz ustawą z 27 sierpnia 2009 r. o finansach publicznych). "
    "Publikowane są wyłącznie nazwa oferenta, tytuł zadania i kwota dotacji.</p>"
    "<p>Odbiorcami danych mogą być członkowie komisji konkursowej, organy kontroli oraz podmioty obsługujące "
    "systemy informatyczne urzędu. Dane nie są przekazywane poza Europejski Obszar Gospodarczy.</p>"
    "<p>Dane są przechowywane przez okres wynikający z kategorii archiwalnej klasy 5220 jednolitego rzeczowego "
    "wykazu akt. Przysługuje prawo dostępu do danych, ich sprostowania, ograniczenia przetwarzania i wniesienia "
    "sprzeciwu oraz prawo wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych. Podanie danych jest "
    "warunkiem rozpatrzenia oferty. Dane nie służą do zautomatyzowanego podejmowania decyzji.</p>"
)

# (valid from, annual %) — lombard rate changes of the NBP since 2023.
RATES = [
    (datetime.date(2023, 9, 7), Decimal("17.50")),
    (datetime.date(2023, 10, 5), Decimal("16.50")),
    (datetime.date(2025, 5, 8), Decimal("15.50")),
    (datetime.date(2025, 7, 3), Decimal("15.00")),
    (datetime.date(2025, 9, 4), Decimal("14.50")),
    (datetime.date(2025, 10, 9), Decimal("14.00")),
    (datetime.date(2025, 11, 6), Decimal("13.50")),
]


def seed(apps, schema_editor):
    InformationClause = apps.get_model("core", "InformationClause")
    InformationClause.objects.get_or_create(
        form_key=FORM_KEY,
        version=1,
        defaults={"legal_basis": "art6_1_e", "text": OFFER_CLAUSE, "valid_from": datetime.date(2026, 1, 1)},
    )
    Rate = apps.get_model("grants", "TaxArrearsInterestRate")
    for valid_from, percent in RATES:
        Rate.objects.get_or_create(
            valid_from=valid_from, defaults={"annual_percent": percent, "announcement": "do sprawdzenia w M.P."}
        )


def unseed(apps, schema_editor):
    apps.get_model("core", "InformationClause").objects.filter(form_key=FORM_KEY, version=1).delete()
    apps.get_model("grants", "TaxArrearsInterestRate").objects.filter(
        valid_from__in=[row[0] for row in RATES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_feedback_history_public_image_size"),
        ("grants", "0001_initial"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
