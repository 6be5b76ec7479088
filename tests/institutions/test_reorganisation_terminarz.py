"""What a reorganisation plan puts in the clerks' Terminarz (u.o.p.d.k. art. 18 ust. 3, art. 22 ust. 2; ustawa
o bibliotekach art. 13 ust. 2; the register's entries on the effective day, rozporządzenie MKiDN z 26.01.2012).

An announced plan: the earliest day the act may be adopted. An adopted act: the day its register entries are due
("Wpisy do rejestru"). A completed plan, or a plan to create an institution (no announcement needed): no row.
"""

import datetime

from core.deadlines import open_deadlines
from institutions import services
from institutions.models import PlannedInstitution, ReorganisationPlan
from tests.institutions import factories

D = datetime.date
ANNOUNCED = D(2024, 1, 15)


def rows_of(plan):
    return [row for row in open_deadlines(section="institutions") if row.case_mark == f"plan {plan.pk}"]


def announced_plan(clerk, kind, *institutions, announced_on=ANNOUNCED, title="Połączenie domów kultury"):
    plan = ReorganisationPlan.objects.create(kind=kind, title=title)
    plan.institutions.set(institutions)
    services.plan_announce(plan=plan, announced_on=announced_on, acting_user=clerk)
    return plan


def test_an_announced_liquidation_shows_the_earliest_day_of_the_act(clerk, mck):
    plan = announced_plan(clerk, "liquidate", mck, title="Likwidacja MCK")
    [row] = rows_of(plan)
    assert (row.due_date, row.title) == (D(2024, 7, 15), "Najwcześniejszy dzień podjęcia aktu: Likwidacja MCK")
    assert row.rule == "art. 22 ust. 2 u.o.p.d.k."


def test_an_adopted_act_shows_the_register_entries_due_on_its_effective_day(clerk, mck):
    second = factories.institution(clerk=clerk, full_name="Dom Kultury w Bykowinie", short_name="")
    plan = announced_plan(clerk, "merge", mck, second)
    PlannedInstitution.objects.create(plan=plan, kind="other", full_name="Centrum Kultury", address="ul. Nowa 1")
    act = factories.legal_act(adopted_on=D(2024, 4, 15), title="w sprawie połączenia instytucji kultury")
    services.plan_adopt_act(plan=plan, act=act, effective_on=D(2024, 5, 1), acting_user=clerk)

    [row] = rows_of(plan)
    assert (row.due_date, row.title) == (D(2024, 5, 1), "Wpisy do rejestru: Połączenie domów kultury")
    assert "wpis z dniem połączenia" in row.rule
    assert row.url.endswith(f"/reorganisationplan/{plan.pk}/change/")

    services.plan_complete(plan=plan, acting_user=clerk)
    assert rows_of(plan) == []


def test_a_plan_to_create_an_institution_has_no_row(clerk):
    plan = ReorganisationPlan.objects.create(kind="create", title="Galeria Miejska")
    PlannedInstitution.objects.create(plan=plan, kind="other", full_name="Galeria Miejska", address="ul. Kościelna 2")
    services.plan_announce(plan=plan, announced_on=D(2024, 1, 15), acting_user=clerk)
    assert plan.status == ReorganisationPlan.Status.ANNOUNCED
    assert rows_of(plan) == []
