"""The demo calendar's data: organisers, venues, ensembles, titles and the blueprints events are drawn from.

Read by `manage.py seed_events` (events.management.commands.seed_events), which turns them into events through
the services. Venues: the addresses of the Miejskie Centrum Kultury im. Henryka Bisty (ul. Niedurnego 69), the
Muzeum Miejskie im. Maksymiliana Chroboka (ul. Wolności 26), Stacja Biblioteka (ul. Dworcowa 33) and Biblioteka
Ficinus (ul. Kubiny 24) come from public sources; the other addresses, postal codes, branch numbers and map
points are plausible demo values, not verified. People, bands and titles are invented (the films are real).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from core.districts import District

# ---------------------------------------------------------------------------------------------------------
# Organisers
# ---------------------------------------------------------------------------------------------------------
MCK = ("Miejskie Centrum Kultury im. Henryka Bisty", "")
MBP = ("Miejska Biblioteka Publiczna w Rudzie Śląskiej", "https://biblioteka.r-sl.pl/")
MUZEUM = ("Muzeum Miejskie im. Maksymiliana Chroboka", "https://muzeum.rsl.pl/")
DK = ("Dom Kultury w Rudzie Śląskiej", "")
MIASTO = ("Urząd Miasta Ruda Śląska", "")
TPMRS = ("Towarzystwo Przyjaciół Miasta Rudy Śląskiej", "")
SZACHY = ("Uczniowski Klub Szachowy „Goniec”", "")
PTTK = ("Koło PTTK „Halemba”", "")

# ---------------------------------------------------------------------------------------------------------
# Venues: slug -> fields. `outdoor` venues are used from April to September only (Christmas fair: December).
# ---------------------------------------------------------------------------------------------------------
STEP_FREE = {"step_free_entry": True, "accessible_toilet": True}
FULL_ACCESS = {**STEP_FREE, "induction_loop": True, "disabled_parking": True}

VENUES = {
    "mck-im-henryka-bisty": {
        "name": "Miejskie Centrum Kultury im. Henryka Bisty",
        "street_address": "ul. Niedurnego 69",
        "postal_code": "41-709",
        "district": District.NOWY_BYTOM,
        "latitude": Decimal("50.292900"),
        "longitude": Decimal("18.855600"),
        "description": "Sala widowiskowa na ok. 400 miejsc, sala kameralna, pracownie i Stara Drukarnia.",
        **FULL_ACCESS,
        "quiet_space": True,
        "accessibility_notes": "Wejście bez schodów od strony parkingu; winda na piętro; pętla indukcyjna w "
        "sali widowiskowej (rzędy 1–6). Dwa miejsca parkingowe dla osób z niepełnosprawnością przy wejściu.",
    },
    "galeria-fryna": {
        "name": "Galeria „Fryna” w MCK im. Henryka Bisty",
        "street_address": "ul. Niedurnego 69",
        "postal_code": "41-709",
        "district": District.NOWY_BYTOM,
        "latitude": Decimal("50.292900"),
        "longitude": Decimal("18.855600"),
        "description": "Galeria sztuki współczesnej Miejskiego Centrum Kultury.",
        **STEP_FREE,
        "accessibility_notes": "Galeria na parterze, wejście bez progów. Ławki w sali wystawowej.",
    },
    "dk-bielszowice": {
        "name": "Dom Kultury w Rudzie Śląskiej – Bielszowice",
        "street_address": "ul. Kokota 170",
        "postal_code": "41-711",
        "district": District.BIELSZOWICE,
        "latitude": Decimal("50.278300"),
        "longitude": Decimal("18.845100"),
        "description": "Sala widowiskowa, sala baletowa i pracownie plastyczne.",
        "step_free_entry": True,
        "disabled_parking": True,
        "accessibility_notes": "Podjazd dla wózków od ul. Kokota. Toaleta na piętrze (bez windy).",
    },
    "muzeum-miejskie": {
        "name": "Muzeum Miejskie im. Maksymiliana Chroboka",
        "street_address": "ul. Wolności 26",
        "postal_code": "41-700",
        "district": District.RUDA,
        "latitude": Decimal("50.283100"),
        "longitude": Decimal("18.874500"),
        "description": "Wystawy stałe o dziejach górnictwa, życiu codziennym i kulturze ludowej Górnego Śląska.",
        "accessible_toilet": True,
        "quiet_space": True,
        "accessibility_notes": "Budynek z początku XX wieku: do wejścia prowadzi pięć stopni, sale wystawowe na "
        "pierwszym piętrze. Przy wcześniejszym telefonie pracownicy pomogą wejść i udostępnią krzesło składane.",
    },
    "stacja-biblioteka": {
        "name": "Stacja Biblioteka – MBP",
        "street_address": "ul. Dworcowa 33",
        "postal_code": "41-709",
        "district": District.CHEBZIE,
        "latitude": Decimal("50.302800"),
        "longitude": Decimal("18.882600"),
        "description": "Biblioteka w dawnym dworcu kolejowym: mediateka, czytelnia i Galeria Godula Fermata.",
        **FULL_ACCESS,
        "quiet_space": True,
        "accessibility_notes": "Wejście z poziomu chodnika; winda na antresolę; pętla indukcyjna przy ladzie.",
    },
    "biblioteka-ficinus": {
        "name": "Biblioteka Ficinus – MBP",
        "street_address": "ul. Kubiny 24",
        "postal_code": "41-706",
        "district": District.WIREK,
        "latitude": Decimal("50.268900"),
        "longitude": Decimal("18.857900"),
        "description": "Biblioteka w odnowionym domu na osiedlu robotniczym Ficinus.",
        **STEP_FREE,
        "accessibility_notes": "Wejście z podjazdem od podwórza.",
    },
    "cis-stara-bykowina": {
        "name": "Centrum Inicjatyw Społecznych „Stara Bykowina” – MBP",
        "street_address": "ul. Zamenhofa 2",
        "postal_code": "41-710",
        "district": District.BYKOWINA,
        "latitude": Decimal("50.298700"),
        "longitude": Decimal("18.903200"),
        "description": "Filia biblioteki i miejsce spotkań mieszkańców Bykowiny.",
        **STEP_FREE,
        "disabled_parking": True,
    },
    "cis-stary-orzegow": {
        "name": "Centrum Inicjatyw Społecznych „Stary Orzegów” – MBP",
        "street_address": "ul. Hallera 20",
        "postal_code": "41-704",
        "district": District.ORZEGOW,
        "latitude": Decimal("50.312100"),
        "longitude": Decimal("18.867400"),
        "description": "Filia biblioteki z salą warsztatową.",
        "step_free_entry": True,
    },
    "mbp-filia-18-halemba": {
        "name": "MBP – Filia nr 18 (Halemba)",
        "street_address": "ul. Energetyków 15",
        "postal_code": "41-703",
        "district": District.HALEMBA,
        "latitude": Decimal("50.235600"),
        "longitude": Decimal("18.863200"),
        **STEP_FREE,
    },
    "mbp-filia-8-godula": {
        "name": "MBP – Filia nr 8 (Godula)",
        "street_address": "ul. Joanny 9",
        "postal_code": "41-705",
        "district": District.GODULA,
        "latitude": Decimal("50.301500"),
        "longitude": Decimal("18.874300"),
        "accessibility_notes": "Wejście po trzech stopniach; na prośbę wystawiamy rampę przenośną.",
    },
    "mbp-filia-9-kochlowice": {
        "name": "MBP – Filia nr 9 (Kochłowice)",
        "street_address": "ul. Radoszowska 163",
        "postal_code": "41-712",
        "district": District.KOCHLOWICE,
        "latitude": Decimal("50.254200"),
        "longitude": Decimal("18.909800"),
        **STEP_FREE,
    },
    "mbp-filia-12-bielszowice": {
        "name": "MBP – Filia nr 12 (Bielszowice)",
        "street_address": "ul. Kościelna 2",
        "postal_code": "41-711",
        "district": District.BIELSZOWICE,
        "latitude": Decimal("50.279900"),
        "longitude": Decimal("18.839500"),
        "step_free_entry": True,
    },
    "mbp-filia-czarny-las": {
        "name": "MBP – Filia nr 3 (Czarny Las)",
        "street_address": "ul. Kingi 8",
        "postal_code": "41-707",
        "district": District.CZARNY_LAS,
        "latitude": Decimal("50.271300"),
        "longitude": Decimal("18.879000"),
        **STEP_FREE,
    },
    "hala-mosir-halemba": {
        "name": "Hala sportowa MOSiR w Halembie",
        "street_address": "ul. Kłodnicka 95",
        "postal_code": "41-703",
        "district": District.HALEMBA,
        "latitude": Decimal("50.238800"),
        "longitude": Decimal("18.871000"),
        **FULL_ACCESS,
        "accessibility_notes": "Widownia z miejscami dla osób na wózkach przy płycie boiska.",
    },
    "amfiteatr-park-strzelnica": {
        "name": "Amfiteatr w Parku Strzelnica",
        "street_address": "ul. Obrońców Westerplatte 1",
        "postal_code": "41-706",
        "district": District.WIREK,
        "latitude": Decimal("50.265500"),
        "longitude": Decimal("18.848800"),
        "description": "Scena plenerowa z widownią na ok. 1500 osób.",
        "step_free_entry": True,
        "disabled_parking": True,
        "accessibility_notes": "Utwardzona alejka do sektora dla osób na wózkach; toalety przenośne, w tym jedna "
        "dostosowana, podczas imprez.",
    },
    "plac-przed-urzedem-miasta": {
        "name": "Plac przed Urzędem Miasta",
        "street_address": "pl. Jana Pawła II 6",
        "postal_code": "41-709",
        "district": District.NOWY_BYTOM,
        "latitude": Decimal("50.293600"),
        "longitude": Decimal("18.851900"),
        **STEP_FREE,
        "disabled_parking": True,
    },
}
# Who runs the venue: an institution's event at another institution's venue is that institution's own.
INSTITUTIONS = {MCK, MBP, DK}
VENUE_OWNERS = {"mck-im-henryka-bisty": MCK, "galeria-fryna": MCK, "dk-bielszowice": DK}
OUTDOOR_VENUES = {"amfiteatr-park-strzelnica", "plac-przed-urzedem-miasta"}
LIBRARY_VENUES = [
    "stacja-biblioteka",
    "biblioteka-ficinus",
    "cis-stara-bykowina",
    "cis-stary-orzegow",
    "mbp-filia-18-halemba",
    "mbp-filia-8-godula",
    "mbp-filia-9-kochlowice",
    "mbp-filia-12-bielszowice",
    "mbp-filia-czarny-las",
]

# ---------------------------------------------------------------------------------------------------------
# What the institutions put on: one blueprint per kind of event. "{x}" in texts is filled from `fill`.
# ---------------------------------------------------------------------------------------------------------
ENSEMBLES = [
    "Kwartetu Smyczkowego „Silesia”",
    "Rudzkiej Orkiestry Kameralnej",
    "Tria Fortepianowego „Arte”",
    "Orkiestry Dętej KWK „Pokój”",
    "Chóru „Harmonia” z Goduli",
    "zespołu „Bielszowickie Dziouchy”",
]
BANDS = ["Kroki w Chmurach", "Familok Blues Band", "Nikiszowiec Swing", "Czorny Las", "Szychta", "Klub 41"]
PLAYS = [
    "Mąż i żona",
    "Damy i huzary",
    "Szelmostwa Skapena",
    "Kolacja dla głupca",
    "Goło baba",
    "Wesele na Ficinusie",
]
FAIRY_TALES = ["Calineczka", "Jaś i Małgosia", "Kot w butach", "Brzydkie kaczątko", "Pinokio", "Czerwony Kapturek"]
FILMS = [
    "Sól ziemi czarnej",
    "Perła w koronie",
    "Paciorki jednego różańca",
    "Grzeszny żywot Franciszka Buły",
    "Śmierć jak kromka chleba",
    "Angelus",
    "Rejs",
    "Vabank",
]
FAMILY_FILMS = ["Akademia Pana Kleksa", "Pan Kleks w kosmosie", "Czarne stopy", "Tajemnica szyfru Marabuta"]
AUTHORS = ["Joanną Pietrzyk", "Markiem Wieczorkiem", "Ewą Kuczerą", "Adamem Pawlikiem", "Barbarą Szołtysek"]
MUSEUM_TALKS = [
    "Ród Ballestremów i rudzki przemysł",
    "Karol Godula – legenda i fakty",
    "Porcelana z Huty Franciszka w Bykowinie",
    "Familoki, ogródki i gołębniki: życie w osiedlu robotniczym",
    "Kochłowickie Grodzisko – co mówią wykopaliska",
    "Powstania śląskie w Rudzie i okolicy",
]
EXHIBITIONS_MUSEUM = [
    "Ruda Śląska na dawnych pocztówkach",
    "Sztandary górnicze ze zbiorów Muzeum",
    "Porcelana z Huty Franciszka",
    "Szkoła dawniej i dziś",
    "Śląskie wnętrze: kuchnia i izba",
]
EXHIBITIONS_ART = [
    "Ślady przemysłu – fotografia",
    "Akwarele znad Kłodnicy",
    "Grafika rudzkich twórców",
    "Kolory familoków – malarstwo",
    "Ceramika i szkło – wystawa pracowni MCK",
]
WORKSHOPS = [
    ("Warsztaty ceramiczne dla dorosłych", "glina, szkliwo i piec – od pierwszej miski do kubka"),
    ("Warsztaty typograficzne w Starej Drukarni", "skład ręczny i druk na zabytkowych maszynach"),
    ("Warsztaty fotograficzne", "kompozycja, światło i obróbka zdjęć z telefonu"),
    ("Rękodzieło: szydełko i makrama", "podstawowe sploty i pierwsza praca do zabrania do domu"),
    ("Godomy po ślōnsku – warsztaty gwary", "śląska mowa, piosenki i przysłowia"),
]
LIBRARY_WORKSHOPS = [
    ("Komputer bez tajemnic – zajęcia dla seniorów", "poczta, bankowość i e-usługi w urzędzie krok po kroku"),
    ("Klub małego czytelnika", "czytanie, rozmowa i prace plastyczne"),
    ("Nauka gry w szachy dla dzieci", "zasady, proste taktyki i turniej na koniec cyklu"),
    ("Klub gier planszowych", "nowości i klasyka gier planszowych"),
]
WALKS = ["po osiedlu Ficinus", "po Starym Orzegowie", "śladami kopalni Pokój", "po Goduli śladami Karola Goduli"]
SPORT = [
    ("Nordic walking z przewodnikiem", "Marsz w tempie dla każdego; kije można wypożyczyć na miejscu."),
    ("Joga dla seniorów", "Spokojne ćwiczenia na macie i na krześle."),
    ("Zdrowy kręgosłup – zajęcia ruchowe", "Ćwiczenia wzmacniające pod okiem fizjoterapeutki."),
]
OTHER = [
    ("Kiermasz książek używanych", "Książki z wycofanych zbiorów za symboliczną złotówkę."),
    ("Giełda filatelistyczna", "Wymiana znaczków i kopert; wycena zbiorów przez ekspertów."),
    ("Spotkanie Klubu Miłośników Rudy Śląskiej", "Wspomnienia, stare zdjęcia i plany wycieczek."),
    ("Dzień otwarty pracowni artystycznych", "Zajrzyj do pracowni, porozmawiaj z instruktorami, zapisz się."),
]
PEOPLE = [
    ("Anna Kowalczyk", "a.kowalczyk@example.com"),
    ("Piotr Wróbel", "piotr.wrobel@example.com"),
    ("Stowarzyszenie „Razem dla Halemby”", "kontakt@example.org"),
    ("Karolina Mazur", "k.mazur@example.com"),
    ("Fundacja „Kultura na Szychcie”", "biuro@example.org"),
]

ALL_MONTHS = frozenset(range(1, 13))
SUMMER = frozenset(range(5, 10))


@dataclass(frozen=True)
class Blueprint:
    category: str
    titles: tuple[str, ...]
    lead: str
    body: str
    venues: tuple[str, ...]
    organiser: tuple[str, str]
    times: tuple[tuple[int, int], ...] = ((18, 0),)
    minutes: int = 120
    paid: tuple[int, int] | None = None  # price range in PLN, None = free
    audiences: tuple[str, ...] = ()
    weekdays: frozenset[int] = frozenset(range(7))
    months: frozenset[int] = ALL_MONTHS
    series: tuple[int, int] | None = None  # weekly, min and max number of dates
    days: int = 1  # consecutive days
    exhibition_weeks: tuple[int, int] | None = None
    capacity: tuple[int, int] | None = None
    until_day: int = 31  # last day of the month it may start on (e.g. before Christmas)
    city: bool = False  # co-organised by the city
    fill: dict[str, tuple] = field(default_factory=dict)
    weight: int = 10


WEEKEND = frozenset({4, 5, 6})
BLUEPRINTS = [
    Blueprint(
        "koncerty",
        ("Koncert {x}",),
        "Wieczór muzyki na żywo w wykonaniu {x}.",
        "<p>Zapraszamy na koncert {x}. W programie utwory klasyczne i rozrywkowe, także śląskie evergreeny.</p>"
        "<p>Bilety w kasie od poniedziałku do piątku w godz. 10–18 i godzinę przed koncertem.</p>",
        ("mck-im-henryka-bisty", "dk-bielszowice"),
        MCK,
        times=((18, 0), (19, 0)),
        paid=(20, 60),
        audiences=("for_seniors",),
        weekdays=WEEKEND | {2, 3},
        fill={"x": tuple(ENSEMBLES)},
        weight=14,
    ),
    Blueprint(
        "koncerty",
        ("{x} – koncert",),
        "Zespół {x} zagra materiał z nowej płyty.",
        "<p>Zespół {x} to muzycy z Rudy Śląskiej i okolic. Zagrają utwory z nowej płyty i dawne przeboje.</p>",
        ("mck-im-henryka-bisty", "stacja-biblioteka", "amfiteatr-park-strzelnica"),
        MCK,
        times=((19, 0), (20, 0)),
        paid=(25, 50),
        audiences=("for_youth",),
        weekdays=WEEKEND,
        fill={"x": tuple(BANDS)},
    ),
    Blueprint(
        "koncerty",
        ("Koncert kolęd i pastorałek", "Śląskie kolędowanie", "Koncert noworoczny"),
        "Kolędy, pastorałki i świąteczne piosenki w wykonaniu chórów i solistów z Rudy Śląskiej.",
        "<p>Wspólne śpiewanie kolęd z chórami działającymi w mieście. Teksty kolęd rozdamy na miejscu.</p>",
        ("mck-im-henryka-bisty", "dk-bielszowice", "stacja-biblioteka"),
        MCK,
        times=((17, 0), (18, 0)),
        audiences=("for_families", "for_seniors"),
        months=frozenset({12, 1}),
        city=True,
        weight=6,
    ),
    Blueprint(
        "teatr",
        ("Spektakl „{x}”",),
        "Komedia w wykonaniu aktorów scen śląskich.",
        "<p>Spektakl „{x}” w wykonaniu gościnnym. Czas trwania ok. 2 godz. z przerwą.</p>"
        "<p>Bilety w kasie i w sprzedaży internetowej.</p>",
        ("mck-im-henryka-bisty", "dk-bielszowice"),
        MCK,
        times=((18, 0), (19, 0)),
        paid=(40, 90),
        weekdays=WEEKEND | {3},
        fill={"x": tuple(PLAYS)},
        weight=10,
    ),
    Blueprint(
        "teatr",
        ("Premiera Teatru Amatorskiego MCK: „{x}”", "Kabaret na Szychcie"),
        "Grupa teatralna działająca przy MCK pokazuje nowy spektakl.",
        "<p>Aktorzy-amatorzy z Rudy Śląskiej w przedstawieniu przygotowanym podczas zajęć w MCK.</p>",
        ("mck-im-henryka-bisty",),
        MCK,
        times=((18, 0),),
        paid=(15, 20),
        weekdays=WEEKEND,
        fill={"x": tuple(PLAYS)},
        weight=4,
    ),
    Blueprint(
        "wystawy",
        ("Wystawa „{x}”",),
        "Wystawa czasowa ze zbiorów Muzeum Miejskiego.",
        "<p>Wystawa „{x}” prezentuje pamiątki, dokumenty i fotografie ze zbiorów Muzeum. Otwarcie wystawy "
        "podczas wernisażu; potem do obejrzenia w godzinach otwarcia Muzeum.</p>",
        ("muzeum-miejskie",),
        MUZEUM,
        times=((17, 0),),
        paid=(6, 12),
        audiences=("for_seniors", "for_families"),
        weekdays=frozenset({1, 2, 3, 4}),
        exhibition_weeks=(4, 10),
        fill={"x": tuple(EXHIBITIONS_MUSEUM)},
        weight=6,
    ),
    Blueprint(
        "wystawy",
        ("Wystawa „{x}”",),
        "Prace artystów związanych z Rudą Śląską.",
        "<p>Wernisaż wystawy „{x}” z udziałem autorów. Wstęp wolny.</p>",
        ("galeria-fryna", "stacja-biblioteka"),
        MCK,
        times=((18, 0),),
        weekdays=frozenset({1, 2, 3, 4}),
        exhibition_weeks=(3, 6),
        fill={"x": tuple(EXHIBITIONS_ART)},
        weight=6,
    ),
    Blueprint(
        "film",
        ("Dyskusyjny Klub Filmowy: „{x}”", "Kino seniora: „{x}”"),
        "Pokaz filmu i rozmowa po seansie.",
        "<p>Pokaz filmu „{x}” z wprowadzeniem i dyskusją po seansie. Wstęp wolny, liczba miejsc ograniczona.</p>",
        ("stacja-biblioteka", "mck-im-henryka-bisty", "biblioteka-ficinus"),
        MBP,
        times=((17, 0), (18, 0)),
        minutes=150,
        audiences=("for_seniors",),
        weekdays=frozenset({0, 1, 2, 3}),
        fill={"x": tuple(FILMS)},
        weight=8,
    ),
    Blueprint(
        "film",
        ("Kino familijne: „{x}”",),
        "Seans dla całej rodziny na dużym ekranie.",
        "<p>Film „{x}” na dużym ekranie. Dzieci do lat 6 pod opieką dorosłych.</p>",
        ("mck-im-henryka-bisty", "dk-bielszowice"),
        MCK,
        times=((11, 0), (16, 0)),
        minutes=110,
        paid=(10, 15),
        audiences=("for_children", "for_families"),
        weekdays=frozenset({5, 6}),
        fill={"x": tuple(FAMILY_FILMS)},
        weight=5,
    ),
    Blueprint(
        "spotkania-i-wyklady",
        ("Spotkanie autorskie z {x}",),
        "Rozmowa o nowej książce, pytania czytelników i podpisywanie książek.",
        "<p>Gościem biblioteki będzie autorka lub autor powieści osadzonych na Śląsku: spotkanie z {x}. "
        "Prowadzenie: bibliotekarki MBP.</p>",
        tuple(LIBRARY_VENUES[:4]),
        MBP,
        times=((17, 0), (18, 0)),
        minutes=90,
        audiences=("for_seniors",),
        weekdays=frozenset({0, 1, 2, 3, 4}),
        fill={"x": tuple(AUTHORS)},
        weight=8,
    ),
    Blueprint(
        "spotkania-i-wyklady",
        ("Dyskusyjny Klub Książki",),
        "Comiesięczna rozmowa o przeczytanej książce – nowe osoby mile widziane.",
        "<p>Spotykamy się, by porozmawiać o książce wybranej na poprzednim spotkaniu. Egzemplarze do "
        "wypożyczenia w bibliotece.</p>",
        tuple(LIBRARY_VENUES),
        MBP,
        times=((16, 30), (17, 0)),
        minutes=90,
        audiences=("for_seniors",),
        weekdays=frozenset({1, 2, 3}),
        weight=6,
    ),
    Blueprint(
        "spotkania-i-wyklady",
        ("Wykład: {x}",),
        "Wykład z cyklu „Czwartki w Muzeum” z pokazem archiwalnych zdjęć.",
        "<p>„{x}” – wykład pracowników Muzeum z pokazem zdjęć i dokumentów ze zbiorów. Wstęp wolny.</p>",
        ("muzeum-miejskie",),
        MUZEUM,
        times=((17, 0),),
        minutes=90,
        audiences=("for_seniors",),
        weekdays=frozenset({3}),
        fill={"x": tuple(MUSEUM_TALKS)},
        weight=6,
    ),
    Blueprint(
        "spotkania-i-wyklady",
        ("Uniwersytet Trzeciego Wieku: {x}",),
        "Otwarty wykład Uniwersytetu Trzeciego Wieku działającego przy MCK.",
        "<p>Wykład „{x}” dla słuchaczy UTW i wszystkich zainteresowanych.</p>",
        ("mck-im-henryka-bisty",),
        MCK,
        times=((10, 0), (11, 0)),
        minutes=90,
        audiences=("for_seniors",),
        weekdays=frozenset({1, 3}),
        fill={"x": tuple(MUSEUM_TALKS)},
        weight=5,
    ),
    Blueprint(
        "spotkania-i-wyklady",
        ("Spacer historyczny {x}",),
        "Spacer z przewodnikiem Muzeum Miejskiego – ok. 2 godzin, w wygodnych butach.",
        "<p>Spacer {x} z opowieścią o historii miejsc i ludzi. Zbiórka przed budynkiem; spacer odbędzie się "
        "przy każdej pogodzie.</p>",
        ("biblioteka-ficinus", "cis-stary-orzegow", "mbp-filia-8-godula"),
        MUZEUM,
        times=((10, 0), (11, 0)),
        audiences=("for_families", "for_seniors"),
        weekdays=frozenset({5}),
        fill={"x": tuple(WALKS)},
        weight=4,
    ),
    Blueprint(
        "warsztaty",
        ("{x}",),
        "Cykl cotygodniowych zajęć: {y}.",
        "<p>Zajęcia w małej grupie: {y}. Materiały zapewnia organizator. Obowiązują zapisy – telefonicznie "
        "lub w sekretariacie MCK.</p>",
        ("mck-im-henryka-bisty",),
        MCK,
        times=((17, 0), (17, 30), (18, 0)),
        minutes=120,
        paid=(20, 40),
        audiences=("for_youth",),
        weekdays=frozenset({0, 1, 2, 3}),
        series=(4, 10),
        capacity=(10, 16),
        fill={"xy": tuple(WORKSHOPS)},
        weight=14,
    ),
    Blueprint(
        "warsztaty",
        ("{x}",),
        "Bezpłatne zajęcia w bibliotece: {y}.",
        "<p>Cotygodniowe spotkania: {y}. Zapisy w bibliotece lub telefonicznie; liczba miejsc ograniczona.</p>",
        tuple(LIBRARY_VENUES),
        MBP,
        times=((10, 0), (15, 0), (16, 0)),
        minutes=90,
        audiences=("for_seniors", "for_children"),
        weekdays=frozenset({0, 1, 2, 3, 4}),
        series=(4, 8),
        capacity=(8, 12),
        fill={"xy": tuple(LIBRARY_WORKSHOPS)},
        weight=12,
    ),
    Blueprint(
        "festyny-i-plenery",
        ("Jarmark bożonarodzeniowy", "Rudzki Jarmark Świąteczny"),
        "Stoiska z rękodziełem i regionalnym jadłem, koncerty kolęd i wizyta Mikołaja.",
        "<p>Przez trzy dni na placu przed Urzędem Miasta: stoiska rękodzielników, śląskie przysmaki, "
        "występy zespołów i chórów. Wstęp wolny.</p>",
        ("plac-przed-urzedem-miasta",),
        MIASTO,
        times=((12, 0),),
        minutes=8 * 60,
        audiences=("for_families", "for_children"),
        weekdays=frozenset({4}),
        months=frozenset({12}),
        until_day=18,
        days=3,
        city=True,
        weight=3,
    ),
    Blueprint(
        "festyny-i-plenery",
        ("Festyn rodzinny „Lato w Rudzie”", "Piknik sąsiedzki", "Dni Rudy Śląskiej"),
        "Koncerty, atrakcje dla dzieci i strefa organizacji pozarządowych.",
        "<p>Dwa dni zabawy na świeżym powietrzu: koncerty, animacje dla dzieci, stoiska stowarzyszeń "
        "i instytucji kultury. Wstęp wolny.</p>",
        ("amfiteatr-park-strzelnica",),
        MIASTO,
        times=((14, 0),),
        minutes=8 * 60,
        audiences=("for_families", "for_children"),
        weekdays=frozenset({5}),
        months=SUMMER,
        days=2,
        city=True,
        weight=4,
    ),
    Blueprint(
        "festyny-i-plenery",
        ("Barbórka – koncert orkiestr dętych", "Barbórkowe spotkanie z górniczą orkiestrą"),
        "Górnicze święto w śląskim stylu przy muzyce orkiestry dętej.",
        "<p>Orkiestra dęta, górnicze pieśni i poczęstunek. Wstęp wolny, liczba miejsc ograniczona.</p>",
        ("mck-im-henryka-bisty", "dk-bielszowice"),
        MCK,
        times=((16, 0),),
        minutes=180,
        audiences=("for_seniors", "for_families"),
        weekdays=WEEKEND | {3},
        months=frozenset({12}),
        until_day=6,
        city=True,
        weight=8,
    ),
    Blueprint(
        "festyny-i-plenery",
        ("Karnawał na Szychcie – bal dla seniorów", "Karnawałowa potańcówka dla seniorów"),
        "Karnawałowa zabawa przy muzyce na żywo.",
        "<p>Muzyka na żywo, konkursy i poczęstunek. Zapisy w sekretariacie.</p>",
        ("mck-im-henryka-bisty", "dk-bielszowice"),
        MCK,
        times=((16, 0),),
        minutes=240,
        paid=(20, 50),
        audiences=("for_seniors",),
        weekdays=WEEKEND,
        months=frozenset({1, 2}),
        weight=3,
    ),
    Blueprint(
        "sport-i-rekreacja",
        ("{x}",),
        "Zajęcia ruchowe dla dorosłych i seniorów.",
        "<p>{y} Zajęcia bezpłatne, wymagane wygodne obuwie.</p>",
        ("hala-mosir-halemba", "cis-stara-bykowina", "mbp-filia-9-kochlowice"),
        PTTK,
        times=((9, 0), (10, 0)),
        minutes=60,
        audiences=("for_seniors",),
        weekdays=frozenset({1, 3, 5}),
        series=(4, 8),
        fill={"xy": tuple(SPORT)},
        weight=6,
    ),
    Blueprint(
        "sport-i-rekreacja",
        ("Turniej szachowy o Puchar Prezydenta Miasta", "Szachowe Grand Prix Rudy Śląskiej"),
        "Turniej w tempie szybkim w kategoriach dzieci, juniorów i open.",
        "<p>Turniej rozgrywany systemem szwajcarskim, 7 rund. Zapisy do dnia poprzedzającego turniej.</p>",
        ("hala-mosir-halemba", "mck-im-henryka-bisty"),
        SZACHY,
        times=((9, 30),),
        minutes=420,
        paid=(10, 20),
        audiences=("for_children", "for_youth"),
        weekdays=frozenset({5}),
        city=True,
        weight=3,
    ),
    Blueprint(
        "dla-dzieci",
        ("Teatrzyk dla dzieci: „{x}”",),
        "Bajka z piosenkami dla dzieci od 3 lat.",
        "<p>Przedstawienie „{x}” w wykonaniu teatru lalek. Czas trwania ok. 50 minut.</p>",
        ("mck-im-henryka-bisty", "dk-bielszowice", "stacja-biblioteka"),
        MCK,
        times=((10, 0), (12, 0)),
        minutes=50,
        paid=(15, 20),
        audiences=("for_children", "for_families"),
        weekdays=frozenset({5, 6}),
        fill={"x": tuple(FAIRY_TALES)},
        weight=8,
    ),
    Blueprint(
        "dla-dzieci",
        ("Planszoteka – rodzinne soboty przy grach planszowych", "Głośne czytanie dla przedszkolaków"),
        "Wspólna zabawa w bibliotece dla dzieci z rodzicami.",
        "<p>Gry planszowe i książki dla najmłodszych, bibliotekarki pomogą wybrać coś dla każdego wieku.</p>",
        tuple(LIBRARY_VENUES),
        MBP,
        times=((10, 0), (11, 0)),
        minutes=120,
        audiences=("for_children", "for_families"),
        weekdays=frozenset({5}),
        weight=8,
    ),
    Blueprint(
        "dla-dzieci",
        ("Lekcja muzealna: Jak się żyło w familoku?", "Warsztaty w Muzeum: Zabawki naszych dziadków"),
        "Zajęcia w Muzeum dla dzieci w wieku 6–12 lat.",
        "<p>Zajęcia z przedmiotami ze zbiorów Muzeum i praca plastyczna na koniec. Obowiązują zapisy.</p>",
        ("muzeum-miejskie",),
        MUZEUM,
        times=((10, 0), (11, 0)),
        minutes=90,
        paid=(8, 10),
        audiences=("for_children",),
        weekdays=frozenset({5}),
        capacity=(15, 20),
        weight=4,
    ),
    Blueprint(
        "inne",
        ("{x}",),
        "{y}",
        "<p>{y}</p><p>Zapraszamy wszystkich zainteresowanych.</p>",
        ("stacja-biblioteka", "mck-im-henryka-bisty", "cis-stary-orzegow", "muzeum-miejskie"),
        TPMRS,
        times=((10, 0), (16, 0)),
        minutes=180,
        audiences=("for_seniors",),
        weekdays=frozenset({2, 5}),
        fill={"xy": tuple(OTHER)},
        weight=6,
    ),
]

CANCEL_NOTES = [
    "Z powodu choroby wykonawcy wydarzenie nie odbędzie się. Bilety zwraca kasa organizatora.",
    "Wydarzenie odwołane z przyczyn technicznych (awaria nagłośnienia w sali).",
    "Organizator odwołał wydarzenie. Przepraszamy.",
]
OCCURRENCE_CANCEL_NOTES = ["Zajęcia odwołane – choroba prowadzącej.", "Sala zajęta – zajęcia nie odbędą się."]
HOLIDAYS = {(12, 24), (12, 25), (12, 26), (12, 31), (1, 1), (1, 6)}
