"""Seed the information clause (art. 13 RODO) of the newsletter's subscription form (DOMAIN.md §J.3).

The clause is data: a later change is a new version, never an edit of this one.
"""

import datetime

from django.db import migrations

FORM_KEY = "newsletter.subscriber"

SUBSCRIPTION_CLAUSE = (
    "<p>Administratorem danych osobowych jest Prezydent Miasta Ruda Śląska, pl. Jana Pawła II 6, "
    "41-709 Ruda Śląska. Kontakt z inspektorem ochrony danych: iod@rudaslaska.pl.</p>"
    "<p>Adres e-mail i wybrane tematy są przetwarzane w celu wysyłania newslettera Wydziału Kultury na podstawie "
    "zgody (art. 6 ust. 1 lit. a RODO). Przechowujemy treść i wersję udzielonej zgody oraz czas jej udzielenia "
    "i potwierdzenia adresu (art. 7 ust. 1 RODO).</p>"
    "<p>Zgodę można wycofać w każdej chwili linkiem „Wypisz się” w każdej wiadomości; wycofanie zgody nie wpływa "
    "na zgodność z prawem przetwarzania sprzed jej wycofania. Po wypisaniu adres i tematy są od razu usuwane, a "
    "adres niepotwierdzony — po 7 dniach. Odbiorcą danych jest dostawca poczty elektronicznej urzędu na podstawie "
    "umowy powierzenia. Dane nie są przekazywane poza Europejski Obszar Gospodarczy.</p>"
    "<p>Przysługuje prawo dostępu do danych, ich sprostowania, usunięcia, ograniczenia przetwarzania i przenoszenia "
    "oraz prawo wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych. Podanie danych jest dobrowolne; bez "
    "adresu e-mail nie można otrzymywać newslettera. Dane nie służą do zautomatyzowanego podejmowania decyzji, w tym "
    "profilowania.</p>"
)


def seed(apps, schema_editor):
    InformationClause = apps.get_model("core", "InformationClause")
    InformationClause.objects.get_or_create(
        form_key=FORM_KEY,
        version=1,
        defaults={"legal_basis": "art6_1_a", "text": SUBSCRIPTION_CLAUSE, "valid_from": datetime.date(2026, 12, 7)},
    )


def unseed(apps, schema_editor):
    apps.get_model("core", "InformationClause").objects.filter(form_key=FORM_KEY, version=1).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_seed_case_register"),
        ("newsletter", "0001_initial"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
