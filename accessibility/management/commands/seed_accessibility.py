"""Demo requests for accessibility and demands for digital accessibility, in their states.

`manage.py seed_accessibility` opens the cases as the public forms do (`accessibility_case_open`) and moves them as
the coordinator would (`core.services.transition_perform`), so case marks, status history, letters and the
Terminarz's clocks exist as in real use: a request just received, a request with a notified delay, a request
answered, a paper request without contact data left without consideration; a demand received and a demand answered
with alternative access; the declaration of accessibility in Polish and English with the City Hall's building (a
venue), the plan of action with three measures and the 2025 report. Dates are relative to today. Idempotent: a
case whose place or page is already there is not created again; the declarations, the plan and the report neither.
People are invented.
"""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from accessibility.deadlines import accessibility_extension_latest
from accessibility.models import (
    AccessibilityDeclaration,
    AccessibilityReport,
    AccessibilityRequest,
    ActionPlan,
    DigitalAccessibilityDemand,
    ReportBuilding,
)
from accessibility.services import accessibility_case_open
from core.management.demo import DemoDataCommand
from core.services import transition_perform
from events.models import Venue

REQUESTS = [
    {
        "state": "received",
        "filed_days_ago": 3,
        "applicant_name": "Barbara Mazur",
        "contact_email": "b.mazur@example.pl",
        "barrier_kind": "architectural",
        "barrier_place": "Urząd Miasta, pl. Jana Pawła II 6 — wejście od ul. Niedurnego",
        "barrier_description": "Drzwi wejściowe są ciężkie i nie otwierają się automatycznie; poruszam się na wózku.",
        "factual_interest": "Chcę złożyć wniosek w Biurze Obsługi Mieszkańców.",
        "preferred_solution": "Automatyczne otwieranie drzwi albo dzwonek przywołujący pracownika.",
    },
    {
        "state": "extended",
        "filed_days_ago": 12,
        "applicant_name": "Michał Kubica",
        "contact_email": "m.kubica@example.pl",
        "contact_method": "pjm",
        "barrier_kind": "info_comm",
        "barrier_place": "Sesja Rady Miasta w sali sesyjnej",
        "barrier_description": "Brak tłumacza polskiego języka migowego podczas sesji.",
        "factual_interest": "Chcę uczestniczyć w sesji Rady Miasta.",
        "preferred_solution": "Tłumacz PJM na miejscu lub online.",
        "delay_reason": "Zamówienie usługi tłumacza PJM wymaga przeprowadzenia zapytania ofertowego.",
    },
    {
        "state": "ensured",
        "filed_days_ago": 20,
        "applicant_name": "Helena Wójcik",
        "contact_address": "ul. Kokota 12, 41-711 Ruda Śląska",
        "contact_method": "post",
        "barrier_kind": "info_comm",
        "barrier_place": "Biuro Obsługi Mieszkańców — stanowisko nr 3",
        "barrier_description": "Brak pętli indukcyjnej; noszę aparat słuchowy.",
        "factual_interest": "Chcę załatwić sprawę przy stanowisku.",
        "answer": "Przy stanowisku nr 3 zainstalowano przenośną pętlę indukcyjną; oznaczono ją piktogramem.",
    },
    {
        "state": "left_unconsidered",
        "filed_days_ago": 9,
        "channel": "paper",
        "applicant_name": "Nadawca nieznany",
        "barrier_kind": "architectural",
        "barrier_place": "Miejska Biblioteka Publiczna — filia w Bykowinie",
        "barrier_description": "Schody bez poręczy.",
        "factual_interest": "Korzystanie z biblioteki.",
    },
]
DEMANDS = [
    {
        "state": "received",
        "filed_days_ago": 2,
        "applicant_name": "Paweł Szulc",
        "contact_email": "p.szulc@example.pl",
        "page_url": "https://kultura.rudaslaska.pl/wydarzenia/",
        "element": "kalendarz wydarzeń — wybór daty",
        "problem": "Czytnik ekranu nie odczytuje dni w kalendarzu.",
    },
    {
        "state": "alternative",
        "filed_days_ago": 10,
        "applicant_name": "Ewa Pietrzyk",
        "contact_email": "e.pietrzyk@example.pl",
        "page_url": "https://kultura.rudaslaska.pl/dotacje/",
        "element": "skan uchwały w PDF",
        "problem": "Uchwała jest skanem bez warstwy tekstowej.",
        "preferred_alternative": "Tekst uchwały w pliku DOCX.",
        "answer": "Tekst uchwały przesłaliśmy e-mailem w pliku tekstowym; dostępna wersja PDF zastąpi skan.",
    },
]

