"""Every change a clerk causes in media monitoring: mentions, informing a unit, and the sprostowanie's workflow.

The sprostowanie's statuses move only through `core.services.transition_perform` (its table is
`PressCorrection.workflow`); the guards here refuse, on the locked row, what Prawo prasowe art. 31a–33 does not
allow, and the effects stamp what the move records.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.mail import mail_enqueue
from core.services import CaseWorkError
from monitoring.models import MediaMention, PressCorrection


class MonitoringError(CaseWorkError):
    """A refusal of media monitoring, with a translated message a clerk can read."""


# ----------------------------------------------------------------------------------------------------------------
# Mentions
# ----------------------------------------------------------------------------------------------------------------


def mention_create(*, acting_user, **fields) -> MediaMention:
    """Register a mention entered by hand (print, radio, TV, or a page the clerk found) and return it."""
    with transaction.atomic():
        mention = MediaMention(created_by=acting_user, **fields)
        mention.full_clean()
        mention.save()
    return mention


def mention_inform_unit(*, mention: MediaMention, answer_due: date, message: str, acting_user) -> MediaMention:
    """Tell the unit concerned about the mention by e-mail (the outbox) and start the clock of its answer.

    DOMAIN.md §F.4 [K]: the press office asks the unit for the facts before it replies or corrects. The e-mail
    names the material (outlet, date, title, link) and the clerk's message; the answer's due date becomes a
    deadline in the Terminarz until the clerk records the answer. Raises MonitoringError when the mention has no
    unit, the unit no e-mail address, or the due date has passed.
    """
    with transaction.atomic():
        locked = MediaMention.objects.select_for_update().select_related("unit", "outlet").get(pk=mention.pk)
        if locked.unit is None:
            raise MonitoringError(_("Choose the unit concerned first."), code="no_unit")
        if not locked.unit.email:
            raise MonitoringError(_("The unit concerned has no e-mail address."), code="no_unit_email")
        if answer_due < timezone.localdate():
            raise MonitoringError(_("The answer cannot be due in the past."), code="answer_due_past")
        subject = gettext("Media mention for your answer by %(day)s: %(title)s") % {
            "day": answer_due.strftime("%d.%m.%Y"),
            "title": locked.title,
        }
        mail_enqueue(
            to=[locked.unit.email],
            subject=subject,
            template="monitoring_unit_informed",
            context={
                "mention": locked,
                "answer_due": answer_due,
                "message": message.strip(),
                "sender": acting_user.get_full_name() or acting_user.get_username(),
            },
        )
        locked.unit_informed_at = timezone.now()
        locked.unit_answer_due = answer_due
        locked.unit_answered_on = None
        if locked.handled_by_id is None:
            locked.handled_by = acting_user
        locked.save(
            update_fields=["unit_informed_at", "unit_answer_due", "unit_answered_on", "handled_by", "updated_at"]
        )
    mention.refresh_from_db()
    return mention


# ----------------------------------------------------------------------------------------------------------------
# Sprostowania
# ----------------------------------------------------------------------------------------------------------------


def correction_create(*, mention: MediaMention, acting_user, **fields) -> PressCorrection:
    """Draft a sprostowanie of `mention` and return it; the mention's action becomes "sprostowanie".

    Refuses (ValidationError on the field) a text longer than twice the fragment and a sending date later than
    21 days after the publication (Prawo prasowe art. 31a ust. 1 and 4, `PressCorrection.rule_errors`).
    """
    with transaction.atomic():
        correction = PressCorrection(mention=mention, created_by=acting_user, **fields)
        correction.full_clean()
        correction.save()
        if mention.action != MediaMention.Action.CORRECTION:
            mention.action = MediaMention.Action.CORRECTION
            mention.save(update_fields=["action", "updated_at"])
    return correction


def _refuse_rule_errors(correction: PressCorrection) -> None:
    errors = {**correction.sending_errors(sending_on=timezone.localdate()), **correction.receipt_errors()}
    if errors:
        raise MonitoringError(" ".join(message for messages in errors.values() for message in messages))


def correction_check_send(correction: PressCorrection, *, acting_user, note: str = "") -> None:
    """Refuse to send a sprostowanie the Press Law would let the publisher refuse (art. 31a ust. 1 and 4, art. 33).

    The text at most twice the fragment; sent (today, unless the clerk gave the day of posting) within 21 days of
    the publication; signed by the Mayor or an authorised person.
    """
    _refuse_rule_errors(correction)
    if not correction.correction_text.strip() or not correction.fragment.strip():
        raise MonitoringError(_("Give the corrected fragment and the text of the sprostowanie."), code="empty_text")


def on_correction_send(correction: PressCorrection, *, acting_user, note: str = "") -> None:
    """Effect of "send": the day of posting is today unless the clerk gave it."""
    if correction.sent_on is None:
        correction.sent_on = timezone.localdate()
        correction.save(update_fields=["sent_on", "updated_at"])


def _publication_date(correction: PressCorrection):
    if correction.outcome_on is None:
        raise MonitoringError(_("Give the date the outlet published the sprostowanie."), code="no_outcome_date")
    received = correction.receipt_date()
    if received is None:
        raise MonitoringError(_("Give the date the editor received the sprostowanie."), code="no_receipt")
    if correction.outcome_on < received:
        raise MonitoringError(_("It cannot be published before the editor received it."), code="outcome_before")
    return correction.outcome_on


def correction_check_record_published(correction: PressCorrection, *, acting_user, note: str = "") -> None:
    """Published on time: on or before the publisher's deadline for the medium (Prawo prasowe art. 32 ust. 1)."""
    if _publication_date(correction) > correction.publisher_deadline():
        raise MonitoringError(
            _("It was published after the publisher's deadline of %(day)s: record it as late.")
            % {"day": correction.publisher_deadline().strftime("%d.%m.%Y")},
            code="published_late",
        )


