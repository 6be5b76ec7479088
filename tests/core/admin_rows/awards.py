"""Scholarships and awards."""

from decimal import Decimal

from awards.models import AwardApplication, AwardCall, AwardResolution
from core.services import case_open
from tests.core.admin_rows import TODAY, in_days, row_maker, serial


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
def award_application():
    n = next(serial)
    application = AwardApplication(
        call=award_call(),
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
