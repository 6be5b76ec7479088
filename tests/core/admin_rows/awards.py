"""Scholarships and awards."""

from decimal import Decimal

from awards.models import (
    AwardApplication,
    AwardAssignment,
    AwardCall,
    AwardCommitteeMember,
    AwardInterview,
    AwardResolution,
    AwardScore,
)
from core.services import case_open
from tests.core.admin_rows import TODAY, in_days, row_maker, serial
from tests.core.admin_rows.core import user


@row_maker(AwardCall)
def award_call():
    n = next(serial)
    return AwardCall.objects.create(
        kind="scholarship",
        year=2026,
        title=f"Stypendia artystyczne {n}",
        resolution="Uchwała Rady Miasta",
        rules="<p>Zasady.</p>",
        deadline=in_days(30),
        budget=Decimal("20000.00"),
        max_amount=Decimal("5000.00"),
        is_published=True,
    )


@row_maker(AwardResolution)
def award_resolution():
    n = next(serial)
    return AwardResolution.objects.create(
        kind="scholarship",
        number=f"PR.0007.{n}.2026",
        adopted_on=TODAY,
        journal_item=f"Dz. Urz. Woj. Śl. z 2026 r. poz. {n}",
        max_amount=Decimal("10000.00"),
    )


@row_maker(AwardApplication)
def award_application(call=None):
    n = next(serial)
    application = AwardApplication(
        call=call or award_call(),
        submitter_name=f"Artysta {n}",
        email="artysta@example.pl",
        candidate_name=f"Artysta {n}",
        field_of_art="music",
        project_title=f"Projekt {n}",
        requested_amount=Decimal("3000.00"),
        achievements="Koncerty.",
        justification="Uzasadnienie.",
    )
    return case_open(case=application, title=f"Stypendium {n}")


@row_maker(AwardCommitteeMember)
def award_committee_member():
    return AwardCommitteeMember.objects.create(call=award_call(), user=user())


@row_maker(AwardAssignment)
def award_assignment():
    member = award_committee_member()
    return AwardAssignment.objects.create(member=member, application=award_application(call=member.call))


@row_maker(AwardScore)
def award_score():
    return AwardScore.objects.create(assignment=award_assignment(), points=Decimal(8), comment="Dobry program.")


@row_maker(AwardInterview)
def award_interview():
    return AwardInterview.objects.create(
        application=award_application(), starts_at=in_days(10), place="Urząd Miasta, sala 212"
    )
