"""Who may sit on a call's committee and whose points count (u.d.p.p. art. 15 ust. 2d, 2da, 2e).

- ust. 2d: a person nominated by an organisation that submitted an offer in the call may not sit on its committee;
  the service and the admin refuse to appoint them, and an offer that arrives later flags them to the clerk;
- ust. 2e: an expert takes part with an advisory voice: their points are shown, never counted in the ranking;
- ust. 2da: a committee without persons nominated by NGOs sits only with its reason recorded on the call.
"""

from decimal import Decimal

import pytest
from django.urls import reverse

from core.services import transition_perform
from grants import rules, selectors, services
from grants.models import CommitteeMember, GrantCall, GrantOffer
from grants.services import GrantError
from tests.grants.factories import GRANTS_GROUP, make_call, offer_send, travel
from tests.helpers import form_fields

SOCIETY = ("Stowarzyszenie Miłośników Ziemi Rudzkiej", "KRS 0000123456")
FOUNDATION = ("Fundacja Śląskie Dziedzictwo", "KRS 0000654321")
#: An organisation that made no offer in the call: its nominee may sit.
COUNCIL = ("Rudzka Rada Organizacji Pozarządowych", "KRS 0000987654")


def send(client, call, organisation, title="Warsztaty gwary") -> GrantOffer:
    client.cookies.clear()
    name, register = organisation
    return offer_send(client, call, organisation_name=name, register_number=register, title=title)


def evaluate(call, *offers):
    """24 March 2026: the call is closed for offers and the offers are found formally correct."""
    with travel(2026, 3, 24):
        transition_perform(obj=call, name="close_offers", acting_user=None)
        for offer in offers:
            transition_perform(obj=offer, name="formal_ok", acting_user=None)
    call.refresh_from_db()


def score(member, offer, points):
    """The member declares no conflict and gives `points` for each of the call's two merit criteria."""
    criteria = list(offer.call.criteria.filter(kind="merit").order_by("position"))
    with travel(2026, 3, 25):
        assignment = services.offer_assign(member=member, offer=offer, acting_user=None)
        services.impartiality_declare(assignment=assignment, has_conflict=False, acting_user=member.user)
        services.scores_record(
            assignment=assignment,
            points={c.pk: Decimal(p) for c, p in zip(criteria, points, strict=True)},
            acting_user=member.user,
        )
    return assignment


# ust. 2d: the nominating organisation is told apart from the offerors --------------------------------------------


@pytest.mark.parametrize(
    ("nominator", "offeror", "same"),
    [
        # The same name, written with other quotation marks, case and spacing.
        (("Stowarzyszenie „Nasza Ruda”", ""), rules.Offeror("M/1", 'STOWARZYSZENIE  "NASZA RUDA"', ""), True),
        # The same KRS number under another name (a short name, a change of name).
        (("Nasza Ruda", "0000123456"), rules.Offeror("M/1", "Stowarzyszenie Nasza Ruda", "KRS 123456"), True),
        # A partner of a joint offer took part in the competition too, by name or by number.
        (("Fundacja Iskra", ""), rules.Offeror("M/1", "Klub", "KRS 1", partners="Fundacja Iskra, Wirek"), True),
        (("Iskra", "KRS 0000555666"), rules.Offeror("M/1", "Klub", "KRS 1", partners="KRS 0000555666"), True),
        # Another organisation: part of a name or of a number is not the organisation.
        (("Stowarzyszenie Nasza", ""), rules.Offeror("M/1", "Stowarzyszenie Nasza Ruda", ""), False),
        (("Inna", "KRS 0000012345"), rules.Offeror("M/1", "Klub", "KRS 0000123456", partners="KRS 0000123456"), False),
        (("", ""), rules.Offeror("M/1", "", ""), False),
    ],
)
def test_the_nominating_organisation_is_known_by_its_register_number_or_its_name(nominator, offeror, same):
    name, register = nominator
    assert rules.nominator_is_offeror(nominator_name=name, nominator_register=register, offeror=offeror) is same


def test_the_service_refuses_a_person_nominated_by_an_offering_organisation(client, make_clerk):
    call = make_call(status="published")
    offer = send(client, call, SOCIETY)
    person = make_clerk()

    refusal = f"nie może zasiadać w komisji.*{offer.case_mark}.*Art. 15 ust. 2d u.d.p.p. wyłącza"
    with pytest.raises(GrantError, match=refusal):
        services.committee_member_add(call=call, user=person, role="ngo", acting_user=None, nominated_by=SOCIETY[0])
    # The same organisation under a short name is known by its KRS number.
    with pytest.raises(GrantError, match="ust. 2d"):
        services.committee_member_add(
            call=call, user=person, role="ngo", acting_user=None, nominated_by="SMZR", nominated_by_register="123456"
        )
    # A person nominated by NGOs names the organisation.
    with pytest.raises(GrantError, match="Podaj organizację, która wskazała tę osobę"):
        services.committee_member_add(call=call, user=person, role="ngo", acting_user=None)
    assert not CommitteeMember.objects.exists()

    name, register = COUNCIL
    member = services.committee_member_add(
        call=call, user=person, role="ngo", acting_user=None, nominated_by=name, nominated_by_register=register
    )
    assert (member.nominated_by, member.nominated_by_register) == COUNCIL


