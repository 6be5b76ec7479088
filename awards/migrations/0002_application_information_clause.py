"""Seed the information clause (art. 13 RODO) of the public scholarship application and award nomination form.

The clause is data: a later change is a new version added in the admin, never an edit of this one.
"""

import datetime

from django.db import migrations

FORM_KEY = "awards.application"

APPLICATION_CLAUSE = (
    "<p>Administratorem danych osobowych jest Prezydent Miasta Ruda Śląska, pl. Jana Pawła II 6, "
    "41-709 Ruda Śląska. Kontakt z inspektorem ochrony danych: iod@rudaslaska.pl.</p>"
    "<p>Dane wnioskodawcy i kandydata (imię i nazwisko lub nazwa, adres, adres e-mail, numer telefonu, opis "
    "osiągnięć i dokumentacja) są przetwarzane w celu rozpatrzenia wniosku o stypendium artystyczne lub zgłoszenia "
    "do nagrody Prezydenta Miasta w dziedzinie kultury (art. 6 ust. 1 lit. e RODO w związku z art. 7a i 7b ustawy "
    "o organizowaniu i prowadzeniu działalności kulturalnej oraz uchwałą Rady Miasta Ruda Śląska), a po przyznaniu "
    "stypendium — w celu zawarcia i wykonania umowy (art. 6 ust. 1 lit. b RODO).</p>"
    "<p>Imię i nazwisko laureata, dziedzina lub kategoria oraz kwota mogą zostać podane do publicznej wiadomości "
    "na portalu i w Biuletynie Informacji Publicznej. Adres, numer telefonu i pozostałe dane nie są publikowane. "
    "Odbiorcami danych mogą być członkowie komisji opiniującej oraz podmioty obsługujące systemy informatyczne "
    "urzędu na podstawie umów powierzenia. Dane nie są przekazywane poza Europejski Obszar Gospodarczy.</p>"
    "<p>Dane są przechowywane przez okres wynikający z kategorii archiwalnej klasy 5230 jednolitego rzeczowego "
    "wykazu akt („Stypendia i nagrody w dziedzinie kultury”). Przysługuje prawo dostępu do danych, ich "
    "sprostowania, ograniczenia przetwarzania i wniesienia sprzeciwu, a także prawo wniesienia skargi do Prezesa "
    "Urzędu Ochrony Danych Osobowych.</p>"
    "<p>Podanie danych jest dobrowolne, ale bez danych wymaganych w formularzu wniosek nie może zostać rozpatrzony. "
    "Dane nie służą do zautomatyzowanego podejmowania decyzji, w tym profilowania.</p>"
)


def seed(apps, schema_editor):
    InformationClause = apps.get_model("core", "InformationClause")
    InformationClause.objects.get_or_create(
        form_key=FORM_KEY,
        version=1,
        defaults={"legal_basis": "art6_1_e", "text": APPLICATION_CLAUSE, "valid_from": datetime.date(2026, 12, 7)},
    )


def unseed(apps, schema_editor):
    apps.get_model("core", "InformationClause").objects.filter(form_key=FORM_KEY, version=1).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_seed_case_register"),
        ("awards", "0001_initial"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
