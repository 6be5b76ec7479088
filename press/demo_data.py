"""The press office's demo data: topics, releases and photos, media outlets, lists and contacts, conferences.

Read by `manage.py seed_press` (press.management.commands.seed_press), which turns them into records through the
services. Outlets, people and addresses are invented (every e-mail address is under example.pl).
"""

from core.districts import District
from press.models import MediaOutlet

SLUG_PREFIX = "demo-"
TOPICS = [
    ("kultura", "Kultura"),
    ("wydarzenia", "Wydarzenia w mieście"),
    ("dotacje", "Dotacje i konkursy"),
    ("inwestycje", "Inwestycje w kulturze"),
]
CONTACT = {
    "contact_name": "Biuro prasowe Urzędu Miasta",
    "contact_email": "prasa@rudaslaska.pl",
    "contact_phone": "32 244 90 00 wew. 3260",
}
# (days ago, title, lead, body, topics, district)
RELEASES = [
    (
        2,
        "Jarmark bożonarodzeniowy na placu przed Urzędem Miasta",
        "Od 11 do 14 grudnia na placu Jana Pawła II stanie 40 stoisk rzemieślników i kół gospodyń wiejskich.",
        "<p>Jarmark otworzy w czwartek o 15:00 Prezydent Miasta. Codziennie do 20:00 zagrają szkolne zespoły, a w "
        "niedzielę o 17:00 wystąpi chór Miejskiego Centrum Kultury.</p>",
        ["wydarzenia", "kultura"],
        "",
    ),
    (
        5,
        "Otwarty konkurs ofert na zadania z zakresu kultury w 2027 roku",
        "Organizacje pozarządowe mogą składać oferty do 30 grudnia; pula dotacji wynosi 450 000 zł.",
        "<p>Konkurs obejmuje festiwale, edukację kulturalną i ochronę dziedzictwa. Oferty składa się przez portal "
        "wydziału; spotkanie informacyjne odbędzie się 9 grudnia o 16:00 w sali sesyjnej.</p>",
        ["dotacje"],
        "",
    ),
    (
        9,
        "Muzeum Miejskie z nową wystawą o historii kopalni Wawel",
        "Wystawa „Wawel. Kopalnia, która zbudowała Godulę” będzie czynna do końca lutego.",
        "<p>Na wystawie zobaczymy lampy górnicze, mapy wyrobisk i fotografie z archiwum rodzin górniczych. Wstęp "
        "w niedziele jest bezpłatny.</p>",
        ["kultura"],
        District.GODULA,
    ),
    (
        14,
        "Remont sali widowiskowej Domu Kultury w Bielszowicach zakończony",
        "Sala ma nowe fotele, pętlę indukcyjną i windę dla osób z niepełnosprawnościami.",
        "<p>Prace kosztowały 2,1 mln zł, z czego 900 tys. zł pochodziło z programu Ministerstwa Kultury. Pierwszy "
        "spektakl w odnowionej sali zaplanowano na 12 grudnia.</p>",
        ["inwestycje", "kultura"],
        District.BIELSZOWICE,
    ),
    (
        20,
        "Stypendia artystyczne Miasta Ruda Śląska przyznane",
        "Dziewięcioro młodych artystów otrzyma stypendia na realizację projektów w 2027 roku.",
        "<p>Komisja oceniła 31 wniosków. Stypendyści zaprezentują efekty swoich projektów podczas grudniowej gali "
        "kultury.</p>",
        ["kultura", "dotacje"],
        "",
    ),
]
EMBARGOED = (
    "Gala Kultury 2026: laureaci Nagród Prezydenta Miasta",
    "Nagrody w dziedzinie kultury trafią do trzech twórców i jednego zespołu.",
    "<p>Nazwiska laureatów ogłosimy podczas gali w Miejskim Centrum Kultury.</p>",
)

# Photos: (index in RELEASES, alt text, caption, author)
PHOTOS = [
    (
        0,
        "Plansza z napisem „Jarmark bożonarodzeniowy na placu przed Urzędem Miasta” na granatowym tle.",
        "Jarmark bożonarodzeniowy 2026 – plansza zapowiadająca.",
        "Biuro prasowe UM Ruda Śląska",
    ),
    (
        2,
        "Plansza z napisem „Muzeum Miejskie z nową wystawą o historii kopalni Wawel” na fioletowym tle.",
        "Wystawa o kopalni Wawel w Muzeum Miejskim.",
        "Muzeum Miejskie im. Maksymiliana Chroboka",
    ),
    (
        3,
        "Plansza z napisem „Remont sali widowiskowej Domu Kultury w Bielszowicach zakończony” na zielonym tle.",
        "Odnowiona sala widowiskowa Domu Kultury w Bielszowicach.",
        "Dom Kultury w Rudzie Śląskiej",
    ),
]

