"""Demo mentions of the city in the media and sprostowania in their states.

`manage.py seed_monitoring` enters mentions as a clerk would (`mention_create`), with each tone and each action
needed, informs a unit about one (`mention_inform_unit`, an e-mail in the outbox), and drafts sprostowania moved
through the workflow (`core.services.transition_perform`): a draft within its 21 days, one sent and awaiting
publication, and one refused with the editor's reasons. Dates are relative to today.

Idempotent: a mention whose title is already there is not entered again. Outlets, people and facts are invented.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from core.deadlines import add_working_days
from core.management.demo import DemoDataCommand
from core.services import transition_perform
from monitoring.models import CityUnit, KeywordRule, MediaMention, Medium, MonitoredSource, PressReview, WatchedHost
from monitoring.services import correction_create, mention_create, mention_inform_unit, review_create
from press.models import MediaOutlet

UNITS = [
    ("Wydział Dróg i Mostów", "drogi@rudaslaska.example.pl"),
    ("Miejskie Centrum Kultury im. Henryka Bisty", "sekretariat@mck.example.pl"),
    ("Wydział Gospodarki Komunalnej", "komunalny@rudaslaska.example.pl"),
]
OUTLETS = [
    ("Wiadomości Rudzkie", MediaOutlet.Kind.PERIODICAL),
    ("Gazeta Rudzka", MediaOutlet.Kind.DAILY),
    ("rudaslaska.example.com", MediaOutlet.Kind.ONLINE),
    ("Radio Silesia Demo", MediaOutlet.Kind.RADIO),
]
MENTIONS = [
    {
        "outlet": "rudaslaska.example.com",
        "medium": Medium.ONLINE,
        "days_ago": 1,
        "title": "Industriada przyciągnęła tłumy na Szyb Andrzej",
        "url": "https://rudaslaska.example.com/industriada-tlumy",
        "excerpt": "Organizatorzy z Miejskiego Centrum Kultury szacują, że w sobotę szyb odwiedziło 6 tysięcy osób.",
        "topic": "Industriada",
        "unit": "Miejskie Centrum Kultury im. Henryka Bisty",
        "tone": MediaMention.Tone.POSITIVE,
        "reach": 12000,
    },
    {
        "outlet": "Radio Silesia Demo",
        "medium": Medium.RADIO,
        "days_ago": 2,
        "title": "Rozmowa o budżecie obywatelskim",
        "excerpt": "Mieszkańcy Halemby pytali o terminy głosowania.",
        "topic": "budżet obywatelski",
        "tone": MediaMention.Tone.NEUTRAL,
        "action": MediaMention.Action.REPLY,
        "reply_text": "Głosowanie potrwa od 1 do 15 września; szczegóły na stronie miasta.",
    },
    {
        "outlet": "Wiadomości Rudzkie",
        "medium": Medium.PERIODICAL,
        "days_ago": 4,
        "title": "Kto posprząta skwer przy Kokotek?",
        "excerpt": "Od miesiąca nikt nie wywozi śmieci ze skweru.",
        "topic": "czystość",
        "unit": "Wydział Gospodarki Komunalnej",
        "tone": MediaMention.Tone.NEGATIVE,
        "action": MediaMention.Action.INFORM_UNIT,
        "inform": True,
    },
    {
        "outlet": "Gazeta Rudzka",
        "medium": Medium.DAILY,
        "days_ago": 5,
        "title": "Remont za miliony",
        "excerpt": "Miasto wydało na remont ul. Kokotek 12 mln zł.",
        "topic": "inwestycje drogowe",
        "unit": "Wydział Dróg i Mostów",
        "tone": MediaMention.Tone.NEGATIVE,
        "reach": 8000,
        "correction": "draft",
    },
    {
        "outlet": "rudaslaska.example.com",
        "medium": Medium.ONLINE,
        "days_ago": 9,
        "title": "Basen w Wirku zamknięty na rok",
        "excerpt": "Basen przy ul. Bukowej nie zostanie otwarty przed końcem przyszłego roku.",
        "topic": "sport i rekreacja",
        "tone": MediaMention.Tone.NEGATIVE,
        "correction": "sent",
    },
    {
        "outlet": "Gazeta Rudzka",
        "medium": Medium.DAILY,
        "days_ago": 30,
        "title": "Dom kultury bez dyrektora",
        "excerpt": "Od trzech miesięcy dom kultury w Bielszowicach nie ma dyrektora.",
        "topic": "instytucje kultury",
        "unit": "Miejskie Centrum Kultury im. Henryka Bisty",
        "tone": MediaMention.Tone.NEGATIVE,
        "correction": "refused",
    },
]
RULES = [
    ("Miasto", "Rud* Śląsk*\nUrząd Miasta|Urzędu Miasta|Urzędzie Miasta", "miasto", None),
    ("Prezydent Miasta", "Prezydent* Miast*\nPierończyk*", "Prezydent", None),
    (
        "Miejskie Centrum Kultury",
        "Miejsk* Centr* Kultur*\nMCK",
        "kultura",
        "Miejskie Centrum Kultury im. Henryka Bisty",
    ),
    (
        "Dzielnice",
        "Halemb*\nBielszowic*\nWirk*|Wirek\nNowy Bytom|Nowego Bytomia|Nowym Bytomiu\nGodul*\nOrzegow*",
        "",
        None,
    ),
]
# A demo source on an example host, switched off: the timer requests nothing until a clerk sets a real one.
DEMO_HOST = "www.wiadomosci-rudzkie.example.pl"

CORRECTIONS = {
    "Remont za miliony": (
        "Miasto wydało na remont ul. Kokotek 12 mln zł.",
        "Remont ul. Kokotek kosztował 4,2 mln zł, z czego 3 mln zł pokrył Rządowy Fundusz Dróg.",
    ),
    "Basen w Wirku zamknięty na rok": (
        "Basen przy ul. Bukowej nie zostanie otwarty przed końcem przyszłego roku.",
        "Basen przy ul. Bukowej zostanie otwarty po przeglądzie technicznym, w marcu.",
    ),
    "Dom kultury bez dyrektora": (
        "Od trzech miesięcy dom kultury w Bielszowicach nie ma dyrektora.",
        "Filią w Bielszowicach kieruje kierownik filii; dyrektorem MCK jest Ewa Kowalska.",
    ),
}


class Command(DemoDataCommand):
    help = "Load demo media mentions and sprostowania in each state (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        clerk = self.demo_clerk("press")
        for name, email in UNITS:
            CityUnit.objects.get_or_create(name=name, defaults={"email": email})
        for name, kind in OUTLETS:
            MediaOutlet.objects.get_or_create(name=name, defaults={"kind": kind})
        for name, terms, topic, unit in RULES:
            KeywordRule.objects.get_or_create(
                name=name,
                defaults={"terms": terms, "topic": topic, "unit": CityUnit.objects.filter(name=unit).first()},
            )
        WatchedHost.objects.get_or_create(host=DEMO_HOST)
        MonitoredSource.objects.get_or_create(
            name="Wiadomości Rudzkie — aktualności (przykład)",
            defaults={
                "url": f"https://{DEMO_HOST}/rss.xml",
                "outlet": MediaOutlet.objects.get(name="Wiadomości Rudzkie"),
                "medium": Medium.ONLINE,
                "is_active": False,
            },
        )
        added = 0
        for data in MENTIONS:
            if not MediaMention.objects.filter(title=data["title"]).exists():
                self.seed_mention(dict(data), clerk)
                added += 1
        if not PressReview.objects.exists():
            today = timezone.localdate()
            week = MediaMention.objects.filter(published_on__gte=today - timedelta(days=6)).exclude(tone="")
            review_create(
                mentions=week,
                acting_user=clerk,
                kind=PressReview.Kind.WEEKLY,
                period_start=today - timedelta(days=6),
                period_end=today,
                recipients="prezydent@rudaslaska.example.pl\nnaczelnik.kultura@rudaslaska.example.pl",
            )
        self.stdout.write(f"Monitoring mediów: {added} nowych wzmianek.")

    def seed_mention(self, data, clerk):
        today = timezone.localdate()
        correction_state = data.pop("correction", None)
        inform = data.pop("inform", False)
        unit = data.pop("unit", None)
        mention = mention_create(
            acting_user=clerk,
            outlet=MediaOutlet.objects.get(name=data.pop("outlet")),
            published_on=today - timedelta(days=data.pop("days_ago")),
            unit=CityUnit.objects.get(name=unit) if unit else None,
            handled_by=clerk,
            **data,
        )
        if inform:
            mention_inform_unit(
                mention=mention,
                answer_due=add_working_days(today, 5),
                message="Prosimy o informację, kiedy skwer zostanie uprzątnięty.",
                acting_user=clerk,
            )
        if correction_state:
            self.seed_correction(mention, correction_state, clerk)

    def seed_correction(self, mention, state, clerk):
        fragment, text = CORRECTIONS[mention.title]
        correction = correction_create(
            mention=mention,
            acting_user=clerk,
            reference=f"KSP.0531.{mention.pk}.{mention.published_on.year}",
            editor_in_chief="Jan Redaktor",
            editorial_address="ul. Niedurnego 20\n41-709 Ruda Śląska",
            fragment=fragment,
            correction_text=text,
            mayor_name="Michał Pierończyk",
            sent_on=mention.published_on + timedelta(days=3) if state != "draft" else None,
        )
        if state == "draft":
            return
        correction = transition_perform(obj=correction, name="send", acting_user=clerk)
        correction.received_on = correction.sent_on + timedelta(days=2)
        correction.save(update_fields=["received_on", "updated_at"])
        if state == "refused":
            transition_perform(
                obj=correction,
                name="record_refused",
                acting_user=clerk,
                note="Redakcja uznała, że tekst nie odnosi się do faktów.",
            )
