"""Seed the information clauses (art. 13 RODO) of the permit application and the event notification forms.

The clauses are data: a later change is a new version added in the admin, never an edit of these. The case
type itself (JRWA class 5240 "Imprezy masowe i imprezy artystyczne", B5) was seeded by core 0002.
"""

import datetime

from django.db import migrations

COMMON_HEAD = (
    "<p>Administratorem danych osobowych jest Prezydent Miasta Ruda Śląska, pl. Jana Pawła II 6, "
    "41-709 Ruda Śląska. Kontakt z inspektorem ochrony danych: iod@rudaslaska.pl.</p>"
)
COMMON_TAIL = (
    "<p>Dane są przechowywane przez okres wynikający z kategorii archiwalnej klasy 5240 jednolitego rzeczowego "
    "wykazu akt (B5: 5 lat od końca roku, w którym zakończono sprawę), po czym są usuwane. Przysługuje prawo "
    "dostępu do danych, ich sprostowania i ograniczenia przetwarzania, a także prawo wniesienia skargi do Prezesa "
    "Urzędu Ochrony Danych Osobowych. Dane nie są przekazywane poza Europejski Obszar Gospodarczy i nie służą do "
    "zautomatyzowanego podejmowania decyzji, w tym profilowania.</p>"
)
PERMIT_CLAUSE = (
    COMMON_HEAD + "<p>Dane organizatora, osoby do kontaktu i kierownika do spraw bezpieczeństwa (w tym numer PESEL) "
    "są przetwarzane w celu wydania zezwolenia na przeprowadzenie imprezy masowej (art. 6 ust. 1 lit. c RODO — "
    "obowiązek prawny: art. 25–29 ustawy z dnia 20 marca 2009 r. o bezpieczeństwie imprez masowych). Podanie danych "
    "jest wymogiem ustawowym; bez nich wniosek nie może zostać rozpatrzony. Numer PESEL nie jest publikowany ani "
    "przesyłany pocztą elektroniczną.</p><p>Odbiorcami danych są Komendant Miejski Policji i Wojewoda Śląski "
    "(kopia decyzji), Samorządowe Kolegium Odwoławcze w razie odwołania oraz podmioty obsługujące systemy "
    "informatyczne urzędu.</p>" + COMMON_TAIL
)
NOTIFICATION_CLAUSE = (
    COMMON_HEAD + "<p>Dane organizatora i osoby do kontaktu są przetwarzane w celu przyjęcia zawiadomienia "
    "o imprezie artystycznej lub rozrywkowej (art. 6 ust. 1 lit. c RODO — obowiązek prawny: art. 34–37 ustawy "
    "z dnia 25 października 1991 r. o organizowaniu i prowadzeniu działalności kulturalnej). Podanie danych jest "
    "wymogiem ustawowym; numer telefonu jest dobrowolny.</p><p>Odbiorcami danych mogą być Samorządowe Kolegium "
    "Odwoławcze w razie odwołania oraz podmioty obsługujące systemy informatyczne urzędu.</p>" + COMMON_TAIL
)
CLAUSES = {"mass_events.permit": PERMIT_CLAUSE, "mass_events.notification": NOTIFICATION_CLAUSE}


def seed(apps, schema_editor):
    InformationClause = apps.get_model("core", "InformationClause")
    for form_key, text in CLAUSES.items():
        InformationClause.objects.get_or_create(
            form_key=form_key,
            version=1,
            defaults={"legal_basis": "art6_1_c", "text": text, "valid_from": datetime.date(2026, 1, 1)},
        )


def unseed(apps, schema_editor):
    apps.get_model("core", "InformationClause").objects.filter(form_key__in=list(CLAUSES), version=1).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_seed_case_register"),
        ("mass_events", "0001_permits_and_notifications"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