# Media (fictional outlets and people; every address is under example.pl).
OUTLETS = [
    ("Gazeta Rudzka", MediaOutlet.Kind.PERIODICAL, "https://gazeta-rudzka.example.pl/"),
    ("Wiadomości Rudzkie", MediaOutlet.Kind.PERIODICAL, "https://wiadomosci-rudzkie.example.pl/"),
    ("Radio Silesia Południe", MediaOutlet.Kind.RADIO, "https://radio-poludnie.example.pl/"),
    ("TV Śląsk Region", MediaOutlet.Kind.TV, "https://tv-slask-region.example.pl/"),
    ("rudaonline.example.pl", MediaOutlet.Kind.ONLINE, "https://rudaonline.example.pl/"),
]
MEDIA_LISTS = [
    ("Redakcje lokalne", "Redakcje z Rudy Śląskiej i okolic."),
    ("Dziennikarze kulturalni", "Dziennikarze piszący o kulturze w regionie."),
    ("Radio i telewizja", "Redakcje radiowe i telewizyjne."),
]
# Each contact: name, e-mail, phone, outlet, beats and the indexes of its media lists.
CONTACTS = [
    ("Redakcja", "redakcja@gazeta-rudzka.example.pl", "32 240 10 10", "Gazeta Rudzka", "", [0]),
    ("Magdalena Kowol", "m.kowol@gazeta-rudzka.example.pl", "", "Gazeta Rudzka", "kultura, edukacja", [0, 1]),
    ("Tomasz Pyka", "t.pyka@wiadomosci-rudzkie.example.pl", "600 100 200", "Wiadomości Rudzkie", "samorząd", [0]),
    ("Ewa Szołtysek", "e.szoltysek@radio-poludnie.example.pl", "", "Radio Silesia Południe", "kultura", [1, 2]),
    ("Wydawca serwisu", "wydawca@tv-slask-region.example.pl", "32 250 20 20", "TV Śląsk Region", "", [2]),
    ("Paweł Mrozek", "p.mrozek@rudaonline.example.pl", "", "rudaonline.example.pl", "kultura, sport", [0, 1]),
]
# Conferences: (days from today, hour, title, topic, speakers, accreditations)
# accreditations: (full name, outlet, role, e-mail, decision, note)
CONFERENCES = [
    (
        6,
        11,
        "Podsumowanie roku kultury i zapowiedź Gali Kultury 2026",
        "Prezydent Miasta i Naczelnik Wydziału Kultury podsumują rok 2026 i przedstawią program Gali Kultury.",
        "Prezydent Miasta Ruda Śląska\nKrzysztof Piecha – Naczelnik Wydziału Kultury",
        [
            ("Magdalena Kowol", "Gazeta Rudzka", "reporterka", "m.kowol@gazeta-rudzka.example.pl", "accept", ""),
            ("Ewa Szołtysek", "Radio Silesia Południe", "reporterka", "e.szoltysek@radio-poludnie.example.pl", "", ""),
            ("Jan Wiśniewski", "TV Śląsk Region", "operator", "j.wisniewski@tv-slask-region.example.pl", "", ""),
            (
                "Adam Nowicki",
                "Blog „Z rudzkiej ławki”",
                "bloger",
                "a.nowicki@example.pl",
                "reject",
                "Brak redakcji i legitymacji prasowej; zapraszamy do transmisji internetowej konferencji.",
            ),
        ],
    ),
    (
        -15,
        12,
        "Otwarcie wyremontowanej sali Domu Kultury w Bielszowicach",
        "Konferencja w odnowionej sali widowiskowej: zakres remontu, koszty i program na sezon 2026/2027.",
        "Zastępca Prezydenta Miasta\nDyrektor Domu Kultury w Rudzie Śląskiej",
        [
            ("Tomasz Pyka", "Wiadomości Rudzkie", "reporter", "t.pyka@wiadomosci-rudzkie.example.pl", "accept", ""),
            ("Paweł Mrozek", "rudaonline.example.pl", "fotoreporter", "p.mrozek@rudaonline.example.pl", "accept", ""),
            (
                "Karolina Zając",
                "Agencja Foto Południe",
                "fotoreporterka",
                "k.zajac@foto-poludnie.example.pl",
                "reject",
                "Lista miejsc dla fotoreporterów została wyczerpana.",
            ),
        ],
    ),
]
# The held conference's release (the one published after it).
RELEASE_AFTER = {CONFERENCES[1][2]: RELEASES[3][1]}
CONFERENCE_VENUE = "Urząd Miasta Ruda Śląska, sala sesyjna, pl. Jana Pawła II 6"
