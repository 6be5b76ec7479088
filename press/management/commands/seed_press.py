"""Demo content of the press office (idempotent; every part is loaded once).

Topics, recent releases in the newsroom (three with photos) and one under embargo; media outlets, contacts and
media lists (fictional, addresses under example.pl); a press conference open for accreditation and one already
held, with accreditations received, accepted and refused. Workflow moves go through
`core.services.transition_perform` and cases through `core.services.case_open`, photos through
`press.services.release_photo_add`, so history rows, case marks and image renditions exist as in real use.
"""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from core.districts import District
from core.management.demo import DemoDataCommand
from core.management.demo_images import demo_card
from core.public_cases import current_information_clause
from core.services import case_open, transition_perform
from core.slugs import polish_slugify
from press.models import (
    Accreditation,
    MediaContact,
    MediaList,
    MediaOutlet,
    PressConference,
    PressRelease,
    ReleasePhoto,
    Topic,
)
from press.services import release_create, release_photo_add

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


class Command(DemoDataCommand):
    help = (
        "Load the press office's demo topics, releases (one under embargo until tomorrow), photos, media lists and "
        "press conferences with accreditations (idempotent)."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        if PressRelease.objects.filter(slug__startswith=SLUG_PREFIX).exists():
            self.stdout.write("Komunikaty demonstracyjne już są.")
        else:
            self.releases_create()
        self.photos_add()
        media_lists = self.media_create()
        self.conferences_create(media_lists)

    def releases_create(self):
        topics = {}
        for position, (slug, name) in enumerate(TOPICS):
            topics[slug], _created = Topic.objects.get_or_create(
                slug=slug, defaults={"name": name, "position": position}
            )
        now = timezone.now()
        for days_ago, title, lead, body, topic_slugs, district in RELEASES:
            publish_at = timezone.make_aware(datetime.combine(now.date() - timedelta(days=days_ago), time(10, 0)))
            release = release_create(
                acting_user=None,
                title=title,
                slug=f"{SLUG_PREFIX}{polish_slugify(title)[:180]}",
                lead=lead,
                body=body,
                district=district,
                topics=[topics[slug] for slug in topic_slugs],
                status=PressRelease.Status.PUBLISHED,
                publish_at=publish_at,
                **CONTACT,
            )
            PressRelease.objects.filter(pk=release.pk).update(published_at=publish_at, distributed_at=publish_at)
        title, lead, body = EMBARGOED
        release = release_create(
            acting_user=None,
            title=title,
            slug=f"{SLUG_PREFIX}{polish_slugify(title)[:180]}",
            lead=lead,
            body=body,
            topics=[topics["kultura"]],
            publish_at=timezone.make_aware(datetime.combine(now.date() + timedelta(days=1), time(10, 0))),
            **CONTACT,
        )
        for name in ("submit", "approve", "schedule"):
            transition_perform(obj=release, name=name, acting_user=None)
        self.stdout.write(f"Komunikaty prasowe: {len(RELEASES)} opublikowanych, 1 z embargiem do jutra 10:00.")

    def photos_add(self):
        """Photos on three published releases, uploaded as in the admin (renditions, Polish alt text)."""
        added = 0
        for index, alt_text, caption, author in PHOTOS:
            title = RELEASES[index][1]
            release = PressRelease.objects.filter(slug=f"{SLUG_PREFIX}{polish_slugify(title)[:180]}").first()
            if release is None or ReleasePhoto.objects.filter(release=release).exists():
                continue
            release_photo_add(
                release=release,
                uploaded_file=demo_card(title, caption="Biuro prasowe · Ruda Śląska", index=index),
                alt_text=alt_text,
                acting_user=None,
                caption=caption,
                author=author,
                image_rights_confirmed=True,
            )
            added += 1
        if added:
            self.stdout.write(f"Zdjęcia do komunikatów: {added}.")

    def media_create(self) -> list[MediaList]:
        """Fictional outlets, contacts and media lists (found by name or e-mail, so a second run adds nothing)."""
        outlets = {}
        for name, kind, website in OUTLETS:
            outlets[name], _created = MediaOutlet.objects.get_or_create(
                name=name, defaults={"kind": kind, "website": website}
            )
        media_lists = []
        for name, description in MEDIA_LISTS:
            media_list, _created = MediaList.objects.get_or_create(name=name, defaults={"description": description})
            media_lists.append(media_list)
        for name, email, phone, outlet, beats, list_indexes in CONTACTS:
            contact, created = MediaContact.objects.get_or_create(
                email=email,
                defaults={
                    "name": name,
                    "phone": phone,
                    "outlet": outlets[outlet],
                    "beats": beats,
                    "legal_basis_note": "Dane redakcji ze strony internetowej wydawcy (dane demonstracyjne).",
                },
            )
            if created:
                contact.lists.add(*(media_lists[i] for i in list_indexes))
        return media_lists

    def conferences_create(self, media_lists: list[MediaList]):
        """One conference open for accreditation and one held, with accreditations received, accepted, refused."""
        now = timezone.now()
        for days, hour, title, topic, speakers, accreditations in CONFERENCES:
            slug = f"{SLUG_PREFIX}{polish_slugify(title)[:180]}"
            if PressConference.objects.filter(slug=slug).exists():
                continue
            conference = PressConference.objects.create(
                title=title,
                slug=slug,
                topic=topic,
                starts_at=timezone.make_aware(datetime.combine(now.date() + timedelta(days=days), time(hour, 0))),
                venue=CONFERENCE_VENUE,
                speakers=speakers,
                release=PressRelease.objects.filter(title=RELEASE_AFTER.get(title, "")).first(),
            )
            conference.media_lists.set(media_lists[:2])
            transition_perform(obj=conference, name="announce", acting_user=None)
            for full_name, outlet_name, role, email, decision, note in accreditations:
                accreditation = case_open(
                    case=Accreditation(
                        conference=conference,
                        full_name=full_name,
                        outlet_name=outlet_name,
                        role=role,
                        email=email,
                        recording_consent=True,
                    ),
                    title=f"Akredytacja: {title}"[:200],
                    info_clause=current_information_clause("press.accreditation"),
                    acknowledge=False,
                )
                if decision:
                    transition_perform(obj=accreditation, name=decision, acting_user=None, note=note)
            if days < 0:
                transition_perform(obj=conference, name="mark_held", acting_user=None)
            self.stdout.write(f"Konferencja prasowa: {title} ({len(accreditations)} akredytacje).")