CITY_HALL_BUILDINGS = [
    {
        "name": "Urząd Miasta Ruda Śląska",
        "street_address": "pl. Jana Pawła II 6",
        "postal_code": "41-709",
        "district": "nowy_bytom",
        "step_free_entry": True,
        "accessible_toilet": True,
        "induction_loop": True,
        "disabled_parking": True,
        "accessibility_notes": "Wejście główne od placu z pochylnią; winda na wszystkie piętra; pętla indukcyjna w "
        "Biurze Obsługi Mieszkańców na parterze.",
    },
]
DECLARATIONS = {
    "pl": {
        "entity_name": "Urząd Miasta Ruda Śląska",
        "site_name": "Portal Wydziału Kultury, Komunikacji Społecznej i Promocji Miasta",
        "noncompliance": "Część archiwalnych plików PDF nie ma struktury nagłówków.\n"
        "Niektóre zdjęcia w archiwum komunikatów prasowych nie mają tekstu alternatywnego.",
        "out_of_scope": "Filmy opublikowane przed 23 września 2020 r. nie mają napisów (art. 3 ust. 2 pkt 2 ustawy).",
        "contact_person": "Koordynator do spraw dostępności, Wydział Kultury, Komunikacji Społecznej i Promocji "
        "Miasta",
        "communication": "W Biurze Obsługi Mieszkańców jest pętla indukcyjna. Z urzędem można się skontaktować "
        "pisemnie, e-mailem, przez ePUAP lub telefonicznie, także z pomocą osoby przybranej.",
    },
    "en": {
        "entity_name": "City Hall of Ruda Śląska",
        "site_name": "Culture portal of the Ruda Śląska City Hall",
        "noncompliance": "Some archival PDF files have no heading structure.\n"
        "Some photos in the archive of press releases lack a text description for screen readers.",
        "out_of_scope": "Films published before 23 September 2020 have no captions (art. 3(2)(2) of the act).",
        "contact_person": "Accessibility coordinator of the Ruda Śląska City Hall",
        "communication": "The Customer Service Office has an induction loop. You can contact the City Hall in "
        "writing, by e-mail, through ePUAP or by phone, also with the help of a person you choose.",
    },
}
MEASURES = [
    (
        "architectural",
        "Automatyczne otwieranie drzwi wejścia od ul. Niedurnego",
        "Wydział Inwestycji",
        180,
        True,
        False,
    ),
    ("digital", "Zastąpienie skanów uchwał dostępnymi plikami PDF", "Wydział Kultury", 90, True, True),
    ("info_comm", "Tłumacz PJM online w Biurze Obsługi Mieszkańców", "Biuro Obsługi Mieszkańców", 60, False, False),
]


