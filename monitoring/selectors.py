"""Reads of media monitoring: the open clocks the Terminarz shows, each source in one query."""

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext

from core.deadlines import OpenDeadline
from monitoring.models import MediaMention, PressCorrection

OPEN_CORRECTION_STATUSES = (
    PressCorrection.Status.DRAFT,
    PressCorrection.Status.SENT,
    *PressCorrection.ACTIONABLE_STATUSES,
)


def correction_open_deadlines():
    """The clock each open sprostowanie runs on, for the Terminarz (one query).

    A draft: the last day to send it (Prawo prasowe art. 31a ust. 1). Sent and received: the publisher's deadline
    for the medium (art. 32 ust. 1). Refused, late, altered or ignored: the last day to sue for publication ([K]
    a year from the material's publication). A sprostowanie is not a case: the clerk who drafted it handles it.
    """
    corrections = PressCorrection.objects.filter(status__in=OPEN_CORRECTION_STATUSES).select_related("mention")
    for correction in corrections:
        if correction.status == PressCorrection.Status.DRAFT:
            due, rule = correction.send_latest(), gettext("sending a sprostowanie: 21 days (Prawo prasowe art. 31a)")
        elif correction.status == PressCorrection.Status.SENT:
            due = correction.publisher_deadline()
            rule = gettext("publication by the publisher (Prawo prasowe art. 32 ust. 1)")
            if due is None:
                continue
        else:
            due, rule = correction.lawsuit_latest(), gettext("action for publication: a year from the publication")
        yield OpenDeadline(
            due_date=due,
            title=gettext("Sprostowanie %(reference)s: %(title)s")
            % {"reference": correction.reference, "title": correction.mention.title[:70]},
            case_mark=correction.reference,
            url=reverse("admin:monitoring_presscorrection_change", args=[correction.pk]),
            section="press",
            handler_id=correction.created_by_id,
            rule=rule,
        )


def mention_open_deadlines():
    """Mentions waiting for the press office, for the Terminarz (one query).

    One marked for a sprostowanie that has none yet: the last day to send one (Prawo prasowe art. 31a ust. 1).
    One whose unit was informed and has not answered: the answer's due date (DOMAIN.md §F.4 [K]).
    """
    has_correction = PressCorrection.objects.filter(mention=OuterRef("pk"))
    mentions = (
        MediaMention.objects.annotate(has_correction=Exists(has_correction))
        .filter(
            Q(action=MediaMention.Action.CORRECTION, has_correction=False)
            | Q(unit_answer_due__isnull=False, unit_answered_on__isnull=True)
        )
        .only(
            "pk", "title", "published_on", "action", "unit_answer_due", "unit_answered_on", "handled_by", "created_by"
        )
    )
    for mention in mentions:
        url = reverse("admin:monitoring_mediamention_change", args=[mention.pk])
        handler_id = mention.handled_by_id or mention.created_by_id
        if mention.action == MediaMention.Action.CORRECTION and not mention.has_correction:
            yield OpenDeadline(
                due_date=mention.correction_latest(),
                title=gettext("Sprostowanie to send: %(title)s") % {"title": mention.title[:70]},
                case_mark="",
                url=url,
                section="press",
                handler_id=handler_id,
                rule=gettext("sending a sprostowanie: 21 days (Prawo prasowe art. 31a)"),
            )
        if mention.unit_answer_due and mention.unit_answered_on is None:
            yield OpenDeadline(
                due_date=mention.unit_answer_due,
                title=gettext("Unit's answer about: %(title)s") % {"title": mention.title[:70]},
                case_mark="",
                url=url,
                section="press",
                handler_id=handler_id,
                rule=gettext("answer of the unit concerned"),
            )
