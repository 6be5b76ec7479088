"""Seed the information clause (art. 13 RODO) of the public accreditation form.

The clause is data: a later change is a new version added in the admin, never an edit of this one.
"""

import datetime

from django.db import migrations

FORM_KEY = "press.accreditation"

ACCREDITATION_CLAUSE = (
    "<p>Administratorem danych osobowych jest Prezydent Miasta Ruda Śląska, pl. Jana Pawła II 6, "
    "41-709 Ruda Śląska. Kontakt z inspektorem ochrony danych: iod@rudaslaska.pl.</p>"
    "<p>Imię i nazwisko, nazwa redakcji, funkcja, numer legitymacji prasowej, adres e-mail, numer telefonu "
    "oraz dane ekipy są przetwarzane w celu rozpatrzenia wniosku o akredytację, organizacji konferencji "
    "prasowej i kontaktu w tej sprawie (art. 6 ust. 1 lit. e RODO — zadanie realizowane w interesie publicznym: "
    "informowanie prasy o działalności miasta, art. 4 ustawy — Prawo prasowe). Dane nie są publikowane.</p>"
    "<p>Odbiorcami danych mogą być wyłącznie podmioty obsługujące systemy informatyczne urzędu na podstawie "
    "umów powierzenia przetwarzania danych. Dane nie są przekazywane poza Europejski Obszar Gospodarczy.</p>"
    "<p>Dane są przechowywane przez okres wynikający z kategorii archiwalnej klasy 0420 jednolitego rzeczowego "
    "wykazu akt („Współpraca ze środkami masowego przekazu”). Przysługuje prawo dostępu do danych, ich "
    "sprostowania, ograniczenia przetwarzania i wniesienia sprzeciwu, a także prawo wniesienia skargi do Prezesa "
    "Urzędu Ochrony Danych Osobowych.</p>"
    "<p>Podanie danych jest dobrowolne, ale bez imienia i nazwiska, nazwy redakcji, funkcji i adresu e-mail "
    "wniosek nie może zostać rozpatrzony. Dane nie służą do zautomatyzowanego podejmowania decyzji, "
    "w tym profilowania.</p>"
)


def seed(apps, schema_editor):
    InformationClause = apps.get_model("core", "InformationClause")
    InformationClause.objects.get_or_create(
        form_key=FORM_KEY,
        version=1,
        defaults={"legal_basis": "art6_1_e", "text": ACCREDITATION_CLAUSE, "valid_from": datetime.date(2026, 11, 26)},
    )


def unseed(apps, schema_editor):
    apps.get_model("core", "InformationClause").objects.filter(form_key=FORM_KEY, version=1).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_seed_case_register"),
        ("press", "0001_initial"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
