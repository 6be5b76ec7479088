"""A public form sent many times at the same moment (double click, impatient reloads) opens one case.

Every public case form opens its case through `PublicCaseCreateView` and `core.services.case_open`; the
concurrent posts carry the same submission token. The first one opens the case; each of the others must
get the same confirmation page, never a server error.
"""

import threading

import pytest
from django.db import connection, connections
from django.test import Client

from core.models import CaseRegisterEntry, Feedback
from tests.helpers import public_form_data

CONCURRENT_POSTS = 20
FEEDBACK_URL = "/opinia/"


def post_at_once(url: str, data: dict, count: int) -> list:
    """Send `data` to `url` from `count` threads released together; return their responses (or exceptions)."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def send(index):
        client = Client(raise_request_exception=False)
        try:
            barrier.wait()
            results[index] = client.post(url, data)
        except Exception as error:  # noqa: BLE001 — asserted below
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers; the race needs PostgreSQL (CI runs it)"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_identical_posts_at_once_open_one_case_and_all_get_its_confirmation(settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 100
    data = public_form_data(message="Wysłane dwadzieścia razy naraz", contact_email="jan.kowalski@example.pl")

    responses = post_at_once(FEEDBACK_URL, data, CONCURRENT_POSTS)

    assert [getattr(r, "status_code", r) for r in responses] == [302] * CONCURRENT_POSTS
    feedback = Feedback.objects.get()
    confirmation = f"/sprawy/{feedback.register_entry.tracking_token}/potwierdzenie/"
    assert {r["Location"] for r in responses} == {confirmation}
    # The losers' case marks were rolled back with them: no gap, no orphan register entry.
    assert CaseRegisterEntry.objects.count() == 1
