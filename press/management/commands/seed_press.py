"""Demo content of the press office: topics, recent releases in the newsroom and one under embargo (idempotent)."""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from core.districts import District
from core.management.demo import DemoDataCommand
from core.services import transition_perform
from core.slugs import polish_slugify
from press.models import PressRelease, Topic
from press.services import release_create

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


class Command(DemoDataCommand):
    help = "Load the press office's demo topics and releases, one of them under embargo until tomorrow (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        if PressRelease.objects.filter(slug__startswith=SLUG_PREFIX).exists():
            self.stdout.write("Komunikaty demonstracyjne już są.")
            return
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
