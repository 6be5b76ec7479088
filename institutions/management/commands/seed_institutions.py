"""Load the city's cultural institutions (DOMAIN.md §A.1) with plausible register books. Safe to run again.

Every entry is made through `institutions.services`, as a clerk would make it, by the demo clerk (given the register
role). The acts' numbers other than the library's statute (uchwała 354/XXVIII/2000 of 26.06.2000, [V S19]) are
invented for the demo.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from core.management.commands.seed_demo import DEMO_CLERK_USERNAME
from core.management.demo import DemoDataCommand
from core.roles import SECTION_BY_CODE, sync_roles
from institutions import services
from institutions.models import (
    CulturalInstitution,
    DirectorTerm,
    Inspection,
    InstitutionKind,
    InstitutionSubsidy,
    LegalAct,
    PlannedInstitution,
    RegisterEntry,
    ReorganisationPlan,
    Section,
)

D = datetime.date
# § 14 of the regulation: the electronic books were opened on 21.05.2012 by copying the old books' current entries.
TRANSFER_DATE = D(2012, 5, 21)
TRANSFER_REMARK = "Wpis przeniesiony z dotychczasowej księgi rejestrowej (§ 14 rozporządzenia MKiDN z 26.01.2012)."

INSTITUTIONS = [
    {
        "entry_no": 1,
        "kind": InstitutionKind.CULTURE_CENTRE,
        "website": "https://www.mckruda.pl/",
        "founding_act": ("XIX/182/1991", D(1991, 11, 28), "w sprawie utworzenia Miejskiego Centrum Kultury"),
        "statute_act": (
            "LIV/812/2009",
            D(2009, 9, 24),
            "w sprawie nadania statutu Miejskiemu Centrum Kultury im. Henryka Bisty w Rudzie Śląskiej",
        ),  # noqa: E501
        "values": {
            "full_name": "Miejskie Centrum Kultury im. Henryka Bisty w Rudzie Śląskiej",
            "short_name": "MCK",
            "activity": "Prowadzenie wielokierunkowej działalności w zakresie tworzenia, upowszechniania i ochrony "
            "kultury, edukacja kulturalna i wychowanie przez sztukę, organizacja imprez miejskich.",
            "seat": "Ruda Śląska",
            "address": "ul. Piotra Niedurnego 69, 41-709 Ruda Śląska",
            "regon": "000281920",
        },
        "director": ("Aleksandra Kowalczyk", "competition", D(2022, 9, 1), D(2027, 8, 31)),
        "branches": "Dom Kultury w Bielszowicach, ul. Kałusa 2, Ruda Śląska\n"
        "Dom Kultury w Halembie, ul. 1 Maja 32, Ruda Śląska",
    },
    {
        "entry_no": 2,
        "kind": InstitutionKind.LIBRARY,
        "website": "https://biblioteka.r-sl.pl/",
        "founding_act": ("XVI/130/1991", D(1991, 6, 27), "w sprawie utworzenia Miejskiej Biblioteki Publicznej"),
        "statute_act": (
            "354/XXVIII/2000",
            D(2000, 6, 26),
            "w sprawie nadania statutu Miejskiej Bibliotece Publicznej w Rudzie Śląskiej",
        ),  # noqa: E501
        "values": {
            "full_name": "Miejska Biblioteka Publiczna w Rudzie Śląskiej",
            "short_name": "MBP",
            "activity": "Gromadzenie, opracowywanie, przechowywanie i ochrona materiałów bibliotecznych, obsługa "
            "użytkowników, działalność informacyjna i upowszechnianie czytelnictwa.",
            "seat": "Ruda Śląska",
            "address": "ul. Romualda Dąbrowskiego 20, 41-700 Ruda Śląska",
            "regon": "000282630",
        },
        "director": ("Marek Zieliński", "without_competition", D(2021, 3, 1), D(2026, 2, 28)),
        "branches": "\n".join(f"Filia nr {n}, Ruda Śląska" for n in range(1, 15)),
    },
    {
        "entry_no": 3,
        "kind": InstitutionKind.MUSEUM,
        "website": "https://muzeum.rsl.pl/",
        "founding_act": ("X/98/1990", D(1990, 12, 20), "w sprawie utworzenia Muzeum Miejskiego w Rudzie Śląskiej"),
        "statute_act": (
            "XXXVII/523/2013",
            D(2013, 4, 25),
            "w sprawie nadania statutu Muzeum Miejskiemu im. Maksymiliana Chroboka w Rudzie Śląskiej",
        ),  # noqa: E501
        "values": {
            "full_name": "Muzeum Miejskie im. Maksymiliana Chroboka w Rudzie Śląskiej",
            "short_name": "",
            "activity": "Gromadzenie i trwała ochrona dóbr dziedzictwa przyrodniczego i kulturowego Rudy Śląskiej "
            "i Górnego Śląska, wystawy, działalność edukacyjna i wydawnicza.",
            "seat": "Ruda Śląska",
            "address": "ul. Wolności 26, 41-700 Ruda Śląska",
            "regon": "000856123",
        },
        "director": ("Beata Nowicka", "competition", D(2019, 7, 1), D(2026, 6, 30)),
        "branches": "",
    },
]


def _act(number, adopted_on, title, kind=LegalAct.Kind.COUNCIL_RESOLUTION):
    act, _created = LegalAct.objects.get_or_create(
        number=number,
        defaults={
            "adopted_on": adopted_on,
            "title": title,
            "kind": kind,
            "is_public": kind == LegalAct.Kind.COUNCIL_RESOLUTION,
        },
    )
    return act


class Command(DemoDataCommand):
    help = "Load the city's cultural institutions and their register books (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        clerk = self.clerk()
        for data in INSTITUTIONS:
            if CulturalInstitution.objects.filter(entry_no=data["entry_no"]).exists():
                continue
            self.seed_institution(data, clerk)
        if not ReorganisationPlan.objects.exists():
            plan = ReorganisationPlan.objects.create(
                kind=ReorganisationPlan.Kind.CREATE,
                title="Utworzenie Galerii Miejskiej „Szyb Wilson”",
                reasons="Prowadzenie działalności wystawienniczej w dawnej łaźni kopalni Wilson.",
            )
            PlannedInstitution.objects.create(
                plan=plan,
                kind=InstitutionKind.OTHER,
                full_name="Galeria Miejska „Szyb Wilson” w Rudzie Śląskiej",
                activity="Działalność wystawiennicza i edukacja artystyczna.",
                address="ul. Niedurnego 36, 41-709 Ruda Śląska",
            )
        self.stdout.write(
            f"Rejestr instytucji kultury: {CulturalInstitution.objects.count()} instytucje, "
            f"{RegisterEntry.objects.count()} wpisów."
        )

    def clerk(self):
        """The demo clerk (seed_demo) with the register role: the organiser's authorised person in the books."""
        group_name = SECTION_BY_CODE["institutions"].group_name
        if not Group.objects.filter(name=group_name).exists():
            sync_roles()
        user, created = get_user_model().objects.get_or_create(
            username=DEMO_CLERK_USERNAME,
            defaults={"first_name": "Anna", "last_name": "Nowak", "email": "a.nowak@rudaslaska.pl", "is_staff": True},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=group_name))
        return get_user_model().objects.get(pk=user.pk)

    def seed_institution(self, data, clerk):
        founding = _act(*data["founding_act"])
        statute = _act(*data["statute_act"])
        institution = services.institution_register(
            entry_no=data["entry_no"],
            kind=data["kind"],
            website=data["website"],
            values=data["values"],
            founding_act=founding,
            entry_date=TRANSFER_DATE,
            remarks=TRANSFER_REMARK,
            acting_user=clerk,
        )
        values = {"statute_act": str(statute)}
        if data["branches"]:
            values["branches"] = data["branches"]
        services.entry_make(
            institution=institution,
            section=Section.II,
            entry_date=TRANSFER_DATE,
            legal_basis=statute,
            values=values,
            remarks=TRANSFER_REMARK,
            acting_user=clerk,
        )
        # The rest of the book in date order: the director's appointment and three financial statements.
        name, mode, starts_on, ends_on = data["director"]
        events = [(starts_on, lambda: self.director(institution, clerk, name, mode, starts_on, ends_on))]
        for year in (2022, 2023, 2024):
            approved_on = D(year + 1, 5, 20 + data["entry_no"])
            events.append(
                (
                    approved_on,
                    lambda year=year, approved_on=approved_on: self.statement(institution, clerk, year, approved_on),
                )
            )
        for _day, make in sorted(events, key=lambda event: event[0]):
            make()
        Inspection.objects.create(
            institution=institution,
            scope="Gospodarka finansowa i realizacja planu finansowego w 2024 r.",
            date_from=D(2025, 6, 2),
            date_to=D(2025, 6, 13),
            findings="Nieterminowe przekazywanie informacji o wykonaniu planu finansowego.",
            recommendations="Przekazywać informację kwartalną w terminie 20 dni po kwartale.",
            follow_up_due=D(2026, 1, 31) if data["entry_no"] == 1 else D(2025, 12, 31),
            follow_up_done_on=None if data["entry_no"] == 1 else D(2025, 12, 15),
        )
        InstitutionSubsidy.objects.create(
            institution=institution,
            year=2026,
            kind=InstitutionSubsidy.Kind.SUBJECT,
            purpose="Dotacja podmiotowa na działalność statutową",
            amount=Decimal("4200000.00") / data["entry_no"],
        )
        InstitutionSubsidy.objects.create(
            institution=institution,
            year=2026,
            kind=InstitutionSubsidy.Kind.TARGETED_CURRENT,
            purpose="Organizacja Industriady i Dni Rudy Śląskiej" if data["entry_no"] == 1 else "Program edukacyjny",
            amount=Decimal("150000.00"),
            agreement_no=f"KSP.5220.{data['entry_no']}.2026",
            use_deadline=D(2026, 12, 31),
            settlement_due=D(2027, 1, 31),
        )

    def director(self, institution, clerk, name, mode, starts_on, ends_on):
        appointment = _act(
            f"ZW.0050.{institution.entry_no}.{starts_on.year}",
            starts_on - datetime.timedelta(days=14),
            f"w sprawie powołania dyrektora instytucji kultury: {institution.full_name}",
            kind=LegalAct.Kind.MAYOR_ORDER,
        )
        if DirectorTerm.objects.filter(institution=institution, starts_on=starts_on).exists():
            return
        services.director_term_record(
            institution=institution,
            person_name=name,
            appointment_mode=mode,
            appointment_act=appointment,
            starts_on=starts_on,
            ends_on=ends_on,
            opinions="Opinie związków zawodowych i stowarzyszeń twórczych." if mode != "competition" else "",
            entry_date=starts_on,
            acting_user=clerk,
        )

    def statement(self, institution, clerk, year, approved_on):
        approval = _act(
            f"ZW.0050.{100 + 10 * institution.entry_no + year - 2022}.{year + 1}",
            approved_on,
            f"w sprawie zatwierdzenia rocznego sprawozdania finansowego za rok {year}: {institution.full_name}",
            kind=LegalAct.Kind.MAYOR_ORDER,
        )
        services.financial_statement_file(
            institution=institution,
            year=year,
            approved_on=approved_on,
            approval_act=approval,
            entry_date=approved_on,
            acting_user=clerk,
        )
