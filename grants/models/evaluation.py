"""The competition committee (komisja konkursowa, u.d.p.p. art. 15 ust. 2a–2f): members, assignments, scores.

The kernel's committee (`core.committee`) gives the fields and behaviour every committee shares; these models add
the call, the offer and the merit criterion, and keep their tables as they were.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.committee.models import (
    CommitteeAssignmentBase,
    CommitteeMemberBase,
    CommitteeScoreBase,
    points_not_negative,
)
from grants.models.calls import CallCriterion, GrantCall
from grants.models.offers import GrantOffer


class CommitteeMember(CommitteeMemberBase):
    """A member of a call's committee: a representative of the organ, a person nominated by NGOs or an expert.

    u.d.p.p. art. 15 ust. 2d: a person nominated by NGOs records the organisation that nominated them, and may
    not sit when that organisation submitted an offer in the call (`grants.rules.nominator_offer`). ust. 2e: an
    expert takes part with an advisory voice: their points are shown but not counted in the ranking.
    """

    class Role(models.TextChoices):
        CHAIR = "chair", _("chair")
        ORGAN = "organ", _("representative of the organ")
        NGO = "ngo", _("person nominated by NGOs")
        EXPERT = "expert", _("expert with an advisory voice")

    #: u.d.p.p. art. 15 ust. 2e: these members advise; their points do not count in the committee's ranking.
    ADVISORY_ROLES = frozenset({Role.EXPERT})

    call = models.ForeignKey(GrantCall, verbose_name=_("call"), on_delete=models.CASCADE, related_name="committee")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.PROTECT, related_name="grant_committees"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role, default=Role.ORGAN)
    nominated_by = models.CharField(
        _("nominating organisation"),
        max_length=300,
        blank=True,
        help_text=_(
            "Required for a person nominated by NGOs (u.d.p.p. art. 15 ust. 2d), "
            "e.g. Stowarzyszenie Miłośników Ziemi Rudzkiej."
        ),
    )
    nominated_by_register = models.CharField(
        _("KRS or other register number of the nominating organisation"),
        max_length=50,
        blank=True,
        help_text=_("E.g. KRS 0000123456: the number tells the organisation apart from the offerors for certain."),
    )

    class Meta:
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")
        ordering = ["call", "role", "pk"]
        constraints = [models.UniqueConstraint(fields=["call", "user"], name="grant_committee_member_once")]


class OfferAssignment(CommitteeAssignmentBase):
    """An offer given to a member to score, with the member's impartiality declaration on it.

    k.p.a. art. 24 applied through u.d.p.p. art. 15 ust. 2f: a member who declares a conflict of interest
    does not score the offer. Scoring needs a declaration without a conflict first.
    """

    CASE_FIELD = "offer"

    member = models.ForeignKey(
        CommitteeMember, verbose_name=_("member"), on_delete=models.CASCADE, related_name="assignments"
    )
    offer = models.ForeignKey(
        GrantOffer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="assignments"
    )

    class Meta:
        verbose_name = _("assigned offer")
        verbose_name_plural = _("assigned offers")
        ordering = ["member", "offer"]
        constraints = [models.UniqueConstraint(fields=["member", "offer"], name="grant_assignment_once")]

    def __str__(self):
        return f"{self.member} — {self.offer.case_mark}"


class MeritScore(CommitteeScoreBase):
    """A member's points for one merit criterion of one assigned offer (u.d.p.p. art. 15 ust. 1).

    An expert's points (ust. 2e) are kept and shown, but the ranking counts only the members with a vote.
    """

    assignment = models.ForeignKey(OfferAssignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(CallCriterion, verbose_name=_("criterion"), on_delete=models.PROTECT)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["assignment", "criterion"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "criterion"], name="grant_score_once"),
            points_not_negative("grant_score_not_negative"),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.points}"
