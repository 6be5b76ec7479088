"""The council's resolution as a record: its caps and fields of art bind the calls made under it.

u.o.p.d.k. art. 7a ust. 3 and art. 7b ust. 3 (DOMAIN.md §D.1–D.2): the Rada Miasta's resolution sets the amounts, per
kind of scholarship where it caps periodic and one-off scholarships apart [K], and the fields of art; the call
repeats them with its deadline, after which no application is taken. Caps are tested at the cap, one grosz over and
at zero; the deadline at its last minute and one minute after.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext

from awards.models import AwardApplication, Kind, ScholarshipType
from core.money import format_pln
from core.services import CaseWorkError, transition_perform
from tests.awards.factories import (
    GRANTS_GROUP,
    contract_data,
    make_call,
    make_resolution,
    nomination_data,
    scholarship_data,
)
from tests.helpers import public_form_data

pytestmark = pytest.mark.django_db
Status = AwardApplication.Status
PERIODIC, ONE_OFF = ScholarshipType.PERIODIC, ScholarshipType.ONE_OFF


def form_url(call):
    return reverse("awards:application_create", kwargs={"slug": call.slug})


def apply(client, call, **data):
    return client.post(form_url(call), public_form_data(**scholarship_data(**data)))


def split_call(**fields):
    """A call under a resolution capping periodic scholarships at 5 000 zł and one-off ones at 3 000 zł."""
    resolution = make_resolution(
        max_amount=None, max_amount_periodic=Decimal("5000.00"), max_amount_one_off=Decimal("3000.00")
    )
    return make_call(council_resolution=resolution, resolution="", max_amount=None, **fields)


@pytest.mark.parametrize(
    ("kind", "amount", "accepted"),
    [
        (PERIODIC, "5000.00", True),
        (PERIODIC, "5000.01", False),
        (ONE_OFF, "3000.00", True),
        (ONE_OFF, "3000.01", False),
        (PERIODIC, "0", False),
        (ONE_OFF, "0.01", True),
    ],
)
def test_each_kind_of_scholarship_keeps_to_its_own_cap(client, kind, amount, accepted):
    call = split_call()
    response = apply(client, call, scholarship_type=kind, requested_amount=amount)
    assert (response.status_code == 302) is accepted
    assert AwardApplication.objects.exists() is accepted
    if not accepted:
        html = response.content.decode()
        over = gettext("The resolution allows at most %(cap)s for a %(kind)s.") % {
            "cap": format_pln(call.cap_for(kind)),
            "kind": kind.label,
        }
        assert escape(over) in html or escape(gettext("The amount must be greater than zero.")) in html


def test_the_form_asks_the_kind_only_where_the_resolution_caps_them_apart(client):
    split = split_call(title="Stypendia 2027")
    page = client.get(form_url(split)).content.decode()
    assert 'name="scholarship_type"' in page
    response = apply(client, split, requested_amount="100")
    assert escape(gettext("Choose the kind of scholarship.")) in response.content.decode()
    one_cap = make_call(council_resolution=make_resolution(number="PR.0007.9.2026"), resolution="")
    assert 'name="scholarship_type"' not in client.get(form_url(one_cap)).content.decode()


def test_the_lower_of_the_calls_and_the_resolutions_cap_applies(client):
    resolution = make_resolution(max_amount=Decimal("10000.00"))
    call = make_call(council_resolution=resolution, resolution="", max_amount=Decimal("8000.00"))
    assert call.cap_for() == Decimal("8000.00")
    assert apply(client, call, requested_amount="8000.01").status_code == 200
    assert apply(client, call, requested_amount="8000.00").status_code == 302
    lenient = make_call(title="Stypendia bez limitu naboru", council_resolution=resolution, max_amount=None)
    assert lenient.cap_for() == Decimal("10000.00")
    assert make_call(title="Nabór bez uchwały w bazie", max_amount=None).cap_for() is None


def test_only_the_fields_of_art_of_the_resolution_are_offered(client):
    resolution = make_resolution(fields_of_art=["music", "literature"])
    call = make_call(council_resolution=resolution, resolution="")
    page = client.get(form_url(call)).content.decode()
    assert 'value="music"' in page
    assert 'value="film"' not in page
    assert apply(client, call, field_of_art="film").status_code == 200
    assert not AwardApplication.objects.exists()
    assert apply(client, call, field_of_art="literature").status_code == 302


def test_the_grant_keeps_to_the_resolutions_cap_for_the_kind(client):
    call = split_call(budget=Decimal("20000.00"))
    apply(client, call, scholarship_type=ONE_OFF, requested_amount="3000.00", email="a@example.pl")
    application = AwardApplication.objects.get()
    transition_perform(obj=application, name="formal_ok", acting_user=None)
    # The resolution is amended after the application: the grant reads the cap as it is now.
    call.council_resolution.max_amount_one_off = Decimal("2500.00")
    call.council_resolution.save()
    AwardApplication.objects.filter(pk=application.pk).update(
        decision_number="ZP.0050.1.2026", decision_date="2026-12-01", granted_amount=Decimal("2500.01")
    )
    application.refresh_from_db()
    with pytest.raises(CaseWorkError, match=format_pln(Decimal("2500.00"))):
        transition_perform(obj=application, name="grant", acting_user=None)
    AwardApplication.objects.filter(pk=application.pk).update(granted_amount=Decimal("2500.00"))
    application.refresh_from_db()
    assert transition_perform(obj=application, name="grant", acting_user=None).status == Status.GRANTED


def test_the_budget_counts_the_grants_whose_contract_is_already_signed(client):
    call = make_call(budget=Decimal("15000.00"))
    for n in range(2):
        apply(client, call, email=f"artysta{n}@example.pl", requested_amount="10000")
    first, second = AwardApplication.objects.order_by("pk")
    for application, amount in ((first, "10000"), (second, "5000.01")):
        transition_perform(obj=application, name="formal_ok", acting_user=None)
        AwardApplication.objects.filter(pk=application.pk).update(
            decision_number="ZP.0050.2.2026", decision_date="2026-12-01", granted_amount=Decimal(amount)
        )
    first.refresh_from_db()
    first = transition_perform(obj=first, name="grant", acting_user=None)
    first = contract_data(first, payments=(("2027-01-15", "10000"),))
    transition_perform(obj=first, name="sign_contract", acting_user=None)
    second.refresh_from_db()
    with pytest.raises(CaseWorkError, match=format_pln(Decimal("15000"))):
        transition_perform(obj=second, name="grant", acting_user=None)
    AwardApplication.objects.filter(pk=second.pk).update(granted_amount=Decimal("5000.00"))
    second.refresh_from_db()
    assert transition_perform(obj=second, name="grant", acting_user=None).status == Status.GRANTED


def test_an_application_is_taken_in_the_last_minute_and_not_one_minute_after(client):
    call = make_call()
    with time_machine.travel(call.deadline - timedelta(minutes=1), tick=False):
        assert apply(client, call, email="ostatnia.minuta@example.pl").status_code == 302
    with time_machine.travel(call.deadline + timedelta(minutes=1), tick=False):
        assert apply(client, call, email="minute.po@example.pl").status_code == 409
    assert list(AwardApplication.objects.values_list("email", flat=True)) == ["ostatnia.minuta@example.pl"]


def test_a_call_names_its_resolution_of_its_own_kind(client):
    resolution = make_resolution()
    call = make_call(resolution="")
    with pytest.raises(ValidationError) as error:
        call.full_clean()
    assert "council_resolution" in error.value.message_dict
    call.council_resolution = resolution
    call.full_clean()
    call.kind = Kind.AWARD
    with pytest.raises(ValidationError):
        call.full_clean()
    award_resolution = make_resolution(kind=Kind.AWARD, number="PR.0007.121.2026", max_amount_periodic=Decimal("1"))
    with pytest.raises(ValidationError):
        award_resolution.full_clean()


def test_the_calls_page_shows_the_resolution_its_caps_and_fields(client):
    call = split_call()
    call.council_resolution.fields_of_art = ["music", "dance"]
    call.council_resolution.save()
    page = client.get(call.get_absolute_url()).content.decode()
    assert "PR.0007.120.2026" in page
    assert "Dz. Urz. Woj. Śl. z 2026 r. poz. 4321" in page
    assert "5000,00" in page.replace("\xa0", "").replace(" ", "")
    assert "3000,00" in page.replace("\xa0", "").replace(" ", "")
    assert "taniec" in page


def test_a_nomination_form_ignores_the_scholarship_caps(client):
    resolution = make_resolution(kind=Kind.AWARD, number="PR.0007.122.2026", max_amount=Decimal("5000.00"))
    call = make_call(kind=Kind.AWARD, council_resolution=resolution, resolution="")
    response = client.post(form_url(call), public_form_data(**nomination_data()))
    assert response.status_code == 302


def test_the_grants_section_keeps_the_resolutions_in_the_admin(clerk_client):
    clerk = clerk_client(groups=[GRANTS_GROUP])
    url = reverse("admin:awards_awardresolution_add")
    assert clerk.get(url).status_code == 200
    response = clerk.post(
        url,
        {
            "kind": "scholarship",
            "number": "PR.0007.200.2026",
            "adopted_on": "2026-02-26",
            "title": "w sprawie stypendiów artystycznych",
            "journal_item": "Dz. Urz. Woj. Śl. z 2026 r. poz. 1500",
            "max_amount": "",
            "max_amount_periodic": "6000",
            "max_amount_one_off": "4000",
            "fields_of_art": ["music", "theatre"],
        },
    )
    assert response.status_code == 302
    from awards.models import AwardResolution

    saved = AwardResolution.objects.get(number="PR.0007.200.2026")
    assert saved.fields_of_art == ["music", "theatre"]
    assert saved.distinguishes_scholarship_types
