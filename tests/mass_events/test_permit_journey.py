"""A permit case end to end: public form → formal check → opinions → decision PDF → copies → final → calendar.

The clerk works through the admin's workflow panel; the organiser follows the case on the tracking page and by
e-mail; every clock appears in the Terminarz while it runs and disappears once its step is done.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.translation import gettext

from core.deadlines import open_deadlines
from core.models import PrivateDocument
from core.services import transition_perform
from events.models import Category, District, Event, Venue
from mass_events.deadlines import mass_event_completion_due, mass_event_decision_copies_due, mass_event_decision_latest
from mass_events.models import MassEventOpinion, MassEventPermitApplication
from mass_events.services.common import MassEventError
from mass_events.services.permits import permit_publish_to_calendar
from tests.helpers import tracking_path, workflow
from tests.mass_events.conftest import PERMIT_URL
from tests.mass_events.factories import PermitApplicationFactory, fill_decision, fill_opinions

Status = MassEventPermitApplication.Status


def deadline_rules(application):
    return sorted(d.rule for d in open_deadlines(section="events") if d.case_mark == application.case_mark)


def tracking(client, application):
    return client.get(tracking_path(application)).content.decode()


def test_a_permit_case_runs_end_to_end(
    client, clerk, permit_data, rendered_letters, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(PERMIT_URL, permit_data())
    application = MassEventPermitApplication.objects.get()
    assert len(mail.outbox) == 1
    decision_rule = "art. 29 ust. 1 u.b.i.m.: ≥ 7 dni przed imprezą"
    assert deadline_rules(application) == [decision_rule]
    decision_due = [d for d in open_deadlines() if d.case_mark == application.case_mark][0]
    assert decision_due.due_date == mass_event_decision_latest(application.starts_at)

    # Formal check: a request to complete, with a PDF letter and an e-mail; its 7 days join the Terminarz.
    with django_capture_on_commit_callbacks(execute=True):
        workflow(clerk, application, "request_completion", note="Brak polisy OC.")
    assert application.status == Status.COMPLETION_REQUESTED
    assert application.completion_requested_on == timezone.localdate()
    assert "art. 64 § 2 k.p.a.: 7 dni od doręczenia wezwania" in deadline_rules(application)
    completion = [d for d in open_deadlines() if d.rule.startswith("art. 64")][0]
    assert completion.due_date == mass_event_completion_due(timezone.localdate())
    assert len(mail.outbox) == 2
    assert "Brak polisy OC." in tracking(client, application)
    assert "Wzywam do uzupełnienia wniosku" in rendered_letters[-1]

    workflow(clerk, application, "completed")
    assert deadline_rules(application) == [decision_rule]
    workflow(clerk, application, "formally_complete")
    # The decision is drafted on the four opinions recorded; a permit also needs the decision's numbers (each
    # refusal is tested on its own, below and in test_permit_opinions).
    fill_opinions(application)
    workflow(clerk, application, "draft_decision")
    assert application.status == Status.DECISION_DRAFTED
    fill_decision(application)

    with django_capture_on_commit_callbacks(execute=True):
        workflow(clerk, application, "issue_permit")
    assert application.status == Status.PERMIT_ISSUED
    assert application.decision_kind == MassEventPermitApplication.DecisionKind.PERMIT
    decision_html = rendered_letters[-1]
    # u.b.i.m. art. 29 ust. 2: organiser, type, name, place, start and end, participants, staff, recording devices.
    for expected in (
        "DECYZJA nr KSP.5240.1.2026",
        "Stowarzyszenie Rudzkie Lato",
        str(application.get_event_type_display()),
        "Festiwal Rudzkie Lato",
        "Park Dworski, ul. Kokota 1",
        "maksymalna liczba osób, które mogą uczestniczyć w imprezie: 2500",
        "służby porządkowej: 60",
        "służby informacyjnej: 20",
        "urządzenia rejestrujące",
        "Zapewnić dwie karetki.",
        "Pouczenie",
    ):
        assert expected in decision_html
    letters = PrivateDocument.objects.filter(object_id=application.pk, kind=PrivateDocument.Kind.LETTER)
    assert letters.count() == 2
    decision = letters.get(description="Decyzja KSP.5240.1.2026")
    page = tracking(client, application)
    assert f"/dokumenty/{decision.pk}/" in page
    download = client.get(f"/sprawy/{application.register_entry.tracking_token}/dokumenty/{decision.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert len(mail.outbox) == 3

    # The decision's clock is gone; the copies' 3 days run.
    copies_rule = "art. 29 u.b.i.m.: 3 dni od wydania decyzji"
    assert deadline_rules(application) == [copies_rule]
    copies = [d for d in open_deadlines() if d.rule == copies_rule][0]
    assert copies.due_date == mass_event_decision_copies_due(timezone.localdate())
    workflow(clerk, application, "send_copies")
    assert application.copies_sent_on == timezone.localdate()
    assert deadline_rules(application) == []

    # Final only once the decision was delivered and its 14 days to appeal ran (k.p.a. art. 129 § 2).
    workflow(clerk, application, "become_final")
    assert application.status == Status.COPIES_SENT
    MassEventPermitApplication.objects.filter(pk=application.pk).update(
        decision_issued_on=timezone.localdate() - timedelta(days=20),
        decision_delivered_on=timezone.localdate() - timedelta(days=19),
    )
    workflow(clerk, application, "become_final")
    assert application.status == Status.FINAL
    # Not held yet: the event is in the future.
    workflow(clerk, application, "mark_held")
    assert application.status == Status.FINAL
    MassEventPermitApplication.objects.filter(pk=application.pk).update(
        starts_at=timezone.now() - timedelta(hours=2), ends_at=timezone.now() - timedelta(hours=1)
    )
    workflow(clerk, application, "mark_held")
    assert application.status == Status.EVENT_HELD
    workflow(clerk, application, "close")
    assert application.status == Status.CLOSED
    assert application.closed_at is not None


def test_a_refusal_carries_the_reason_and_cannot_be_published(client, clerk, permit_data, rendered_letters):
    client.post(PERMIT_URL, permit_data())
    application = MassEventPermitApplication.objects.get()
    workflow(clerk, application, "formally_complete")
    fill_opinions(application)
    application.opinions.filter(body="fire").update(verdict=MassEventOpinion.Verdict.NEGATIVE)
    workflow(clerk, application, "draft_decision")
    fill_decision(application, decision_number="KSP.5240.2.2026")
    workflow(clerk, application, "refuse")
    assert application.status == Status.DECISION_DRAFTED  # a refusal needs the reason
    workflow(clerk, application, "refuse", note="Negatywna opinia Komendanta Miejskiego PSP.")
    assert application.status == Status.REFUSED
    assert application.decision_kind == MassEventPermitApplication.DecisionKind.REFUSAL
    assert "odmawiam" in rendered_letters[-1]
    assert "Negatywna opinia Komendanta Miejskiego PSP." in rendered_letters[-1]
    venue = Venue.objects.create(name="Park Dworski", street_address="ul. Kokota 1", district=District.BIELSZOWICE)
    with pytest.raises(MassEventError, match=gettext("Only a mass event with an issued permit can be published.")):
        permit_publish_to_calendar(
            application=application, venue=venue, category=Category.objects.first(), acting_user=clerk.clerk
        )


def test_a_permitted_event_is_published_to_the_calendar_in_one_action_without_sensitive_data(client, clerk):
    application = PermitApplicationFactory(
        status=Status.PERMIT_ISSUED, organiser_kind="person", organiser_name="Jan Prywatny"
    )
    venue = Venue.objects.create(name="Park Dworski", street_address="ul. Kokota 1", district=District.BIELSZOWICE)
    MassEventPermitApplication.objects.filter(pk=application.pk).update(
        calendar_venue=venue, calendar_category=Category.objects.get(slug="festyny-i-plenery")
    )
    response = clerk.post(
        "/admin/mass_events/masseventpermitapplication/",
        {"action": "publish_to_calendar", "_selected_action": [application.pk]},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    event = application.calendar_event
    assert event.status == Event.Status.PUBLISHED
    assert event.title == "Festiwal Rudzkie Lato"
    assert event.capacity == 2500
    page = client.get(event.get_absolute_url()).content.decode()
    for secret in ("44051401359", "Jan Kowalski", "Jan Prywatny", "anna.nowak@example.pl", "600 200 300", "upał"):
        assert secret not in page
    # A second publication is refused.
    clerk.post(
        "/admin/mass_events/masseventpermitapplication/",
        {"action": "publish_to_calendar", "_selected_action": [application.pk]},
    )
    assert Event.objects.filter(title="Festiwal Rudzkie Lato").count() == 1


def test_publishing_an_event_longer_than_a_year_shows_an_admin_error_not_a_crash(clerk):
    application = PermitApplicationFactory(status=Status.PERMIT_ISSUED)
    venue = Venue.objects.create(name="Park Dworski", street_address="ul. Kokota 1", district=District.BIELSZOWICE)
    MassEventPermitApplication.objects.filter(pk=application.pk).update(
        ends_at=application.starts_at + timedelta(days=400),
        calendar_venue=venue,
        calendar_category=Category.objects.get(slug="festyny-i-plenery"),
    )
    response = clerk.post(
        "/admin/mass_events/masseventpermitapplication/",
        {"action": "publish_to_calendar", "_selected_action": [application.pk]},
        follow=True,
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert gettext("One date may last at most a year; split a longer event into several dates.") in page
    application.refresh_from_db()
    assert application.calendar_event is None
    assert not Event.objects.filter(title="Festiwal Rudzkie Lato").exists()


def test_the_workflow_panel_says_which_actions_send_the_note_to_the_organiser(client, clerk, permit_data):
    client.post(PERMIT_URL, permit_data())
    application = MassEventPermitApplication.objects.get()
    url = f"/admin/mass_events/masseventpermitapplication/{application.pk}/change/"
    help_text = gettext("The note is sent to the applicant (tracking page and e-mail) with these actions:")

    def panel_help():
        page = clerk.get(url).content.decode()
        assert help_text in page
        return page.split('id="workflow-note-help"', 1)[1].split("</div>", 1)[0]

    received = panel_help()
    assert str(gettext("Ask to complete the application")) in received
    assert str(gettext("Withdrawn by the organiser")) not in received
    MassEventPermitApplication.objects.filter(pk=application.pk).update(status=Status.COPIES_SENT)
    copies_sent = panel_help()
    assert str(gettext("Appeal received")) in copies_sent
    assert str(gettext("No appeal: the decision is final")) not in copies_sent
    MassEventPermitApplication.objects.filter(pk=application.pk).update(status=Status.APPEAL_FORWARDED)
    assert str(gettext("The SKO upheld the decision")) in panel_help()


def test_the_organiser_gets_one_email_per_step_of_the_permit_case(client, clerk, permit_data):
    from core.models import OutboxMessage

    client.post(PERMIT_URL, permit_data())
    application = MassEventPermitApplication.objects.get()
    mark = application.case_mark

    def step(name, note=""):
        before = OutboxMessage.objects.count()
        workflow(clerk, application, name, note)
        new = list(OutboxMessage.objects.order_by("pk")[before:])
        assert len(new) == 1, (name, [m.subject for m in new])
        assert new[0].to == ["anna.nowak@example.pl"]
        assert mark in new[0].subject
        assert application.register_entry.tracking_token in new[0].body_text
        assert "44051401359" not in new[0].body_text + new[0].body_html
        return new[0]

    step("request_completion", note="Brak planu obiektu.")
    message = step("completed")
    assert str(application.get_status_display()) in message.subject
    step("formally_complete")
    fill_opinions(application)
    step("draft_decision")
    fill_decision(application)
    step("issue_permit")
    step("send_copies")
    MassEventPermitApplication.objects.filter(pk=application.pk).update(
        decision_delivered_on=timezone.localdate() - timedelta(days=19)
    )
    step("become_final")
    MassEventPermitApplication.objects.filter(pk=application.pk).update(
        starts_at=timezone.now() - timedelta(hours=2), ends_at=timezone.now() - timedelta(hours=1)
    )
    step("mark_held")
    step("close")


def test_a_withdrawn_application_is_announced_to_the_organiser(client, clerk, permit_data):
    from core.models import OutboxMessage

    client.post(PERMIT_URL, permit_data())
    application = MassEventPermitApplication.objects.get()
    before = OutboxMessage.objects.count()
    workflow(clerk, application, "withdraw", note="Pismo organizatora z 1.12.")
    assert OutboxMessage.objects.count() == before + 1
    announcement = OutboxMessage.objects.latest("pk").body_text
    assert application.case_mark in announcement
    assert "Pismo organizatora" not in announcement


def test_the_opinions_conditions_are_written_into_the_permit(client, clerk, permit_data, rendered_letters):
    client.post(PERMIT_URL, permit_data())
    application = MassEventPermitApplication.objects.get()
    workflow(clerk, application, "formally_complete")
    fill_opinions(application)
    workflow(clerk, application, "draft_decision")
    application.opinions.filter(body="fire").update(
        verdict=MassEventOpinion.Verdict.CONDITIONAL, conditions="Drogi pożarowe szerokości 4 m wolne od pojazdów."
    )
    application.opinions.filter(body="medical").update(
        verdict=MassEventOpinion.Verdict.CONDITIONAL, conditions="Dwa zespoły ratownictwa medycznego na miejscu."
    )
    fill_decision(application)
    workflow(clerk, application, "issue_permit")
    assert application.status == Status.PERMIT_ISSUED
    decision = rendered_letters[-1]
    sentence = decision.split("Uzasadnienie", 1)[0]
    assert "Drogi pożarowe szerokości 4 m wolne od pojazdów." in sentence
    assert "Dwa zespoły ratownictwa medycznego na miejscu." in sentence
    assert sentence.count('class="opinion-conditions"') == 2


@pytest.fixture
def drafted(db):
    """An application with its decision drafted, the opinions checked and the decision filled in."""
    application = PermitApplicationFactory(status=Status.DECISION_DRAFTED)
    fill_decision(application)
    return application


def _refused(clerk, application, code):
    from mass_events.services.common import MassEventError

    with pytest.raises(MassEventError) as refusal:
        transition_perform(obj=application, name="issue_permit", acting_user=clerk.clerk)
    assert refusal.value.code == code
    # Through the workflow panel too: the status does not move.
    workflow(clerk, application, "issue_permit")
    assert application.status == Status.DECISION_DRAFTED
    assert not PrivateDocument.objects.filter(object_id=application.pk, kind=PrivateDocument.Kind.LETTER).exists()


def test_a_permit_is_refused_while_an_opinion_is_missing(clerk, drafted):
    drafted.opinions.filter(body="sanitary").update(verdict=MassEventOpinion.Verdict.MISSING)
    _refused(clerk, drafted, "opinions_missing")


def test_a_permit_is_refused_while_the_decision_is_incomplete(clerk, drafted):
    fill_decision(drafted, permitted_stewards=None)
    _refused(clerk, drafted, "decision_incomplete")


def test_a_permit_is_refused_for_more_participants_than_places(clerk, drafted):
    fill_decision(drafted, permitted_participants=drafted.places_available + 1)
    _refused(clerk, drafted, "too_many_participants")


def test_no_decision_is_issued_after_the_event_has_started(clerk, drafted):
    MassEventPermitApplication.objects.filter(pk=drafted.pk).update(starts_at=timezone.now() - timedelta(minutes=5))
    drafted.refresh_from_db()
    _refused(clerk, drafted, "too_late")


def test_the_drafted_fixture_can_be_issued(clerk, drafted):
    """The refusals above fail only for their own reason: the same application otherwise gets its permit."""
    workflow(clerk, drafted, "issue_permit")
    assert drafted.status == Status.PERMIT_ISSUED
