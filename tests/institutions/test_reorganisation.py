"""Plans to create, merge, divide or liquidate institutions (DOMAIN.md §A.7).

The act may not be adopted before the announcement + 3 months (merger, division) or 6 months (liquidation, or any
plan involving the public library), nor without the required opinions and consents; on completion all register
entries are made in one transaction.
"""

import datetime
import re

import pytest
from django.urls import reverse

from core.deadlines import add_months, open_deadlines
from core.services import CaseWorkError, transition_perform
from institutions import services
from institutions.deadlines import reorganisation_earliest_act_date
from institutions.models import (
    CulturalInstitution,
    InstitutionKind,
    PlannedInstitution,
    RegisterEntry,
    ReorganisationPlan,
)
from tests.institutions import factories

D = datetime.date


@pytest.mark.parametrize(
    ("kind", "library", "announced", "earliest"),
    [
        ("merge", False, D(2024, 1, 15), D(2024, 4, 15)),
        ("divide", False, D(2024, 1, 15), D(2024, 4, 15)),
        ("liquidate", False, D(2024, 1, 15), D(2024, 7, 15)),
        ("merge", True, D(2024, 1, 15), D(2024, 7, 15)),
        ("divide", True, D(2024, 1, 15), D(2024, 7, 15)),
        ("liquidate", True, D(2024, 1, 15), D(2024, 7, 15)),
        # k.c. art. 112 counted back from the act: 29.02 minus 3 (6) months is 29.11 (29.08), before the
        # announcement, so the full months end only with February.
        ("merge", False, D(2023, 11, 30), D(2024, 3, 1)),
        ("liquidate", False, D(2023, 8, 31), D(2024, 3, 1)),
        ("liquidate", False, D(2023, 8, 30), D(2024, 3, 1)),
        ("liquidate", False, D(2023, 8, 29), D(2024, 2, 29)),  # leap year: 29.02 − 6 months = 29.08
        ("liquidate", False, D(2022, 8, 29), D(2023, 3, 1)),  # no 29.02.2023
        ("liquidate", False, D(2022, 8, 28), D(2023, 2, 28)),
        ("merge", False, D(2023, 11, 29), D(2024, 2, 29)),
        ("merge", False, D(2024, 1, 31), D(2024, 5, 1)),  # 30.04 − 3 months = 30.01
        ("merge", False, D(2024, 2, 29), D(2024, 5, 29)),
        ("merge", False, D(2023, 2, 28), D(2023, 5, 28)),
        ("liquidate", False, D(2023, 5, 31), D(2023, 12, 1)),
        ("merge", True, D(2023, 12, 31), D(2024, 7, 1)),  # 30.06 − 6 months = 30.12
        ("merge", False, D(2023, 10, 31), D(2024, 1, 31)),
        ("create", False, D(2024, 1, 15), None),
    ],
)
def test_earliest_act_date(kind, library, announced, earliest):
    assert reorganisation_earliest_act_date(kind=kind, announced_on=announced, library_involved=library) == earliest


ANNOUNCED = D(2024, 1, 15)


def make_plan(clerk, kind, *institutions, announced_on=ANNOUNCED, **fields):
    plan = ReorganisationPlan.objects.create(kind=kind, title=f"Plan: {kind}", **fields)
    plan.institutions.set(institutions)
    if announced_on:
        services.plan_announce(plan=plan, announced_on=announced_on, acting_user=clerk)
    return plan


@pytest.fixture
def second(clerk):
    return factories.institution(clerk=clerk, full_name="Dom Kultury w Bykowinie", short_name="")


