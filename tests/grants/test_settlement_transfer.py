"""A misused subsidy bears interest from the day it was transferred (u.f.p. art. 252 ust. 1 pkt 1).

So a settlement finding a misused part is refused until the transfer day is recorded: otherwise the return
is booked with a deadline and the interest can never be computed.
"""

from datetime import date
from decimal import Decimal

import pytest

from grants import services
from grants.models import GrantSettlement
from grants.services import GrantError
from tests.grants.factories import final_report_accept


def test_a_misused_part_needs_the_transfer_day(agreement):
    final_report_accept(agreement)
    with pytest.raises(GrantError) as refusal:
        services.settlement_record(
            agreement=agreement,
            used=Decimal(3600),
            misused=Decimal(300),
            found_on=date(2026, 10, 20),
            acting_user=None,
        )
    assert refusal.value.code == "transferred_on"
    assert not GrantSettlement.objects.exists()
    services.agreement_transfer_record(agreement=agreement, transferred_on=date(2026, 5, 4), acting_user=None)
    settlement = services.settlement_record(
        agreement=agreement, used=Decimal(3600), misused=Decimal(300), found_on=date(2026, 10, 20), acting_user=None
    )
    assert settlement.misused_return_due == date(2026, 11, 4)


def test_a_settlement_without_misuse_needs_no_transfer_day(agreement):
    final_report_accept(agreement)
    settlement = services.settlement_record(agreement=agreement, used=Decimal(3600), acting_user=None)
    assert settlement.unused_amount == Decimal("400.00")
