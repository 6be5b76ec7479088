"""The City Hall library's demo data (DOMAIN.md §H): a specialist collection for local-government work, the
employees who borrow from it, subscriptions of local-government periodicals and a legal database with their routing
lists. Read by `manage.py seed_library`. Titles are made up in the style of real commentaries; the ISBNs and ISSNs
are invented but carry correct check digits.
"""

import datetime

D = datetime.date

# Each book: title, authors, publisher, year, ISBN, subjects, shelfmark and price.
BOOKS = [
    (
        "Kodeks postępowania administracyjnego. Komentarz",
        "Nowicka Barbara; Zieliński Adam",
        "Wolters Kluwer",
        2025,
        "9788326445316",
        "postępowanie administracyjne; k.p.a.",
        "II-101",
        "289.00",
    ),
    (
        "Ustawa o samorządzie gminnym. Komentarz",
        "Kowalczyk Piotr",
        "C.H. Beck",
        2024,
        "9788301184322",
        "samorząd terytorialny; gmina",
        "II-102",
        "249.00",
    ),
    (
        "Ustawa o organizowaniu i prowadzeniu działalności kulturalnej. Komentarz",
        "Wójcik Anna",
        "Wolters Kluwer",
        2023,
        "9788376202112",
        "instytucje kultury; działalność kulturalna",
        "II-140",
        "179.00",
    ),
    (
        "Bezpieczeństwo imprez masowych. Komentarz",
        "Lewandowski Marek",
        "C.H. Beck",
        2023,
        "9788325590123",
        "imprezy masowe; bezpieczeństwo",
        "II-141",
        "159.00",
    ),
    (
        "Ustawa o działalności pożytku publicznego i o wolontariacie. Komentarz",
        "Mazur Ewa; Krawczyk Jan",
        "Wolters Kluwer",
        2024,
        "9788301115449",
        "organizacje pozarządowe; dotacje",
        "II-142",
        "199.00",
    ),
    (
        "Finanse publiczne. Komentarz do ustawy",
        "Kamińska Joanna",
        "Difin",
        2025,
        "9788328389106",
        "finanse publiczne; dotacje; budżet",
        "II-150",
        "229.00",
    ),
    (
        "Prawo prasowe. Komentarz",
        "Szymański Tomasz",
        "C.H. Beck",
        2022,
        "9788361190042",
        "prawo prasowe; sprostowanie",
        "II-160",
        "149.00",
    ),
    (
        "Dostępność cyfrowa w administracji publicznej",
        "Dąbrowska Katarzyna",
        "Presscom",
        2024,
        "9788380122338",
        "dostępność cyfrowa; WCAG",
        "III-12",
        "89.00",
    ),
    (
        "Instrukcja kancelaryjna w praktyce urzędu",
        "Pawlak Grzegorz",
        "Wolters Kluwer",
        2021,
        "9788326433771",
        "instrukcja kancelaryjna; JRWA; archiwum",
        "III-20",
        "119.00",
    ),
    (
        "Promocja miasta. Strategie i narzędzia",
        "Jabłońska Monika",
        "Difin",
        2023,
        "9788382461121",
        "promocja miasta; marketing terytorialny",
        "IV-03",
        "79.00",
    ),
]
PERIODICAL_ITEMS = [
    ("Wspólnota nr 1/2026", "14291045", "Cz-1/2026"),
    ("Wspólnota nr 2/2026", "14291045", "Cz-2/2026"),
]
LOOSE_LEAF = [("Zbiór przepisów samorządowych — wydanie aktualizowane", "Wolters Kluwer", "L-1", "540.00")]
E_RESOURCES = [("Portal Orzeczeń Sądów Administracyjnych (CBOSA)", "https://orzeczenia.nsa.gov.pl/", "E-1")]
EMPLOYEES = [
    ("m.kowalczyk", "Marta", "Kowalczyk", "m.kowalczyk@rudaslaska.example.pl"),
    ("p.zielinski", "Paweł", "Zieliński", "p.zielinski@rudaslaska.example.pl"),
    ("j.wojcik", "Joanna", "Wójcik", "j.wojcik@rudaslaska.example.pl"),
]
DEPARTMENTS = [
    ("Wydział Kultury, Komunikacji Społecznej i Promocji Miasta", "KSP", "pok. 210"),
    ("Wydział Finansowy", "FN", "pok. 105"),
    ("Biuro Prawne", "BP", "pok. 301"),
    ("Wydział Organizacyjny", "OR", "pok. 120"),
    ("Biuro Rady Miasta", "BRM", "pok. 12"),
]
# Each subscription: title, kind, ISSN, supplier, cost, the routing list by symbol, months left, issues logged.
SUBSCRIPTIONS = [
    (
        "Wspólnota",
        "print",
        "14291045",
        "Municipium S.A.",
        "1188.00",
        ["KSP", "OR", "BRM"],
        10,
        [("1/2026", 3), ("2/2026", 1)],
    ),
    ("Finanse Komunalne", "print", "12309362", "Wolters Kluwer Polska", "890.00", ["FN", "KSP"], 1, [("1/2026", 0)]),
    ("LEX Samorząd Terytorialny", "online", "", "Wolters Kluwer Polska", "9800.00", [], 1, []),
]
