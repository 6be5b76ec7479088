"""An application for the Prezydent's honorary patronage, end to end (DOMAIN.md §E.1).

The public form opens a case (a late one is received and flagged, the organiser told); the criteria refuse a
commercial event without a recorded exception; the written answer is a PDF letter (with a diploma if chosen); the
organiser sends the report with photos from the tracking link; a missing report is recorded and shown on the
organiser's next application; the clocks are in the Terminarz while they run.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.translation import gettext

from core.deadlines import open_deadlines
from core.models import CaseMessage, PrivateDocument
from core.services import CaseWorkError, transition_perform
from patronage.deadlines import patronage_answer_due, patronage_report_due
from patronage.models import PatronageApplication
from patronage.services.common import PatronageError
from tests.helpers import pdf_file, png_file, public_form_data, tracking_path, workflow
from tests.patronage.conftest import APPLICATION_URL, PATRONAGE_GROUP
from tests.patronage.factories import make_application

Status = PatronageApplication.Status
pytestmark = pytest.mark.django_db


def clerk_messages(case):
    return list(
        CaseMessage.objects.filter(object_id=case.pk, author_kind=CaseMessage.Author.CLERK).values_list(
            "body", flat=True
        )
    )


def letters(case):
    return list(
        PrivateDocument.objects.filter(object_id=case.pk, kind=PrivateDocument.Kind.LETTER)
        .order_by("pk")
        .values_list("description", flat=True)
    )


def test_the_form_opens_a_case_with_its_files_and_one_acknowledgement(
    client, application_data, django_capture_on_commit_callbacks
):
    page = client.get(APPLICATION_URL).content.decode()
    assert "<legend>" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            APPLICATION_URL,
            application_data(programme_file=pdf_file("program.pdf"), drafts=[pdf_file("plakat.pdf")]),
        )
    assert response.status_code == 302
    application = PatronageApplication.objects.get()
    assert application.case_mark.startswith("KSP.0414.")
    assert (application.status, application.is_late, application.received_on) == (
        Status.RECEIVED,
        False,
        timezone.localdate(),
    )
    descriptions = set(PrivateDocument.objects.filter(object_id=application.pk).values_list("description", flat=True))
    assert descriptions == {"Program wydarzenia", "Projekt materiałów promocyjnych z logo patronatu"}
    assert len(mail.outbox) == 1
    assert application.case_mark in mail.outbox[0].subject


def test_a_late_application_is_received_flagged_and_the_organiser_told(client, application_data):
    response = client.post(APPLICATION_URL, application_data(days_ahead=29))
    assert response.status_code == 302
    application = PatronageApplication.objects.get()
    assert application.is_late is True
    assert application.status == Status.RECEIVED
    [message] = clerk_messages(application)
    assert message == gettext(
        "Your application came less than %(days)s days before the event. It has been received and marked as late; "
        "the department will still examine it and answer in writing."
    ) % {"days": 30}
    assert "spóźniony" in message


def test_an_application_30_days_ahead_is_on_time(client, application_data):
    assert client.post(APPLICATION_URL, application_data(days_ahead=30)).status_code == 302
    application = PatronageApplication.objects.get()
    assert application.is_late is False
    assert clerk_messages(application) == []


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"is_cyclic": "on"}, "edition", "For a cyclic event, say which edition you apply for."),
        (
            {"permits_confirmed": None},
            "permits_confirmed",
            "Confirm that the event will have every permit it requires.",
        ),
        ({"days_ahead": -1}, "starts_on", "The event must not have started already."),
        ({"ends_on": "2020-01-01"}, "ends_on", "The last day must not be before the first."),
        ({"organiser_name": "Zła\x00nazwa"}, "organiser_name", None),
    ],
)
def test_bad_input_gets_a_polish_message_not_a_case(client, application_data, changes, field, message):
    response = client.post(APPLICATION_URL, application_data(**changes))
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    if message:
        assert gettext(message) in form.errors[field]
        assert gettext(message) != message  # a Polish message
    assert not PatronageApplication.objects.exists()


def test_a_commercial_event_needs_a_recorded_exception_before_the_patronage(clerk):
    application = make_application(is_commercial=True)
    with pytest.raises(PatronageError) as refused:
        transition_perform(obj=application, name="grant", acting_user=None)
    assert refused.value.code == "exception_needed"
    workflow(clerk, application, "grant")
    assert application.status == Status.RECEIVED
    PatronageApplication.objects.filter(pk=application.pk).update(
        exception_reason="Bieg charytatywny o wysokiej randze, dochód na hospicjum."
    )
    application.refresh_from_db()
    workflow(clerk, application, "grant")
    assert application.status == Status.GRANTED


def test_fundraising_needs_the_exception_too():
    application = make_application(has_fundraising=True)
    with pytest.raises(PatronageError):
        transition_perform(obj=application, name="grant", acting_user=None)


def test_granting_with_a_diploma_issues_the_letter_and_the_diploma(clerk, rendered_letters):
    application = make_application(answer_form="diploma", committee_requested=True)
    workflow(clerk, application, "grant", note="Prosimy o logo na banerze.")
    assert application.status == Status.GRANTED
    assert application.decided_on == timezone.localdate()
    assert letters(application) == ["Pismo o objęciu patronatem", "Dyplom Honorowego Patronatu"]
    letter, diploma = rendered_letters
    assert "obejmuje Honorowym Patronatem" in letter
    assert application.event_name in letter
    assert "komitecie honorowym" in letter
    assert "DYPLOM" in diploma
    [message] = clerk_messages(application)
    assert message.endswith("Prosimy o logo na banerze.")


def test_granting_with_a_letter_issues_the_letter_only(clerk):
    application = make_application()
    workflow(clerk, application, "grant")
    assert letters(application) == ["Pismo o objęciu patronatem"]


def test_a_refusal_is_a_written_answer_with_the_reasons_and_closes_the_case(clerk, rendered_letters):
    application = make_application()
    workflow(clerk, application, "refuse", note="Wydarzenie ma charakter komercyjny.")
    assert application.status == Status.REFUSED
    assert application.closed_at is not None
    assert letters(application) == ["Pismo o odmowie objęcia patronatem"]
    assert "Wydarzenie ma charakter komercyjny." in rendered_letters[0]
    assert "nie przysługuje odwołanie" in rendered_letters[0]


def test_the_opinion_of_a_merit_unit_is_optional_and_recorded(clerk):
    application = make_application()
    workflow(clerk, application, "request_opinion")
    assert application.status == Status.RECEIVED  # refused: no unit named
    PatronageApplication.objects.filter(pk=application.pk).update(opinion_unit="Wydział Sportu")
    workflow(clerk, application, "request_opinion")
    assert application.status == Status.OPINION_REQUESTED
    workflow(clerk, application, "opinion_received")
    assert application.status == Status.OPINION_REQUESTED  # refused: no opinion recorded
    PatronageApplication.objects.filter(pk=application.pk).update(opinion="Pozytywna.")
    workflow(clerk, application, "opinion_received")
    assert application.status == Status.RECEIVED


def granted_and_held(clerk):
    """A patronage granted, its materials approved; the event then held (its days moved to the past)."""
    application = make_application(days_ahead=5)
    workflow(clerk, application, "grant")
    workflow(clerk, application, "approve_materials")
    assert application.status == Status.MATERIALS_APPROVED
    with pytest.raises(PatronageError):
        transition_perform(obj=application, name="event_held", acting_user=None)
    yesterday = timezone.localdate() - timedelta(days=1)
    PatronageApplication.objects.filter(pk=application.pk).update(starts_on=yesterday, ends_on=yesterday)
    application.refresh_from_db()
    workflow(clerk, application, "event_held")
    assert application.status == Status.REPORT_DUE
    assert application.report_due_on == patronage_report_due(yesterday)
    return application


def test_the_organiser_sends_the_report_with_photos_from_the_tracking_link(clerk, client):
    application = granted_and_held(clerk)
    page = client.get(tracking_path(application)).content.decode()
    assert f'href="{tracking_path(application)}zmiany/">{gettext("Send the report")}</a>' in page

    refused = client.post(
        tracking_path(application) + "zmiany/",
        public_form_data(report_text="Było 300 osób.", photos=[png_file()]),
    )
    assert refused.status_code == 200
    assert gettext("The photos can be accepted only with the licence for the city.") in refused.content.decode()

    response = client.post(
        tracking_path(application) + "zmiany/",
        public_form_data(report_text="Było 300 osób.", photos=[png_file("a.png"), png_file("b.png")], licence="on"),
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.REPORT_RECEIVED
    assert application.closed_at is not None
    assert (application.report_text, application.photo_licence_granted) == ("Było 300 osób.", True)
    assert application.report_received_on == timezone.localdate()
    photos = PrivateDocument.objects.filter(object_id=application.pk, original_name__in=["a.png", "b.png"])
    assert photos.count() == 2


def test_a_clerk_cannot_file_the_organisers_report(make_clerk):
    application = make_application(days_ahead=5)
    PatronageApplication.objects.filter(pk=application.pk).update(status=Status.REPORT_DUE)
    application.refresh_from_db()
    clerk_user = make_clerk(groups=[PATRONAGE_GROUP])
    assert "report_sent" not in [t.name for t in application.workflow.available(application, user=clerk_user)]
    with pytest.raises(CaseWorkError, match="Tę czynność wykonuje tylko wnioskodawca") as refusal:
        transition_perform(obj=application, name="report_sent", acting_user=clerk_user)
    assert refusal.value.code == "by_applicant"


def test_a_missing_report_is_recorded_after_its_day_and_shown_on_the_next_application(clerk, client, application_data):
    application = granted_and_held(clerk)
    PatronageApplication.objects.filter(pk=application.pk).update(report_due_on=timezone.localdate())
    application.refresh_from_db()
    workflow(clerk, application, "report_missing")
    assert application.status == Status.REPORT_DUE  # refused: today is still the last day
    PatronageApplication.objects.filter(pk=application.pk).update(
        report_due_on=timezone.localdate() - timedelta(days=1)
    )
    application.refresh_from_db()
    workflow(clerk, application, "report_missing")
    assert application.status == Status.REPORT_MISSING

    response = client.post(APPLICATION_URL, application_data(organiser_name=application.organiser_name.upper()))
    assert response.status_code == 302
    following = PatronageApplication.objects.exclude(pk=application.pk).get()
    assert following.earlier_report_missing == application.case_mark


def test_the_terminarz_shows_the_answer_and_then_the_report(clerk):
    application = make_application(days_ahead=40)
    [row] = [d for d in open_deadlines(section="patronage") if d.case_mark == application.case_mark]
    assert row.due_date == patronage_answer_due(application.starts_on)
    assert "7 dni" in row.rule
    transition_perform(obj=application, name="grant", acting_user=None)
    assert not [d for d in open_deadlines(section="patronage") if d.case_mark == application.case_mark]


def test_the_terminarz_reads_every_application_in_one_query(django_assert_num_queries):
    for _ in range(3):
        make_application()
    from patronage.selectors import application_open_deadlines

    with django_assert_num_queries(1):
        assert len(list(application_open_deadlines())) == 3
