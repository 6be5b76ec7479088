"""Seed the information clause (art. 13 RODO) of the investor's inquiry form.

The clause is data: a later change is a new version added in the admin, never an edit of this one.
"""

import datetime

from django.db import migrations

FORM_KEY = "promotion.inquiry"

INQUIRY_CLAUSE = (
    "<p>Administratorem danych osobowych jest Prezydent Miasta Ruda Śląska, pl. Jana Pawła II 6, "
    "41-709 Ruda Śląska. Kontakt z inspektorem ochrony danych: iod@rudaslaska.pl.</p>"
    "<p>Imię i nazwisko osoby do kontaktu, jej adres e-mail i — jeśli zostanie podany — numer telefonu oraz treść "
    "zapytania są przetwarzane w celu udzielenia odpowiedzi inwestorowi i obsługi inwestycji w mieście "
    "(art. 6 ust. 1 lit. e RODO — zadanie realizowane w interesie publicznym: promocja gminy i wspieranie "
    "przedsiębiorczości, art. 7 ust. 1 pkt 18 ustawy o samorządzie gminnym).</p>"
    "<p>Odbiorcami danych mogą być podmioty obsługujące systemy informatyczne urzędu na podstawie umów powierzenia "
    "oraz — za zgodą inwestora — zarządca specjalnej strefy ekonomicznej. Dane nie są przekazywane poza Europejski "
    "Obszar Gospodarczy.</p>"
    "<p>Dane są przechowywane przez okres wynikający z kategorii archiwalnej klasy 0430 jednolitego rzeczowego "
    "wykazu akt („Promocja miasta”). Przysługuje prawo dostępu do danych, ich sprostowania, ograniczenia "
    "przetwarzania i wniesienia sprzeciwu, a także prawo wniesienia skargi do Prezesa Urzędu Ochrony Danych "
    "Osobowych.</p>"
    "<p>Podanie danych jest dobrowolne, ale bez adresu e-mail nie udzielimy odpowiedzi. Dane nie służą do "
    "zautomatyzowanego podejmowania decyzji, w tym profilowania.</p>"
)


def seed(apps, schema_editor):
    InformationClause = apps.get_model("core", "InformationClause")
    InformationClause.objects.get_or_create(
        form_key=FORM_KEY,
        version=1,
        defaults={"legal_basis": "art6_1_e", "text": INQUIRY_CLAUSE, "valid_from": datetime.date(2026, 12, 7)},
    )


def unseed(apps, schema_editor):
    apps.get_model("core", "InformationClause").objects.filter(form_key=FORM_KEY, version=1).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_seed_case_register"),
        ("promotion", "0001_initial"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
