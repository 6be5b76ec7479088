"""Every state change of the Economic Council. Views, admin actions, commands and tests call these.

DOMAIN.md §I.1: the department serves the council (obsługa organizacyjno-administracyjna): it sends the invitations,
keeps the attendance and the minutes, and sends the council's opinions to the Mayor.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.mail import mail_enqueue
from core.services import CaseWorkError
from core.site import site_url
from council.models import CouncilInvitation, CouncilMember, CouncilOpinion, CouncilSitting


class CouncilError(CaseWorkError):
    """A refusal of the Economic Council's work, with a translated message."""


def _user(acting_user):
    return acting_user if acting_user is not None and acting_user.is_authenticated else None


def sitting_send_invitations(*, sitting: CouncilSitting, acting_user) -> list[CouncilInvitation]:
    """E-mail the invitation to the sitting, with its agenda and its PDF, to every serving member through the outbox.

    DOMAIN.md §I.1 [V S19]: the department sends the invitations. The members serving on the day of the sitting are
    invited, each once (a row per invitation: who, to which address, when); the sitting then shows on the public
    page. Refuses a sitting already invited, one that has begun, and a council without serving members.
    """
    now = timezone.now()
    with transaction.atomic():
        locked = CouncilSitting.objects.select_for_update().select_related("term").get(pk=sitting.pk)
        if locked.invitations_sent_at:
            raise CouncilError(_("The invitations to this sitting have already been sent."), code="already_sent")
        if locked.starts_at <= now:
            raise CouncilError(_("The sitting has already begun."), code="started")
        members = list(
            CouncilMember.objects.filter(term_id=locked.term_id)
            .serving(timezone.localdate(locked.starts_at))
            .order_by("full_name")
        )
        if not members:
            raise CouncilError(_("The council has no serving members to invite."), code="no_members")
        pdf_url = site_url(reverse("council:sitting_invitation_pdf", kwargs={"pk": locked.pk}))
        sitting_url = site_url(locked.get_absolute_url())
        invitations = []
        for member in members:
            mail_enqueue(
                to=[member.email],
                subject=_("Invitation to sitting no. %(number)s of the Economic Council") % {"number": locked.number},
                template="council_invitation",
                context={"sitting": locked, "member": member, "pdf_url": pdf_url, "sitting_url": sitting_url},
            )
            invitations.append(
                CouncilInvitation(
                    sitting=locked, member=member, email=member.email, sent_at=now, sent_by=_user(acting_user)
                )
            )
        CouncilInvitation.objects.bulk_create(invitations)
        locked.invitations_sent_at = now
        locked._history_user = acting_user
        locked.save(update_fields=["invitations_sent_at", "updated_at"])
    sitting.refresh_from_db()
    return invitations


def minutes_approve(*, sitting: CouncilSitting, at_sitting: CouncilSitting, acting_user) -> CouncilSitting:
    """Record that the minutes of `sitting` were approved at `at_sitting`, a later sitting of the same term.

    DOMAIN.md §I.1 [V-sec S20]: the minutes (protokół) of a sitting are approved at the next one; once approved they
    are published with the sitting as a PDF. Refuses minutes not written yet, minutes already approved, and a
    sitting that is not a later one of the term or has not begun.
    """
    with transaction.atomic():
        locked = CouncilSitting.objects.select_for_update().get(pk=sitting.pk)
        if locked.minutes_approved_at_id:
            raise CouncilError(_("These minutes have already been approved."), code="already_approved")
        if not locked.minutes.strip():
            raise CouncilError(_("Write the minutes before they are approved."), code="no_minutes")
        if at_sitting.term_id != locked.term_id or at_sitting.number <= locked.number:
            raise CouncilError(
                _("Minutes are approved at a later sitting of the same term."), code="not_a_later_sitting"
            )
        if not at_sitting.has_taken_place():
            raise CouncilError(_("The sitting approving the minutes has not begun yet."), code="not_held")
        locked.minutes_approved_at = at_sitting
        locked._history_user = acting_user
        locked.save(update_fields=["minutes_approved_at", "updated_at"])
    sitting.refresh_from_db()
    return sitting


def previous_minutes_approve(*, at_sitting: CouncilSitting, acting_user) -> CouncilSitting:
    """Approve, at `at_sitting`, the minutes of the sitting of the term just before it (DOMAIN.md §I.1, as above)."""
    previous = (
        CouncilSitting.objects.filter(term_id=at_sitting.term_id, number__lt=at_sitting.number)
        .order_by("-number")
        .first()
    )
    if previous is None:
        raise CouncilError(_("This is the first sitting of the term."), code="first_sitting")
    return minutes_approve(sitting=previous, at_sitting=at_sitting, acting_user=acting_user)


