"""Fill the events calendar with realistic Polish demo events of the city's cultural institutions.

`manage.py seed_events [--count 300] [--past 25] [--months 3]` creates `--count` events spread over the next
`--months` months (from today) and `--past` events of the last five weeks, which are archived at the end
as the daily `archive_past_events` job would. Every state change goes through the services (`event_create`,
`event_publish`, `occurrences_from_rule`, `occurrence_cancel`, `occurrence_move`, `transition_perform`),
so the history and status-change records look exactly as after a clerk's work.

Idempotent: demo events are the events whose address (slug) starts with `demo-`. A run creates only what is
missing up to `--count + --past` of them, so a second run (`make run` calls this through `seed_demo` every
time) creates nothing new, on any day. Demo data can be removed with
`Event.objects.filter(slug__startswith="demo-")`.

Venues: the addresses of the Miejskie Centrum Kultury im. Henryka Bisty (ul. Niedurnego 69), the Muzeum
Miejskie im. Maksymiliana Chroboka (ul. Wolności 26), Stacja Biblioteka (ul. Dworcowa 33) and Biblioteka
Ficinus (ul. Kubiny 24) come from public sources; the other addresses, postal codes, branch numbers and map
points are plausible demo values, not verified. People, bands and titles are invented (the films are real).
"""

import random
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone

from core.districts import District
from core.management.demo import DemoDataCommand
from core.management.demo_images import demo_card
from core.public_images import public_image_create
from core.services import CaseWorkError, case_open, transition_perform
from core.slugs import polish_slugify
from events.models import Category, Event, EventOccurrence, EventSubmission, Venue
from events.services import (
    event_create,
    event_publish,
    events_archive_past,
    occurrence_cancel,
    occurrence_move,
    occurrences_from_rule,
)

SLUG_PREFIX = "demo-"
SEED = 20_26
PICTURED_EVENTS = 6

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


@dataclass
class Plan:
    """What one index of the demo calendar is: its blueprint, texts, venue, dates and fate."""

    blueprint: Blueprint
    title: str
    lead: str
    body: str
    venue: str
    occurrences: list[tuple[datetime, datetime | None]]
    series_count: int = 0
    fate: str = "published"  # published, submitted, cancelled, postponed, scheduled


