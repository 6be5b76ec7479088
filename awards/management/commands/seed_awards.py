"""Demo content of artistic scholarships and the Mayor's culture awards (idempotent; loaded once).

A scholarship call open for applications and an award call open for nominations, each with the rules of a
resolution of the Rada Miasta (u.o.p.d.k. art. 7a ust. 3, art. 7b ust. 3 — the numbers are invented); applications
in each state of the workflow: submitted, called to complete (a deadline in the Terminarz), accepted formally,
granted by the Mayor's order and not granted. The scholarship call's committee, appointed by the Mayor's order,
gives its points and opinions on the formally correct applications (one member declares a conflict, an expert
advises) before the Mayor decides, and invites one candidate to an interview. Cases open through
`core.services.case_open` and move through `core.services.transition_perform`, so case marks and history rows exist
as in real use; no acknowledgement is sent.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from awards import services
from awards.models import AwardApplication, AwardCall, AwardCommittee, AwardCommitteeMember, AwardResolution, Kind
from core.management.demo import DemoDataCommand
from core.public_cases import current_information_clause
from core.services import case_open, transition_perform

SLUG_PREFIX = "demo-"
RESOLUTION = "Uchwała nr PR.0007.120.2026 Rady Miasta Ruda Śląska z 26.03.2026 (Dz. Urz. Woj. Śl. 2026 poz. 2150)"
SCHOLARSHIP_RULES = (
    "<h2>Kto może złożyć wniosek</h2><p>Osoba zajmująca się twórczością artystyczną, upowszechnianiem kultury lub "
    "opieką nad zabytkami, mieszkająca lub tworząca w Rudzie Śląskiej; wniosek może złożyć także instytucja kultury "
    "lub stowarzyszenie rekomendujące kandydata.</p><h2>Wysokość stypendium</h2><p>Do 10 000 zł na jedno "
    "przedsięwzięcie, wypłacane na podstawie umowy stypendialnej.</p><h2>Tryb</h2><p>Wnioski opiniuje komisja "
    "powołana zarządzeniem Prezydenta Miasta; opinia nie jest wiążąca. Stypendia przyznaje Prezydent Miasta "
    "zarządzeniem. Wnioski złożone po terminie lub nieuzupełnione w wyznaczonym terminie nie są rozpatrywane. "
    "Od rozstrzygnięcia nie przysługuje odwołanie.</p>"
)
AWARD_RULES = (
    "<h2>Kto może zgłosić kandydata</h2><p>Komisja Kultury Rady Miasta, instytucje kultury, stowarzyszenia twórcze "
    "oraz inne podmioty prowadzące działalność kulturalną.</p><h2>Kategorie</h2><ul><li>za całokształt "
    "twórczości</li><li>Młody Artysta Roku</li><li>za upowszechnianie kultury</li></ul><h2>Forma</h2><p>Nagroda "
    "pieniężna do 5 000 zł i dyplom; nagrody wręczane są podczas Gali Kultury.</p>"
)
# (candidate, field, title, requested, steps, decision amount)
SCHOLARSHIPS = [
    ("Marta Zielińska", "music", "Pieśni Górnego Śląska na nowo", "8000", [], None),
    ("Tomasz Kania", "visual_arts", "Cykl grafik „Familoki”", "6000", ["call_to_complete"], None),
    ("Agnieszka Wróbel", "literature", "Reportaż o rudzkich kopalniach", "5000", ["formal_ok"], None),
    ("Paweł Szulc", "theatre", "Spektakl uliczny w Orzegowie", "9000", ["formal_ok", "grant"], "7500"),
    ("Ewa Pietrzyk", "film", "Dokument o Wielkim Piecu", "10000", ["formal_ok", "refuse"], None),
]
DECISIONS = ("grant", "refuse")
# The committee of the scholarship call (its members' logins, names and roles); "clerk" stands for the demo clerk.
COMMITTEE = [
    ("komisja.mazur", "Katarzyna", "Mazur", AwardCommitteeMember.Role.CHAIR),
    ("clerk", "", "", AwardCommitteeMember.Role.MEMBER),
    ("komisja.wojcik", "Jolanta", "Wójcik", AwardCommitteeMember.Role.EXPERT),
]
# Each member's points per candidate, in COMMITTEE order; None: the member declares a conflict of interest.
COMMITTEE_POINTS = [
    {"Paweł Szulc": "9", "Agnieszka Wróbel": "7", "Ewa Pietrzyk": "5"},
    {"Paweł Szulc": "8", "Agnieszka Wróbel": "8", "Ewa Pietrzyk": None},
    {"Paweł Szulc": "6", "Agnieszka Wróbel": "9.5"},
]
OPINIONS = {
    "Paweł Szulc": "Przemyślany program, realny budżet; spektakl dotrze do mieszkańców Orzegowa.",
    "Agnieszka Wróbel": "Ważny temat, dobry warsztat; prosimy o rozmowę o harmonogramie.",
    "Ewa Pietrzyk": "Projekt ciekawy, ale budżet zawyżony wobec planu zdjęć.",
}
NOMINATIONS = [
    ("Henryk Malarz", "visual_arts", "za całokształt twórczości", "Muzeum Miejskie im. Maksymiliana Chroboka"),
    ("Zespół Pieśni i Tańca „Bytków”", "dance", "za upowszechnianie kultury", "Miejskie Centrum Kultury"),
]


class Command(DemoDataCommand):
    help = "Load demo scholarship and award calls with applications in each state (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        if AwardCall.objects.filter(slug__startswith=SLUG_PREFIX).exists():
            self.stdout.write("Nabory stypendiów i nagród demonstracyjne już są.")
            return
        year = timezone.localdate().year
        deadline = timezone.now() + timedelta(days=40)
        resolution = AwardResolution.objects.create(
            kind=Kind.SCHOLARSHIP,
            number="PR.0007.120.2026",
            adopted_on=date(2026, 3, 26),
            title="w sprawie szczegółowych warunków i trybu przyznawania stypendiów artystycznych",
            journal_item="Dz. Urz. Woj. Śl. z 2026 r. poz. 2150",
            max_amount=Decimal("10000.00"),
        )
        scholarship = AwardCall.objects.create(
            kind=Kind.SCHOLARSHIP,
            year=year + 1,
            title=f"Stypendia artystyczne Prezydenta Miasta na rok {year + 1}",
            slug=f"{SLUG_PREFIX}stypendia-{year + 1}",
            council_resolution=resolution,
            rules=SCHOLARSHIP_RULES,
            deadline=deadline,
            budget=Decimal("60000.00"),
            max_amount=Decimal("10000.00"),
            is_published=True,
        )
        award = AwardCall.objects.create(
            kind=Kind.AWARD,
            year=year,
            title=f"Nagrody Prezydenta Miasta w dziedzinie kultury za rok {year}",
            slug=f"{SLUG_PREFIX}nagrody-{year}",
            resolution=RESOLUTION,
            rules=AWARD_RULES,
            deadline=deadline,
            budget=Decimal("25000.00"),
            max_amount=Decimal("5000.00"),
            is_published=True,
        )
        clerk = self.demo_clerk("grants")
        order_date = timezone.localdate()
        applications = []
        for n, (candidate, field, title, requested, steps, amount) in enumerate(SCHOLARSHIPS, start=1):
            application = self.open(
                AwardApplication(
                    call=scholarship,
                    submitter_name=candidate,
                    email=f"stypendysta{n}@example.pl",
                    candidate_name=candidate,
                    field_of_art=field,
                    project_title=title,
                    programme="Cel, plan pracy i termin zakończenia opisane we wniosku.",
                    period_from=order_date.replace(year=year + 1, month=1, day=1),
                    period_to=order_date.replace(year=year + 1, month=10, day=31),
                    requested_amount=Decimal(requested),
                    achievements="Wystawy, koncerty i publikacje z ostatnich trzech lat.",
                    justification="Przedsięwzięcie promuje kulturę Rudy Śląskiej.",
                ),
                scholarship,
            )
            for step in [step for step in steps if step not in DECISIONS]:
                note = "Prosimy dołączyć dyplomy z ostatnich trzech lat." if step == "call_to_complete" else ""
                application = transition_perform(obj=application, name=step, acting_user=clerk, note=note)
            applications.append((application, steps, amount))
        # The committee gives its opinion on the formally correct applications before the Mayor's order.
        self.committee(scholarship, clerk, [application for application, _steps, _amount in applications])
        for n, (application, steps, amount) in enumerate(applications, start=1):
            for step in [step for step in steps if step in DECISIONS]:
                AwardApplication.objects.filter(pk=application.pk).update(
                    decision_number=f"ZP.0050.{300 + n}.{year}",
                    decision_date=order_date,
                    granted_amount=Decimal(amount) if amount else None,
                )
                application = transition_perform(obj=application, name=step, acting_user=clerk)
        for n, (candidate, field, category, nominator) in enumerate(NOMINATIONS, start=1):
            self.open(
                AwardApplication(
                    call=award,
                    submitter_kind=AwardApplication.SubmitterKind.INSTITUTION,
                    submitter_name=nominator,
                    email=f"nominujacy{n}@example.pl",
                    candidate_name=candidate,
                    field_of_art=field,
                    category=category,
                    achievements="Wieloletnia działalność artystyczna w mieście.",
                    justification="Wybitne osiągnięcia w dziedzinie kultury.",
                ),
                award,
            )
        self.stdout.write("Dodano nabory stypendiów i nagród z wnioskami.")

    def committee(self, call, clerk, applications):
        """The call's committee appointed by the Mayor's order: three members (the demo clerk one of them, so the
        committee's panel shows), declarations (one conflict), points and opinions, and an interview."""
        AwardCommittee.objects.create(
            call=call, order_number=f"ZP.0050.250.{call.year - 1}", order_date=timezone.localdate()
        )
        people = [(self.committee_person(*person), role) for *person, role in COMMITTEE if person[0] != "clerk"]
        people.insert(1, (clerk, AwardCommitteeMember.Role.MEMBER))
        considered = {application.candidate_name: application for application in applications}
        for (user, role), marks in zip(people, COMMITTEE_POINTS, strict=True):
            member = AwardCommitteeMember.objects.create(call=call, user=user, role=role)
            for candidate, points in marks.items():
                assignment = services.application_assign(
                    member=member, application=considered[candidate], acting_user=clerk
                )
                services.impartiality_declare(assignment=assignment, has_conflict=points is None, acting_user=user)
                if points is not None:
                    services.score_record(
                        assignment=assignment, points=Decimal(points), opinion=OPINIONS[candidate], acting_user=user
                    )
        services.interview_schedule(
            application=considered["Agnieszka Wróbel"],
            starts_at=timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0) + timedelta(days=10),
            place="Urząd Miasta Ruda Śląska, pl. Jana Pawła II 6, sala 212",
            acting_user=clerk,
        )

    def committee_person(self, username, first_name, last_name):
        """A member from outside the department: a staff account with no role group and no password yet."""
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"first_name": first_name, "last_name": last_name, "is_staff": True}
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        return user

    def open(self, application, call):
        return case_open(
            case=application,
            title=f"Wniosek: {call.title}"[:200],
            info_clause=current_information_clause("awards.application"),
            acknowledge=False,
        )
