"""Demo meetings of the Mayor with residents (idempotent; loaded once).

A district meeting in Halemba with registration and a few residents signed up, the Seniors' Council and the Youth
Council to come, and a meeting with organisations that took place, with its minutes and attendance. The meetings
at a venue are announced in the events calendar through `meetings.services.meeting_publish`, as a clerk does.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from core.management.demo import DemoDataCommand
from events.models import Venue
from meetings.models import MeetingKind, ResidentMeeting
from meetings.services import meeting_publish, meeting_register

SLUG_PREFIX = "demo-"
VENUE = {
    "slug": "sala-sesyjna-urzedu-miasta",
    "name": "Sala sesyjna Urzędu Miasta",
    "street_address": "pl. Jana Pawła II 6",
    "postal_code": "41-709",
    "district": "nowy_bytom",
    "step_free_entry": True,
    "accessible_toilet": True,
    "induction_loop": True,
    "disabled_parking": True,
}
TOPICS_HALEMBA = (
    "<ul><li>remont ulicy Halembskiej i objazdy</li><li>nowe miejsca parkingowe przy przychodni</li>"
    "<li>budżet obywatelski na przyszły rok</li></ul>"
)
MINUTES_NGO = (
    "<p>W spotkaniu wzięło udział 23 przedstawicieli organizacji pozarządowych. Omówiono program współpracy miasta "
    "z organizacjami na przyszły rok oraz terminy otwartych konkursów ofert.</p><p>Zgłoszono trzy wnioski, które "
    "przekazano do właściwych wydziałów Urzędu Miasta.</p>"
)
RESIDENTS = ["Jan Kowalski", "Maria Nowak", "Stanisław Wieczorek"]


class Command(DemoDataCommand):
    help = "Load demo meetings with residents, with registrations and minutes (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        if ResidentMeeting.objects.filter(slug__startswith=SLUG_PREFIX).exists():
            self.stdout.write("Spotkania z mieszkańcami demonstracyjne już są.")
            return
        clerk = self.demo_clerk("promotion")
        venue = Venue.objects.filter(slug=VENUE["slug"]).first() or Venue.objects.create(**VENUE)
        today = timezone.localtime().replace(hour=17, minute=0, second=0, microsecond=0)
        halemba = self.meeting(
            slug="halemba",
            kind=MeetingKind.DISTRICT,
            title="Spotkanie Prezydenta Miasta z mieszkańcami Halemby",
            starts_at=today + timedelta(days=12),
            place="Szkoła Podstawowa nr 3, ul. Energetyków 25, aula",
            district="halemba",
            topics=TOPICS_HALEMBA,
            accessibility="Wejście bez schodów od strony boiska. Tłumacz PJM na życzenie zgłoszone przy zapisie.",
            registration_required=True,
            capacity=80,
        )
        seniors = self.meeting(
            slug="rada-seniorow",
            kind=MeetingKind.SENIORS_COUNCIL,
            title="Posiedzenie Rady Seniorów z udziałem Prezydenta Miasta",
            starts_at=today + timedelta(days=20, hours=-5),
            venue=venue,
            topics="<p>Program „Senior w Rudzie Śląskiej” i rudzka karta seniora.</p>",
            accessibility="Pętla indukcyjna w sali; miejsca parkingowe dla osób z niepełnosprawnościami.",
        )
        youth = self.meeting(
            slug="mlodziezowa-rada",
            kind=MeetingKind.YOUTH_COUNCIL,
            title="Spotkanie z Młodzieżową Radą Miasta",
            starts_at=today + timedelta(days=27, hours=-1),
            venue=venue,
            topics="<p>Miejsca spotkań dla młodzieży i letni festiwal w parku Strzelnica.</p>",
            registration_required=True,
            capacity=40,
        )
        ngos = self.meeting(
            slug="organizacje",
            kind=MeetingKind.NGOS,
            title="Spotkanie z organizacjami pozarządowymi",
            starts_at=today - timedelta(days=14),
            ends_at=today - timedelta(days=14) + timedelta(hours=2),
            venue=venue,
            topics="<p>Program współpracy z organizacjami pozarządowymi.</p>",
        )
        for meeting in (halemba, seniors, youth, ngos):
            meeting_publish(meeting=meeting, acting_user=clerk)
        for name in RESIDENTS:
            meeting_register(meeting=halemba, full_name=name, needs="")
        ResidentMeeting.objects.filter(pk=ngos.pk).update(minutes=MINUTES_NGO, attendance_estimate=23)
        self.stdout.write("Dodano spotkania Prezydenta Miasta z mieszkańcami.")

    def meeting(self, *, slug, **fields) -> ResidentMeeting:
        meeting = ResidentMeeting(slug=f"{SLUG_PREFIX}{slug}", **fields)
        meeting.full_clean()
        meeting.save()
        return meeting
