"""Press conferences: invitation through the outbox, the public accreditation form closing before the start,
the clerk's decision and the reception list."""

import re
from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils.translation import gettext

from core.models import OutboxMessage
from core.services import transition_perform
from press.documents import reception_rows
from press.models import Accreditation, PressConference
from tests.helpers import public_form_data
from tests.press.factories import OTHER_GROUP, PRESS_GROUP, MediaListFactory, PressConferenceFactory


def form(**fields):
    data = {
        "full_name": "Katarzyna Wójcik",
        "outlet_name": "Radio Katowice",
        "role": "reporterka",
        "press_card_number": "PL-12345",
        "email": "k.wojcik@radio.pl",
        "phone": "",
        "crew": "Adam Nowak, operator",
        "equipment": "kamera, statyw",
        "recording_consent": "on",
    }
    return public_form_data(**{**data, **fields})


def test_announcing_mails_the_invitation_once_and_the_page_goes_public(client, db):
    conference = PressConferenceFactory(
        status=PressConference.Status.DRAFT, media_lists=[MediaListFactory(emails=("a@gazeta.pl", "b@tv.pl"))]
    )
    assert client.get(conference.get_absolute_url()).status_code == 404
    transition_perform(obj=conference, name="announce", acting_user=None)
    assert client.get(conference.get_absolute_url()).status_code == 200
    assert sorted(m.to[0] for m in OutboxMessage.objects.all()) == ["a@gazeta.pl", "b@tv.pl"]
    assert conference.distribution_log.count() == 2
    body = OutboxMessage.objects.first().body_text
    assert reverse("press:accreditation_create", kwargs={"slug": conference.slug}) in body


def test_a_journalist_applies_and_gets_a_case_mark(client, conference):
    url = reverse("press:accreditation_create", kwargs={"slug": conference.slug})
    assert client.get(url).status_code == 200
    response = client.post(url, form())
    assert response.status_code == 302
    accreditation = Accreditation.objects.get()
    assert accreditation.case_mark.startswith("KSP.0420.")
    assert accreditation.conference == conference
    assert accreditation.info_clause.form_key == "press.accreditation"
    assert accreditation.status == Accreditation.Status.REQUESTED
    confirmation = client.get(response["Location"])
    assert accreditation.case_mark in confirmation.content.decode()
    acknowledgement = OutboxMessage.objects.get(to=["k.wojcik@radio.pl"])
    assert acknowledgement.subject == gettext("Your accreditation request has been received — %(mark)s") % {
        "mark": accreditation.case_mark
    }
    tracking = reverse("core:case_tracking", kwargs={"token": accreditation.register_entry.tracking_token})
    assert f"http://testserver{tracking}" in acknowledgement.body_text


def test_errors_are_polish_and_keep_what_was_typed(client, conference):
    url = reverse("press:accreditation_create", kwargs={"slug": conference.slug})
    response = client.post(url, form(full_name="", email="nie-email", crew="x" * 5000))
    assert response.status_code == 200
    html = response.content.decode()
    assert gettext("Enter your first name and surname.") in html
    assert "Enter your first name and surname." not in html  # in Polish
    assert "Radio Katowice" in html
    assert Accreditation.objects.count() == 0


def test_the_form_closes_the_set_time_before_the_conference(client, conference):
    url = reverse("press:accreditation_create", kwargs={"slug": conference.slug})
    closes = conference.accreditation_closes_at
    with time_machine.travel(closes - timedelta(minutes=1), tick=False):
        assert "form_started" in client.get(url).content.decode()
    with time_machine.travel(closes, tick=False):
        response = client.get(url)
        assert response.status_code == 200
        assert "form_started" not in response.content.decode()
        assert client.post(url, form()).status_code == 409
    assert Accreditation.objects.count() == 0


def test_the_clerk_accepts_or_rejects_and_the_reception_list_has_the_accepted(client, clerk_client, conference):
    url = reverse("press:accreditation_create", kwargs={"slug": conference.slug})
    client.post(url, form())
    client.post(url, form(full_name="Tomasz Lis", email="t@gazeta.pl", outlet_name="Gazeta"))
    first, second = Accreditation.objects.order_by("pk")
    press = clerk_client(groups=[PRESS_GROUP])
    response = press.post(
        reverse("admin:press_accreditation_workflow", args=[first.pk]), {"transition": "accept", "note": ""}
    )
    assert response.status_code == 302
    press.post(
        reverse("admin:press_accreditation_workflow", args=[second.pk]),
        {"transition": "reject", "note": "Brak miejsc."},
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Accreditation.Status.ACCEPTED, Accreditation.Status.REJECTED)
    assert [row[0] for row in reception_rows(conference)] == ["Katarzyna Wójcik"]
    pdf = press.get(reverse("admin:press_pressconference_reception_list", args=[conference.pk, "pdf"]))
    assert pdf.status_code == 200
    assert pdf.content[:4] == b"%PDF"
    csv_response = press.get(reverse("admin:press_pressconference_reception_list", args=[conference.pk, "csv"]))
    text = csv_response.content.decode()
    assert "Katarzyna Wójcik" in text
    assert "Tomasz Lis" not in text
    outsider = clerk_client(groups=[OTHER_GROUP])
    assert (
        outsider.get(reverse("admin:press_pressconference_reception_list", args=[conference.pk, "csv"])).status_code
        == 403
    )


def test_the_clerk_is_told_that_the_decision_note_reaches_the_journalist_and_it_does(client, clerk_client, conference):
    client.post(reverse("press:accreditation_create", kwargs={"slug": conference.slug}), form())
    accreditation = Accreditation.objects.get()
    press = clerk_client(groups=[PRESS_GROUP])
    page = press.get(reverse("admin:press_accreditation_change", args=[accreditation.pk])).content.decode()
    hint = re.search(r'id="workflow-note-help">(.*?)</div>', page, re.S)
    assert hint, "the panel does not say which decisions send the note"
    for label in (gettext("Accept"), gettext("Reject")):
        assert f"<strong>{label}</strong>" in hint.group(1)
    press.post(
        reverse("admin:press_accreditation_workflow", args=[accreditation.pk]),
        {"transition": "reject", "note": "Brak miejsc dla ekip telewizyjnych."},
    )
    tracking = client.get(reverse("core:case_tracking", kwargs={"token": accreditation.register_entry.tracking_token}))
    assert gettext("Your accreditation has been rejected.") in tracking.content.decode()
    assert "Brak miejsc dla ekip telewizyjnych." in tracking.content.decode()
    told = OutboxMessage.objects.filter(to=["k.wojcik@radio.pl"]).order_by("pk").last()
    assert told.subject == gettext("New message in case %(mark)s") % {"mark": accreditation.case_mark}
    assert "Brak miejsc" not in told.body_text


def test_materials_appear_once_the_conference_is_held(client, conference):
    conference.materials = "<p>Prezentacja programu</p>"
    conference.save(update_fields=["materials"])
    assert "Prezentacja programu" not in client.get(conference.get_absolute_url()).content.decode()
    transition_perform(obj=conference, name="mark_held", acting_user=None)
    assert "Prezentacja programu" in client.get(conference.get_absolute_url()).content.decode()