def opinion_adopted(*, votes_for: int, votes_against: int) -> bool:
    """An opinion is adopted by a simple majority: more for than against [K: the usual regulamin, DOMAIN.md §I.1]."""
    return votes_for > votes_against


def quorum_present(*, present: int, serving: int) -> bool:
    """The council votes validly with half its members present [K: the usual regulamin, DOMAIN.md §I.1]."""
    return serving > 0 and present * 2 >= serving


def opinion_record(
    *,
    sitting: CouncilSitting,
    number: str,
    subject: str,
    text: str,
    votes_for: int,
    votes_against: int,
    votes_abstaining: int,
    acting_user,
) -> CouncilOpinion:
    """Record an opinion put to the vote at a sitting, with the votes for, against and abstaining.

    DOMAIN.md §I.1 [V-sec S20]: the council adopts its opinions by vote. The attendance must be recorded first; the
    votes cast cannot outnumber the members present; the vote needs a quorum (`quorum_present`) and the opinion is
    adopted by a simple majority (`opinion_adopted`); a rejected opinion is kept as rejected.
    """
    if not sitting.has_taken_place():
        raise CouncilError(_("Votes are recorded once the sitting has begun."), code="not_held")
    present = sitting.attendees.count()
    if not present:
        raise CouncilError(_("Record the attendance at the sitting first."), code="no_attendance")
    if votes_for + votes_against + votes_abstaining > present:
        raise CouncilError(
            _("%(cast)s votes were cast but only %(present)s members were present.")
            % {"cast": votes_for + votes_against + votes_abstaining, "present": present},
            code="too_many_votes",
        )
    serving = CouncilMember.objects.filter(term_id=sitting.term_id).serving(timezone.localdate(sitting.starts_at))
    if not quorum_present(present=present, serving=serving.count()):
        raise CouncilError(
            _("Without half of the members present the council cannot vote (%(present)s of %(serving)s).")
            % {"present": present, "serving": serving.count()},
            code="no_quorum",
        )
    opinion = CouncilOpinion(
        sitting=sitting,
        number=number,
        subject=subject,
        text=text,
        votes_for=votes_for,
        votes_against=votes_against,
        votes_abstaining=votes_abstaining,
        adopted=opinion_adopted(votes_for=votes_for, votes_against=votes_against),
    )
    opinion._history_user = acting_user
    with transaction.atomic():
        opinion.full_clean()
        opinion.save()
    return opinion


def opinion_send_to_mayor(*, opinion: CouncilOpinion, acting_user) -> CouncilOpinion:
    """E-mail an adopted opinion, with its votes, to the Mayor's office through the outbox.

    DOMAIN.md §I.1: the council gives the Mayor its opinions. Refuses an opinion not adopted and one already sent.
    """
    with transaction.atomic():
        locked = (
            CouncilOpinion.objects.select_for_update(of=("self",))
            .select_related("sitting", "sitting__term")
            .get(pk=opinion.pk)
        )
        if not locked.adopted:
            raise CouncilError(_("The opinion was not adopted: there is nothing to send."), code="not_adopted")
        if locked.sent_to_mayor_at:
            raise CouncilError(_("The opinion has already been sent to the Mayor."), code="already_sent")
        mail_enqueue(
            to=[locked.sitting.term.mayor_email],
            subject=_("Opinion no. %(number)s of the Economic Council") % {"number": locked.number},
            template="council_opinion",
            context={"opinion": locked, "sitting": locked.sitting},
        )
        locked.sent_to_mayor_at = timezone.now()
        locked._history_user = acting_user
        locked.save(update_fields=["sent_to_mayor_at", "updated_at"])
    opinion.refresh_from_db()
    return opinion


def opinion_publish(*, opinion: CouncilOpinion, acting_user) -> CouncilOpinion:
    """Publish an adopted opinion on the council's public page, once it has been sent to the Mayor (DOMAIN.md §I.1).

    The Mayor receives it first [K]. Refuses an opinion not sent yet and one already published.
    """
    with transaction.atomic():
        locked = CouncilOpinion.objects.select_for_update().get(pk=opinion.pk)
        if not locked.sent_to_mayor_at:
            raise CouncilError(_("Send the opinion to the Mayor before publishing it."), code="not_sent")
        if locked.published_at:
            raise CouncilError(_("The opinion is already published."), code="already_published")
        locked.published_at = timezone.now()
        locked._history_user = acting_user
        locked.save(update_fields=["published_at", "updated_at"])
    opinion.refresh_from_db()
    return opinion
