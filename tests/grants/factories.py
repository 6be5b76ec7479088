"""Test data for grants, made through the services (and the public form) wherever a record passes a workflow.

The calendar of the test competition: announced on 2 March 2026, offers sent on 10 March (`BEFORE_DEADLINE`),
the deadline on 23 March at 15:30, the formal check and the resolution on 24 March, the agreement on 20 April.
"""

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import time_machine

from core.services import transition_perform
from grants import services
from grants.models import CallCriterion, CommitteeWithoutNgoReason, GrantAgreement, GrantCall, GrantOffer, GrantReport
from tests.helpers import public_form_data

WARSAW = ZoneInfo("Europe/Warsaw")
ANNOUNCED = date(2026, 3, 2)
BEFORE_DEADLINE = datetime(2026, 3, 10, 12, tzinfo=WARSAW)
#: The clerks' group of the grants section.
GRANTS_GROUP = "Dotacje, stypendia i nagrody"


def travel(year: int, month: int, day: int, hour: int = 12):
    """Stop the clock at `hour` o'clock of that day in Ruda Śląska."""
    return time_machine.travel(datetime(year, month, day, hour, tzinfo=WARSAW), tick=False)


def make_call(*, slug="konkurs-kultura-2026", status="draft", deadline=None, acting_user=None, **fields) -> GrantCall:
    """A call for 2026 with two merit criteria; `status="published"` publishes it through the service."""
    deadline = deadline or datetime(2026, 3, 23, 15, 30, tzinfo=WARSAW)
    values = {
        "title": "Konkurs ofert: kultura, sztuka i dziedzictwo narodowe 2026",
        "slug": slug,
        "year": 2026,
        "task_type": "Kultura, sztuka, ochrona dóbr kultury i dziedzictwa narodowego",
        "mode": "support",
        "budget": Decimal("100000.00"),
        "max_subsidy": Decimal("20000.00"),
        "min_own_percent": Decimal("10"),
        "max_admin_percent": Decimal("10"),
        "rules": "Dotacje na zadania z zakresu kultury realizowane na terenie Rudy Śląskiej.",
        "implementation_from": date(2026, 5, 1),
        "implementation_to": date(2026, 11, 30),
        "offers_deadline": deadline,
        "selection_date": date(2026, 4, 15),
        "previous_year_info": "W 2025 r. na zadania tego rodzaju przekazano 90 000 zł dotacji.",
        "published_bip_on": ANNOUNCED,
        "published_board_on": ANNOUNCED,
        "published_web_on": ANNOUNCED,
        **fields,
    }
    call = GrantCall.objects.create(**values)
    CallCriterion.objects.create(call=call, name="Kompletność oferty", kind="formal")
    CallCriterion.objects.create(
        call=call, name="Możliwość realizacji zadania", kind="merit", max_points=10, position=1
    )
    CallCriterion.objects.create(call=call, name="Kalkulacja kosztów", kind="merit", max_points=10, position=2)
    if status != "draft":
        services.call_publish(call=call, acting_user=acting_user)
    return call


def offer_post(**changes) -> dict:
    """POST data of a correct offer: costs 4 000 + 1 000 + 500 = 5 500 zł, subsidy 4 500, own 1 000 (18 %)."""
    fields = {
        "organisation_name": "Stowarzyszenie Miłośników Ziemi Rudzkiej",
        "legal_form": "association",
        "register_number": "KRS 0000123456",
        "address": "ul. Niedurnego 69, 41-709 Ruda Śląska",
        "correspondence_address": "",
        "homepage": "https://ziemia-rudzka.example.pl",
        "email": "biuro@ziemia-rudzka.example.pl",
        "phone": "32 244 00 00",
        "contact_name": "Anna Nowak",
        "contact_phone": "600 100 200",
        "contact_email": "anna.nowak@example.pl",
        "partners": "",
        "title": "Warsztaty śląskiej gwary dla dzieci",
        "start_date": "2026-06-01",
        "end_date": "2026-08-31",
        "place": "Ruda Śląska, Dom Kultury w Bielszowicach",
        "description": "Cykl 10 warsztatów dla 40 dzieci z dzielnicy Bielszowice.",
        "expected_results": "40 dzieci pozna gwarę śląską; powstanie słowniczek.",
        "experience": "Od 2015 r. prowadzimy warsztaty regionalne.",
        "resources": "Dwóch instruktorów, sala, sprzęt nagłaśniający.",
        "requested_amount": "4500,00",
        "own_financial": "500,00",
        "own_personal": "300,00",
        "own_material": "200,00",
        "recipient_fees": "",
        "other_information": "",
        "statement_public_benefit": "on",
        "statement_no_arrears": "on",
        "statement_register": "on",
        "statement_truth": "on",
        "statement_gdpr": "on",
        "actions-TOTAL_FORMS": "5",
        "actions-INITIAL_FORMS": "0",
        "actions-0-name": "Warsztaty gwary",
        "actions-0-description": "10 spotkań po 2 godziny",
        "actions-0-target_group": "dzieci 7–12 lat",
        "actions-0-planned_period": "czerwiec–sierpień 2026",
        "results-TOTAL_FORMS": "3",
        "results-INITIAL_FORMS": "0",
        "results-0-name": "Uczestnicy warsztatów",
        "results-0-target_value": "40 osób",
        "results-0-monitoring": "listy obecności",
        "costs-TOTAL_FORMS": "8",
        "costs-INITIAL_FORMS": "0",
        "costs-0-category": "action",
        "costs-0-name": "Honoraria instruktorów",
        "costs-0-unit": "godzina",
        "costs-0-unit_cost": "100,00",
        "costs-0-units": "40",
        "costs-0-total": "",
        "costs-1-category": "action",
        "costs-1-name": "Materiały plastyczne",
        "costs-1-unit": "komplet",
        "costs-1-unit_cost": "12,50",
        "costs-1-units": "80",
        "costs-1-total": "1000,00",
        "costs-2-category": "admin",
        "costs-2-name": "Koordynacja",
        "costs-2-unit": "usługa",
        "costs-2-unit_cost": "500",
        "costs-2-units": "1",
        "costs-2-total": "",
        "action": "submit",
    }
    for n in range(3, 8):
        fields[f"costs-{n}-category"] = "action"
    return public_form_data(**{**fields, **changes})


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=WARSAW)


