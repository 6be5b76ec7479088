"""Demo applications for the Prezydent's honorary patronage and requests to use the city's symbols, in their states.

`manage.py seed_patronage` opens the cases as the public forms do (`application_open`, `symbol_request_open`) and
moves them as a clerk would (`core.services.transition_perform`), so the register entries, case marks, status
history and letters exist as in real use. Patronages: received on time, received late, with an opinion requested,
granted with a diploma (in the public register), held with the report awaited, and refused; symbols: a request
waiting for its answer, a consent with conditions and a refusal; one misuse in the log. Dates are relative to
today; an event already held is granted before its days and then moved into the past, as if the weeks had gone by.

Idempotent: a case whose event (or applicant) name is already there is not created again. Organisers and people
are invented.
"""

from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from core import page_cache
from core.documents import html_to_pdf
from core.management.demo import DemoDataCommand
from core.services import transition_perform
from events.models import Category, Event, Venue
from events.services import event_create, event_publish
from patronage.models import FileSet, FileSetFile, PatronageApplication, SymbolMisuseReport, SymbolUseRequest
from patronage.services.applications import application_open
from patronage.services.symbols import symbol_request_open

PATRONAGES = [
    {
        "state": "received",
        "starts_in": 45,
        "organiser_name": "Stowarzyszenie „Rudzkie Chóry”",
        "contact_name": "Ewa Zielińska",
        "contact_email": "chory@rudzkiechory.example.pl",
        "event_name": "XV Przegląd Chórów Śląskich",
        "venue": "Dom Kultury w Bielszowicach, ul. Kokota 170",
        "scope": "regional",
        "is_cyclic": True,
        "edition": "XV",
    },
    {
        "state": "received",
        "starts_in": 20,
        "organiser_name": "Klub Sportowy „Grunwald”",
        "contact_name": "Piotr Mazur",
        "contact_email": "biuro@ksgrunwald.example.pl",
        "event_name": "Bieg Uliczny o Puchar Halemby",
        "venue": "ul. Kłodnicka, Halemba",
        "scope": "local",
    },
    {
        "state": "opinion_requested",
        "starts_in": 60,
        "organiser_name": "Fundacja Śląskie Dziedzictwo",
        "contact_name": "Anna Kowalczyk",
        "contact_email": "fundacja@slaskiedziedzictwo.example.pl",
        "event_name": "Konferencja „Industriada w Rudzie Śląskiej”",
        "venue": "Szyb Andrzej, ul. Szyb Andrzeja",
        "scope": "national",
        "opinion_unit": "Wydział Rozwoju Miasta",
    },
    {
        "state": "granted",
        "starts_in": 30,
        "organiser_name": "Miejskie Centrum Kultury im. H. Bisty",
        "contact_name": "Marta Nowicka",
        "contact_email": "mck@mck.example.pl",
        "event_name": "Festiwal Muzyki Dawnej „Ruda Barokowa”",
        "venue": "Kościół św. Józefa, Ruda",
        "scope": "international",
        "answer_form": "diploma",
        "in_calendar": True,
    },
    {
        "state": "report_due",
        "starts_in": 10,
        "organiser_name": "Stowarzyszenie Przyjaciół Wirka",
        "contact_name": "Jan Pietrzyk",
        "contact_email": "wirek@przyjaciele.example.pl",
        "event_name": "Jarmark Wirkowski",
        "venue": "Plac Jana Pawła II",
        "scope": "local",
    },
    {
        "state": "refused",
        "starts_in": 40,
        "organiser_name": "Galeria Handlowa „Plaza Ruda” sp. z o.o.",
        "contact_name": "Karolina Wójcik",
        "contact_email": "marketing@plazaruda.example.pl",
        "event_name": "Wyprzedaż Świąteczna z Mikołajem",
        "venue": "ul. 1 Maja 310",
        "scope": "local",
        "is_commercial": True,
        "refusal": "Wydarzenie ma charakter komercyjny; regulamin patronatu nie przewiduje wyjątku.",
    },
]

FILE_SETS = [
    {
        "slug": "logo-patronatu",
        "title": "Logo Honorowego Patronatu Prezydenta Miasta",
        "page": FileSet.Page.PATRONAGE,
        "rules": "Logo patronatu umieszczaj we wszystkich materiałach wydarzenia, w zatwierdzonej wersji, z napisem "
        "„Patronat Honorowy Prezydenta Miasta Ruda Śląska”. Projekty materiałów prześlij do zatwierdzenia.",
        "files": ["Logo patronatu (wersja pełnokolorowa)", "Zasady używania logo patronatu"],
    },
    {
        "slug": "herb-i-logo-miasta",
        "title": "Herb, flaga i logo miasta",
        "page": FileSet.Page.SYMBOLS,
        "rules": "Wzory zatwierdzone uchwałą Rady Miasta. Używaj ich bez zmian kształtu, proporcji i barw.",
        "files": ["Herb Miasta Ruda Śląska", "Flaga Miasta Ruda Śląska", "Księga znaku"],
    },
]

