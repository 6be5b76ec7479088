"""Mourning periods of the tests: a city mourning declared by the Mayor's order, from midnight to midnight."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from mourning.models import MourningPeriod


def local_midnight(days: int) -> datetime:
    """00:00 Warsaw time `days` from today."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time()))


def make_period(starts_at: datetime | None = None, ends_at: datetime | None = None, **fields) -> MourningPeriod:
    """A city mourning of three days starting at midnight in three days (or at `starts_at`), checked as the admin
    checks it."""
    starts_at = starts_at or local_midnight(3)
    period = MourningPeriod(
        kind=fields.pop("kind", MourningPeriod.Kind.CITY),
        reason=fields.pop("reason", "dla uczczenia ofiar katastrofy w kopalni Halemba"),
        starts_at=starts_at,
        ends_at=ends_at or starts_at + timedelta(days=3),
        act_number=fields.pop("act_number", "Zarządzenie nr 465/2026 Prezydenta Miasta Ruda Śląska"),
        act_date=fields.pop("act_date", date(2026, 12, 1)),
        act_url=fields.pop("act_url", "https://bip.rudaslaska.pl/zarzadzenia/465-2026"),
        **fields,
    )
    period.full_clean()
    period.save()
    return period
