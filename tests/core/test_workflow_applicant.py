"""What a transition declares the applicant is told, the kernel tells: the clerk's note and the new status.

`Transition(note_to_applicant=True)` posts the note as the department's message in the case conversation (the
tracking page) and e-mails the applicant the private link; `note_message` builds the message around the note;
`announce_status=True` e-mails the new status. All of it runs after the transition's effect, in its transaction.
"""

import pytest
from django.contrib.auth.models import Permission, User
from django.core import mail

from core.models import CaseMessage, Feedback, OutboxMessage, StatusChange
from core.services import CaseWorkError, case_open, transition_perform
from core.workflow import Transition, Workflow

S = Feedback.Status
EMAIL = "jan.kowalski@example.pl"
CALLS = []


@pytest.fixture
def clerk(db):
    user = User.objects.create_user("redaktor", password="hasło-bardzo-długie", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_feedback"))
    return user


def opened(email=EMAIL):
    return case_open(
        case=Feedback(message="Brakuje godzin otwarcia.", contact_email=email), title="Opinia", acknowledge=False
    )


def use_table(monkeypatch, *transitions):
    monkeypatch.setattr(Feedback, "workflow", Workflow(action_prefix="core.feedback", transitions=transitions))
    CALLS.clear()


def move(name, **options):
    return Transition(name, source={S.NEW}, target=S.IN_PROGRESS, label=name, **options)


def messages(case):
    return list(CaseMessage.objects.filter(object_id=case.pk).order_by("pk").values_list("author_kind", "body"))


def on_feedback_take(feedback, *, acting_user, note):
    """An effect for the tables below: it records that it ran and what the kernel had sent by then."""
    CALLS.append(("effect", CaseMessage.objects.count(), OutboxMessage.objects.count()))


def on_feedback_answer_refuse(feedback, *, acting_user, note):
    raise CaseWorkError("Nie teraz.")


def feedback_message_take(feedback, note):
    """A note_message for the tables below: the status the effect left, then the clerk's note."""
    CALLS.append(("message", feedback.status))
    return f"Sprawa jest w toku.\n\n{note}" if note else "Sprawa jest w toku."


HERE = __name__


@pytest.mark.django_db
def test_the_note_goes_to_the_conversation_and_the_applicant_gets_the_link(monkeypatch, clerk):
    use_table(monkeypatch, move("take", note_to_applicant=True))
    case = opened()
    transition_perform(obj=case, name="take", acting_user=clerk, note="  Odpowiemy do piątku.  ")
    assert messages(case) == [(CaseMessage.Author.CLERK, "Odpowiemy do piątku.")]
    assert CaseMessage.objects.get().author == clerk
    [row] = OutboxMessage.objects.all()
    assert row.to == [EMAIL]
    assert case.case_mark in row.subject
    assert case.register_entry.tracking_token in row.body_text
    assert "Odpowiemy do piątku." not in row.body_text  # the e-mail carries the link, never the message
    assert StatusChange.objects.latest("pk").note == "Odpowiemy do piątku."


@pytest.mark.django_db
def test_without_a_note_nothing_is_sent(monkeypatch, clerk):
    use_table(monkeypatch, move("take", note_to_applicant=True))
    case = opened()
    transition_perform(obj=case, name="take", acting_user=clerk)
    assert messages(case) == []
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_without_the_flag_the_note_stays_in_the_history(monkeypatch, clerk):
    use_table(monkeypatch, move("take"))
    case = opened()
    transition_perform(obj=case, name="take", acting_user=clerk, note="Tylko dla wydziału.")
    assert messages(case) == []
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_an_applicant_without_an_address_gets_the_message_on_the_tracking_page_only(monkeypatch, clerk):
    use_table(monkeypatch, move("take", note_to_applicant=True))
    case = opened(email="")
    transition_perform(obj=case, name="take", acting_user=clerk, note="Odpowiemy do piątku.")
    assert messages(case) == [(CaseMessage.Author.CLERK, "Odpowiemy do piątku.")]
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_the_message_is_sent_after_the_effect_and_built_by_note_message(monkeypatch, clerk):
    use_table(
        monkeypatch,
        move(
            "take",
            note_to_applicant=True,
            effect=f"{HERE}.on_feedback_take",
            note_message=f"{HERE}.feedback_message_take",
        ),
    )
    case = opened()
    transition_perform(obj=case, name="take", acting_user=clerk, note="Odpowiemy do piątku.")
    assert CALLS == [("effect", 0, 0), ("message", S.IN_PROGRESS)]
    assert messages(case) == [(CaseMessage.Author.CLERK, "Sprawa jest w toku.\n\nOdpowiemy do piątku.")]


@pytest.mark.django_db
def test_a_note_message_may_speak_without_a_note(monkeypatch, clerk):
    use_table(monkeypatch, move("take", note_to_applicant=True, note_message=f"{HERE}.feedback_message_take"))
    case = opened()
    transition_perform(obj=case, name="take", acting_user=clerk)
    assert messages(case) == [(CaseMessage.Author.CLERK, "Sprawa jest w toku.")]


@pytest.mark.django_db
def test_the_bare_note_follows_an_effect_that_does_other_work(monkeypatch, clerk):
    use_table(monkeypatch, move("take", note_to_applicant=True, effect=f"{HERE}.on_feedback_take"))
    case = opened()
    transition_perform(obj=case, name="take", acting_user=clerk, note="Odpowiemy do piątku.")
    assert CALLS == [("effect", 0, 0)]
    assert messages(case) == [(CaseMessage.Author.CLERK, "Odpowiemy do piątku.")]


@pytest.mark.django_db
def test_the_new_status_is_announced_by_e_mail_after_the_effect(
    monkeypatch, clerk, django_capture_on_commit_callbacks
):
    use_table(monkeypatch, move("take", announce_status=True, effect=f"{HERE}.on_feedback_take"))
    case = opened()
    with django_capture_on_commit_callbacks(execute=True):
        transition_perform(obj=case, name="take", acting_user=clerk, note="Tylko dla wydziału.")
    assert CALLS == [("effect", 0, 0)]
    assert messages(case) == []
    [sent] = mail.outbox
    assert sent.to == [EMAIL]
    assert sent.subject == f"Sprawa {case.case_mark}: w toku"
    assert "w toku" in sent.body
    assert f"/sprawy/{case.register_entry.tracking_token}/" in sent.body
    assert "Tylko dla wydziału." not in sent.body


@pytest.mark.django_db
def test_the_status_is_not_announced_without_an_address(monkeypatch, clerk):
    use_table(monkeypatch, move("take", announce_status=True))
    case = opened(email="")
    transition_perform(obj=case, name="take", acting_user=clerk)
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_note_and_status_go_out_together_and_only_once_the_move_commits(monkeypatch, clerk):
    use_table(
        monkeypatch,
        move("take", note_to_applicant=True, announce_status=True),
        Transition(
            "answer",
            source={S.NEW},
            target=S.ANSWERED,
            label="answer",
            note_to_applicant=True,
            announce_status=True,
            effect=f"{HERE}.on_feedback_answer_refuse",
        ),
    )
    case = opened()
    with pytest.raises(CaseWorkError, match="Nie teraz"):
        transition_perform(obj=case, name="answer", acting_user=clerk, note="Odpowiedź.")
    assert messages(case) == []
    assert not OutboxMessage.objects.exists()
    transition_perform(obj=case, name="take", acting_user=clerk, note="Odpowiemy do piątku.")
    assert messages(case) == [(CaseMessage.Author.CLERK, "Odpowiemy do piątku.")]
    subjects = list(OutboxMessage.objects.order_by("pk").values_list("subject", flat=True))
    assert subjects == [f"Nowa wiadomość w sprawie {case.case_mark}", f"Sprawa {case.case_mark}: w toku"]
