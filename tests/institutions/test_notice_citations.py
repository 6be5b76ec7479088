"""The notice periods of a reorganisation cite the paragraphs that set them.

u.o.p.d.k. art. 18 ust. 3 (merger, division: 3 months) and art. 22 ust. 2 (liquidation: 6 months); ustawa
o bibliotekach art. 13 ust. 2 (a library: 6 months). The clerk reads the citation in the Terminarz row of an
announced plan and in the refusal of an act adopted too early.
"""

import datetime

import pytest

from core.deadlines import open_deadlines
from institutions import services
from institutions.models import InstitutionKind, ReorganisationPlan
from tests.institutions import factories

D = datetime.date


@pytest.mark.parametrize(
    ("kind", "library", "basis", "earliest", "day_before"),
    [
        ("merge", False, "art. 18 ust. 3 u.o.p.d.k.", D(2024, 4, 15), D(2024, 4, 14)),
        ("divide", False, "art. 18 ust. 3 u.o.p.d.k.", D(2024, 4, 15), D(2024, 4, 14)),
        ("liquidate", False, "art. 22 ust. 2 u.o.p.d.k.", D(2024, 7, 15), D(2024, 7, 14)),
        (
            "merge",
            True,
            "art. 18 ust. 3 u.o.p.d.k., art. 13 ust. 2 ustawy o bibliotekach",
            D(2024, 7, 15),
            D(2024, 7, 14),
        ),
        (
            "liquidate",
            True,
            "art. 22 ust. 2 u.o.p.d.k., art. 13 ust. 2 ustawy o bibliotekach",
            D(2024, 7, 15),
            D(2024, 7, 14),
        ),
    ],
)
def test_the_terminarz_and_the_refusal_cite_the_notice_paragraph(clerk, kind, library, basis, earliest, day_before):
    institution = factories.institution(
        clerk=clerk, kind=InstitutionKind.LIBRARY if library else InstitutionKind.CULTURE_CENTRE
    )
    plan = ReorganisationPlan.objects.create(kind=kind, title=f"Plan: {kind}")
    plan.institutions.set([institution])
    services.plan_announce(plan=plan, announced_on=D(2024, 1, 15), acting_user=clerk)

    row = next(d for d in open_deadlines(section="institutions") if d.case_mark == f"plan {plan.pk}")
    assert (row.due_date, row.rule) == (earliest, basis)

    act = factories.legal_act(adopted_on=day_before, title="w sprawie zmiany")
    with pytest.raises(services.RegisterError) as refused:
        services.plan_adopt_act(plan=plan, act=act, acting_user=clerk)
    assert refused.value.code == "too_early"
    assert f"({basis})" in refused.value.message
