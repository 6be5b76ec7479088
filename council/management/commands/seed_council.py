"""Demo Economic Council (idempotent; loaded once).

The current term with its members appointed by the Mayor's orders (one dismissed), two sittings that took place (the
first one's minutes approved at the second, an opinion adopted, sent to the Mayor and published at each) and one to
come with its invitations sent. Everything goes through `council.services`, as the secretariat does it.
"""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from core.management.demo import DemoDataCommand
from council.models import CouncilMember, CouncilRole, CouncilSitting, CouncilTerm
from council.services import (
    minutes_approve,
    opinion_publish,
    opinion_record,
    opinion_send_to_mayor,
    sitting_send_invitations,
)

TERM_NAME = "2024–2029"
MEMBERS = [
    ("Barbara Kubica", "Izba Przemysłowo-Handlowa w Rudzie Śląskiej", CouncilRole.CHAIR),
    ("Henryk Mrozek", "Cech Rzemiosł Różnych w Rudzie Śląskiej", CouncilRole.VICE_CHAIR),
    ("Tomasz Wieczorek", "Politechnika Śląska, Wydział Organizacji i Zarządzania", CouncilRole.SECRETARY),
    ("Agnieszka Pawlas", "Rudzka Agencja Rozwoju „Inwestor” sp. z o.o.", CouncilRole.MEMBER),
    ("Marek Sobczyk", "Katowicka Specjalna Strefa Ekonomiczna S.A.", CouncilRole.MEMBER),
    ("Ewa Stolorz", "Bank Spółdzielczy w Rudzie Śląskiej", CouncilRole.MEMBER),
    ("Piotr Gawlik", "Stowarzyszenie Przedsiębiorców Rudzkich", CouncilRole.MEMBER),
]
MINUTES_FIRST = (
    "<p>Posiedzenie otworzyła Przewodnicząca Rady. Rada przyjęła porządek obrad bez uwag.</p>"
    "<p>Naczelnik Wydziału przedstawił projekt programu wsparcia przedsiębiorców na lata 2026–2028. W dyskusji "
    "członkowie Rady zwrócili uwagę na potrzebę ulg dla firm zakładanych na terenach pogórniczych.</p>"
)
MINUTES_SECOND = (
    "<p>Rada zatwierdziła protokół z poprzedniego posiedzenia. Przedstawiciel Katowickiej SSE omówił ofertę terenów "
    "inwestycyjnych w Halembie.</p>"
)


class Command(DemoDataCommand):
    help = "Load the demo Economic Council: members, sittings, minutes and opinions (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        if CouncilTerm.objects.filter(name=TERM_NAME).exists():
            self.stdout.write("Rada Gospodarcza demonstracyjna już jest.")
            return
        clerk = self.demo_clerk("council")
        term = CouncilTerm.objects.create(
            name=TERM_NAME,
            starts_on=date(2024, 5, 7),
            establishing_order="Zarządzenie nr 512/2024 Prezydenta Miasta Ruda Śląska z dnia 3 czerwca 2024 r.",
            mayor_email="prezydent@rudaslaska.example.pl",
        )
        members = [
            self.member(term, n, full_name=name, organisation=organisation, role=role)
            for n, (name, organisation, role) in enumerate(MEMBERS, start=1)
        ]
        self.member(
            term,
            len(MEMBERS) + 1,
            full_name="Jerzy Kandzia",
            organisation="Huta Pokój S.A.",
            role=CouncilRole.MEMBER,
            dismissed_on=date(2025, 3, 31),
            dismissal_order="188/2025",
            dismissal_order_date=date(2025, 3, 28),
        )
        now = timezone.localtime().replace(hour=16, minute=0, second=0, microsecond=0)
        first = self.sitting(
            term,
            1,
            agenda="Otwarcie posiedzenia i przyjęcie porządku obrad\n"
            "Projekt programu wsparcia przedsiębiorców na lata 2026–2028\nSprawy różne",
            clerk=clerk,
            held_at=now - timedelta(days=70),
            present=members[:6],
            minutes=MINUTES_FIRST,
        )
        self.opinion(
            first,
            "1/2026",
            "w sprawie projektu programu wsparcia przedsiębiorców na lata 2026–2028",
            "<p>Rada Gospodarcza pozytywnie opiniuje projekt programu i rekomenduje rozszerzenie ulg na firmy "
            "zakładane na terenach pogórniczych.</p>",
            (5, 0, 1),
            clerk,
        )
        second = self.sitting(
            term,
            2,
            agenda="Otwarcie posiedzenia\nZatwierdzenie protokołu z posiedzenia nr 1\n"
            "Tereny inwestycyjne w Halembie\nSprawy różne",
            clerk=clerk,
            held_at=now - timedelta(days=12),
            present=members[:5],
            minutes=MINUTES_SECOND,
        )
        minutes_approve(sitting=first, at_sitting=second, acting_user=clerk)
        self.opinion(
            second,
            "2/2026",
            "w sprawie promocji terenów inwestycyjnych w Halembie",
            "<p>Rada wnosi o przygotowanie karty terenu inwestycyjnego w Halembie w standardzie PAIH i jej "
            "prezentację na targach inwestycyjnych.</p>",
            (4, 1, 0),
            clerk,
        )
        third = CouncilSitting.objects.create(
            term=term,
            number=3,
            starts_at=now + timedelta(days=16),
            place="Urząd Miasta Ruda Śląska, pl. Jana Pawła II 6, sala 213",
            agenda="Otwarcie posiedzenia\nZatwierdzenie protokołu z posiedzenia nr 2\n"
            "Budżet miasta na przyszły rok w części dotyczącej gospodarki\nSprawy różne",
        )
        sitting_send_invitations(sitting=third, acting_user=clerk)
        self.stdout.write("Dodano Radę Gospodarczą: członków, posiedzenia i stanowiska.")

    def member(self, term, n, **fields) -> CouncilMember:
        member = CouncilMember(
            term=term,
            email=f"rada.czlonek{n}@example.pl",
            phone=f"600 200 {n:03d}",
            appointed_on=date(2024, 6, 10),
            appointment_order="598/2024",
            appointment_order_date=date(2024, 6, 7),
            **fields,
        )
        member.full_clean()
        member.save()
        return member

    def sitting(self, term, number, *, agenda, clerk, held_at, present, minutes) -> CouncilSitting:
        # Invited before it took place, as the secretariat does; then moved to its day.
        sitting = CouncilSitting.objects.create(
            term=term,
            number=number,
            starts_at=timezone.now() + timedelta(days=1),
            place="Urząd Miasta Ruda Śląska, pl. Jana Pawła II 6, sala 213",
            agenda=agenda,
        )
        sitting_send_invitations(sitting=sitting, acting_user=clerk)
        CouncilSitting.objects.filter(pk=sitting.pk).update(starts_at=held_at, minutes=minutes)
        sitting.refresh_from_db()
        sitting.attendees.set(present)
        return sitting

    def opinion(self, sitting, number, subject, text, votes, clerk):
        opinion = opinion_record(
            sitting=sitting,
            number=number,
            subject=subject,
            text=text,
            votes_for=votes[0],
            votes_against=votes[1],
            votes_abstaining=votes[2],
            acting_user=clerk,
        )
        opinion_send_to_mayor(opinion=opinion, acting_user=clerk)
        opinion_publish(opinion=opinion, acting_user=clerk)
        return opinion
