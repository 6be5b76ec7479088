"""Seed the information clause (art. 13 RODO) of the "Zgłoś wydarzenie" form.

The clause is data: a later change is a new version added in the admin, never an edit of this one.
"""

import datetime

from django.db import migrations

FORM_KEY = "events.submission"

SUBMISSION_CLAUSE = (
    "<p>Administratorem danych osobowych jest Prezydent Miasta Ruda Śląska, pl. Jana Pawła II 6, "
    "41-709 Ruda Śląska. Kontakt z inspektorem ochrony danych: iod@rudaslaska.pl.</p>"
    "<p>Imię i nazwisko, adres e-mail oraz — jeśli zostanie podany — numer telefonu osoby zgłaszającej "
    "wydarzenie są przetwarzane w celu rozpatrzenia zgłoszenia, kontaktu w jego sprawie i poinformowania "
    "o wyniku (art. 6 ust. 1 lit. e RODO — zadanie realizowane w interesie publicznym: upowszechnianie kultury "
    "i promocja miasta, art. 7 ust. 1 pkt 9 i 18 ustawy o samorządzie gminnym). Dane kontaktowe nie są "
    "publikowane; w kalendarzu wydarzeń publikowane są wyłącznie informacje o wydarzeniu i nazwa organizatora.</p>"
    "<p>Odbiorcami danych mogą być wyłącznie podmioty obsługujące systemy informatyczne urzędu na podstawie "
    "umów powierzenia przetwarzania danych. Dane nie są przekazywane poza Europejski Obszar Gospodarczy.</p>"
    "<p>Dane są przechowywane przez okres wynikający z kategorii archiwalnej klasy 0430 jednolitego "
    "rzeczowego wykazu akt („Promocja miasta”), zgodnie z przepisami ustawy o narodowym zasobie archiwalnym "
    "i archiwach. Przysługuje prawo dostępu do danych, ich sprostowania, ograniczenia przetwarzania "
    "i wniesienia sprzeciwu, a także prawo wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych.</p>"
    "<p>Podanie imienia i nazwiska oraz adresu e-mail jest dobrowolne, ale bez nich zgłoszenie nie może zostać "
    "rozpatrzone; podanie numeru telefonu jest dobrowolne. Dane nie służą do zautomatyzowanego podejmowania "
    "decyzji, w tym profilowania.</p>"
)


def seed(apps, schema_editor):
    InformationClause = apps.get_model("core", "InformationClause")
    InformationClause.objects.get_or_create(
        form_key=FORM_KEY,
        version=1,
        defaults={"legal_basis": "art6_1_e", "text": SUBMISSION_CLAUSE, "valid_from": datetime.date(2026, 11, 26)},
    )


def unseed(apps, schema_editor):
    apps.get_model("core", "InformationClause").objects.filter(form_key=FORM_KEY, version=1).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_seed_case_register"),
        ("events", "0002_seed_categories"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
