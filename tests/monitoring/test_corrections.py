"""Sprostowania under Prawo prasowe art. 31a–33: what the city may send, when, and what happens afterwards."""

from datetime import date as D

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.deadlines import open_deadlines
from core.models import StatusChange
from core.services import CaseWorkError, transition_perform
from monitoring.documents import correction_letter_context, correction_letter_pdf
from monitoring.models import MediaMention, Medium, PressCorrection
from monitoring.services import MonitoringError
from tests.monitoring.factories import FRAGMENT, make_correction, make_mention

Status = PressCorrection.Status
pytestmark = pytest.mark.django_db

# Published on Mon 9 March 2026: the 21 days end on Mon 30 March.
PUBLISHED = D(2026, 3, 9)


@pytest.fixture
def press_clerk(make_clerk):
    return make_clerk(groups=["Biuro prasowe"], first_name="Ewa", last_name="Rzecznik")


@time_machine.travel(D(2026, 3, 20), tick=False)
def test_a_text_longer_than_twice_the_fragment_is_refused_and_twice_is_not(press_clerk):
    mention = make_mention(published_on=PUBLISHED, acting_user=press_clerk)
    too_long = "x" * (2 * len(FRAGMENT) + 1)
    with pytest.raises(ValidationError) as refused:
        make_correction(mention=mention, acting_user=press_clerk, correction_text=too_long)
    assert "correction_text" in refused.value.message_dict
    assert "co najwyżej dwa razy dłuższe" in refused.value.message_dict["correction_text"][0]
    assert not PressCorrection.objects.exists()
    correction = make_correction(mention=mention, acting_user=press_clerk, correction_text="x" * (2 * len(FRAGMENT)))
    assert correction.status == Status.DRAFT
    assert MediaMention.objects.get(pk=mention.pk).action == MediaMention.Action.CORRECTION


@time_machine.travel(D(2026, 4, 2), tick=False)
def test_a_sending_date_later_than_21_days_is_refused_and_the_last_day_is_not(press_clerk):
    mention = make_mention(published_on=PUBLISHED, acting_user=press_clerk)
    with pytest.raises(ValidationError) as refused:
        make_correction(mention=mention, acting_user=press_clerk, sent_on=D(2026, 3, 31))
    assert "30.03.2026" in refused.value.message_dict["sent_on"][0]
    correction = make_correction(mention=mention, acting_user=press_clerk, sent_on=D(2026, 3, 30))
    assert correction.send_latest() == D(2026, 3, 30)


def test_sending_after_the_21_days_is_refused_by_the_workflow(press_clerk):
    with time_machine.travel(D(2026, 3, 20), tick=False):
        correction = make_correction(mention=make_mention(published_on=PUBLISHED), acting_user=press_clerk)
    with time_machine.travel(D(2026, 3, 31), tick=False), pytest.raises(MonitoringError) as refused:
        transition_perform(obj=correction, name="send", acting_user=press_clerk)
    assert "30.03.2026" in refused.value.message
    correction.refresh_from_db()
    assert (correction.status, correction.sent_on) == (Status.DRAFT, None)
    assert not StatusChange.objects.filter(object_id=correction.pk).exists()
    with time_machine.travel(D(2026, 3, 30), tick=False):
        sent = transition_perform(obj=correction, name="send", acting_user=press_clerk)
    assert (sent.status, sent.sent_on) == (Status.SENT, D(2026, 3, 30))
    assert StatusChange.objects.get(object_id=correction.pk).action == "monitoring.correction.send"


