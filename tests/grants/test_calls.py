"""Calls: publication with the 21-day rule (u.d.p.p. art. 13), closing, cancellation (art. 18a), copying."""

from datetime import datetime

import pytest
import time_machine

from core.models import StatusChange
from core.services import CaseWorkError, transition_perform
from grants import services
from grants.models import GrantCall
from grants.services import GrantError
from tests.grants.factories import WARSAW, make_call


@pytest.mark.django_db
@pytest.mark.parametrize(("day", "ok"), [(22, False), (23, True)])
def test_publishing_checks_21_days_after_the_last_announcement(day, ok):
    """Announced on 2 March 2026: the deadline may be 23 March, not 22 March; a refusal changes nothing."""
    call = make_call(deadline=datetime(2026, 3, day, 15, tzinfo=WARSAW))
    if ok:
        services.call_publish(call=call, acting_user=None)
        assert call.status == GrantCall.Status.PUBLISHED
        assert StatusChange.objects.filter(action="grants.call.publish", object_id=call.pk).exists()
    else:
        with pytest.raises(GrantError, match="23.03.2026"):
            services.call_publish(call=call, acting_user=None)
        call.refresh_from_db()
        assert call.status == GrantCall.Status.DRAFT


@pytest.mark.django_db
def test_publishing_needs_every_announcement_date():
    call = make_call(published_web_on=None)
    with pytest.raises(GrantError, match="musi najpierw zostać opublikowane w BIP"):
        services.call_publish(call=call, acting_user=None)


@pytest.mark.django_db
def test_publishing_needs_merit_criteria():
    call = make_call()
    call.criteria.filter(kind="merit").delete()
    with pytest.raises(GrantError, match="co najmniej jedno kryterium merytoryczne"):
        services.call_publish(call=call, acting_user=None)


@pytest.mark.django_db
def test_a_call_closes_for_offers_only_after_the_deadline():
    call = make_call(status="published")
    with time_machine.travel(datetime(2026, 3, 23, 15, 0, tzinfo=WARSAW), tick=False):
        with pytest.raises(GrantError, match="nabór można zamknąć po jego upływie"):
            transition_perform(obj=call, name="close_offers", acting_user=None)
    with time_machine.travel(datetime(2026, 3, 23, 15, 31, tzinfo=WARSAW), tick=False):
        transition_perform(obj=call, name="close_offers", acting_user=None)
    assert call.status == GrantCall.Status.EVALUATION


@pytest.mark.django_db
def test_cancelling_without_offers_publishes_the_reason(client):
    call = make_call(status="published")
    transition_perform(obj=call, name="cancel", acting_user=None, note="Nie złożono żadnej oferty.")
    call.refresh_from_db()
    assert call.status == GrantCall.Status.CANCELLED
    page = client.get(call.get_absolute_url()).content.decode()
    assert "Nie złożono żadnej oferty." in page
    assert "18a" in page


@pytest.mark.django_db
def test_a_call_cannot_be_cancelled_without_a_reason():
    call = make_call(status="published")
    with pytest.raises(CaseWorkError, match="wymaga adnotacji z uzasadnieniem"):
        transition_perform(obj=call, name="cancel", acting_user=None, note="")


@pytest.mark.django_db
def test_copying_a_call_makes_a_draft_with_the_criteria():
    call = make_call(status="published")
    copy = services.call_copy(call=call, acting_user=None, year=2027)
    assert copy.status == GrantCall.Status.DRAFT
    assert copy.slug != call.slug
    assert copy.year == 2027
    assert copy.copied_from == call
    assert sorted(copy.criteria.values_list("name", flat=True)) == sorted(call.criteria.values_list("name", flat=True))
    assert copy.published_bip_on is None