def test_the_admin_refuses_a_person_nominated_by_an_offering_organisation(client, clerk_client, make_clerk):
    call = make_call(status="published")
    offer = send(client, call, SOCIETY)
    person = make_clerk(first_name="Anna", last_name="Kowalczyk")
    clerk = clerk_client(groups=[GRANTS_GROUP])

    # On the call's page, in the committee's rows.
    url = reverse("admin:grants_grantcall_change", args=[call.pk])
    data = form_fields(clerk.get(url).content.decode(), form_id="grantcall_form")
    data.update(
        {
            "committee-TOTAL_FORMS": "1",
            "committee-0-user": str(person.pk),
            "committee-0-role": "ngo",
            "committee-0-nominated_by": "Stowarzyszenie Miłośników Ziemi Rudzkiej",
            "committee-0-nominated_by_register": "",
        }
    )
    response = clerk.post(url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "nie może zasiadać w komisji tego konkursu" in page
    assert offer.case_mark in page

    # On the committee member's own page.
    add_url = reverse("admin:grants_committeemember_add")
    response = clerk.post(
        add_url,
        {
            "call": str(call.pk),
            "user": str(person.pk),
            "role": "ngo",
            "nominated_by": "Klub",
            "nominated_by_register": "KRS 0000123456",
        },
    )
    assert response.status_code == 200
    assert "Art. 15 ust. 2d u.d.p.p. wyłącza osoby wskazane" in response.content.decode()
    assert not CommitteeMember.objects.exists()

    # A person nominated by an organisation without an offer is appointed.
    name, register = COUNCIL
    data.update({"committee-0-nominated_by": name, "committee-0-nominated_by_register": register})
    assert clerk.post(url, data).status_code == 302
    assert CommitteeMember.objects.get(call=call).nominated_by == name


def test_an_offer_arriving_after_the_appointment_flags_the_nominee_to_the_clerk(client, clerk_client, make_clerk):
    call = make_call(status="published")
    name, register = FOUNDATION
    nominee = services.committee_member_add(
        call=call,
        user=make_clerk(first_name="Anna", last_name="Kowalczyk"),
        role="ngo",
        acting_user=None,
        nominated_by=name,
        nominated_by_register=register,
    )
    assert selectors.committee_excluded_members(call) == {}

    # The foundation sends an offer: the offer stands, the nominee may no longer sit.
    offer = send(client, call, FOUNDATION)
    assert offer.status == GrantOffer.Status.SUBMITTED
    assert selectors.committee_excluded_members(call)[nominee.pk].case_mark == offer.case_mark

    clerk = clerk_client(groups=[GRANTS_GROUP])
    call_page = clerk.get(reverse("admin:grants_grantcall_change", args=[call.pk])).content.decode()
    assert f"Nie może zasiadać w komisji: organizacja wskazująca złożyła ofertę {offer.case_mark}" in call_page
    offer_page = clerk.get(reverse("admin:grants_grantoffer_change", args=[offer.pk])).content.decode()
    assert "Oferent wskazał do komisji konkursowej: Anna Kowalczyk" in offer_page

    # Until removed, the nominee gets no offer to score and the call is not resolved.
    evaluate(call, offer)
    with pytest.raises(GrantError, match="ust. 2d"):
        services.offer_assign(member=nominee, offer=offer, acting_user=None)
    with travel(2026, 4, 15), pytest.raises(GrantError, match="Usuń ze składu komisji.*Anna Kowalczyk"):
        transition_perform(obj=call, name="resolve", acting_user=None)

    nominee.delete()
    call.committee_without_ngo_reason = "excluded"
    call.save(update_fields=["committee_without_ngo_reason"])
    with travel(2026, 4, 15):
        transition_perform(obj=call, name="resolve", acting_user=None)
    call.refresh_from_db()
    assert call.status == GrantCall.Status.RESOLVED


# ust. 2e: an expert's points are shown, not counted ------------------------------------------------------------


def test_an_experts_points_are_shown_beside_the_ranking_but_do_not_change_it(client, clerk_client, make_clerk):
    call = make_call(status="published")
    first = send(client, call, SOCIETY, title="Warsztaty gwary")
    second = send(client, call, FOUNDATION, title="Koncert w parku")
    evaluate(call, first, second)
    chair = services.committee_member_add(call=call, user=make_clerk(), role="chair", acting_user=None)
    expert_client = clerk_client(first_name="Marek", last_name="Zieliński")
    expert = services.committee_member_add(call=call, user=expert_client.clerk, role="expert", acting_user=None)

    # The chair prefers the first offer; the expert the second, strongly enough to turn a counted average round:
    # with the expert counted the first would get (8+1)/2 + (8+1)/2 = 9 and the second (5+10)/2 + (5+10)/2 = 15.
    score(chair, first, (8, 8))
    score(chair, second, (5, 5))
    score(expert, first, (1, 1))
    expert_assignment = score(expert, second, (10, 10))

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.merit_score, second.merit_score) == (Decimal("16.00"), Decimal("10.00"))
    ranking = selectors.call_ranking(call)
    assert [(row.place, row.offer.pk, row.score, row.members_scored) for row in ranking] == [
        (1, first.pk, Decimal("16.00"), 1),
        (2, second.pk, Decimal("10.00"), 1),
    ]

    clerk = clerk_client(groups=[GRANTS_GROUP])
    page = clerk.get(reverse("admin:grants_grantcall_change", args=[call.pk])).content.decode()
    ranking_table = page.split('class="call-ranking"', 1)[1].split("</table>", 1)[0]
    assert ranking_table.index(first.case_mark) < ranking_table.index(second.case_mark)
    advisory = page.split('class="call-advisory-scores"', 1)[1].split("</table>", 1)[0]
    assert "Punkty ekspertów: głos doradczy, niewliczane do rankingu (art. 15 ust. 2e u.d.p.p.)" in advisory
    rows = advisory.split("<tr>")[2:]
    assert [(row.split("</td>")[0][4:], "Marek Zieliński" in row, row.split("<td>")[-1][:5]) for row in rows] == [
        (first.case_mark, True, "2,00<"),
        (second.case_mark, True, "20,00"),
    ]
    assert "doradczy: punkty widoczne, niewliczane (art. 15 ust. 2e)" in page
    # The exported ranking counts the chair alone too.
    csv = clerk.get(reverse("grants:ranking_csv", args=[call.pk])).content.decode("utf-8-sig")
    assert csv.index(first.case_mark) < csv.index(second.case_mark)

    # The expert is told on their own page that the points advise.
    expert_page = expert_client.get(reverse("grants:committee_assignment", args=[expert_assignment.pk]))
    assert "z głosem doradczym" in expert_page.content.decode()