@pytest.mark.parametrize(
    ("medium", "extra", "expected"),
    [
        # Received on Fri 6 November 2026: 3 working days skip the weekend and 11 November.
        (Medium.ONLINE, {}, D(2026, 11, 12)),
        # A daily: 7 days end on Fri 13 November.
        (Medium.DAILY, {}, D(2026, 11, 13)),
        # A weekly whose nearest issue is Wed 11 November (a holiday): the next one, Wed 18 November.
        (Medium.PERIODICAL, {"nearest_issue_on": D(2026, 11, 11)}, D(2026, 11, 18)),
        # The nearest analogous broadcast on Sunday 8 November.
        (Medium.RADIO, {"nearest_issue_on": D(2026, 11, 8)}, D(2026, 11, 8)),
        (Medium.TV, {}, D(2026, 11, 13)),
    ],
)
def test_the_publishers_deadline_follows_the_medium(press_clerk, medium, extra, expected):
    with time_machine.travel(D(2026, 11, 5), tick=False):
        mention = make_mention(published_on=D(2026, 11, 2), medium=medium)
        correction = make_correction(mention=mention, acting_user=press_clerk, sent_on=D(2026, 11, 5), **extra)
        assert correction.publisher_deadline() is None  # not received yet
        correction.received_on = D(2026, 11, 6)
        correction.full_clean()
        assert correction.publisher_deadline() == expected


def test_filed_in_person_it_is_received_the_day_it_is_filed(press_clerk):
    with time_machine.travel(D(2026, 11, 5), tick=False):
        correction = make_correction(
            mention=make_mention(published_on=D(2026, 11, 2), medium=Medium.ONLINE),
            acting_user=press_clerk,
            delivery=PressCorrection.Delivery.IN_PERSON,
            sent_on=D(2026, 11, 5),
        )
    # Thu 5 -> Fri 6, Mon 9, Tue 10.
    assert correction.publisher_deadline() == D(2026, 11, 10)


def sent_correction(clerk, *, medium=Medium.ONLINE):
    with time_machine.travel(D(2026, 3, 10), tick=False):
        correction = make_correction(mention=make_mention(published_on=PUBLISHED, medium=medium), acting_user=clerk)
        correction = transition_perform(obj=correction, name="send", acting_user=clerk)
    correction.received_on = D(2026, 3, 12)  # Thu: the online deadline is Tue 17 March
    correction.save()
    return correction


def test_an_outcome_is_recorded_against_the_publishers_deadline(press_clerk):
    correction = sent_correction(press_clerk)
    correction.outcome_on = D(2026, 3, 18)
    correction.save()
    with pytest.raises(MonitoringError) as refused:
        transition_perform(obj=correction, name="record_published", acting_user=press_clerk)
    assert "17.03.2026" in refused.value.message
    late = transition_perform(obj=correction, name="record_published_late", acting_user=press_clerk)
    assert late.status == Status.PUBLISHED_LATE

    on_time = sent_correction(press_clerk)
    on_time.outcome_on = D(2026, 3, 17)
    on_time.save()
    with pytest.raises(MonitoringError):
        transition_perform(obj=on_time, name="record_published_late", acting_user=press_clerk)
    assert transition_perform(obj=on_time, name="record_published", acting_user=press_clerk).status == Status.PUBLISHED


def test_a_refusal_keeps_its_reasons_and_no_reaction_waits_for_the_editors_days(press_clerk):
    refused = sent_correction(press_clerk)
    with pytest.raises(CaseWorkError, match="Ta czynność wymaga adnotacji z uzasadnieniem"):
        transition_perform(obj=refused, name="record_refused", acting_user=press_clerk)
    refused = transition_perform(
        obj=refused, name="record_refused", acting_user=press_clerk, note="Redakcja uznała tekst za polemikę."
    )
    assert (refused.status, refused.refusal_reasons) == (Status.REFUSED, "Redakcja uznała tekst za polemikę.")

    ignored = sent_correction(press_clerk)
    # Received Thu 12 March: the deadline is Tue 17, the refusal's 7 days end Thu 19 March.
    with time_machine.travel(D(2026, 3, 19), tick=False), pytest.raises(MonitoringError) as too_early:
        transition_perform(obj=ignored, name="record_no_reaction", acting_user=press_clerk)
    assert "19.03.2026" in too_early.value.message
    with time_machine.travel(D(2026, 3, 20), tick=False):
        ignored = transition_perform(obj=ignored, name="record_no_reaction", acting_user=press_clerk)
    assert ignored.status == Status.NO_REACTION