class Command(DemoDataCommand):
    help = "Load demo requests for accessibility and demands for digital accessibility."

    @transaction.atomic
    def handle(self, *args, **options):
        clerk = self.demo_clerk("accessibility")
        created = 0
        for data in REQUESTS:
            if not AccessibilityRequest.objects.filter(barrier_place=data["barrier_place"]).exists():
                self.seed_case(AccessibilityRequest, dict(data), clerk)
                created += 1
        for data in DEMANDS:
            if not DigitalAccessibilityDemand.objects.filter(page_url=data["page_url"]).exists():
                self.seed_case(DigitalAccessibilityDemand, dict(data), clerk)
                created += 1
        buildings = [self.city_hall_building(dict(data)) for data in CITY_HALL_BUILDINGS]
        # The English one first: the Polish declaration is the newest, the one a clerk opens first.
        for language, data in sorted(DECLARATIONS.items(), key=lambda item: item[0] == "pl"):
            if not AccessibilityDeclaration.objects.filter(language=language).exists():
                self.seed_declaration(language, data, buildings)
        if not ActionPlan.objects.exists():
            self.seed_plan()
        if not AccessibilityReport.objects.filter(year=2025).exists():
            self.seed_report(buildings)
        self.stdout.write(f"Dostępność: {created} nowych spraw.")

    @staticmethod
    def city_hall_building(data):
        venue = Venue.objects.filter(street_address=data["street_address"]).first()
        return venue or Venue.objects.create(**data)

    @staticmethod
    def seed_declaration(language, data, buildings):
        declaration = AccessibilityDeclaration.objects.create(
            language=language,
            site_url="https://kultura.rudaslaska.pl/" + ("en/" if language == "en" else ""),
            published_on=date(2026, 1, 5),
            updated_on=timezone.localdate() - timedelta(days=14),
            status="partial",
            prepared_on=date(2026, 1, 5),
            reviewed_on=date(2026, 3, 20),
            contact_email="dostepnosc@rudaslaska.pl",
            contact_phone="32 244 90 00 wew. 3250",
            pjm_online=False,
            is_published=True,
            **data,
        )
        declaration.buildings.set(buildings)

    @staticmethod
    def seed_plan():
        today = timezone.localdate()
        plan = ActionPlan.objects.create(
            title="Plan działania na rzecz poprawy zapewniania dostępności 2026–2029",
            period_from=date(2026, 1, 1),
            period_to=date(2029, 12, 31),
            adopted_on=date(2026, 2, 10),
            adopted_by="Zarządzenie Prezydenta Miasta Ruda Śląska (demonstracyjne)",
        )
        for dimension, measure, responsible, days, started, done in MEASURES:
            plan.measures.create(
                dimension=dimension,
                measure=measure,
                responsible=responsible,
                deadline=today + timedelta(days=days),
                started_on=today - timedelta(days=30) if started else None,
                done_on=today - timedelta(days=2) if done else None,
            )

    @staticmethod
    def seed_report(buildings):
        report = AccessibilityReport.objects.create(
            year=2025,
            prepared_on=date(2025, 3, 20),
            websites=2,
            websites_full=0,
            websites_partial=2,
            alternative_access="Obsługa interesantów z niepełnosprawnością ruchową na parterze budynku.",
            bip_published_on=date(2025, 3, 28),
            bip_url="https://bip.rudaslaska.pl/raport-o-stanie-zapewniania-dostepnosci-2025",
            sent_to_voivode_on=date(2025, 3, 28),
        )
        for venue in buildings:
            ReportBuilding.objects.create(
                report=report,
                venue=venue,
                barrier_free_spaces=True,
                access_to_rooms=True,
                assistance_dog=True,
                evacuation=True,
                hearing_devices=True,
                communication_on_request=True,
            )

    def seed_case(self, model, data, clerk):
        state = data.pop("state")
        received_on = timezone.localdate() - timedelta(days=data.pop("filed_days_ago"))
        case = accessibility_case_open(case=model(**data), received_on=received_on, acknowledge=False)
        if state == "extended":
            model.objects.filter(pk=case.pk).update(extended_to=accessibility_extension_latest(received_on))
            case.refresh_from_db()
        if state != "received":
            transition_perform(obj=case, name=self.TRANSITIONS[state], acting_user=clerk)

    TRANSITIONS = {
        "extended": "extend",
        "ensured": "ensure",
        "alternative": "alternative",
        "left_unconsidered": "leave_unconsidered",
    }