# ust. 2da: sitting without persons nominated by NGOs needs a recorded reason -----------------------------------


def test_a_committee_without_persons_nominated_by_ngos_sits_only_with_a_recorded_reason(
    client, clerk_client, make_clerk
):
    call = make_call(status="published")
    offer = send(client, call, SOCIETY)
    evaluate(call, offer)
    services.committee_member_add(call=call, user=make_clerk(), role="chair", acting_user=None)
    services.committee_member_add(call=call, user=make_clerk(), role="expert", acting_user=None)

    with travel(2026, 4, 15), pytest.raises(GrantError, match="dlaczego komisja działa bez nich"):
        transition_perform(obj=call, name="resolve", acting_user=None)
    call.refresh_from_db()
    assert call.status == GrantCall.Status.EVALUATION

    clerk = clerk_client(groups=[GRANTS_GROUP])
    url = reverse("admin:grants_grantcall_change", args=[call.pk])
    page = clerk.get(url).content.decode()
    assert "Wpisz niżej, dlaczego (art. 15 ust. 2da u.d.p.p.)" in page

    data = form_fields(page, form_id="grantcall_form")
    data.update(
        {
            "committee_without_ngo_reason": "no_nominees",
            "committee_without_ngo_note": "Zaproszenie opublikowano w BIP 2 marca 2026 r.; nikt się nie zgłosił.",
        }
    )
    assert clerk.post(url, data).status_code == 302
    page = clerk.get(url).content.decode()
    assert (
        "Komisja działa bez osób wskazanych przez organizacje pozarządowe: żadna organizacja nie wskazała osób "
        "do składu komisji (art. 15 ust. 2da pkt 1)." in page
    )
    assert "nikt się nie zgłosił" in page
    # The call's history names the reason as the clerk chose it, not by its stored code.
    history = clerk.get(reverse("admin:grants_grantcall_history", args=[call.pk])).content.decode()
    assert "&rarr;&nbsp;&nbsp;żadna organizacja nie wskazała osób do składu komisji" in history
    assert "no_nominees" not in history

    with travel(2026, 4, 15):
        transition_perform(obj=call, name="resolve", acting_user=None)
    call.refresh_from_db()
    assert call.status == GrantCall.Status.RESOLVED


def test_a_committee_with_a_person_nominated_by_ngos_needs_no_reason(client, make_clerk):
    call = make_call(status="published")
    offer = send(client, call, SOCIETY)
    evaluate(call, offer)
    name, register = COUNCIL
    services.committee_member_add(
        call=call, user=make_clerk(), role="ngo", acting_user=None, nominated_by=name, nominated_by_register=register
    )
    with travel(2026, 4, 15):
        transition_perform(obj=call, name="resolve", acting_user=None)
    call.refresh_from_db()
    assert (call.status, call.committee_without_ngo_reason) == (GrantCall.Status.RESOLVED, "")
