"""Grants: calls, offers, agreements, the committee's work, the rates the settlement uses."""

from datetime import date, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile

from core.services import case_open
from grants.models import (
    CallCriterion,
    CallDocument,
    CommitteeMember,
    ExternalSmallGrant,
    GrantAgreement,
    GrantCall,
    GrantControl,
    GrantOffer,
    GrantReport,
    GrantSettlement,
    MeritScore,
    OfferAssignment,
    RegisteredLetterFee,
    SmallGrantComment,
    TaxArrearsInterestRate,
    YearPlan,
)
from tests.core.admin_rows import in_days, plain, row_maker, serial
from tests.core.admin_rows.core import user
from tests.core.upload_corpus import valid_pdf

plain(TaxArrearsInterestRate, valid_from=lambda n: date(2000, 1, 1) + timedelta(days=n), annual_percent=8)
plain(RegisteredLetterFee, valid_from=lambda n: date(2000, 1, 1) + timedelta(days=n), fee=Decimal("2.90"))
plain(YearPlan, year=lambda n: 2100 + n, planned_ngo_subsidies=Decimal("500000.00"))
plain(
    ExternalSmallGrant,
    organisation_name="Stowarzyszenie {n}",
    register_number=lambda n: f"KRS {n:010d}",
    task_title="Zadanie {n}",
    amount=Decimal("5000.00"),
    granted_on=lambda n: date(2026, 1, 1) + timedelta(days=n),
)


@row_maker(GrantCall)
def grant_call():
    n = next(serial)
    return GrantCall.objects.create(
        title=f"Konkurs {n}",
        slug=f"konkurs-{n}",
        year=2026,
        task_type="Kultura",
        budget=Decimal("100000.00"),
        rules="Zasady.",
        implementation_from=date(2026, 5, 1),
        implementation_to=date(2026, 11, 30),
        offers_deadline=in_days(30),
        selection_date=date(2026, 4, 15),
        previous_year_info="Brak.",
    )


@row_maker(CallCriterion)
def call_criterion():
    n = next(serial)
    return CallCriterion.objects.create(call=grant_call(), name=f"Kryterium {n}", kind="merit", max_points=10)


@row_maker(CallDocument)
def call_document():
    n = next(serial)
    file = ContentFile(valid_pdf(), name=f"wzor-{n}.pdf")
    return CallDocument.objects.create(call=grant_call(), title=f"Wzór {n}", file=file)


@row_maker(CommitteeMember)
def committee_member():
    return CommitteeMember.objects.create(call=grant_call(), user=user())


@row_maker(GrantOffer)
def grant_offer(call=None):
    n = next(serial)
    offer = GrantOffer(
        call=call or grant_call(),
        organisation_name=f"Stowarzyszenie {n}",
        legal_form="association",
        register_number="KRS 0000123456",
        address="ul. Niedurnego 69, 41-709 Ruda Śląska",
        email="biuro@example.pl",
        contact_name="Anna Nowak",
        contact_email="anna.nowak@example.pl",
        title=f"Zadanie {n}",
        start_date=date(2026, 5, 4),
        end_date=date(2026, 10, 30),
        place="Ruda Śląska",
        description="Opis.",
        expected_results="Rezultaty.",
        experience="Doświadczenie.",
        resources="Zasoby.",
        requested_amount=Decimal("4500.00"),
    )
    return case_open(case=offer, title=f"Oferta {n}")


@row_maker(GrantAgreement)
def grant_agreement():
    n = next(serial)
    return GrantAgreement.objects.create(
        offer=grant_offer(),
        number=f"KSP.5220.{n}.2026",
        signed_on=date(2026, 4, 20),
        amount=Decimal("4000.00"),
        bank_account="PL61109010140000071219812874",
        implementation_from=date(2026, 5, 4),
        implementation_to=date(2026, 10, 30),
        use_deadline=date(2026, 10, 30),
    )


@row_maker(GrantControl)
def grant_control():
    return GrantControl.objects.create(agreement=grant_agreement(), controlled_on=date(2026, 10, 20), scope="Zakres")


@row_maker(GrantReport)
def grant_report():
    return GrantReport.objects.create(agreement=grant_agreement(), due_on=date(2026, 11, 30))


@row_maker(GrantSettlement)
def grant_settlement():
    return GrantSettlement.objects.create(
        agreement=grant_agreement(), used_amount=Decimal("4000.00"), unused_amount=Decimal("0.00")
    )


@row_maker(OfferAssignment)
def offer_assignment():
    member = committee_member()
    return OfferAssignment.objects.create(member=member, offer=grant_offer(call=member.call))


@row_maker(MeritScore)
def merit_score():
    assignment = offer_assignment()
    criterion = CallCriterion.objects.create(call=assignment.member.call, name="Jakość", kind="merit", max_points=10)
    return MeritScore.objects.create(assignment=assignment, criterion=criterion, points=Decimal(8))


@row_maker(SmallGrantComment)
def small_grant_comment():
    n = next(serial)
    return SmallGrantComment.objects.create(offer=grant_offer(), author_name=f"Mieszkaniec {n}", text="Uwaga.")
