"""Load the city's cultural institutions (DOMAIN.md §A.1) with plausible register books. Safe to run again.

Every entry is made through `institutions.services`, as a clerk would make it, by the demo clerk (given the register
role). The acts' numbers other than the library's statute (uchwała 354/XXVIII/2000 of 26.06.2000, [V S19]) are
invented for the demo.
"""

import datetime
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from core.case_fees import case_fee_proof_send
from core.management.demo import DemoDataCommand
from core.models import Channel
from core.services import case_open, transition_perform
from core.uploads import PDF, validate_upload
from institutions import documents, services
from institutions.models import (
    CulturalInstitution,
    DirectorTerm,
    ExtractRequest,
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
# A one-page PDF standing in for a bank's transfer confirmation.
DEMO_PROOF_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
EXTRACT_REQUESTS = [
    {
        "entry_no": 1,
        "kind": "abridged",
        "copies": 1,
        "name": "Jan Kowalski",
        "address": "ul. Halembska 10\n41-717 Ruda Śląska",
        "email": "jan.kowalski@example.pl",
        "delivery": "post_registered",
        "days_ago": 1,
    },
    {
        "entry_no": 2,
        "kind": "full",
        "copies": 2,
        "name": "Stowarzyszenie Przyjaciół Orzegowa",
        "address": "ul. Bytomska 5\n41-710 Ruda Śląska",
        "email": "zarzad@przyjaciele-orzegowa.example.pl",
        "delivery": "in_person",
        "days_ago": 4,
        "pages": 3,
    },
    {
        "entry_no": 3,
        "kind": "abridged",
        "copies": 1,
        "name": "Kancelaria Radcy Prawnego Anna Zielińska",
        "address": "ul. Niedurnego 40/2\n41-709 Ruda Śląska",
        "email": "kancelaria.zielinska@example.pl",
        "delivery": "electronic",
        "days_ago": 6,
        "pages": 1,
        "proof": True,
    },
    {
        "entry_no": 1,
        "kind": "full",
        "copies": 1,
        "name": "Fundacja Śląskie Dziedzictwo",
        "address": "ul. Wolności 12\n41-700 Ruda Śląska",
        "email": "biuro@slaskie-dziedzictwo.example.pl",
        "delivery": "post_registered",
        "days_ago": 8,
        "pages": 4,
        "proof": True,
        "paid": True,
    },
    {
        "entry_no": 2,
        "kind": "abridged",
        "copies": 1,
        "name": "Piotr Nowicki",
        "address": "ul. Kokota 160\n41-711 Ruda Śląska",
        "email": "piotr.nowicki@example.pl",
        "delivery": "electronic",
        "days_ago": 10,
        "pages": 1,
        "proof": True,
        "paid": True,
        "issued": True,
    },
]
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
        if not ExtractRequest.objects.exists():
            self.seed_extract_requests(clerk)
        self.stdout.write(
            f"Rejestr instytucji kultury: {CulturalInstitution.objects.count()} instytucje, "
            f"{RegisterEntry.objects.count()} wpisów, {ExtractRequest.objects.count()} wnioski o odpis."
        )

    def clerk(self):
        """The demo clerk (seed_demo) with the register role: the organiser's authorised person in the books."""
        return self.demo_clerk("institutions")

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

    def seed_extract_requests(self, clerk):
        """Requests for extracts in each state of paying (DOMAIN.md §A.5): just received, the fee asked for, the
        proof sent, the payment recorded, the extract issued. Made through the services, as applicant and clerk."""
        today = timezone.localdate()
        institutions = {i.entry_no: i for i in CulturalInstitution.objects.filter(entry_no__in=[1, 2, 3])}
        for data in EXTRACT_REQUESTS:
            request = ExtractRequest(
                institution=institutions[data["entry_no"]],
                kind=data["kind"],
                copies=data["copies"],
                applicant_name=data["name"],
                applicant_address=data["address"],
                contact_email=data["email"],
                delivery=data["delivery"],
                received_on=today - datetime.timedelta(days=data["days_ago"]),
                channel=Channel.WEB_FORM,
            )
            case_open(
                case=request, title=f"Odpis z rejestru: {request.institution.full_name}"[:200], acknowledge=False
            )
            if data.get("pages"):
                services.extract_request_fee_record(
                    request=request, pages=data["pages"], fee_paid=False, acting_user=clerk
                )
                transition_perform(obj=request, name="request_fee", acting_user=clerk)
            if data.get("proof"):
                proof = validate_upload(
                    SimpleUploadedFile("potwierdzenie-przelewu.pdf", DEMO_PROOF_PDF, content_type="application/pdf"),
                    allowed_kinds=[PDF],
                ).as_file()
                case_fee_proof_send(case=request, proof=proof)
            if data.get("issued"):
                # Issued only if paid for every page of the document itself: count them as the clerk does.
                pages = documents.pdf_page_count(services.extract_request_document(request, acting_user=clerk))
                services.extract_request_fee_record(request=request, pages=pages, fee_paid=True, acting_user=clerk)
            elif data.get("paid"):
                services.extract_request_fee_record(
                    request=request, pages=request.pages, fee_paid=True, acting_user=clerk
                )
            if data.get("issued"):
                transition_perform(obj=request, name="issue", acting_user=clerk)