def test_the_action_for_publication_is_barred_a_year_after_the_publication(press_clerk):
    refused = transition_perform(
        obj=sent_correction(press_clerk), name="record_refused", acting_user=press_clerk, note="Odmowa."
    )
    # Published Mon 9 March 2026: the year ends Tue 9 March 2027.
    with time_machine.travel(D(2027, 3, 10), tick=False), pytest.raises(MonitoringError):
        transition_perform(obj=refused, name="file_lawsuit", acting_user=press_clerk)
    with time_machine.travel(D(2027, 3, 9), tick=False):
        sued = transition_perform(obj=refused, name="file_lawsuit", acting_user=press_clerk)
    assert (sued.status, sued.lawsuit_filed_on) == (Status.LAWSUIT, D(2027, 3, 9))


def test_every_clock_of_a_correction_is_in_the_terminarz(press_clerk):
    with time_machine.travel(D(2026, 3, 10), tick=False):
        waiting = make_mention(published_on=PUBLISHED, action=MediaMention.Action.CORRECTION, title="Czeka")
        draft = make_correction(mention=make_mention(published_on=D(2026, 3, 2)), acting_user=press_clerk)
    sent = sent_correction(press_clerk)
    refused = transition_perform(
        obj=sent_correction(press_clerk), name="record_refused", acting_user=press_clerk, note="Odmowa."
    )
    due = {row.url: (row.due_date, row.handler_id) for row in open_deadlines(section="press")}
    expected = {
        # A mention marked for a sprostowanie without one: 21 days from Mon 9 March.
        reverse("admin:monitoring_mediamention_change", args=[waiting.pk]): D(2026, 3, 30),
        # A draft of a material of Mon 2 March: 21 days end Mon 23 March.
        reverse("admin:monitoring_presscorrection_change", args=[draft.pk]): D(2026, 3, 23),
        # Sent online, received Thu 12 March: 3 working days end Tue 17 March.
        reverse("admin:monitoring_presscorrection_change", args=[sent.pk]): D(2026, 3, 17),
        # Refused: a year from Mon 9 March 2026.
        reverse("admin:monitoring_presscorrection_change", args=[refused.pk]): D(2027, 3, 9),
    }
    assert {url: day for url, (day, _handler) in due.items()} == expected
    corrections = [url for url in expected if "presscorrection" in url]
    assert {due[url][1] for url in corrections} == {press_clerk.pk}


def test_the_letter_is_signed_by_the_mayor_or_on_the_mayors_behalf(press_clerk):
    with time_machine.travel(D(2026, 3, 10), tick=False):
        by_mayor = make_correction(mention=make_mention(published_on=PUBLISHED), acting_user=press_clerk)
        by_clerk = make_correction(
            mention=make_mention(published_on=PUBLISHED),
            acting_user=press_clerk,
            signatory=PressCorrection.Signatory.AUTHORISED,
            signed_by=press_clerk,
        )
        with pytest.raises(ValidationError) as unsigned:
            make_correction(
                mention=make_mention(published_on=PUBLISHED),
                acting_user=press_clerk,
                signatory=PressCorrection.Signatory.AUTHORISED,
            )
    assert "signed_by" in unsigned.value.message_dict
    mayor = correction_letter_context(by_mayor)
    assert (mayor["signatory_name"], mayor["signatory_title"]) == ("Michał Pierończyk", "Prezydent Miasta Ruda Śląska")
    clerk = correction_letter_context(by_clerk)
    assert (clerk["signatory_name"], clerk["signatory_title"]) == (
        "Ewa Rzecznik",
        "z upoważnienia Prezydenta Miasta Ruda Śląska",
    )
    pdf = correction_letter_pdf(by_mayor)
    assert pdf.startswith(b"%PDF")
