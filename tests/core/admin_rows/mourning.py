"""Mourning, one period a week apart, so that none overlaps another."""

from datetime import date

from mourning.models import MourningPeriod
from tests.core.admin_rows import in_days, plain

plain(
    MourningPeriod,
    kind="city",
    reason="dla uczczenia ofiar {n}",
    starts_at=lambda n: in_days(7 * n),
    ends_at=lambda n: in_days(7 * n + 3),
    act_number="Zarządzenie nr {n}/2026",
    act_date=date(2026, 12, 1),
    act_url="https://bip.rudaslaska.pl/zarzadzenia/{n}",
)
