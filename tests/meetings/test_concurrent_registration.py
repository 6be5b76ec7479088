"""Residents sending the registration form at the same moment never take more places than the meeting has.

On PostgreSQL, with real concurrent transactions: each place is taken by one conditional UPDATE, so the last
place goes to one resident and the others are told the meeting is full (409), never a 5xx.
"""

import threading

import pytest
from django.db import connection, connections
from django.test import Client

from meetings.models import MeetingRegistration
from tests.helpers import public_form_data
from tests.meetings.factories import make_meeting

THREADS = 12
CAPACITY = 5


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent transactions are PostgreSQL's")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_sign_ups_fill_the_places_and_refuse_the_rest_without_a_5xx(settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 1000
    meeting = make_meeting(registration_required=True, capacity=CAPACITY)
    statuses, errors = [], []
    barrier = threading.Barrier(THREADS)

    def sign_up(n):
        try:
            client = Client(raise_request_exception=False)
            data = public_form_data(full_name=f"Mieszkaniec {n}", email=f"m{n}@example.pl", phone="", needs="")
            barrier.wait()
            statuses.append(client.post(meeting.get_absolute_url(), data).status_code)
        except Exception as error:  # noqa: BLE001 — collected and asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign_up, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(statuses) == [302] * CAPACITY + [409] * (THREADS - CAPACITY)
    meeting.refresh_from_db()
    assert meeting.registered_count == CAPACITY
    assert MeetingRegistration.objects.filter(meeting=meeting).count() == CAPACITY
