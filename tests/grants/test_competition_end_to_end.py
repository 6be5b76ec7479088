"""A whole competition, as the department runs it: call → offers → formal check → committee scores → results →
agreement → report → control → settlement with a return and interest (u.d.p.p. art. 13–18a, u.f.p. art. 251–252)."""

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from core.models import CaseMessage, PrivateDocument
from core.services import transition_perform
from grants import selectors, services
from grants.models import GrantCall, GrantOffer, GrantReport
from grants.services import GrantError
from tests.grants.factories import GRANTS_GROUP, make_call, offer_post, travel

ORGS = [
    ("Stowarzyszenie Miłośników Ziemi Rudzkiej", "KRS 0000123456", "biuro@ziemia-rudzka.example.pl"),
    ("Fundacja Śląskie Dziedzictwo", "KRS 0000654321", "fundacja@dziedzictwo.example.pl"),
    ("Klub Sportowo-Kulturalny Halemba", "KRS 0000111222", "klub@halemba.example.pl"),
]


@pytest.mark.django_db
def test_a_whole_competition(client, make_clerk, django_capture_on_commit_callbacks):
    clerk = make_clerk(groups=[GRANTS_GROUP])
    with travel(2026, 3, 10):
        call = make_call(status="published", acting_user=clerk)
        for name, krs, email in ORGS:
            data = offer_post(organisation_name=name, register_number=krs, email=email, title=f"Zadanie: {name}")
            assert client.post(f"/dotacje/konkursy/{call.slug}/oferta/", data).status_code == 302
    first, second, third = GrantOffer.objects.order_by("pk")

    # Formal check after the deadline: two correct, one called to complete and then rejected.
    with travel(2026, 3, 24):
        transition_perform(obj=call, name="close_offers", acting_user=clerk)
        transition_perform(obj=first, name="formal_ok", acting_user=clerk)
        transition_perform(obj=second, name="formal_ok", acting_user=clerk)
        transition_perform(obj=third, name="call_to_complete", acting_user=clerk, note="Brak podpisu.")
        third.refresh_from_db()
        assert third.completion_due == date(2026, 3, 31)
        transition_perform(obj=third, name="reject_formal", acting_user=clerk, note="Nie uzupełniono oferty.")

        # The committee: one member declares a conflict on the second offer and cannot score it.
        chair, member = make_clerk(), make_clerk()
        chair_m = services.committee_member_add(call=call, user=chair, role="chair", acting_user=clerk)
        member_m = services.committee_member_add(
            call=call,
            user=member,
            role="ngo",
            acting_user=clerk,
            nominated_by="Fundacja Rozwoju Kochłowic",
            nominated_by_register="KRS 0000777888",
        )
        criteria = list(call.criteria.filter(kind="merit").order_by("position"))
        assignments = {}
        for m in (chair_m, member_m):
            for offer in (first, second):
                assignments[m.pk, offer.pk] = services.offer_assign(member=m, offer=offer, acting_user=clerk)
        for (member_pk, offer_pk), assignment in assignments.items():
            conflict = member_pk == member_m.pk and offer_pk == second.pk
            services.impartiality_declare(
                assignment=assignment, has_conflict=conflict, acting_user=assignment.member.user
            )
        points = {
            (chair_m.pk, first.pk): [8, 9],
            (member_m.pk, first.pk): [6, 7],
            (chair_m.pk, second.pk): [5, 4],
        }
        for key, (p1, p2) in points.items():
            services.scores_record(
                assignment=assignments[key],
                points={criteria[0].pk: Decimal(p1), criteria[1].pk: Decimal(p2)},
                acting_user=assignments[key].member.user,
            )
        with pytest.raises(PermissionDenied, match="Najpierw złóż oświadczenie o bezstronności"):
            services.scores_record(
                assignment=assignments[member_m.pk, second.pk],
                points={criteria[0].pk: Decimal(1), criteria[1].pk: Decimal(1)},
                acting_user=member,
            )
        ranking = selectors.call_ranking(call)
        assert [(row.place, row.offer.pk, row.score) for row in ranking] == [
            (1, first.pk, Decimal("15.00")),  # (8+6)/2 + (9+7)/2
            (2, second.pk, Decimal("9.00")),
        ]

        # Results: less granted than asked for the first; nothing for the second.
        first.refresh_from_db()
        second.refresh_from_db()
        services.offer_amounts_set(
            offer=first, acting_user=clerk, recommended=Decimal("4000"), granted=Decimal("4000")
        )
        with django_capture_on_commit_callbacks(execute=True):
            transition_perform(obj=call, name="resolve", acting_user=clerk)
    call.refresh_from_db()
    first.refresh_from_db()
    second.refresh_from_db()
    assert call.status == GrantCall.Status.RESOLVED
    assert (first.status, second.status) == (GrantOffer.Status.GRANTED, GrantOffer.Status.NOT_GRANTED)
    page = client.get(call.get_absolute_url()).content.decode()
    assert ORGS[0][0] in page
    assert "4\xa0000,00\xa0zł" in page
    assert ORGS[1][0] not in page
    assert {ORGS[0][2], ORGS[1][2]} <= {address for message in mail.outbox for address in message.to}

    # The agreement: the updated budget is required because less was granted.
    with travel(2026, 4, 20):
        tranches = [(date(2026, 5, 4), Decimal("2000")), (date(2026, 7, 1), Decimal("2000"))]
        with pytest.raises(GrantError, match="najpierw dołącz zaktualizowany harmonogram i kosztorys"):
            services.agreement_sign(
                offer=first,
                number="KSP.5220.1.2026",
                signed_on=date(2026, 4, 20),
                bank_account="PL61109010140000071219812874",
                tranches=tranches,
                acting_user=clerk,
            )
        agreement = services.agreement_sign(
            offer=first,
            number="KSP.5220.1.2026",
            signed_on=date(2026, 4, 20),
            bank_account="PL61109010140000071219812874",
            tranches=tranches,
            budget_updated=True,
            acting_user=clerk,
        )
    first.refresh_from_db()
    assert first.status == GrantOffer.Status.AGREEMENT
    assert PrivateDocument.objects.filter(object_id=first.pk, kind=PrivateDocument.Kind.LETTER).exists()
    services.agreement_transfer_record(agreement=agreement, transferred_on=date(2026, 5, 4), acting_user=clerk)
    report = agreement.reports.get()
    assert report.due_on == date(2026, 9, 30)  # 30 days after 31 August

    # The report is late: a 7-day call, then it comes and is accepted.
    with travel(2026, 10, 5):
        transition_perform(obj=report, name="call", acting_user=clerk)
        report.refresh_from_db()
        assert report.call_due_on == date(2026, 10, 12)
        services.report_receive(report=report, costs_used=Decimal("3600"), acting_user=clerk)
        transition_perform(obj=report, name="accept", acting_user=clerk)
    assert report.status == GrantReport.Status.ACCEPTED

    # A control finds 300 zł used contrary to purpose; 400 zł were not used.
    services.control_record(
        agreement=agreement,
        controlled_on=date(2026, 10, 20),
        scope="Dokumentacja finansowa zadania",
        findings="Faktura na 300 zł za catering niezwiązany z zadaniem.",
        recommendations="Zwrot 300 zł z odsetkami.",
        acting_user=clerk,
    )
    settlement = services.settlement_record(
        agreement=agreement,
        used=Decimal("3600"),
        misused=Decimal("300"),
        found_on=date(2026, 10, 20),
        acting_user=clerk,
    )
    assert (settlement.unused_amount, settlement.misused_amount) == (Decimal("400.00"), Decimal("300.00"))
    assert settlement.unused_return_due == date(2026, 9, 15)
    assert settlement.misused_return_due == date(2026, 11, 4)
    with pytest.raises(GrantError, match="Kwoty do zwrotu nie zostały jeszcze zwrócone"):
        services.settlement_close(settlement=settlement, acting_user=clerk)

    # Returned on 30 October: interest on the misused 300 zł from the transfer (4 May–30 Oct, 180 days at 13.5 %
    # = 19.97 → 20 zł); on the late 400 zł from 16 September (45 days = 6.66 → 7 zł, below 8.70 zł: not charged).
    settlement = services.settlement_return_record(
        settlement=settlement, returned_amount=Decimal("700"), returned_on=date(2026, 10, 30), acting_user=clerk
    )
    assert settlement.interest_amount == Decimal("20.00")
    services.settlement_close(settlement=settlement, acting_user=clerk)
    first.refresh_from_db()
    assert first.status == GrantOffer.Status.SETTLED
    assert first.closed_at is not None
    assert CaseMessage.objects.filter(object_id=first.pk, author_kind="clerk").count() >= 3