SYMBOL_REQUESTS = [
    {
        "state": "received",
        "applicant_name": "Szkoła Podstawowa nr 15",
        "contact_name": "Beata Lis",
        "contact_email": "sp15@szkola.example.pl",
        "symbol": "coat_of_arms",
        "purpose": "Dyplomy konkursu wiedzy o Rudzie Śląskiej.",
        "medium": "dyplomy drukowane",
        "quantity": 120,
    },
    {
        "state": "consent_with_conditions",
        "applicant_name": "Drukarnia Halemba sp. z o.o.",
        "contact_name": "Jan Nowak",
        "contact_email": "biuro@drukarnia-halemba.example.pl",
        "symbol": "logo",
        "purpose": "Koszulki na Bieg Uliczny o Puchar Halemby.",
        "medium": "koszulki bawełniane",
        "quantity": 500,
        "is_commercial": True,
        "conditions": "Logo wyłącznie w wersji pełnokolorowej z księgi znaku; bez łączenia z logo sponsorów.",
    },
    {
        "state": "refused",
        "applicant_name": "Pamiątki Śląskie s.c.",
        "contact_name": "Tomasz Król",
        "contact_email": "sklep@pamiatki.example.pl",
        "symbol": "coat_of_arms",
        "purpose": "Kubki z herbem w zmienionych barwach.",
        "medium": "kubki ceramiczne",
        "quantity": 2000,
        "is_commercial": True,
        "refusal": "Projekt zmienia barwy herbu; herb może być używany tylko we wzorze zatwierdzonym.",
    },
]


class Command(DemoDataCommand):
    help = "Load demo patronage applications and requests to use the city's symbols."

    @transaction.atomic
    def handle(self, *args, **options):
        clerk = self.demo_clerk("patronage")
        created = 0
        for data in PATRONAGES:
            if not PatronageApplication.objects.filter(event_name=data["event_name"]).exists():
                self.seed_patronage(dict(data), clerk)
                created += 1
        for data in SYMBOL_REQUESTS:
            if not SymbolUseRequest.objects.filter(applicant_name=data["applicant_name"]).exists():
                self.seed_symbol_request(dict(data), clerk)
                created += 1
        for data in FILE_SETS:
            if not FileSet.objects.filter(slug=data["slug"]).exists():
                self.seed_file_set(dict(data))
        if not SymbolMisuseReport.objects.exists():
            SymbolMisuseReport.objects.create(
                found_on=timezone.localdate() - timedelta(days=4),
                symbol="coat_of_arms",
                where="sklep internetowy z pamiątkami",
                description="Herb w zmienionych barwach na magnesach, bez zgody Prezydenta Miasta.",
                action_taken="Pismo wzywające do zaprzestania używania herbu.",
            )
        self.stdout.write(f"Patronaty i symbole miasta: {created} nowych spraw.")

    def seed_patronage(self, data, clerk):
        today = timezone.localdate()
        state = data.pop("state")
        refusal = data.pop("refusal", "")
        starts_on = today + timedelta(days=data.pop("starts_in"))
        if data.pop("in_calendar", False):
            data["calendar_event"] = self.calendar_event(data, starts_on)
        application = application_open(
            application=PatronageApplication(
                organiser_address="Ruda Śląska",
                starts_on=starts_on,
                ends_on=starts_on,
                description="Wydarzenie kulturalne dla mieszkańców Rudy Śląskiej.",
                programme="Program w załączeniu; koncerty, warsztaty i spotkania.",
                permits_confirmed=True,
                **data,
            ),
            # the event held was applied for on time, weeks ago
            received_on=starts_on - timedelta(days=40) if state == "report_due" else None,
            acknowledge=False,
        )
        if state == "opinion_requested":
            transition_perform(obj=application, name="request_opinion", acting_user=clerk)
        elif state in ("granted", "report_due"):
            transition_perform(obj=application, name="grant", acting_user=clerk)
        elif state == "refused":
            transition_perform(obj=application, name="refuse", acting_user=clerk, note=refusal)
        if state == "report_due":
            transition_perform(obj=application, name="approve_materials", acting_user=clerk)
            held = today - timedelta(days=1)
            PatronageApplication.objects.filter(pk=application.pk).update(starts_on=held, ends_on=held)
            transaction.on_commit(page_cache.bump_generation)
            application.refresh_from_db()
            transition_perform(obj=application, name="event_held", acting_user=clerk)

    def calendar_event(self, data, starts_on):
        """The event's entry in the city's calendar, where the granted patronage shows its mark (None: no venue)."""
        venue = Venue.objects.order_by("pk").first()
        category = Category.objects.filter(slug="koncerty").first() or Category.objects.order_by("pk").first()
        if venue is None or category is None:
            return None
        starts_at = timezone.make_aware(datetime.combine(starts_on, time(19)))
        event = event_create(
            acting_user=None,
            occurrences=[(starts_at, starts_at + timedelta(hours=2))],
            status=Event.Status.DRAFT,
            title=data["event_name"],
            lead="Muzyka dawna na instrumentach z epoki w kościele św. Józefa.",
            description="<p>Koncerty zespołów muzyki dawnej z Polski i Czech.</p>",
            category=category,
            venue=venue,
            organiser_name=data["organiser_name"],
        )
        return event_publish(event=event, acting_user=None)

    def seed_symbol_request(self, data, clerk):
        today = timezone.localdate()
        state = data.pop("state")
        refusal = data.pop("refusal", "")
        request = symbol_request_open(
            request=SymbolUseRequest(
                applicant_address="Ruda Śląska",
                period_from=today + timedelta(days=7),
                period_to=today + timedelta(days=120),
                **data,
            ),
            received_on=today - timedelta(days=5),
            acknowledge=False,
        )
        if state == "consent_with_conditions":
            transition_perform(obj=request, name="consent_with_conditions", acting_user=clerk)
        elif state == "refused":
            transition_perform(obj=request, name="refuse", acting_user=clerk, note=refusal)

    def seed_file_set(self, data):
        titles = data.pop("files")
        file_set = FileSet.objects.create(is_published=True, **data)
        for position, title in enumerate(titles):
            pdf = html_to_pdf(f"<html lang='pl'><body><h1>{title}</h1><p>Plik demonstracyjny.</p></body></html>")
            attachment = FileSetFile(file_set=file_set, title=title, position=position, original_name=f"{title}.pdf")
            attachment.file.save("demo.pdf", ContentFile(pdf), save=False)
            attachment.save()