def correction_check_record_published_late(correction: PressCorrection, *, acting_user, note: str = "") -> None:
    """Published late: after the publisher's deadline for the medium (Prawo prasowe art. 32 ust. 1, art. 39)."""
    if _publication_date(correction) <= correction.publisher_deadline():
        raise MonitoringError(
            _("It was published by the publisher's deadline of %(day)s: it is not late.")
            % {"day": correction.publisher_deadline().strftime("%d.%m.%Y")},
            code="published_on_time",
        )


def correction_check_record_published_altered(correction: PressCorrection, *, acting_user, note: str = "") -> None:
    """Published altered, shortened or commented in the same issue (Prawo prasowe art. 32 ust. 4–6)."""
    _publication_date(correction)
    if not note.strip():
        raise MonitoringError(_("Say in the note what was changed or commented."), code="note_required")


def on_correction_record_refused(correction: PressCorrection, *, acting_user, note: str = "") -> None:
    """Effect of "refused": keep the editor's reasons (Prawo prasowe art. 33: a refusal states its reasons)."""
    correction.refusal_reasons = note
    correction.save(update_fields=["refusal_reasons", "updated_at"])


def correction_check_record_no_reaction(correction: PressCorrection, *, acting_user, note: str = "") -> None:
    """No reaction: only once the publisher's deadline and the editor's 7 days to refuse have both passed."""
    deadline = correction.publisher_deadline()
    if deadline is None:
        raise MonitoringError(_("Give the date the editor received the sprostowanie."), code="no_receipt")
    waited_until = max(deadline, correction.refusal_due())
    if timezone.localdate() <= waited_until:
        raise MonitoringError(
            _("The editor has until %(day)s: record no reaction after that day.")
            % {"day": waited_until.strftime("%d.%m.%Y")},
            code="too_early",
        )


def correction_check_file_lawsuit(correction: PressCorrection, *, acting_user, note: str = "") -> None:
    """An action for publication is brought within a year of the material's publication ([K] DOMAIN.md §F.3)."""
    if timezone.localdate() > correction.lawsuit_latest():
        raise MonitoringError(
            _("The year to sue ended on %(day)s.") % {"day": correction.lawsuit_latest().strftime("%d.%m.%Y")},
            code="lawsuit_barred",
        )


def on_correction_file_lawsuit(correction: PressCorrection, *, acting_user, note: str = "") -> None:
    """Effect of "action brought": stamp the day."""
    correction.lawsuit_filed_on = timezone.localdate()
    correction.save(update_fields=["lawsuit_filed_on", "updated_at"])
