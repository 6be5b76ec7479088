"""What every committee does the same way: the declaration of impartiality and the check before scoring.

k.p.a. art. 24 (through u.d.p.p. art. 15 ust. 2f for grants; through the council's resolution for scholarships and
awards, u.o.p.d.k. art. 7a/7b ust. 3 [K]): a member declares, on each case assigned to them, whether a circumstance
could raise doubts about their impartiality. A member with a conflict never scores that case; a member scores only
the cases assigned to them, and only after declaring no conflict. The app's services call these and then store the
points their way (per criterion, or one score with an opinion).
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.services import CaseWorkError


class CommitteeError(CaseWorkError):
    """A refusal of the committee's kernel, in Polish; an app passes its own subclass as `error`."""


def impartiality_declare(*, assignment, has_conflict: bool, acting_user, error=CommitteeError):
    """Record the member's declaration of impartiality on an assigned case (k.p.a. art. 24).

    Only the member themself declares (PermissionDenied otherwise); a declaration is final, so a conflict cannot
    be withdrawn to score (`error`, code "declared"). Stamps `declared_at` and `has_conflict` on the locked row.
    """
    if acting_user is None or assignment.member.user_id != acting_user.pk:
        raise PermissionDenied(_("Only the member declares their own impartiality."))
    with transaction.atomic():
        locked = type(assignment).objects.select_for_update().get(pk=assignment.pk)
        if locked.declared_at is not None:
            raise error(_("The declaration has already been made."), code="declared")
        assignment.declared_at = timezone.now()
        assignment.has_conflict = bool(has_conflict)
        assignment.save(update_fields=["declared_at", "has_conflict"])
    return assignment


def scoring_check(*, assignment, acting_user) -> None:
    """Refuse (PermissionDenied) a score by anyone but the assigned member, or before a declaration of no conflict.

    A member not assigned the case has no assignment of their own to score through; a member who declared a
    conflict of interest, or has not declared yet, may not score (k.p.a. art. 24).
    """
    if acting_user is None or assignment.member.user_id != acting_user.pk:
        raise PermissionDenied(_("Only the member scores the cases assigned to them."))
    if not assignment.may_score:
        raise PermissionDenied(_("Declare impartiality first; a member with a conflict of interest does not score."))