@pytest.mark.parametrize(
    ("adopted_on", "allowed"),
    [(D(2024, 4, 14), False), (D(2024, 4, 15), True), (D(2024, 4, 16), True)],
    ids=["day-before", "on-the-day", "day-after"],
)
def test_a_merger_act_is_refused_before_three_months(clerk, mck, second, adopted_on, allowed):
    plan = make_plan(clerk, "merge", mck, second)
    act = factories.legal_act(adopted_on=adopted_on, title="w sprawie połączenia")
    if allowed:
        services.plan_adopt_act(plan=plan, act=act, acting_user=clerk)
        assert plan.status == ReorganisationPlan.Status.ACT_ADOPTED
        assert plan.act_adopted_on == adopted_on
    else:
        with pytest.raises(services.RegisterError) as refused:
            services.plan_adopt_act(plan=plan, act=act, acting_user=clerk)
        assert refused.value.code == "too_early"
        assert "15.04.2024" in refused.value.message
        plan.refresh_from_db()
        assert plan.status == ReorganisationPlan.Status.ANNOUNCED
        assert plan.act_adopted_on is None


@pytest.mark.parametrize(
    ("adopted_on", "allowed"),
    [(D(2024, 7, 14), False), (D(2024, 7, 15), True)],
    ids=["day-before", "on-the-day"],
)
def test_a_liquidation_waits_six_months(clerk, mck, adopted_on, allowed):
    plan = make_plan(clerk, "liquidate", mck)
    act = factories.legal_act(adopted_on=adopted_on, title="w sprawie likwidacji")
    if allowed:
        services.plan_adopt_act(plan=plan, act=act, acting_user=clerk)
        assert plan.status == ReorganisationPlan.Status.ACT_ADOPTED
    else:
        with pytest.raises(services.RegisterError, match="Akt nie może zostać podjęty przed 15.07.2024"):
            services.plan_adopt_act(plan=plan, act=act, acting_user=clerk)


def test_the_library_needs_six_months_opinions_and_the_ministers_consent(clerk, mck):
    library = factories.institution(
        clerk=clerk, full_name="Miejska Biblioteka Publiczna", kind=InstitutionKind.LIBRARY
    )
    plan = make_plan(clerk, "merge", mck, library)
    four_months = factories.legal_act(adopted_on=D(2024, 5, 15))
    with pytest.raises(services.RegisterError) as refused:
        services.plan_adopt_act(plan=plan, act=four_months, acting_user=clerk)
    assert refused.value.code == "too_early"
    act = factories.legal_act(adopted_on=D(2024, 7, 15))
    with pytest.raises(services.RegisterError) as refused:
        services.plan_adopt_act(plan=plan, act=act, acting_user=clerk)
    assert refused.value.code == "library_opinions"
    ReorganisationPlan.objects.filter(pk=plan.pk).update(
        library_council_opinion_on=D(2024, 3, 1), voivodeship_library_opinion_on=D(2024, 3, 2)
    )
    plan.refresh_from_db()
    with pytest.raises(services.RegisterError) as refused:
        services.plan_adopt_act(plan=plan, act=act, acting_user=clerk)
    assert refused.value.code == "minister_consent"
    ReorganisationPlan.objects.filter(pk=plan.pk).update(minister_consent_on=D(2024, 6, 1))
    plan.refresh_from_db()
    services.plan_adopt_act(plan=plan, act=act, acting_user=clerk)
    assert plan.status == ReorganisationPlan.Status.ACT_ADOPTED


def test_a_museum_merger_needs_the_museum_councils_opinion(clerk, mck):
    museum = factories.institution(clerk=clerk, full_name="Muzeum Miejskie", kind=InstitutionKind.MUSEUM)
    plan = make_plan(clerk, "merge", mck, museum)
    act = factories.legal_act(adopted_on=D(2024, 5, 1))
    with pytest.raises(services.RegisterError) as refused:
        services.plan_adopt_act(plan=plan, act=act, acting_user=clerk)
    assert refused.value.code == "museum_opinion"
    ReorganisationPlan.objects.filter(pk=plan.pk).update(museum_council_opinion_on=D(2024, 3, 1))
    plan.refresh_from_db()
    services.plan_adopt_act(plan=plan, act=act, acting_user=clerk)


