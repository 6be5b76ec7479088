"""The clerk is told which decisions on an offer send their note to the offeror, and those decisions do send it.

The workflow panel in the admin lists the actions whose note goes to the offeror's tracking page and e-mail; a
refusal on formal grounds and a refusal of the subsidy (u.d.p.p. art. 15 ust. 2h) carry the clerk's reasons
there, so the clerk must know before writing them.
"""

import re

from django.utils.translation import gettext

from core.models import CaseMessage
from grants.models import GrantOffer
from tests.grants.factories import GRANTS_GROUP

REASON = "Zadanie wykracza poza zakres konkursu."


def note_help(clerk, offer) -> str:
    """The panel's hint under the note: which actions send the note to the applicant."""
    page = clerk.get(f"/admin/grants/grantoffer/{offer.pk}/change/").content.decode()
    found = re.search(r'id="workflow-note-help">(.*?)</div>', page, re.S)
    return found.group(1) if found else ""


def test_the_clerk_is_told_that_the_refusals_reach_the_offeror_and_they_do(offer, clerk_client):
    clerk = clerk_client(groups=[GRANTS_GROUP])
    assert f"<strong>{gettext('Reject on formal grounds')}</strong>" in note_help(clerk, offer)
    workflow = f"/admin/grants/grantoffer/{offer.pk}/sprawa/"
    assert clerk.post(workflow, {"transition": "formal_ok", "note": ""}).status_code == 302
    assert f"<strong>{gettext('Do not grant')}</strong>" in note_help(clerk, offer)

    assert clerk.post(workflow, {"transition": "not_grant", "note": REASON}).status_code == 302
    offer.refresh_from_db()
    assert offer.status == GrantOffer.Status.NOT_GRANTED
    told = CaseMessage.objects.filter(object_id=offer.pk, author_kind=CaseMessage.Author.CLERK).get()
    assert REASON in told.body
