"""Seed the department's unit symbol, the JRWA classes its cases use and the first information clause.

All of it is data that clerks change in the admin: the department's real symbol and the city's JRWA
numbers were not verified (DOMAIN.md §J.1 [K]), so these are placeholders to confirm.
"""

import datetime

from django.db import migrations

UNIT = ("KSP", "Wydział Kultury, Komunikacji Społecznej i Promocji Miasta")

# (symbol, title, archival category) — to be checked against the city's own JRWA.
JRWA_CLASSES = [
    ("0005", "Opinie, wnioski i uwagi mieszkańców dotyczące działania urzędu", "B5"),
    ("1431", "Udostępnianie informacji publicznej", "B10"),
    ("5210", "Rejestr instytucji kultury i akta rejestrowe", "A"),
    ("5211", "Nadzór nad instytucjami kultury", "A"),
    ("5220", "Dotacje na zadania z zakresu kultury", "BE10"),
    ("5230", "Stypendia i nagrody w dziedzinie kultury", "A"),
    ("5240", "Imprezy masowe i imprezy artystyczne", "B5"),
    ("0414", "Patronaty honorowe i zgody na używanie symboli miasta", "A"),
    ("0420", "Współpraca ze środkami masowego przekazu, sprostowania", "A"),
    ("0430", "Promocja miasta", "A"),
    ("0630", "Dostępność architektoniczna, informacyjno-komunikacyjna i cyfrowa", "B5"),
]

FEEDBACK_CLAUSE = (
    "<p>Administratorem danych osobowych jest Prezydent Miasta Ruda Śląska, pl. Jana Pawła II 6, "
    "41-709 Ruda Śląska. Kontakt z inspektorem ochrony danych: iod@rudaslaska.pl.</p>"
    "<p>Opinia i — jeśli zostanie podany — adres e-mail są przetwarzane wyłącznie w celu ulepszania portalu "
    "i udzielenia odpowiedzi (art. 6 ust. 1 lit. e RODO — zadanie realizowane w interesie publicznym). "
    "Odbiorcami danych mogą być wyłącznie podmioty obsługujące systemy informatyczne urzędu. Dane nie są "
    "przekazywane poza Europejski Obszar Gospodarczy.</p>"
    "<p>Dane są przechowywane przez 5 lat od końca roku, w którym zakończono sprawę (kategoria archiwalna B5). "
    "Przysługuje prawo dostępu do danych, ich sprostowania, ograniczenia przetwarzania i wniesienia sprzeciwu, "
    "a także prawo wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych. Podanie adresu e-mail jest "
    "dobrowolne; bez niego nie udzielimy odpowiedzi. Dane nie służą do zautomatyzowanego podejmowania decyzji.</p>"
)


def seed(apps, schema_editor):
    OrganisationalUnit = apps.get_model("core", "OrganisationalUnit")
    JrwaClass = apps.get_model("core", "JrwaClass")
    InformationClause = apps.get_model("core", "InformationClause")
    OrganisationalUnit.objects.get_or_create(symbol=UNIT[0], defaults={"name": UNIT[1]})
    for symbol, title, category in JRWA_CLASSES:
        JrwaClass.objects.get_or_create(symbol=symbol, defaults={"title": title, "archival_category": category})
    InformationClause.objects.get_or_create(
        form_key="core.feedback",
        version=1,
        defaults={"legal_basis": "art6_1_e", "text": FEEDBACK_CLAUSE, "valid_from": datetime.date(2026, 1, 1)},
    )


def unseed(apps, schema_editor):
    apps.get_model("core", "InformationClause").objects.filter(form_key="core.feedback", version=1).delete()
    apps.get_model("core", "JrwaClass").objects.filter(symbol__in=[row[0] for row in JRWA_CLASSES]).delete()
    apps.get_model("core", "OrganisationalUnit").objects.filter(symbol=UNIT[0]).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
