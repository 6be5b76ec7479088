"""Abstract models of a committee: a member, an assignment with the impartiality declaration, a score.

An app's concrete models subclass them and add the foreign keys (the member's call, the assignment's member and
case, the score's assignment) with the names and `related_name`s of that app; a field an app needs worded
otherwise is overridden in the subclass. Nothing here has a table.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel


class CommitteeMemberBase(TimeStampedModel):
    """A person on a call's committee, with a role; a role in `ADVISORY_ROLES` advises and does not vote.

    u.d.p.p. art. 15 ust. 2e (grants): an expert takes part with an advisory voice; the same holds for an expert
    of a scholarships or awards committee [K: the council's resolution]. The subclass defines `call`, the `Role`
    choices and the roles that only advise.
    """

    #: The roles whose points are shown but not counted in the ranking.
    ADVISORY_ROLES: frozenset = frozenset()

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        related_name="%(app_label)s_committee_seats",
    )
    role = models.CharField(_("role"), max_length=10)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.get_username()} ({self.get_role_display()})"

    @property
    def has_vote(self) -> bool:
        """Whether the member's points count in the ranking (not an expert with an advisory voice)."""
        return self.role not in self.ADVISORY_ROLES


class CommitteeAssignmentBase(models.Model):
    """A case given to a member to score, with the member's declaration of impartiality on it.

    k.p.a. art. 24 (applied to a grants committee by u.d.p.p. art. 15 ust. 2f, to a scholarships or awards
    committee by the council's resolution [K]): a member who declares a conflict of interest does not score the
    case; scoring needs a declaration without a conflict first. The subclass defines `member` and the foreign key
    to its case, named by `CASE_FIELD`.
    """

    #: The name of the subclass's foreign key to the case scored (an offer, an application).
    CASE_FIELD = "case"

    declared_at = models.DateTimeField(_("impartiality declared at"), null=True, blank=True, editable=False)
    has_conflict = models.BooleanField(_("conflict of interest"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def case(self):
        return getattr(self, self.CASE_FIELD)

    @property
    def may_score(self) -> bool:
        """Declared, and without a conflict of interest."""
        return self.declared_at is not None and self.has_conflict is False


class CommitteeScoreBase(models.Model):
    """A member's points on an assigned case, with the justification; points are never negative.

    The subclass defines `assignment` (and, where the call scores by criteria, the criterion) and its constraints,
    among them `points_not_negative(name)`.
    """

    points = models.DecimalField(_("points"), max_digits=5, decimal_places=2)
    comment = models.CharField(_("justification"), max_length=1000, blank=True)

    class Meta:
        abstract = True


def points_not_negative(name: str) -> models.CheckConstraint:
    """The database's own refusal of negative points, for a score model's `Meta.constraints`."""
    return models.CheckConstraint(condition=Q(points__gte=0), name=name)
