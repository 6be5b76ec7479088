"""The register's demo data: the city's cultural institutions (DOMAIN.md §A.1), their books and extract requests.

Read by `manage.py seed_institutions` (institutions.management.commands.seed_institutions), which enters them through
the services. The acts' numbers other than the library's statute (uchwała 354/XXVIII/2000 of 26.06.2000, [V S19])
are invented for the demo.
"""

import datetime

from institutions.models import InstitutionKind

D = datetime.date
# A one-page PDF standing in for a bank's transfer confirmation.
DEMO_PROOF_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
EXTRACT_REQUESTS = [
    {
        "entry_no": 1,
        "kind": "abridged",
        "copies": 1,
        "name": "Jan Kowalski",
        "address": "ul. Halembska 10\n41-717 Ruda Śląska",
        "email": "jan.kowalski@example.pl",
        "delivery": "post_registered",
        "days_ago": 1,
    },
    {
        "entry_no": 2,
        "kind": "full",
        "copies": 2,
        "name": "Stowarzyszenie Przyjaciół Orzegowa",
        "address": "ul. Bytomska 5\n41-710 Ruda Śląska",
        "email": "zarzad@przyjaciele-orzegowa.example.pl",
        "delivery": "in_person",
        "days_ago": 4,
        "pages": 3,
    },
    {
        "entry_no": 3,
        "kind": "abridged",
        "copies": 1,
        "name": "Kancelaria Radcy Prawnego Anna Zielińska",
        "address": "ul. Niedurnego 40/2\n41-709 Ruda Śląska",
        "email": "kancelaria.zielinska@example.pl",
        "delivery": "electronic",
        "days_ago": 6,
        "pages": 1,
        "proof": True,
    },
    {
        "entry_no": 1,
        "kind": "full",
        "copies": 1,
        "name": "Fundacja Śląskie Dziedzictwo",
        "address": "ul. Wolności 12\n41-700 Ruda Śląska",
        "email": "biuro@slaskie-dziedzictwo.example.pl",
        "delivery": "post_registered",
        "days_ago": 8,
        "pages": 4,
        "proof": True,
        "paid": True,
    },
    {
        "entry_no": 2,
        "kind": "abridged",
        "copies": 1,
        "name": "Piotr Nowicki",
        "address": "ul. Kokota 160\n41-711 Ruda Śląska",
        "email": "piotr.nowicki@example.pl",
        "delivery": "electronic",
        "days_ago": 10,
        "pages": 1,
        "proof": True,
        "paid": True,
        "issued": True,
    },
]
# § 14 of the regulation: the electronic books were opened on 21.05.2012 by copying the old books' current entries.
TRANSFER_DATE = D(2012, 5, 21)
TRANSFER_REMARK = "Wpis przeniesiony z dotychczasowej księgi rejestrowej (§ 14 rozporządzenia MKiDN z 26.01.2012)."

INSTITUTIONS = [
    {
        "entry_no": 1,
        "kind": InstitutionKind.CULTURE_CENTRE,
        "website": "https://www.mckruda.pl/",
        "founding_act": ("XIX/182/1991", D(1991, 11, 28), "w sprawie utworzenia Miejskiego Centrum Kultury"),
        "statute_act": (
            "LIV/812/2009",
            D(2009, 9, 24),
            "w sprawie nadania statutu Miejskiemu Centrum Kultury im. Henryka Bisty w Rudzie Śląskiej",
        ),  # noqa: E501
        "values": {
            "full_name": "Miejskie Centrum Kultury im. Henryka Bisty w Rudzie Śląskiej",
            "short_name": "MCK",
            "activity": "Prowadzenie wielokierunkowej działalności w zakresie tworzenia, upowszechniania i ochrony "
            "kultury, edukacja kulturalna i wychowanie przez sztukę, organizacja imprez miejskich.",
            "seat": "Ruda Śląska",
            "address": "ul. Piotra Niedurnego 69, 41-709 Ruda Śląska",
            "regon": "000281921",
        },
        "director": ("Aleksandra Kowalczyk", "competition", D(2022, 9, 1), D(2027, 8, 31)),
        "branches": "Dom Kultury w Bielszowicach, ul. Kałusa 2, Ruda Śląska\n"
        "Dom Kultury w Halembie, ul. 1 Maja 32, Ruda Śląska",
    },
    {
        "entry_no": 2,
        "kind": InstitutionKind.LIBRARY,
        "website": "https://biblioteka.r-sl.pl/",
        "founding_act": ("XVI/130/1991", D(1991, 6, 27), "w sprawie utworzenia Miejskiej Biblioteki Publicznej"),
        "statute_act": (
            "354/XXVIII/2000",
            D(2000, 6, 26),
            "w sprawie nadania statutu Miejskiej Bibliotece Publicznej w Rudzie Śląskiej",
        ),  # noqa: E501
        "values": {
            "full_name": "Miejska Biblioteka Publiczna w Rudzie Śląskiej",
            "short_name": "MBP",
            "activity": "Gromadzenie, opracowywanie, przechowywanie i ochrona materiałów bibliotecznych, obsługa "
            "użytkowników, działalność informacyjna i upowszechnianie czytelnictwa.",
            "seat": "Ruda Śląska",
            "address": "ul. Romualda Dąbrowskiego 20, 41-700 Ruda Śląska",
            "regon": "000282636",
        },
        "director": ("Marek Zieliński", "without_competition", D(2021, 3, 1), D(2026, 2, 28)),
        "branches": "\n".join(f"Filia nr {n}, Ruda Śląska" for n in range(1, 15)),
    },
    {
        "entry_no": 3,
        "kind": InstitutionKind.MUSEUM,
        "website": "https://muzeum.rsl.pl/",
        "founding_act": ("X/98/1990", D(1990, 12, 20), "w sprawie utworzenia Muzeum Miejskiego w Rudzie Śląskiej"),
        "statute_act": (
            "XXXVII/523/2013",
            D(2013, 4, 25),
            "w sprawie nadania statutu Muzeum Miejskiemu im. Maksymiliana Chroboka w Rudzie Śląskiej",
        ),  # noqa: E501
        "values": {
            "full_name": "Muzeum Miejskie im. Maksymiliana Chroboka w Rudzie Śląskiej",
            "short_name": "",
            "activity": "Gromadzenie i trwała ochrona dóbr dziedzictwa przyrodniczego i kulturowego Rudy Śląskiej "
            "i Górnego Śląska, wystawy, działalność edukacyjna i wydawnicza.",
            "seat": "Ruda Śląska",
            "address": "ul. Wolności 26, 41-700 Ruda Śląska",
            "regon": "000856126",
        },
        "director": ("Beata Nowicka", "competition", D(2019, 7, 1), D(2026, 6, 30)),
        "branches": "",
    },
]
