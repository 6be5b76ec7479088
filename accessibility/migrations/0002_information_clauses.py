"""Seed the information clauses (art. 13 RODO) of the request for accessibility and the demand for digital
accessibility. The clauses are data: a later change is a new version added in the admin, never an edit of these."""

import datetime

from django.db import migrations

CLAUSE = (
    "<p>Administratorem danych osobowych jest Prezydent Miasta Ruda Śląska, pl. Jana Pawła II 6, "
    "41-709 Ruda Śląska. Kontakt z inspektorem ochrony danych: iod@rudaslaska.pl.</p>"
    "<p>Dane (imię i nazwisko lub nazwa, dane kontaktowe, opis bariery lub strony, nagranie w polskim języku "
    "migowym, jeśli zostało przesłane) są przetwarzane w celu rozpatrzenia {subject} (art. 6 ust. 1 lit. c RODO "
    "w związku z {act}); informacje o szczególnych potrzebach — na podstawie art. 9 ust. 2 lit. g RODO.</p>"
    "<p>Odbiorcami danych mogą być wyłącznie podmioty obsługujące systemy informatyczne urzędu na podstawie umów "
    "powierzenia oraz organy rozpatrujące skargę. Dane nie są przekazywane poza Europejski Obszar Gospodarczy.</p>"
    "<p>Dane są przechowywane przez okres wynikający z kategorii archiwalnej klasy 0630 jednolitego rzeczowego "
    "wykazu akt. Przysługuje prawo dostępu do danych, ich sprostowania i ograniczenia przetwarzania, a także prawo "
    "wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych.</p>"
    "<p>Podanie danych kontaktowych jest warunkiem rozpatrzenia sprawy: bez nich pozostaje ona bez rozpatrzenia. "
    "Dane nie służą do zautomatyzowanego podejmowania decyzji, w tym profilowania.</p>"
)
CLAUSES = {
    "accessibility.request": CLAUSE.format(
        subject="wniosku o zapewnienie dostępności",
        act="art. 30–32 ustawy z dnia 19 lipca 2019 r. o zapewnianiu dostępności osobom ze szczególnymi potrzebami",
    ),
    "accessibility.demand": CLAUSE.format(
        subject="żądania zapewnienia dostępności cyfrowej",
        act="art. 18 ustawy z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji "
        "mobilnych podmiotów publicznych",
    ),
}


def seed(apps, schema_editor):
    InformationClause = apps.get_model("core", "InformationClause")
    for form_key, text in CLAUSES.items():
        InformationClause.objects.get_or_create(
            form_key=form_key,
            version=1,
            defaults={"legal_basis": "art6_1_c", "text": text, "valid_from": datetime.date(2026, 12, 7)},
        )


def unseed(apps, schema_editor):
    apps.get_model("core", "InformationClause").objects.filter(form_key__in=CLAUSES, version=1).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_seed_case_register"),
        ("accessibility", "0001_initial"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
