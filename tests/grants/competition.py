"""A grant competition taken through the services, for tests that need its records: offers in several states,
the committee's scores, published results, an agreement with its PDF, a report, a control and a settlement."""

from datetime import date
from decimal import Decimal

from core.services import transition_perform
from grants import services as grant_services
from grants.models import GrantOffer
from tests.grants.factories import committee_sits_without_ngo, make_call, offer_post, travel


def grant_competition(client, clerk) -> GrantOffer:
    """Three offers through the formal check, the committee, the results and an agreement; returns the granted one."""
    with travel(2026, 3, 10):
        call = make_call(status="published", acting_user=clerk)
        for number in range(3):
            data = offer_post(organisation_name=f"Stowarzyszenie Kulturalne nr {number}", title=f"Zadanie {number}")
            client.post(f"/dotacje/konkursy/{call.slug}/oferta/", data)
    first, second, third = GrantOffer.objects.filter(call=call).order_by("pk")
    with travel(2026, 3, 24):
        transition_perform(obj=call, name="close_offers", acting_user=clerk)
        transition_perform(obj=first, name="formal_ok", acting_user=clerk)
        transition_perform(obj=second, name="formal_ok", acting_user=clerk)
        transition_perform(obj=third, name="call_to_complete", acting_user=clerk, note="Brak podpisu.")
        transition_perform(obj=third, name="reject_formal", acting_user=clerk, note="Nie uzupełniono oferty.")
        member = grant_services.committee_member_add(call=call, user=clerk, role="chair", acting_user=clerk)
        criteria = list(call.criteria.filter(kind="merit").order_by("position"))
        assignment = grant_services.offer_assign(member=member, offer=first, acting_user=clerk)
        grant_services.impartiality_declare(assignment=assignment, has_conflict=False, acting_user=clerk)
        grant_services.scores_record(
            assignment=assignment, points={criterion.pk: Decimal(8) for criterion in criteria}, acting_user=clerk
        )
        first.refresh_from_db()
        grant_services.offer_amounts_set(
            offer=first, acting_user=clerk, recommended=Decimal("4000"), granted=Decimal("4000")
        )
    with travel(2026, 4, 20):
        committee_sits_without_ngo(call)
        transition_perform(obj=call, name="resolve", acting_user=clerk)
        first.refresh_from_db()
        agreement = grant_services.agreement_sign(
            offer=first,
            number="KSP.5220.1.2026",
            signed_on=date(2026, 4, 20),
            bank_account="PL61109010140000071219812874",
            tranches=[(date(2026, 5, 4), Decimal("2000")), (date(2026, 7, 1), Decimal("2000"))],
            budget_updated=True,
            acting_user=clerk,
        )
    grant_services.agreement_transfer_record(agreement=agreement, transferred_on=date(2026, 5, 4), acting_user=clerk)
    with travel(2026, 10, 5):
        report = agreement.reports.get()
        transition_perform(obj=report, name="call", acting_user=clerk)
        report.refresh_from_db()
        grant_services.report_receive(report=report, costs_used=Decimal("4000"), acting_user=clerk)
        transition_perform(obj=report, name="accept", acting_user=clerk)
    grant_services.control_record(
        agreement=agreement,
        controlled_on=date(2026, 10, 20),
        scope="Dokumentacja finansowa zadania",
        findings="Bez uwag.",
        recommendations="Brak.",
        acting_user=clerk,
    )
    grant_services.settlement_record(
        agreement=agreement, used=Decimal("4000"), misused=Decimal("0"), found_on=date(2026, 10, 20), acting_user=clerk
    )
    return first
