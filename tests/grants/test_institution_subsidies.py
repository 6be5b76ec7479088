"""Subsidies to the city's own institutions (DOMAIN.md §C.4) are the grants section's work: its clerks keep them
in the institutions register's model, and their use and settlement deadlines feed the grants Terminarz."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from core.deadlines import open_deadlines
from grants import rules
from institutions.models import InstitutionSubsidy
from tests.grants.factories import GRANTS_GROUP
from tests.institutions import factories


@pytest.mark.parametrize(
    ("agreed", "expected"),
    [
        (None, date(2026, 12, 31)),
        (date(2026, 12, 30), date(2026, 12, 30)),
        (date(2026, 12, 31), date(2026, 12, 31)),
        (date(2027, 1, 1), date(2026, 12, 31)),
    ],
    ids=["none-year-end", "day-before", "the-day", "day-after-capped"],
)
def test_an_institutions_subsidy_is_used_by_the_year_end_at_the_latest(agreed, expected):
    assert rules.institution_subsidy_use_deadline(year=2026, agreed=agreed) == expected


@pytest.mark.parametrize(
    ("use_deadline", "expected"),
    [
        (date(2026, 12, 30), date(2027, 1, 14)),  # 15 days after a day before the year end
        (date(2026, 12, 31), date(2027, 2, 1)),  # 31 January 2027 is a Sunday
        (date(2026, 6, 30), date(2026, 7, 15)),
        (date(2026, 6, 5), date(2026, 6, 22)),  # the 15th day is Saturday 20 June
    ],
    ids=["day-before-year-end", "year-end-31-january-sunday", "mid-year", "saturday-to-monday"],
)
def test_an_institutions_subsidy_is_settled_15_days_after_its_use_or_by_31_january(use_deadline, expected):
    assert rules.institution_subsidy_settlement_due(use_deadline) == expected


@pytest.fixture
def mck(db):
    return factories.institution(clerk=factories.register_clerk())


def subsidy(mck, **fields):
    values = {
        "institution": mck,
        "year": 2026,
        "kind": InstitutionSubsidy.Kind.TARGETED_CURRENT,
        "purpose": "Industriada 2026",
        "amount": Decimal("150000.00"),
        **fields,
    }
    return InstitutionSubsidy.objects.create(**values)


def grants_deadlines():
    return [d for d in open_deadlines(section="grants") if d.case_mark.startswith("RIK")]


def test_the_terminarz_shows_the_use_then_the_settlement_of_targeted_subsidies_only(mck):
    targeted = subsidy(mck, use_deadline=date(2026, 9, 30))
    subsidy(mck, kind=InstitutionSubsidy.Kind.SUBJECT, purpose="Działalność bieżąca")
    with time_machine.travel(date(2026, 9, 30), tick=False):
        [use] = grants_deadlines()
    assert (use.due_date, use.url) == (
        date(2026, 9, 30),
        reverse("admin:institutions_institutionsubsidy_change", args=[targeted.pk]),
    )
    assert "wykorzystanie" in use.rule
    with time_machine.travel(date(2026, 10, 1), tick=False):
        [settlement] = grants_deadlines()
    assert settlement.due_date == date(2026, 10, 15)
    InstitutionSubsidy.objects.filter(pk=targeted.pk).update(settlement_due=date(2026, 10, 30))
    with time_machine.travel(date(2026, 10, 1), tick=False):
        assert [d.due_date for d in grants_deadlines()] == [date(2026, 10, 30)]
    InstitutionSubsidy.objects.filter(pk=targeted.pk).update(settled_on=date(2026, 10, 20))
    assert grants_deadlines() == []


def test_grants_clerks_keep_the_subsidies_to_institutions(clerk_client, mck):
    record = subsidy(mck)
    clerk = clerk_client(groups=[GRANTS_GROUP])
    for url in (
        reverse("admin:institutions_institutionsubsidy_changelist"),
        reverse("admin:institutions_institutionsubsidy_add"),
        reverse("admin:institutions_institutionsubsidy_change", args=[record.pk]),
    ):
        assert clerk.get(url).status_code == 200
    pick = {"app_label": "institutions", "model_name": "institutionsubsidy", "field_name": "institution", "term": ""}
    assert [r["id"] for r in clerk.get(reverse("admin:autocomplete"), pick).json()["results"]] == [str(mck.pk)]
    assert (
        clerk_client(groups=["Biuro prasowe"]).get(reverse("admin:institutions_institutionsubsidy_add")).status_code
        == 403
    )