def test_no_path_skips_the_date_rule(clerk, mck, second, clerk_client):
    """The workflow transition itself (used by the admin buttons) checks the rule, not just the service."""
    plan = make_plan(clerk, "merge", mck, second)
    early = factories.legal_act(adopted_on=D(2024, 4, 14))
    ReorganisationPlan.objects.filter(pk=plan.pk).update(act=early)
    plan.refresh_from_db()
    with pytest.raises(CaseWorkError, match="Akt nie może zostać podjęty przed 15.04.2024"):
        transition_perform(obj=plan, name="adopt_act", acting_user=clerk)
    client = clerk_client(groups=[factories.REGISTER_GROUP])
    response = client.post(
        reverse("admin:institutions_reorganisationplan_workflow", args=[plan.pk]), {"transition": "adopt_act"}
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == ReorganisationPlan.Status.ANNOUNCED


def test_announcing_needs_a_date_and_institutions(clerk, mck):
    plan = ReorganisationPlan.objects.create(kind="merge", title="Bez daty")
    with pytest.raises(services.RegisterError) as refused:
        transition_perform(obj=plan, name="announce", acting_user=clerk)
    assert refused.value.code == "not_announced"
    with pytest.raises(services.RegisterError) as refused:
        services.plan_announce(plan=plan, announced_on=D(2024, 1, 15), acting_user=clerk)
    assert refused.value.code == "no_institutions"


def test_completing_a_merger_makes_every_entry_in_one_step(clerk, mck, second):
    plan = make_plan(clerk, "merge", mck, second)
    PlannedInstitution.objects.create(
        plan=plan,
        kind=InstitutionKind.CULTURE_CENTRE,
        full_name="Centrum Kultury Ruda Śląska",
        address="ul. Piotra Niedurnego 69, 41-709 Ruda Śląska",
    )
    act = factories.legal_act(adopted_on=D(2024, 4, 15), title="w sprawie połączenia instytucji kultury")
    services.plan_adopt_act(plan=plan, act=act, effective_on=D(2024, 5, 1), acting_user=clerk)
    services.plan_complete(plan=plan, acting_user=clerk)

    assert plan.status == ReorganisationPlan.Status.COMPLETED
    new = CulturalInstitution.objects.get(full_name="Centrum Kultury Ruda Śląska")
    assert new.entry_no == 3
    assert (new.registered_on, new.founding_act) == (D(2024, 5, 1), act)
    for old in (mck, second):
        old.refresh_from_db()
        assert old.struck_out_on == D(2024, 5, 1)
        strike = old.entries.get(section="IV")
        assert strike.kind == RegisterEntry.Kind.STRIKE_OUT
        assert strike.legal_basis == act
        assert "Centrum Kultury Ruda Śląska (nr wpisu 3)" in strike.values["reorganisation"]
    assert plan.new_institutions.get().institution == new


def test_a_failing_completion_writes_nothing(clerk, mck, second):
    plan = make_plan(clerk, "merge", mck, second)
    PlannedInstitution.objects.create(plan=plan, kind="other", full_name="Nowa", address="ul. Nowa 1")
    act = factories.legal_act(adopted_on=D(2024, 4, 15))
    services.plan_adopt_act(plan=plan, act=act, effective_on=D(2024, 5, 1), acting_user=clerk)
    # In the meantime the second institution was struck out by another act: the merger cannot strike it again.
    services.institution_strike_out(
        institution=second, entry_date=D(2024, 4, 20), legal_basis=act, reason="x", acting_user=clerk
    )
    entries_before = RegisterEntry.objects.count()
    with pytest.raises(services.RegisterError, match="Instytucja została wykreślona z rejestru"):
        services.plan_complete(plan=plan, acting_user=clerk)
    plan.refresh_from_db()
    mck.refresh_from_db()
    assert plan.status == ReorganisationPlan.Status.ACT_ADOPTED
    assert mck.struck_out_on is None
    assert RegisterEntry.objects.count() == entries_before
    assert not CulturalInstitution.objects.filter(full_name="Nowa").exists()


def test_a_liquidation_records_the_liquidator_and_waits_for_the_effective_day(clerk, mck):
    plan = make_plan(clerk, "liquidate", mck, liquidator_name="Piotr Wójcik")
    act = factories.legal_act(adopted_on=D(2024, 7, 15))
    services.plan_adopt_act(plan=plan, act=act, effective_on=D(2999, 1, 1), acting_user=clerk)
    with pytest.raises(services.RegisterError) as refused:
        services.plan_complete(plan=plan, acting_user=clerk)
    assert refused.value.code == "not_effective_yet"
    ReorganisationPlan.objects.filter(pk=plan.pk).update(effective_on=D(2024, 9, 1))
    plan.refresh_from_db()
    services.plan_complete(plan=plan, acting_user=clerk)
    strike = mck.entries.get(section="IV")
    assert strike.values["liquidator"] == "Piotr Wójcik"
    assert strike.entry_date == D(2024, 9, 1)


def test_creating_an_institution_needs_no_announcement(clerk):
    plan = ReorganisationPlan.objects.create(kind="create", title="Galeria")
    PlannedInstitution.objects.create(plan=plan, kind="other", full_name="Galeria Miejska", address="ul. Kościelna 2")
    transition_perform(obj=plan, name="announce", acting_user=clerk)
    act = factories.legal_act(adopted_on=D(2024, 2, 1), title="w sprawie utworzenia Galerii Miejskiej")
    services.plan_adopt_act(plan=plan, act=act, acting_user=clerk)
    services.plan_complete(plan=plan, acting_user=clerk)
    gallery = CulturalInstitution.objects.get(full_name="Galeria Miejska")
    assert gallery.registered_on == D(2024, 2, 1)


def test_the_terminarz_shows_the_earliest_act_date(clerk, mck, second):
    plan = make_plan(clerk, "merge", mck, second, announced_on=D(2024, 1, 15))
    deadline = next(d for d in open_deadlines(section="institutions") if d.case_mark == f"plan {plan.pk}")
    assert deadline.due_date == D(2024, 4, 15)


def test_a_merger_is_not_dated_before_its_act(clerk, mck, second):
    """Announced 15.01, act of 15.04 naming 20.01: refused at the act, and again when completing."""
    plan = make_plan(clerk, "merge", mck, second)
    PlannedInstitution.objects.create(plan=plan, kind="other", full_name="Nowa", address="ul. Nowa 1")
    act = factories.legal_act(adopted_on=D(2024, 4, 15))
    with pytest.raises(services.RegisterError) as refused:
        services.plan_adopt_act(plan=plan, act=act, effective_on=D(2024, 1, 20), acting_user=clerk)
    assert refused.value.code == "effective_before_act"
    assert "15.04.2024" in refused.value.message
    plan.refresh_from_db()
    assert plan.status == ReorganisationPlan.Status.ANNOUNCED

    services.plan_adopt_act(plan=plan, act=act, effective_on=D(2024, 4, 15), acting_user=clerk)
    # A date changed behind the workflow's back is caught when the entries are made.
    ReorganisationPlan.objects.filter(pk=plan.pk).update(effective_on=D(2024, 1, 20))
    plan.refresh_from_db()
    with pytest.raises(services.RegisterError) as refused:
        services.plan_complete(plan=plan, acting_user=clerk)
    assert refused.value.code == "effective_before_act"
    assert not CulturalInstitution.objects.filter(full_name="Nowa").exists()
    mck.refresh_from_db()
    assert mck.struck_out_on is None


@pytest.mark.parametrize(("kind", "library"), [("merge", False), ("liquidate", False), ("merge", True)])
def test_the_earliest_act_date_leaves_the_full_months(kind, library):
    """For every announcement day of 2023–2024: the full months have elapsed on the earliest date, not a day before."""
    months = 3 if kind == "merge" and not library else 6
    day = D(2023, 1, 1)
    while day < D(2025, 1, 1):
        earliest = reorganisation_earliest_act_date(kind=kind, announced_on=day, library_involved=library)
        assert add_months(earliest, -months) >= day
        assert add_months(earliest - datetime.timedelta(days=1), -months) < day
        day += datetime.timedelta(days=1)


def test_a_liquidation_act_on_29_february_is_refused_after_an_announcement_of_31_august(clerk, mck):
    plan = make_plan(clerk, "liquidate", mck, announced_on=D(2023, 8, 31), liquidator_name="Piotr Wójcik")
    with pytest.raises(services.RegisterError) as refused:
        services.plan_adopt_act(plan=plan, act=factories.legal_act(adopted_on=D(2024, 2, 29)), acting_user=clerk)
    assert refused.value.code == "too_early"
    assert "01.03.2024" in refused.value.message
    services.plan_adopt_act(plan=plan, act=factories.legal_act(adopted_on=D(2024, 3, 1)), acting_user=clerk)
    assert plan.status == ReorganisationPlan.Status.ACT_ADOPTED


@pytest.mark.parametrize(
    ("opinion_on", "code"),
    [(D(2024, 7, 16), "opinion_after_act"), (D(2999, 1, 1), "opinion_future"), (D(2024, 7, 15), None)],
    ids=["after-the-act", "future", "on-the-act-day"],
)
def test_opinions_and_consent_come_before_the_act(clerk, mck, opinion_on, code):
    museum = factories.institution(clerk=clerk, full_name="Muzeum Miejskie", kind=InstitutionKind.MUSEUM)
    plan = make_plan(clerk, "merge", mck, museum)
    ReorganisationPlan.objects.filter(pk=plan.pk).update(museum_council_opinion_on=opinion_on)
    plan.refresh_from_db()
    act = factories.legal_act(adopted_on=D(2024, 7, 15))
    if code is None:
        services.plan_adopt_act(plan=plan, act=act, acting_user=clerk)
        assert plan.status == ReorganisationPlan.Status.ACT_ADOPTED
        return
    with pytest.raises(services.RegisterError) as refused:
        services.plan_adopt_act(plan=plan, act=act, acting_user=clerk)
    assert refused.value.code == code
    assert opinion_on.strftime("%d.%m.%Y") in refused.value.message


def test_a_library_ministers_consent_after_the_act_is_refused(clerk, mck):
    library = factories.institution(
        clerk=clerk, full_name="Miejska Biblioteka Publiczna", kind=InstitutionKind.LIBRARY
    )
    plan = make_plan(clerk, "merge", mck, library)
    ReorganisationPlan.objects.filter(pk=plan.pk).update(
        library_council_opinion_on=D(2024, 3, 1),
        voivodeship_library_opinion_on=D(2024, 3, 2),
        minister_consent_on=D(2024, 8, 1),
    )
    plan.refresh_from_db()
    with pytest.raises(services.RegisterError) as refused:
        services.plan_adopt_act(plan=plan, act=factories.legal_act(adopted_on=D(2024, 7, 15)), acting_user=clerk)
    assert refused.value.code == "opinion_after_act"


def test_changing_the_librarys_kind_after_the_announcement_keeps_the_library_rules(clerk, mck, clerk_client):
    library = factories.institution(
        clerk=clerk, full_name="Miejska Biblioteka Publiczna", kind=InstitutionKind.LIBRARY
    )
    plan = make_plan(clerk, "merge", mck, library)
    assert ReorganisationPlan.objects.get(pk=plan.pk).library_involved_when_announced
    client = clerk_client(groups=[factories.REGISTER_GROUP])
    url = reverse("admin:institutions_culturalinstitution_change", args=[library.pk])
    page = client.get(url).content.decode()
    management = dict(re.findall(r'name="([\w-]+_FORMS)"[^>]*value="(\d+)"', page))
    response = client.post(url, {"kind": InstitutionKind.OTHER, "website": "", **management})
    assert response.status_code == 302
    library.refresh_from_db()
    assert library.kind == InstitutionKind.OTHER
    plan = ReorganisationPlan.objects.get(pk=plan.pk)
    assert plan.library_involved
    with pytest.raises(services.RegisterError) as refused:
        services.plan_adopt_act(plan=plan, act=factories.legal_act(adopted_on=D(2024, 4, 15)), acting_user=clerk)
    assert refused.value.code == "too_early"
