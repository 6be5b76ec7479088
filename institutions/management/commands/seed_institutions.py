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
from institutions.demo_data import DEMO_PROOF_PDF, EXTRACT_REQUESTS, INSTITUTIONS, TRANSFER_DATE, TRANSFER_REMARK
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