class Command(DemoDataCommand):
    help = "Create realistic Polish demo events of the city's institutions (idempotent; slugs start with demo-)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--count", type=int, default=300, help="Upcoming events (default 300).")
        parser.add_argument("--months", type=int, default=3, help="Spread them over this many months (default 3).")
        parser.add_argument(
            "--past", type=int, default=25, help="Events of the last five weeks, archived at the end (default 25)."
        )
        parser.add_argument("--seed", type=int, default=SEED, help="Random seed (the same seed, the same calendar).")

    def handle(self, *args, count, months, past, seed, **options):
        if count < 0 or past < 0 or months < 1:
            raise CommandError("--count and --past must not be negative, --months must be at least 1.")
        started = time.perf_counter()
        categories = {category.slug: category for category in Category.objects.all()}
        missing = {blueprint.category for blueprint in BLUEPRINTS} - set(categories)
        if missing:
            raise CommandError(f"Missing event categories (run migrate): {', '.join(sorted(missing))}")

        existing = Event.objects.filter(slug__startswith=SLUG_PREFIX).count()
        target = count + past
        if existing >= target:
            pictured = self._images_add()
            added = f"dodano obrazy do {pictured}" if pictured else "nic nie dodano"
            self.stdout.write(f"Wydarzenia demonstracyjne już są ({existing}); {added}.")
            return

        today = timezone.localdate()
        stats = dict.fromkeys(("events", "occurrences", "submitted", "cancelled", "postponed", "scheduled"), 0)
        stats.update(cancelled_dates=0, moved_dates=0)
        with transaction.atomic():
            venues = self._venues()
            self._booked = self._booked_slots()
            for index in range(existing, target):
                rng = random.Random(seed * 100_003 + index)  # noqa: S311 — demo data, not security
                in_past = index < past
                plan = self._plan(rng, index, today, months, in_past)
                self._create(rng, index, plan, categories, venues, stats)
            archived = events_archive_past()
            pictured = self._images_add()
        self.stdout.write(
            self.style.SUCCESS(
                f"Wydarzenia demonstracyjne: utworzono {stats['events']} ({stats['occurrences']} terminów) "
                f"w {time.perf_counter() - started:.1f} s. Zgłoszenia do akceptacji: {stats['submitted']}, "
                f"odwołane: {stats['cancelled']}, przełożone: {stats['postponed']}, z publikacją w przyszłości: "
                f"{stats['scheduled']}, odwołane pojedyncze terminy: {stats['cancelled_dates']}, "
                f"przeniesione terminy: {stats['moved_dates']}, zarchiwizowane: {archived}, z obrazem: {pictured}."
            )
        )

    # -----------------------------------------------------------------------------------------------------
    def _images_add(self) -> int:
        """A picture on a few upcoming published events with different titles, once (a later run adds none).

        Each picture goes through the public image pipeline as an upload in the admin does (re-encoded, WebP
        and JPEG renditions, Polish alternative text) and is set on the event like a clerk choosing it.
        """
        if Event.objects.filter(slug__startswith=SLUG_PREFIX, image__isnull=False).exists():
            return 0
        upcoming = (
            Event.objects.filter(
                slug__startswith=SLUG_PREFIX,
                status=Event.Status.PUBLISHED,
                occurrences__starts_at__gte=timezone.now(),
            )
            .distinct()
            .order_by("-is_highlighted", "pk")
        )
        chosen, titles = [], set()
        for event in upcoming.iterator():
            if event.title not in titles:  # a weekly series has one title: pictures of six different events
                titles.add(event.title)
                chosen.append(event)
            if len(chosen) == PICTURED_EVENTS:
                break
        for index, event in enumerate(chosen):
            place = event.venue.name if event.venue_id else "Ruda Śląska"
            event.image = public_image_create(
                uploaded_file=demo_card(event.title, caption=place[:60], index=index + 3),
                alt_text=f"Plansza z tytułem wydarzenia „{event.title}” i nazwą miejsca: {place}.",
                acting_user=None,
            )
            event.image_credit = "Wydział Kultury UM Ruda Śląska"
            event.save(update_fields=["image", "image_credit", "updated_at"])
        return len(chosen)

    # -----------------------------------------------------------------------------------------------------
    def _venues(self) -> dict[str, Venue]:
        venues = {}
        for slug, fields in VENUES.items():
            venue = Venue.objects.filter(slug=slug).first()
            if venue is None:
                venue = Venue(slug=slug, **fields)
                venue.full_clean()
                venue.save()
            venues[slug] = venue
        return venues

    # One venue, one event at a time: two demo events never share a hall and an hour.
    # -----------------------------------------------------------------------------------------------------
    def _booked_slots(self) -> dict[str, list[tuple[datetime, datetime]]]:
        """The short dates already at each venue (a top-up run continues the calendar of an earlier one)."""
        booked: dict[str, list[tuple[datetime, datetime]]] = {}
        rows = EventOccurrence.objects.filter(event__slug__startswith=SLUG_PREFIX).values_list(
            "event__venue__slug", "starts_at", "ends_at"
        )
        for venue, start, end in rows:
            if self._is_short(start, end):
                booked.setdefault(venue, []).append((start, end or start + timedelta(hours=2)))
        return booked

    @staticmethod
    def _is_short(start: datetime, end: datetime | None) -> bool:
        """A concert or a class, not a running exhibition (which shares its gallery with what goes on there)."""
        return end is None or end - start < timedelta(days=1)

    @staticmethod
    def _series(plan_start: datetime, plan_end: datetime | None, count: int):
        weeks = [timedelta(weeks=k) for k in range(count)]
        return [(plan_start + week, plan_end + week if plan_end else None) for week in weeks]

    def _is_free(self, venue: str, dates) -> bool:
        for start, end in dates:
            if not self._is_short(start, end):
                continue
            end = end or start + timedelta(hours=2)
            if any(start < other_end and other_start < end for other_start, other_end in self._booked.get(venue, [])):
                return False
        return True

    def _book(self, venue: str, dates) -> None:
        for start, end in dates:
            if self._is_short(start, end):
                self._booked.setdefault(venue, []).append((start, end or start + timedelta(hours=2)))

    def _plan(self, rng: random.Random, index: int, today: date, months: int, in_past: bool) -> Plan:
        """The event of one index: the first venue, hour and week (of a few tried) where its dates are free."""
        plan = None
        for attempt in range(12):
            plan = self._draw(rng, index, today, months, in_past, week_offset=attempt // 4)
            dates = list(plan.occurrences)
            if plan.series_count > 1:
                dates += self._series(*plan.occurrences[0], plan.series_count)[1:]
            if self._is_free(plan.venue, dates):
                break
        self._book(plan.venue, dates)
        return plan

    def _draw(
        self, rng: random.Random, index: int, today: date, months: int, in_past: bool, week_offset: int = 0
    ) -> Plan:
        if in_past:
            day = today - timedelta(days=rng.randint(2, 35))
        else:
            day = today + timedelta(days=rng.randint(0, months * 30))
        # Pick a blueprint that fits the season, then move the day to one of its weekdays nearby. Past
        # events are short ones (a running exhibition would wait for the archive job, not be archived now).
        fitting = [
            b
            for b in BLUEPRINTS
            if day.month in b.months
            and day.day <= b.until_day
            and self._has_venue(b, day)
            and not (in_past and (b.exhibition_weeks or b.series))
        ]
        blueprint = rng.choices(fitting, weights=[b.weight for b in fitting])[0]
        day = self._nearest_weekday(day, blueprint.weekdays)
        day += timedelta(weeks=-week_offset if in_past else week_offset)
        if in_past and day >= today:
            day -= timedelta(weeks=1)

        fill = {}
        for key, values in blueprint.fill.items():
            value = rng.choice(values)
            if key == "xy":
                fill["x"], fill["y"] = value
            else:
                fill[key] = value
        title = rng.choice(blueprint.titles).format(**fill)
        venue = rng.choice([v for v in blueprint.venues if v not in OUTDOOR_VENUES or self._outdoor_ok(v, day)])

        zone = timezone.get_current_timezone()
        hour, minute = rng.choice(blueprint.times)
        start = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
        length = timedelta(minutes=blueprint.minutes)
        occurrences: list[tuple[datetime, datetime | None]]
        series_count = 0
        if blueprint.exhibition_weeks:
            closing = day + timedelta(weeks=rng.randint(*blueprint.exhibition_weeks))
            occurrences = [(start, datetime(closing.year, closing.month, closing.day, 17, 0, tzinfo=zone))]
        elif blueprint.days > 1:
            occurrences = []
            for offset in range(blueprint.days):
                local = start + timedelta(days=offset)
                local = datetime(local.year, local.month, local.day, hour, minute, tzinfo=zone)
                occurrences.append((local, local + length))
        else:
            occurrences = [(start, start + length)]
            if blueprint.series and not in_past:
                series_count = rng.randint(*blueprint.series)

        fate = "published"
        if not in_past:
            if index % 23 == 5:
                fate = "submitted"
            elif index % 31 == 7:
                fate = "cancelled"
            elif index % 37 == 11:
                fate = "postponed"
            elif index % 41 == 13:
                fate = "scheduled"
        return Plan(
            blueprint=blueprint,
            title=title,
            lead=blueprint.lead.format(**fill),
            body=blueprint.body.format(**fill),
            venue=venue,
            occurrences=occurrences,
            series_count=series_count,
            fate=fate,
        )

    @staticmethod
    def _outdoor_ok(venue: str, day: date) -> bool:
        if venue == "plac-przed-urzedem-miasta":
            return day.month == 12 or day.month in SUMMER
        return day.month in SUMMER

    def _has_venue(self, blueprint: Blueprint, day: date) -> bool:
        return any(v not in OUTDOOR_VENUES or self._outdoor_ok(v, day) for v in blueprint.venues)

    @staticmethod
    def _nearest_weekday(day: date, weekdays: frozenset[int]) -> date:
        """The first day on or after `day` that falls on one of `weekdays` and is not a public holiday."""
        for offset in range(14):
            candidate = day + timedelta(days=offset)
            if candidate.weekday() in weekdays and (candidate.month, candidate.day) not in HOLIDAYS:
                return candidate
        return day

    def _create(self, rng, index, plan: Plan, categories, venues, stats) -> None:
        blueprint = plan.blueprint
        organiser = blueprint.organiser
        if organiser in INSTITUTIONS:
            organiser = VENUE_OWNERS.get(plan.venue, MBP if plan.venue in LIBRARY_VENUES else organiser)
        organiser_name, organiser_url = organiser
        price_kind, price_from, price_to = Event.PriceKind.FREE, None, None
        if blueprint.paid:
            low, high = blueprint.paid
            price_kind = Event.PriceKind.PAID
            price_from = Decimal(rng.randrange(low, high + 1, 5 if high - low >= 10 else 1))
            price_to = price_from + Decimal(rng.choice([0, 0, 10, 15, 20])) if high - low >= 20 else None
            if price_to == price_from:
                price_to = None
        audiences = {name: True for name in blueprint.audiences if rng.random() < 0.8}
        fields = {
            "title": plan.title[:200],
            "slug": f"{SLUG_PREFIX}{polish_slugify(plan.title)[:190]}-{index + 1}",
            "lead": plan.lead[:300],
            "description": plan.body,
            "category": categories[blueprint.category],
            "venue": venues[plan.venue],
            "organiser_name": organiser_name,
            "organiser_url": organiser_url,
            "co_organised_by_city": blueprint.city or rng.random() < 0.1,
            # The city's own weekend events are the home page's highlights (no random draw: same data as before).
            "is_highlighted": bool(blueprint.city) and timezone.localtime(plan.occurrences[0][0]).weekday() >= 5,
            "price_kind": price_kind,
            "price_from": price_from,
            "price_to": price_to,
            "capacity": rng.randint(*blueprint.capacity) if blueprint.capacity else None,
            "sign_language_interpreter": blueprint.category in ("teatr", "spotkania-i-wyklady") and rng.random() < 0.2,
            "audio_description": blueprint.category in ("teatr", "film") and rng.random() < 0.2,
            **audiences,
        }

        if plan.fate == "submitted":
            self._submit(rng, plan, fields, stats)
            return
        if plan.fate == "scheduled":
            fields["publish_at"] = timezone.now() + timedelta(days=rng.randint(3, 14))

        event = event_create(acting_user=None, occurrences=plan.occurrences, **fields)
        stats["events"] += 1
        stats["occurrences"] += len(plan.occurrences)
        if plan.series_count > 1:
            first_start, first_end = plan.occurrences[0]
            dates = occurrences_from_rule(
                event=event,
                first_start=first_start + timedelta(weeks=1),
                duration=first_end - first_start,
                rule=f"FREQ=WEEKLY;COUNT={plan.series_count - 1}",
                acting_user=None,
            )
            stats["occurrences"] += len(dates)
            self._adjust_series(rng, dates, stats, venue=plan.venue)
        event_publish(event=event, acting_user=None)
        if plan.fate == "cancelled":
            transition_perform(obj=event, name="cancel", acting_user=None, note=rng.choice(CANCEL_NOTES))
            stats["cancelled"] += 1
        elif plan.fate == "postponed":
            transition_perform(obj=event, name="postpone", acting_user=None, note="Nowy termin podamy wkrótce.")
            stats["postponed"] += 1
        elif plan.fate == "scheduled":
            stats["scheduled"] += 1

    def _adjust_series(self, rng, dates: list[EventOccurrence], stats, *, venue: str) -> None:
        """Holiday breaks and the odd illness: cancel or move single dates of a weekly series."""
        for occurrence in dates:
            local = timezone.localtime(occurrence.starts_at)
            if (local.month, local.day) in HOLIDAYS:
                occurrence_cancel(occurrence=occurrence, acting_user=None, note="Przerwa świąteczna.")
                stats["cancelled_dates"] += 1
        if len(dates) >= 3 and rng.random() < 0.25:
            victim = rng.choice(dates[1:])
            if victim.status == EventOccurrence.Status.SCHEDULED:
                occurrence_cancel(occurrence=victim, acting_user=None, note=rng.choice(OCCURRENCE_CANCEL_NOTES))
                stats["cancelled_dates"] += 1
        elif len(dates) >= 3 and rng.random() < 0.15:
            victim = dates[-1]
            moved_from = timezone.localtime(victim.starts_at)
            length = victim.ends_at - victim.starts_at if victim.ends_at else None
            new_start = victim.starts_at + timedelta(days=1)
            moved = [(new_start, new_start + length if length else None)]
            if not self._is_free(venue, moved):
                return
            self._book(venue, moved)
            occurrence_move(
                occurrence=victim,
                starts_at=new_start,
                ends_at=new_start + length if length else None,
                acting_user=None,
                note=f"Przeniesione z {moved_from:%d.%m}.",
            )
            stats["moved_dates"] += 1

    def _submit(self, rng, plan: Plan, fields, stats) -> None:
        """An organiser's submission from the public form, waiting for a clerk: never public."""
        contact_name, contact_email = rng.choice(PEOPLE)
        fields = {**fields, "organiser_name": contact_name if "„" in contact_name else fields["organiser_name"]}
        event = event_create(
            acting_user=None, occurrences=plan.occurrences[:1], status=Event.Status.SUBMITTED, **fields
        )
        stats["events"] += 1
        stats["occurrences"] += 1
        stats["submitted"] += 1
        submission = EventSubmission(event=event, contact_name=contact_name, contact_email=contact_email)
        try:
            case_open(case=submission, title=f"Zgłoszenie wydarzenia: {event.title}"[:200])
        except CaseWorkError:
            # No case register configured for submissions: the submitted draft is enough for the demo.
            pass
