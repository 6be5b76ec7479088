"""Seed the information clause (art. 13 RODO) of the extract request form ("Wniosek o odpis z rejestru").

The clause is data: a later change is a new version added in the admin, never an edit of this one.
"""

import datetime

from django.db import migrations

FORM_KEY = "institutions.extract_request"

CLAUSE = (
    "<p>Administratorem danych osobowych jest Prezydent Miasta Ruda Śląska, pl. Jana Pawła II 6, "
    "41-709 Ruda Śląska. Kontakt z inspektorem ochrony danych: iod@rudaslaska.pl.</p>"
    "<p>Imię i nazwisko (nazwa), adres pocztowy oraz — jeśli zostanie podany — adres e-mail są przetwarzane "
    "w celu wydania odpisu z rejestru instytucji kultury i jego doręczenia (art. 6 ust. 1 lit. c RODO — "
    "obowiązek prawny: rozporządzenie Ministra Kultury i Dziedzictwa Narodowego z dnia 26 stycznia 2012 r. "
    "w sprawie sposobu prowadzenia i udostępniania rejestru instytucji kultury) oraz pobrania opłaty skarbowej "
    "(ustawa z dnia 16 listopada 2006 r. o opłacie skarbowej).</p>"
    "<p>Odbiorcami danych mogą być operator pocztowy doręczający odpis oraz podmioty obsługujące systemy "
    "informatyczne urzędu na podstawie umów powierzenia. Dane nie są przekazywane poza Europejski Obszar "
    "Gospodarczy.</p>"
    "<p>Dane są przechowywane przez okres wynikający z kategorii archiwalnej klasy 5210 jednolitego rzeczowego "
    "wykazu akt. Przysługuje prawo dostępu do danych, ich sprostowania i ograniczenia przetwarzania, a także "
    "prawo wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych.</p>"
    "<p>Podanie imienia i nazwiska oraz adresu jest warunkiem wydania odpisu; podanie adresu e-mail jest "
    "dobrowolne. Dane nie służą do zautomatyzowanego podejmowania decyzji, w tym profilowania.</p>"
)


def seed(apps, schema_editor):
    InformationClause = apps.get_model("core", "InformationClause")
    InformationClause.objects.get_or_create(
        form_key=FORM_KEY,
        version=1,
        defaults={"legal_basis": "art6_1_c", "text": CLAUSE, "valid_from": datetime.date(2026, 12, 1)},
    )


def unseed(apps, schema_editor):
    apps.get_model("core", "InformationClause").objects.filter(form_key=FORM_KEY, version=1).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_seed_case_register"),
        ("institutions", "0002_register_entries_append_only"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
