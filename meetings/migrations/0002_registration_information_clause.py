"""Seed the information clause (art. 13 RODO) of the public registration form of a meeting with residents.

The clause is data: a later change is a new version added in the admin, never an edit of this one.
"""

import datetime

from django.db import migrations

FORM_KEY = "meetings.registration"

REGISTRATION_CLAUSE = (
    "<p>Administratorem danych osobowych jest Prezydent Miasta Ruda Śląska, pl. Jana Pawła II 6, "
    "41-709 Ruda Śląska. Kontakt z inspektorem ochrony danych: iod@rudaslaska.pl.</p>"
    "<p>Imię i nazwisko, a jeśli je podasz — adres e-mail, numer telefonu i informacja o Twoich potrzebach, są "
    "przetwarzane w celu organizacji spotkania Prezydenta Miasta z mieszkańcami: zapisu, zapewnienia miejsca i "
    "dostępności oraz powiadomienia o zmianie terminu (art. 6 ust. 1 lit. e RODO — zadanie realizowane w interesie "
    "publicznym; informacja o potrzebach związanych z niepełnosprawnością — art. 9 ust. 2 lit. g RODO w związku z "
    "ustawą o zapewnianiu dostępności osobom ze szczególnymi potrzebami).</p>"
    "<p>Lista zapisanych i lista obecności nie są publikowane. Odbiorcami danych mogą być podmioty obsługujące "
    "systemy informatyczne urzędu na podstawie umów powierzenia. Dane nie są przekazywane poza Europejski Obszar "
    "Gospodarczy. Dane są przechowywane do końca roku, w którym odbyło się spotkanie, a następnie przez okres "
    "wynikający z jednolitego rzeczowego wykazu akt.</p>"
    "<p>Przysługuje prawo dostępu do danych, ich sprostowania, usunięcia lub ograniczenia przetwarzania i "
    "wniesienia sprzeciwu, a także prawo wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych. Podanie "
    "danych jest dobrowolne; bez imienia i nazwiska zapis nie jest możliwy. Dane nie służą do zautomatyzowanego "
    "podejmowania decyzji, w tym profilowania.</p>"
)


def seed(apps, schema_editor):
    InformationClause = apps.get_model("core", "InformationClause")
    InformationClause.objects.get_or_create(
        form_key=FORM_KEY,
        version=1,
        defaults={"legal_basis": "art6_1_e", "text": REGISTRATION_CLAUSE, "valid_from": datetime.date(2026, 12, 7)},
    )


def unseed(apps, schema_editor):
    apps.get_model("core", "InformationClause").objects.filter(form_key=FORM_KEY, version=1).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_seed_case_register"),
        ("meetings", "0001_initial"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
