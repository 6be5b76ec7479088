"""Scholarship and award calls and applications for tests: calls directly, applications through the public form."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from awards.models import AwardCall, AwardResolution, Kind

GRANTS_GROUP = "Dotacje, stypendia i nagrody"
OTHER_GROUP = "Biuro prasowe"


def make_resolution(*, kind=Kind.SCHOLARSHIP, **fields) -> AwardResolution:
    """The council's resolution on scholarships (or awards): its number, Dziennik Urzędowy item and caps."""
    values = {
        "kind": kind,
        "number": "PR.0007.120.2026",
        "adopted_on": timezone.localdate().replace(month=1, day=29),
        "title": "w sprawie szczegółowych warunków i trybu przyznawania stypendiów artystycznych",
        "journal_item": "Dz. Urz. Woj. Śl. z 2026 r. poz. 4321",
        "max_amount": Decimal("10000.00"),
    }
    values.update(fields)
    return AwardResolution.objects.create(**values)


def make_call(*, kind=Kind.SCHOLARSHIP, title=None, days_left=30, **fields) -> AwardCall:
    values = {
        "kind": kind,
        "year": timezone.localdate().year,
        "title": title or ("Stypendia artystyczne" if kind == Kind.SCHOLARSHIP else "Nagrody Prezydenta Miasta"),
        "resolution": "Uchwała nr PR.0007.120.2026 Rady Miasta Ruda Śląska (Dz. Urz. Woj. Śl. 2026 poz. 4321)",
        "rules": "<p>Stypendia przyznaje Prezydent Miasta po zaopiniowaniu przez komisję.</p>",
        "deadline": timezone.now() + timedelta(days=days_left),
        "budget": Decimal("20000.00"),
        "max_amount": Decimal("10000.00") if kind == Kind.SCHOLARSHIP else Decimal("5000.00"),
        "is_published": True,
    }
    values.update(fields)
    return AwardCall.objects.create(**values)


def scholarship_data(**fields) -> dict:
    data = {
        "submitter_kind": "self",
        "submitter_name": "Joanna Kowalczyk",
        "email": "j.kowalczyk@example.pl",
        "phone": "",
        "candidate_name": "Joanna Kowalczyk",
        "candidate_address": "ul. Niedurnego 10, 41-709 Ruda Śląska",
        "field_of_art": "music",
        "project_title": "Pieśni Górnego Śląska na nowo",
        "programme": "Nagranie płyty z opracowaniami pieśni; koncerty w trzech dzielnicach.",
        "period_from": "2027-01-01",
        "period_to": "2027-10-31",
        "requested_amount": "8000",
        "achievements": "Laureatka konkursu kompozytorskiego 2025; dwie płyty.",
        "justification": "Projekt popularyzuje śląską muzykę ludową wśród młodzieży.",
    }
    return {**data, **fields}


def nomination_data(**fields) -> dict:
    data = {
        "submitter_kind": "institution",
        "submitter_name": "Miejskie Centrum Kultury im. Henryka Bisty",
        "email": "sekretariat@mck.example.pl",
        "phone": "",
        "candidate_name": "Henryk Malarz",
        "candidate_address": "",
        "field_of_art": "visual_arts",
        "category": "za całokształt twórczości",
        "achievements": "Czterdzieści lat malarstwa, wystawy w kraju i za granicą.",
        "justification": "Twórca związany z Rudą Śląską od urodzenia.",
    }
    return {**data, **fields}


#: A possible PESEL (its date and check digit agree) and an NRB with a correct check number, for contracts.
PESEL = "44051401359"
BANK_ACCOUNT = "61 1090 1014 0000 0712 1981 2874"


def granted_scholarship(client, *, amount="7500", **data):
    """A scholarship applied for through the public form, accepted formally and granted by the Mayor's order."""
    from django.urls import reverse

    from awards.models import AwardApplication
    from core.services import transition_perform
    from tests.helpers import public_form_data

    call = make_call()
    client.post(
        reverse("awards:application_create", kwargs={"slug": call.slug}), public_form_data(**scholarship_data(**data))
    )
    application = AwardApplication.objects.get(call=call)
    transition_perform(obj=application, name="formal_ok", acting_user=None)
    AwardApplication.objects.filter(pk=application.pk).update(
        decision_number="ZP.0050.321.2026",
        decision_date=timezone.localdate(),
        granted_amount=Decimal(amount),
    )
    application.refresh_from_db()
    return transition_perform(obj=application, name="grant", acting_user=None)


def contract_data(application, *, payments=(("2027-01-15", "3750"), ("2027-06-15", "3750")), **fields):
    """Fill in the contract's data and payment schedule as the clerk does in the admin."""
    from awards.models import AwardApplication, ScholarshipPayment

    values = {
        "contract_number": "KSP.5230.1.2026/U",
        "contract_signed_on": timezone.localdate(),
        "pesel": PESEL,
        "bank_account": BANK_ACCOUNT.replace(" ", ""),
        **fields,
    }
    for name, value in values.items():
        setattr(application, name, value)
    application.save(update_fields=list(values))
    for n, (due_on, amount) in enumerate(payments, start=1):
        ScholarshipPayment.objects.create(application=application, position=n, due_on=due_on, amount=Decimal(amount))
    return AwardApplication.objects.get(pk=application.pk)


def formal_application(call, candidate: str, **fields):
    """An application of `call` opened as the public form opens it and accepted formally: ready for the committee."""
    from awards.models import AwardApplication
    from core.services import case_open, transition_perform

    values = {
        "submitter_name": candidate,
        "email": "artysta@example.pl",
        "candidate_name": candidate,
        "field_of_art": "music",
        "project_title": f"Projekt: {candidate}",
        "requested_amount": Decimal("5000.00"),
        "achievements": "Koncerty i nagrania z ostatnich trzech lat.",
        "justification": "Projekt promuje kulturę Rudy Śląskiej.",
        **fields,
    }
    application = case_open(case=AwardApplication(call=call, **values), title=f"Wniosek: {candidate}")
    return transition_perform(obj=application, name="formal_ok", acting_user=None)


def appointed_committee(call, members):
    """The call's committee appointed by the Mayor's order; `members` are (user, role) pairs. Returns the members."""
    from awards.models import AwardCommittee, AwardCommitteeMember

    AwardCommittee.objects.create(call=call, order_number="ZP.0050.250.2026", order_date=timezone.localdate())
    return [AwardCommitteeMember.objects.create(call=call, user=user, role=role) for user, role in members]
