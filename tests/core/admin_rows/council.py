"""The Economic Council: terms, members, sittings, invitations and opinions."""

from datetime import date

from council.models import CouncilInvitation, CouncilMember, CouncilOpinion, CouncilSitting, CouncilTerm
from tests.core.admin_rows import in_days, row_maker, serial


@row_maker(CouncilTerm)
def council_term():
    n = next(serial)
    return CouncilTerm.objects.create(
        name=f"Kadencja {n}",
        starts_on=date(2024, 5, 7),
        establishing_order=f"Zarządzenie nr {n}/2024",
        mayor_email="prezydent@example.pl",
    )


@row_maker(CouncilMember)
def council_member(term=None):
    n = next(serial)
    return CouncilMember.objects.create(
        term=term or council_term(),
        full_name=f"Członek Rady {n}",
        organisation=f"Firma {n}",
        email=f"czlonek{n}@example.pl",
        appointed_on=date(2024, 6, 10),
        appointment_order=f"{n}/2024",
        appointment_order_date=date(2024, 6, 7),
    )


@row_maker(CouncilSitting)
def council_sitting():
    n = next(serial)
    return CouncilSitting.objects.create(
        term=council_term(), number=n, starts_at=in_days(-1 - n % 20), place="Sala 213", agenda="Otwarcie"
    )


@row_maker(CouncilInvitation)
def council_invitation():
    sitting = council_sitting()
    member = council_member(sitting.term)
    return CouncilInvitation.objects.create(
        sitting=sitting, member=member, email=member.email, sent_at=in_days(-30), sent_by=None
    )


@row_maker(CouncilOpinion)
def council_opinion():
    n = next(serial)
    return CouncilOpinion.objects.create(
        sitting=council_sitting(),
        number=f"{n}/2026",
        subject=f"w sprawie projektu {n}",
        text="<p>Opinia pozytywna.</p>",
        votes_for=5,
        votes_against=1,
        votes_abstaining=0,
        adopted=True,
    )
