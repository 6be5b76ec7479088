"""Demo requests for accessibility and demands for digital accessibility, in their states.

`manage.py seed_accessibility` opens the cases as the public forms do (`accessibility_case_open`) and moves them as
the coordinator would (`core.services.transition_perform`), so case marks, status history, letters and the
Terminarz's clocks exist as in real use: a request just received, a request with a notified delay, a request
answered, a paper request without contact data left without consideration; a demand received and a demand answered
with alternative access. Dates are relative to today. Idempotent: a case whose place or page is already there is not
created again. People are invented.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accessibility.deadlines import accessibility_extension_latest
from accessibility.models import AccessibilityRequest, DigitalAccessibilityDemand
from accessibility.services import accessibility_case_open
from core.management.demo import DemoDataCommand
from core.services import transition_perform

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
        self.stdout.write(f"Dostępność: {created} nowych spraw.")

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