def days(n: int) -> timedelta:
    return timedelta(days=n)


def offer_send(client, call: GrantCall, **changes) -> GrantOffer:
    """An offer sent through the public form of `call` on 10 March 2026 (`offer_post` with `changes`)."""
    with time_machine.travel(BEFORE_DEADLINE, tick=False):
        response = client.post(f"/dotacje/konkursy/{call.slug}/oferta/", offer_post(**changes))
    assert response.status_code == 302
    return GrantOffer.objects.select_related("register_entry", "call").latest("pk")


def committee_sits_without_ngo(call: GrantCall) -> GrantCall:
    """Record on the call that no organisation nominated anyone to its committee (u.d.p.p. art. 15 ust. 2da pkt 1)."""
    call.committee_without_ngo_reason = CommitteeWithoutNgoReason.NO_NOMINEES
    call.save(update_fields=["committee_without_ngo_reason", "updated_at"])
    return call


def offer_grant(offer: GrantOffer, amount: Decimal = Decimal(4000)) -> GrantOffer:
    """On 24 March 2026: close the offer's call, find the offer correct, grant it `amount` and resolve the call.

    No organisation nominated anyone to the committee, as the call records (u.d.p.p. art. 15 ust. 2da pkt 1).
    """
    call = offer.call
    committee_sits_without_ngo(call)
    with travel(2026, 3, 24):
        transition_perform(obj=call, name="close_offers", acting_user=None)
        transition_perform(obj=offer, name="formal_ok", acting_user=None)
        offer.refresh_from_db()
        services.offer_amounts_set(offer=offer, acting_user=None, recommended=amount, granted=amount)
        transition_perform(obj=call, name="resolve", acting_user=None)
    offer.refresh_from_db()
    return offer


def agreement_sign(offer: GrantOffer) -> GrantAgreement:
    """The agreement on a granted offer of 4 000 zł, signed on 20 April 2026, in two tranches of 2 000 zł."""
    return services.agreement_sign(
        offer=offer,
        number="KSP.5220.1.2026",
        signed_on=date(2026, 4, 20),
        bank_account="PL61109010140000071219812874",
        tranches=[(date(2026, 5, 4), Decimal(2000)), (date(2026, 7, 1), Decimal(2000))],
        budget_updated=True,
        acting_user=None,
    )


def final_report_accept(agreement: GrantAgreement, used: Decimal = Decimal(3600)) -> GrantReport:
    """The agreement's final report received with `used` of the subsidy spent, and accepted."""
    report = agreement.reports.get(kind=GrantReport.Kind.FINAL)
    services.report_receive(report=report, costs_used=used, acting_user=None)
    transition_perform(obj=report, name="accept", acting_user=None)
    return report


def report_post(**changes) -> dict:
    """POST data of a correct final report: costs 3 600 + 1 000 + 500 = 5 100 zł, subsidy used 3 800 zł."""
    fields = {
        "period_from": "2026-06-01",
        "period_to": "2026-08-31",
        "results_description": "Odbyło się 9 warsztatów dla 38 dzieci; powstał słowniczek gwary (200 egzemplarzy).",
        "actions_description": "Warsztaty od 3 czerwca do 26 sierpnia; jedno spotkanie odwołano z powodu upału.",
        "costs_used": "3800,00",
        "own_financial": "800,00",
        "own_personal": "300,00",
        "own_material": "200,00",
        "recipient_fees": "",
        "additional_information": "nie dotyczy",
        "statement_status": "on",
        "statement_truth": "on",
        "statement_gdpr": "on",
        "costs-TOTAL_FORMS": "8",
        "costs-INITIAL_FORMS": "0",
        "costs-0-category": "action",
        "costs-0-name": "Honoraria instruktorów",
        "costs-0-unit": "godzina",
        "costs-0-unit_cost": "100,00",
        "costs-0-units": "36",
        "costs-0-total": "3600,00",
        "costs-1-category": "action",
        "costs-1-name": "Materiały plastyczne",
        "costs-1-unit": "komplet",
        "costs-1-unit_cost": "12,50",
        "costs-1-units": "80",
        "costs-1-total": "",
        "costs-2-category": "admin",
        "costs-2-name": "Koordynacja",
        "costs-2-unit": "usługa",
        "costs-2-unit_cost": "500",
        "costs-2-units": "1",
        "costs-2-total": "",
    }
    for n in range(3, 8):
        fields[f"costs-{n}-category"] = "action"
    return public_form_data(**{**fields, **changes})


def report_url(report: GrantReport, *, token: str | None = None, pdf: bool = False) -> str:
    """The address of `report`'s form under its offer's private tracking token (or another `token`)."""
    token = token or report.agreement.offer.register_entry.tracking_token
    return f"/dotacje/sprawozdanie/{token}/{report.pk}/" + ("pdf/" if pdf else "")
